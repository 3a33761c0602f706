/**
 * Where to connect for a registry, and over which scheme.
 *
 * - A registry with TLS settings of its own (a certs.d directory) is spoken to over HTTPS.
 * - Loopback registries (`localhost`, 127.0.0.0/8, `[::1]`, any port) over plain HTTP.
 * - Registries named in `--insecure-registry` or `MFX_INSECURE_REGISTRIES` (as docker's
 *   `insecure-registries`: `HOST:PORT` matches that port only, a bare `HOST` every port):
 *   HTTPS without certificate verification, falling back to plain HTTP when the registry
 *   does not speak TLS at all (docker's behaviour).
 * - Everything else over verified HTTPS.
 * Docker Hub's name `docker.io` is served at `registry-1.docker.io` (see `registryEndpoint`).
 */
import { isLoopbackRegistry, registryEndpoint } from '../ref/reference.js';

export interface Endpoint {
  /** The registry's name, as users write it and credentials are stored: `docker.io`. */
  registry: string;
  /** `https://registry-1.docker.io` */
  baseUrl: URL;
  /** True once the registry is spoken to over plain HTTP. */
  plainHttp: boolean;
  /** An insecure registry: on a TLS handshake failure, switch to plain HTTP. */
  fallbackToHttp: boolean;
}

function hostnameOf(hostPort: string): string {
  if (hostPort.startsWith('[')) return hostPort.slice(0, hostPort.indexOf(']') + 1);
  const colon = hostPort.lastIndexOf(':');
  return colon === -1 ? hostPort : hostPort.slice(0, colon);
}

export function isInsecureRegistry(registry: string, insecure: readonly string[]): boolean {
  const name = registry.toLowerCase();
  return insecure.some((entry) => {
    const e = entry.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return e === name || (e === hostnameOf(e) && e === hostnameOf(name));
  });
}

export function resolveEndpoint(registry: string, insecure: readonly string[] = [], hasOwnTls = false): Endpoint {
  const plainHttp = !hasOwnTls && isLoopbackRegistry(registry);
  const fallbackToHttp = !plainHttp && !hasOwnTls && isInsecureRegistry(registry, insecure);
  const baseUrl = new URL(`${plainHttp ? 'http' : 'https'}://${registryEndpoint(registry)}`);
  return { registry, baseUrl, plainHttp, fallbackToHttp };
}

/** Switches an insecure registry's endpoint to plain HTTP (after its TLS handshake failed). */
export function downgradeToHttp(endpoint: Endpoint): void {
  endpoint.baseUrl = new URL(`http://${endpoint.baseUrl.host}`);
  endpoint.plainHttp = true;
  endpoint.fallbackToHttp = false;
}
