/**
 * Facts about a registry name (`host[:port]`, as it appears in a reference).
 *
 * Rules of `registryEndpoint` (where to connect, no scheme):
 * - `docker.io` and its legacy name `index.docker.io` → `registry-1.docker.io`.
 * - Any other name is already its endpoint: `ghcr.io`, `localhost:5000`, `[::1]:5000`.
 *
 * Rules of `isLoopbackRegistry` (the registry is on this machine), port optional everywhere:
 * - `localhost` (any letter case): `localhost`, `localhost:5000`; not `localhost.example.com`.
 * - IPv4 127.0.0.0/8 in plain dotted decimal: `127.0.0.1`, `127.1.2.3:80`; not `128.0.0.1`,
 *   not `127.0.0.01` (leading zeros are ambiguous), not `127.1`.
 * - IPv6 loopback in brackets, in any spelling: `[::1]`, `[::1]:5000`, `[0:0:0:0:0:0:0:1]`.
 */

import { DEFAULT_REGISTRY, DOCKER_HUB_ENDPOINT, LEGACY_DEFAULT_REGISTRY, LOCALHOST } from './defaults.js';

/** The host[:port] that serves the registry API for a registry name. */
export function registryEndpoint(registry: string): string {
  if (registry === DEFAULT_REGISTRY || registry === LEGACY_DEFAULT_REGISTRY) {
    return DOCKER_HUB_ENDPOINT;
  }
  return registry;
}

/** Splits `host[:port]` or `[ipv6][:port]`; undefined when the port is not all digits. */
function splitHostPort(registry: string): { host: string; bracketed: boolean } | undefined {
  let host = registry;
  let rest = '';
  const bracketed = registry.startsWith('[');
  if (bracketed) {
    const close = registry.indexOf(']');
    if (close < 0) return undefined;
    host = registry.slice(1, close);
    rest = registry.slice(close + 1);
  } else if (registry.includes(':')) {
    const colon = registry.lastIndexOf(':');
    host = registry.slice(0, colon);
    rest = registry.slice(colon);
  }
  if (rest !== '' && !/^:[0-9]+$/.test(rest)) return undefined;
  return { host, bracketed };
}

function isLoopbackIPv4(host: string): boolean {
  const octets = host.split('.');
  if (octets.length !== 4 || octets[0] !== '127') return false;
  return octets.every((o) => /^(?:0|[1-9][0-9]{0,2})$/.test(o) && Number(o) <= 255);
}

/** Expands an IPv6 address (hex groups, at most one `::`) to its 8 groups. */
function ipv6Groups(host: string): number[] | undefined {
  const halves = host.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function isLoopbackIPv6(host: string): boolean {
  const groups = ipv6Groups(host);
  return groups !== undefined && groups.every((g, i) => g === (i === 7 ? 1 : 0));
}

/** True when the registry is on this machine: localhost, 127.0.0.0/8 or [::1], any port. */
export function isLoopbackRegistry(registry: string): boolean {
  const parts = splitHostPort(registry);
  if (parts === undefined) return false;
  if (parts.bracketed) return isLoopbackIPv6(parts.host);
  return parts.host.toLowerCase() === LOCALHOST || isLoopbackIPv4(parts.host);
}
