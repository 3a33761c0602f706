/**
 * The registry client: the one place the HTTP layers are assembled, and the reads mfx makes
 * (a manifest, a tag's current digest, a blob), each verified against its digest.
 *
 * The chain for a registry, outermost first (go-containerregistry's order):
 *   withAuth → withRateLimit → withConcurrencyLimit → withRetry → withRedirects → withDebug → undici
 * (each attempt and hop is counted just above undici).
 * Auth sits outside so that a 401 is answered once, by a new token, and replayed through the
 * whole chain; redirects sit inside it so that hops to other hosts lose the Authorization
 * header. Token requests skip auth and the registry's limit. One chain per registry, sharing
 * one undici Agent (keep-alive pools, at most `concurrency` connections per origin) and one
 * auth memory (challenges and tokens, loaded from and saved to the cache when there is one).
 *
 * With a cache (see cache/), digest-addressed reads come from disk when they can, and a tag
 * seen before costs a HEAD request (not counted by Docker Hub) instead of a GET.
 */
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { type AuthMemory, emptyAuthMemory, loadAuthMemory, saveAuthMemory } from '../cache/auth-store.js';
import { type ContentCache, diskContentCache } from '../cache/content-store.js';
import { computeDigest, verifyDigest } from '../manifest/digest.js';
import { DOCKER_SCHEMA1_SIGNED, MANIFEST_ACCEPT } from '../manifest/media-types.js';
import { type ParsedManifest, parseManifest } from '../manifest/parse.js';
import { schema1Payload } from '../manifest/schema1.js';
import { checkDigest } from '../ref/digest.js';
import { type Reference, formatQualified, referenceName } from '../ref/reference.js';
import { USER_AGENT } from '../version.js';
import { withAuth } from './auth/with-auth.js';
import type { CredentialLookup } from './credentials/types.js';
import { type Endpoint, downgradeToHttp, isInsecureRegistry, resolveEndpoint } from './endpoint.js';
import { ManifestError, NetworkError } from '../errors.js';
import { type MirrorSource, mirrorSources, viaMirrors } from './mirrors.js';
import { type TlsSettings, readCertsDir } from './tls.js';
import { createDispatcher } from './transport/dispatcher.js';
import { registryError } from './errors.js';
import { withConcurrencyLimit } from './transport/limit.js';
import { type RateLimit, withRateLimit } from './transport/rate-limit.js';
import { withDebug } from './transport/debug.js';
import { withRedirects } from './transport/redirects.js';
import { DEFAULT_RETRIES, withRetry } from './transport/retry.js';
import { createSend } from './transport/send.js';
import { type HttpMethod, type RegistryRequest, type RegistryResponse, type Send, header } from './transport/types.js';

/** containerd's limit for manifests. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
export const DEFAULT_CONCURRENCY = 8;

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
  /** Requests in flight per registry (default 8). */
  concurrency?: number;
  /** Cache directory for tokens and content; none when undefined. */
  cacheDir?: string;
  cacheMaxBytes?: number;
  /** More attempts for transient failures (default 3). */
  retries?: number;
  /** A limit for the whole run, in seconds: every request still running then is aborted. */
  timeoutSeconds?: number;
  /** Receives one line per request and response, secrets redacted (--debug). */
  debug?: (line: string) => void;
  /** Extra CAs for every registry (--ca-file contents). */
  extraCa?: Buffer[];
  /** docker's certs.d directory (per-registry CAs and client certificates); none when undefined. */
  certsDir?: string;
  /** Environment for proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Mirrors by registry name (`docker.io`), as URLs or host[:port], tried in order before it. */
  mirrors?: Record<string, readonly string[]>;
  /** CAs for one registry each (the configuration file's `registries.HOST.caFile`). */
  registryCa?: Record<string, Buffer>;
}

/** A manifest as served: the exact bytes, their verified digest, and the parsed value. */
export interface FetchedManifest {
  raw: Buffer;
  digest: string;
  mediaType: string;
  /** The Content-Type the registry sent (undefined when read from the cache). */
  contentType: string | undefined;
  manifest: ParsedManifest;
  endpoint: Endpoint;
  /** True when the bytes came from the cache. */
  cached: boolean;
}

export interface ClientStats {
  /** HTTP requests sent (token requests included). */
  requests: number;
  /** The last pull quota each registry reported. */
  rateLimits: Map<string, RateLimit>;
}

