/** Runs the CLI in this process and sets its exit code. Loaded by bin/mfx.js. */
import { main } from './main.js';

// A reader that stops early (`mfx inspect --json x | head -1`) is not an error of mfx.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
