/**
 * The registry client: the one place the HTTP layers are assembled, and the two reads mfx
 * makes (a manifest, a blob), each verified against its digest.
 *
 * The chain, outermost first (go-containerregistry's order):
 *   withAuth → withUserAgent → withRedirects → undici (createSend)
 * Auth sits outside so that a 401 is answered once, by a new token, and replayed through the
 * whole chain; redirects sit inside it so that hops to other hosts lose the Authorization
 * header. One chain per registry, sharing one undici Agent (keep-alive connections) and one
 * token cache for the run.
 */
import { Agent, type Dispatcher } from 'undici';
import { computeDigest, verifyDigest } from '../manifest/digest.js';
import { DOCKER_SCHEMA1_SIGNED, MANIFEST_ACCEPT } from '../manifest/media-types.js';
import { type ParsedManifest, parseManifest } from '../manifest/parse.js';
import { schema1Payload } from '../manifest/schema1.js';
import { type Reference, formatQualified, referenceName } from '../ref/reference.js';
import { USER_AGENT } from '../version.js';
import { TokenCache } from './auth/token-cache.js';
import { withAuth } from './auth/with-auth.js';
import type { CredentialLookup } from './credentials/types.js';
import { type Endpoint, resolveEndpoint } from './endpoint.js';
import { registryError } from './errors.js';
import { withRedirects } from './transport/redirects.js';
import { createSend } from './transport/send.js';
import { type RegistryRequest, type Send, header } from './transport/types.js';

/** containerd's limit for manifests. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export interface RegistryClientOptions {
  credentials?: CredentialLookup;
  insecureRegistries?: readonly string[];
  /** An undici dispatcher to use instead of the client's own Agent (tests use MockAgent). */
  dispatcher?: Dispatcher;
  timeouts?: Partial<Timeouts>;
  userAgent?: string;
}

/** A manifest as served: the exact bytes, their verified digest, and the parsed value. */
export interface FetchedManifest {
  raw: Buffer;
  digest: string;
  mediaType: string;
  /** The Content-Type the registry sent. */
  contentType: string | undefined;
  manifest: ParsedManifest;
  endpoint: Endpoint;
}

export interface RegistryClient {
  /** GET a manifest by the reference's digest, else its tag, or by `identifier` (a digest). */
  getManifest(ref: Reference, identifier?: string): Promise<FetchedManifest>;
  /** GET a blob and check it against its digest. */
  getBlob(ref: Reference, digest: string, maxBytes?: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function createRegistryClient(options: RegistryClientOptions = {}): RegistryClient {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const ownAgent = options.dispatcher
    ? undefined
    : new Agent({
        connect: { timeout: timeouts.connectMs },
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
      });
  const dispatcher = options.dispatcher ?? ownAgent!;
  const userAgent = options.userAgent ?? USER_AGENT;
  const transport: Send = withRedirects(createSend(dispatcher));
  const base: Send = (req) => transport({ ...req, headers: { 'user-agent': userAgent, ...req.headers } });
  const tokens = new TokenCache();
  const credentials: CredentialLookup = options.credentials ?? (async () => undefined);
  const chains = new Map<string, { endpoint: Endpoint; send: Send }>();

  function chainFor(registry: string) {
    let chain = chains.get(registry);
    if (chain === undefined) {
      const endpoint = resolveEndpoint(registry, options.insecureRegistries);
      const send = withAuth(base, { registry, credentials, plainHttp: endpoint.plainHttp, tokens, tokenSend: base });
      chain = { endpoint, send };
      chains.set(registry, chain);
    }
    return chain;
  }

  async function get(ref: Reference, path: string, what: string, accept: string, maxBytes: number) {
    const { endpoint, send } = chainFor(ref.registry);
    const req: RegistryRequest = {
      method: 'GET',
      url: new URL(`/v2/${ref.repository}/${path}`, endpoint.baseUrl),
      headers: { accept },
      maxBytes,
      what,
      scope: `repository:${ref.repository}:pull`,
    };
    const res = await send(req);
    if (res.status !== 200) throw registryError(what, req, res);
    return { res, endpoint };
  }

  return {
    async getManifest(ref, identifier) {
      const id = identifier ?? ref.digest ?? ref.tag ?? 'latest';
      const subject = identifier ? `${referenceName(ref)}@${identifier}` : formatQualified(ref);
      const what = `manifest ${subject}`;
      const { res, endpoint } = await get(ref, `manifests/${id}`, what, MANIFEST_ACCEPT.join(', '), MAX_MANIFEST_BYTES);
      const contentType = header(res, 'content-type');
      const manifest = parseManifest(res.body, contentType);
      const digested = manifest.mediaType === DOCKER_SCHEMA1_SIGNED ? schema1Payload(res.body) : res.body;
      const expected = id.includes(':') ? id : header(res, 'docker-content-digest');
      // With neither a digest in the reference nor Docker-Content-Digest, the bytes name themselves.
      const digest = expected ? verifyDigest(what, digested, expected) : computeDigest(digested);
      return { raw: res.body, digest, mediaType: manifest.mediaType, contentType, manifest, endpoint };
    },

    async getBlob(ref, digest, maxBytes = MAX_CONFIG_BYTES) {
      const what = `blob ${digest} of ${referenceName(ref)}`;
      const { res } = await get(ref, `blobs/${digest}`, what, '*/*', maxBytes);
      verifyDigest(what, res.body, digest);
      return res.body;
    },

    async close() {
      await ownAgent?.close();
    },
  };
}
