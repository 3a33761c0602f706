/**
 * Docker image manifest schema 1, signed ("prettyjws").
 *
 * Its digest is not of the bytes served but of the JWS payload: the bytes with the
 * `signatures` member cut out. Each signature's `protected` header (base64url JSON) carries
 * `formatLength` (how many leading bytes of the document belong to the payload) and
 * `formatTail` (base64url of the bytes that close it). Source: docker/libtrust `jsonsign.go`
 * (`PrettySignature`, `Payload`), used by distribution's `manifest/schema1`.
 */
import { z } from 'zod';
import { ManifestError } from '../errors.js';

const ProtectedHeader = z.looseObject({
  formatLength: z.number().int().nonnegative(),
  formatTail: z.string(),
});

const SignedDocument = z.looseObject({
  signatures: z.array(z.looseObject({ protected: z.string() })).min(1),
});

/** The signed payload of a prettyjws manifest: the bytes its digest is computed over. */
export function schema1Payload(raw: Buffer): Buffer {
  let protectedHeader: unknown;
  try {
    const doc = SignedDocument.parse(JSON.parse(raw.toString('utf8')));
    protectedHeader = JSON.parse(Buffer.from(doc.signatures[0]!.protected, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new ManifestError('schema 1 manifest: missing or malformed signatures', { cause });
  }
  const header = ProtectedHeader.safeParse(protectedHeader);
  if (!header.success || header.data.formatLength > raw.length) {
    throw new ManifestError('schema 1 manifest: malformed signature header (formatLength, formatTail)');
  }
  const tail = Buffer.from(header.data.formatTail, 'base64url');
  return Buffer.concat([raw.subarray(0, header.data.formatLength), tail]);
}