export interface RegistryClient {
  /** A manifest by the reference's digest, else its tag, or by `identifier` (a digest). */
  getManifest(ref: Reference, identifier?: string): Promise<FetchedManifest>;
  /** A blob, checked against its digest. */
  getBlob(ref: Reference, digest: string, maxBytes?: number): Promise<Buffer>;
  stats(): ClientStats;
  /** Saves the caches and closes the connections. */
  close(): Promise<void>;
}

const isDigest = (id: string) => id.includes(':');

/** The layers every request goes through, token requests included: retry, redirects, debug, undici. */
function baseChain(dispatcher: Dispatcher, options: RegistryClientOptions, stats: ClientStats, userAgent: string): Send {
  const signal = options.timeoutSeconds === undefined ? undefined : AbortSignal.timeout(options.timeoutSeconds * 1000);
  const http = createSend(dispatcher, { signal, timeoutSeconds: options.timeoutSeconds });
  const counted: Send = (req) => {
    stats.requests++;
    return http(req);
  };
  const hops = withRedirects(options.debug ? withDebug(counted, options.debug) : counted);
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      // A run that times out stops waiting: the next attempt then fails at once, as timed out.
      // Not unref'd: a run waiting to retry must not end early.
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  return withRetry((req) => hops({ ...req, headers: { 'user-agent': userAgent, ...req.headers } }), {
    retries: options.retries ?? DEFAULT_RETRIES,
    sleep,
  });
}

