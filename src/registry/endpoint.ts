/**
 * Where to connect for a registry, and over which scheme.
 *
 * HTTPS always, except for registries docker also treats as insecure: loopback ones
 * (`localhost`, 127.0.0.0/8, `[::1]`, any port) and those named in `--insecure-registry` or
 * `MFX_INSECURE_REGISTRIES` (as docker's `insecure-registries`: `HOST:PORT` matches that port
 * only, a bare `HOST` matches every port). Docker Hub's name `docker.io` is served at
 * `registry-1.docker.io` (see `registryEndpoint`).
 */
import { isLoopbackRegistry, registryEndpoint } from '../ref/reference.js';

export interface Endpoint {
  /** The registry's name, as users write it and credentials are stored: `docker.io`. */
  registry: string;
  /** `https://registry-1.docker.io` */
  baseUrl: URL;
  plainHttp: boolean;
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

export function resolveEndpoint(registry: string, insecure: readonly string[] = []): Endpoint {
  const plainHttp = isLoopbackRegistry(registry) || isInsecureRegistry(registry, insecure);
  const baseUrl = new URL(`${plainHttp ? 'http' : 'https'}://${registryEndpoint(registry)}`);
  return { registry, baseUrl, plainHttp };
}
