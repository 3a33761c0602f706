/**
 * The undici dispatcher all requests share, built in one place: keep-alive pools with at
 * most `connections` sockets per origin, the phase timeouts, TLS per registry (CAs, client
 * certificates, no verification for insecure registries), and proxies from the environment.
 *
 * Proxies: `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (or their lowercase forms, which win
 * when both are set, as curl does) through undici's EnvHttpProxyAgent. Unlike docker, a
 * loopback registry is proxied too unless NO_PROXY names it (undici's and curl's rule).
 */
import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher, EnvHttpProxyAgent, buildConnector } from 'undici';
import type { RegistryTls, TlsSettings } from '../tls.js';

export interface DispatcherOptions {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  connections: number;
  env: NodeJS.ProcessEnv;
  tls: TlsSettings;
  /** Registries (host[:port]) whose certificates are not verified. */
  insecure: (host: string) => boolean;
}

function proxyEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name.toLowerCase()] || env[name] || undefined;
}

/** A connect function choosing TLS options by host: per-registry CAs and client certs. */
function connector(o: DispatcherOptions): buildConnector.connector {
  const roots = [...rootCertificates];
  const base = o.tls.extraCa.length ? { ca: [...roots, ...o.tls.extraCa.map((b) => b.toString())] } : {};
  const cache = new Map<string, buildConnector.connector>();
  const forHost = (host: string) => {
    let c = cache.get(host);
    if (c === undefined) {
      const reg: RegistryTls = o.tls.perRegistry.get(host) ?? {};
      const ca = reg.ca ? [...(base.ca ?? roots), ...reg.ca.map((b) => b.toString())] : base.ca;
      c = buildConnector({
        timeout: o.connectMs,
        ...(ca ? { ca } : {}),
        ...(reg.cert ? { cert: reg.cert, key: reg.key } : {}),
        ...(o.insecure(host) ? { rejectUnauthorized: false } : {}),
      });
      cache.set(host, c);
    }
    return c;
  };
  return (opts, callback) => {
    const host = opts.port ? `${opts.hostname}:${opts.port}` : opts.hostname;
    return forHost(host)(opts, callback);
  };
}

export function createDispatcher(o: DispatcherOptions): Dispatcher {
  const common = { connect: connector(o), headersTimeout: o.headersMs, bodyTimeout: o.bodyMs, connections: o.connections };
  const httpProxy = proxyEnv(o.env, 'HTTP_PROXY');
  const httpsProxy = proxyEnv(o.env, 'HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return new Agent(common);
  return new EnvHttpProxyAgent({ ...common, httpProxy, httpsProxy, noProxy: proxyEnv(o.env, 'NO_PROXY') ?? '' });
}
