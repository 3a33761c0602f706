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
import type { CliIO } from '../io.js';
import { type CheckFlags, resolveCheckOptions } from '../options.js';

export async function runCheck(references: string[], flags: CheckFlags, io: CliIO): Promise<number> {
  const opts = resolveCheckOptions(flags, io.env, terminalOf(io));
  const result = await check(references, opts.platforms, { ...(await registryOptions(opts, io)), strict: opts.strict });
  io.stdout.write(opts.json ? renderCheckJson(result, opts.strict) : renderCheckMatrix(result, tableOptions(opts, io)));
  if (io.env.GITHUB_ACTIONS === 'true') {
    // On stderr, which the runner reads for workflow commands too, so stdout stays the result.
    io.stderr.write(githubAnnotations(result));
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, renderCheckMarkdown(result));
  }
  return result.exitCode;
}
