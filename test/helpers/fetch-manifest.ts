/**
 * Plain-fetch reads of a manifest from a test registry (or a proxy in front of it), with
 * an Accept header listing all five manifest media types.
 */
import { ALL_MANIFEST_TYPES } from '../fixtures/media-types.js';

export const ACCEPT_ALL_MANIFESTS = ALL_MANIFEST_TYPES.join(', ');

export interface FetchedManifest {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** GET `${baseUrl}/v2/<repository>/manifests/<reference>`, optionally with an Authorization header. */
export async function getManifest(
  baseUrl: string,
  repository: string,
  reference: string,
  authorization?: string,
): Promise<FetchedManifest> {
  const headers: Record<string, string> = { Accept: ACCEPT_ALL_MANIFESTS };
  if (authorization !== undefined) headers['Authorization'] = authorization;
  const res = await fetch(`${baseUrl}/v2/${repository}/manifests/${reference}`, { headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
