/**
 * `mfx check REF... --platform P...`: the matrix (or --json), an exit code CI can act on, and
 * under GitHub Actions an annotation per missing platform plus the matrix appended to the
 * step summary.
 */
import { appendFileSync } from 'node:fs';
import { check } from '../../check.js';
import { renderCheckJson } from '../../render/check-json.js';
import { renderCheckMarkdown, renderCheckMatrix } from '../../render/check-matrix.js';
import { githubAnnotations } from '../../render/github.js';
import { registryOptions, tableOptions, terminalOf } from '../context.js';
import { gatherInputs } from '../inputs.js';
import type { CliIO } from '../io.js';
import { type CheckFlags, resolveCheckOptions } from '../options.js';
import { progressLine, reportStats } from '../report.js';

export async function runCheck(args: string[], flags: CheckFlags, io: CliIO): Promise<number> {
  const opts = resolveCheckOptions(flags, io.env, terminalOf(io));
  const { references, origins } = await gatherInputs(args, opts, opts, io);
  const result = await check(references, opts.platforms, {
    ...(await registryOptions(opts, io)),
    strict: opts.strict,
    onProgress: progressLine(references.length, io),
  });
  io.stdout.write(opts.json ? renderCheckJson(result, opts.strict, origins) : renderCheckMatrix(result, tableOptions(opts, io)));
  reportStats(result.stats, opts.verbose, io);
  if (io.env.GITHUB_ACTIONS === 'true') {
    // On stderr, which the runner reads for workflow commands too, so stdout stays the result.
    io.stderr.write(githubAnnotations(result));
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, renderCheckMarkdown(result));
  }
  return result.exitCode;
}
