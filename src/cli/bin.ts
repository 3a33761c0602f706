/** Runs the CLI in this process and sets its exit code. Loaded by bin/mfx.js. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
