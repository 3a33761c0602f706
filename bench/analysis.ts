/**
 * The part of docs/PERFORMANCE.md that explains the numbers: where mfx's time goes and why
 * the goals it misses are missed. Prose about mfx's design, not measurements: it stays true
 * from run to run, and the tables above it give this run's figures.
 */
export function analysisSection(): string[] {
  return [
    '## Where the time goes',
    '',
    '- **Requests.** Cold, mfx makes the fewest a registry allows: its first manifest GET draws the 401 that carries the',
    '  challenge (no `/v2/` ping), then one token request, then the GET again. Warm, the token and the tag\'s last digest',
    '  come from the cache and one HEAD (not counted by Docker Hub) confirms the digest. docker manifest inspect pings,',
    '  fetches every platform\'s manifest and config and opens a connection per request; skopeo pings and opens several.',
    '- **Process cost.** mfx is a Node.js program: Node itself starts in about as long as a whole skopeo run at 0 ms RTT,',
    '  and loading the HTTP client (undici) and the schema library (zod) for a command costs about 90 ms more (the',
    '  bundle is minified, commands load on demand, and `--help`/`--version` load neither). skopeo is a Go binary that',
    '  starts in a few milliseconds. With the same number of round trips (3 cold), the cold goal against skopeo would need',
    '  that cost to vanish; warm, mfx makes one round trip against skopeo\'s three and still carries its start-up.',
    '  These two goals are not met, and cannot be with a Node.js start-up; mfx wins them on requests, not on time.',
    '- **Many images at 0 ms RTT.** With no latency the run is bound by CPU on two cores: 200 token requests (one per',
    '  repository: a token\'s scope names one repository), 200 manifest GETs, validating each manifest and the JSON',
    '  output. The goal against a sequential docker loop is missed narrowly at 0 ms and met by far at 50 ms, where',
    '  overlapping round trips is what counts. Asking for one token with many scopes would cut the token requests.',
    '- **Start-up.** `mfx --version` is answered by `bin/mfx.js` without loading the bundle; what remains over',
    '  `node -e 0` is Node loading an ES module file (a few milliseconds). Runs vary around the 1.3× goal (1.1× to 1.4×).',
    '- **Memory.** Most of a run\'s memory is Node and the loaded code. undici parses HTTP with a WebAssembly build of',
    '  llhttp; `bin/mfx.js` keeps V8 to its baseline WebAssembly compiler (`--liftoff-only`), which saves about 35 MB',
    '  per run (and some time) against compiling it twice.',
    '',
  ];
}
