/**
 * `mfx digest REF [--platform P] [--pinned]`: the digest alone, for pinning
 * `FROM image@sha256:…`: of the index (or single manifest), or of the entry for a platform.
 */
import { inspect } from '../../inspect.js';
import { formatFamiliar, parseReference } from '../../ref/reference.js';
import { fallbackNote } from '../../render/selected.js';
import { registryOptions, terminalOf } from '../context.js';
import type { CliIO } from '../io.js';
import { type DigestFlags, resolveDigestOptions } from '../options.js';

export async function runDigest(reference: string, flags: DigestFlags, io: CliIO): Promise<number> {
  const opts = resolveDigestOptions(flags, io.env, terminalOf(io));
  const ref = parseReference(reference);
  const result = await inspect(ref, { ...(await registryOptions(opts, io)), platform: opts.platform, strict: opts.strict });
  const digest = result.selected?.digest ?? result.digest;
  // NAME:TAG@DIGEST in the familiar form docker prints (nginx:1.27@sha256:…).
  const pinned = formatFamiliar({ ...ref, digest });
  io.stdout.write(`${opts.pinned ? pinned : digest}\n`);
  const note = result.selected && fallbackNote(result.selected);
  if (note) io.stderr.write(`mfx: note: ${note}\n`);
  return 0;
}