export function createRegistryClient(options: RegistryClientOptions = {}): RegistryClient {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const tls: TlsSettings = { extraCa: options.extraCa ?? [], perRegistry: new Map() };
  const insecure = (host: string) => isInsecureRegistry(host, options.insecureRegistries ?? []);
  const ownAgent = options.dispatcher
    ? undefined
    : createDispatcher({ ...timeouts, connections: concurrency, env: options.env ?? process.env, tls, insecure });
  const userAgent = options.userAgent ?? USER_AGENT;
  const stats: ClientStats = { requests: 0, rateLimits: new Map() };
  const base = baseChain(options.dispatcher ?? ownAgent!, options, stats, userAgent);
  const credentials: CredentialLookup = options.credentials ?? (async () => undefined);
  const authFile = options.cacheDir === undefined ? undefined : join(options.cacheDir, 'auth.json');
  const memory: Promise<AuthMemory> = authFile ? loadAuthMemory(authFile) : Promise.resolve(emptyAuthMemory());
  const content: ContentCache | undefined = options.cacheDir ? diskContentCache(options.cacheDir, options.cacheMaxBytes) : undefined;
  const chains = new Map<string, Promise<{ endpoint: Endpoint; send: Send }>>();
  /** Mirrors configured with an http:// URL. */
  const plainMirrors = new Set<string>();

  function chainFor(registry: string) {
    let chain = chains.get(registry);
    if (chain === undefined) {
      chain = memory.then(async ({ tokens, challenges }) => {
        let own = options.certsDir === undefined ? undefined : await readCertsDir(options.certsDir, registry);
        const configured = options.registryCa?.[registry];
        if (configured) own = { ...own, ca: [...(own?.ca ?? []), configured] };
        if (own) tls.perRegistry.set(registry, own);
        const endpoint = resolveEndpoint(registry, options.insecureRegistries, own !== undefined);
        if (plainMirrors.has(registry)) downgradeToHttp(endpoint);
        const limited = withRateLimit(withConcurrencyLimit(base, concurrency), (l) => stats.rateLimits.set(registry, l));
        const plainHttp = () => endpoint.plainHttp;
        const send = withAuth(limited, { registry, credentials, plainHttp, tokens, challenges, tokenSend: base });
        return { endpoint, send };
      });
      chains.set(registry, chain);
    }
    return chain;
  }

  async function request(
    ref: Reference,
    method: HttpMethod,
    path: string,
    what: string,
    accept: string,
    maxBytes: number,
  ): Promise<{ res: RegistryResponse; endpoint: Endpoint }> {
    const { endpoint, send } = await chainFor(ref.registry);
    const req: RegistryRequest = {
      method,
      url: new URL(`/v2/${ref.repository}/${path}`, endpoint.baseUrl),
      headers: { accept },
      maxBytes,
      what,
      scope: `repository:${ref.repository}:pull`,
      repository: ref.repository,
    };
    let res: RegistryResponse;
    try {
      res = await send(req);
    } catch (err) {
      // An insecure registry that does not speak TLS: plain HTTP from now on, as docker does.
      if (!(err instanceof NetworkError && err.notTls && endpoint.fallbackToHttp)) throw err;
      downgradeToHttp(endpoint);
      return request(ref, method, path, what, accept, maxBytes);
    }
    if (res.status !== 200) throw registryError(what, req, res);
    return { res, endpoint };
  }

  function toManifest(raw: Buffer, contentType: string | undefined, expected: string | undefined, what: string) {
    try {
      const manifest = parseManifest(raw, contentType);
      const digested = manifest.mediaType === DOCKER_SCHEMA1_SIGNED ? schema1Payload(raw) : raw;
      // With neither a digest in the reference nor Docker-Content-Digest, the bytes name themselves.
      const digest = expected ? verifyDigest(what, digested, expected) : computeDigest(digested);
      return { manifest, digest };
    } catch (err) {
      // Name the manifest, as every other error does (an index may lead to several reads).
      if (err instanceof ManifestError) throw new ManifestError(`${what}: ${err.message}`, { cause: err, mediaType: err.mediaType });
      throw err;
    }
  }

  async function fromCache(ref: Reference, digest: string): Promise<FetchedManifest | undefined> {
    const raw = await content?.get(digest);
    if (raw === undefined) return undefined;
    const { endpoint } = await chainFor(ref.registry);
    const { manifest } = toManifest(raw, undefined, digest, `cached manifest ${digest}`);
    return { raw, digest, mediaType: manifest.mediaType, contentType: undefined, manifest, endpoint, cached: true };
  }

  /** The digest a tag names now, by HEAD, when the registry says (Docker-Content-Digest). */
  async function headDigest(ref: Reference, tag: string, what: string): Promise<string | undefined> {
    const { res } = await request(ref, 'HEAD', `manifests/${tag}`, what, MANIFEST_ACCEPT.join(', '), 0);
    const digest = header(res, 'docker-content-digest');
    return digest !== undefined && checkDigest(digest) === undefined ? digest : undefined;
  }

  async function fetchManifest(ref: Reference, identifier: string | undefined): Promise<FetchedManifest> {
    const id = identifier ?? ref.digest ?? ref.tag ?? 'latest';
    const what = `manifest ${identifier ? `${referenceName(ref)}@${identifier}` : formatQualified(ref)}`;
    const tagKey = `${referenceName(ref)}:${id}`;
    if (content) {
      const known = isDigest(id) ? id : await content.tagDigest(tagKey);
      const current = known && !isDigest(id) ? await headDigest(ref, id, what) : known;
      const hit = current ? await fromCache(ref, current) : undefined;
      if (hit) return hit;
    }
    const { res, endpoint } = await request(ref, 'GET', `manifests/${id}`, what, MANIFEST_ACCEPT.join(', '), MAX_MANIFEST_BYTES);
    const contentType = header(res, 'content-type');
    const { manifest, digest } = toManifest(res.body, contentType, isDigest(id) ? id : header(res, 'docker-content-digest'), what);
    if (content && manifest.mediaType !== DOCKER_SCHEMA1_SIGNED) {
      await content.put(digest, res.body);
      if (!isDigest(id)) content.setTag(tagKey, digest);
    }
    return { raw: res.body, digest, mediaType: manifest.mediaType, contentType, manifest, endpoint, cached: false };
  }

  /** The registry's mirrors, in order; those with http:// URLs are remembered as plain HTTP. */
  function mirrorsOf(ref: Reference): MirrorSource[] {
    const sources = mirrorSources(ref, options.mirrors?.[ref.registry]);
    for (const m of sources) if (m.plainHttp) plainMirrors.add(m.ref.registry);
    return sources;
  }

  return {
    async getManifest(ref, identifier) {
      return viaMirrors(ref, mirrorsOf(ref), (from) => fetchManifest(from, identifier), options.debug);
    },

    async getBlob(ref, digest, maxBytes = MAX_CONFIG_BYTES) {
      const cached = await content?.get(digest);
      if (cached) return cached;
      const read = async (from: Reference) => {
        const what = `blob ${digest} of ${referenceName(from)}`;
        const { res } = await request(from, 'GET', `blobs/${digest}`, what, '*/*', maxBytes);
        verifyDigest(what, res.body, digest);
        await content?.put(digest, res.body);
        return res.body;
      };
      return viaMirrors(ref, mirrorsOf(ref), read, options.debug);
    },

    stats: () => stats,

    async close() {
      await Promise.all([content?.flush(), authFile && memory.then((m) => saveAuthMemory(authFile, m))]);
      await ownAgent?.close();
    },
  };
}
