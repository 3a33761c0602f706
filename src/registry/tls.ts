/**
 * TLS settings per registry, as docker takes them:
 * - extra CAs for every registry: `--ca-file FILE` (repeatable), on top of Node's roots and
 *   `NODE_EXTRA_CA_CERTS` (which Node itself reads at start-up);
 * - per registry, docker's `certs.d` layout: `<certs dir>/HOST[:PORT]/*.crt` are CAs,
 *   `client.cert` + `client.key` a client certificate (dockerd's hosts.go); the directory is
 *   `/etc/docker/certs.d` unless `--certs-dir` or `MFX_CERTS_DIR` says otherwise;
 * - `--insecure-registry HOST[:PORT]`: certificates of that registry are not verified.
 * A registry with a certs.d directory is spoken to over HTTPS even on loopback.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

export const DEFAULT_CERTS_DIR = '/etc/docker/certs.d';

export interface RegistryTls {
  ca?: Buffer[];
  cert?: Buffer;
  key?: Buffer;
}

export interface TlsSettings {
  /** CAs added for every registry (--ca-file). */
  extraCa: Buffer[];
  /** By registry host[:port], from certs.d. */
  perRegistry: Map<string, RegistryTls>;
}

/** Reads CA files; `source` names where they were given, for the message when one is unreadable. */
export async function readCaFiles(paths: readonly string[], source = '--ca-file'): Promise<Buffer[]> {
  return Promise.all(
    paths.map((p) =>
      readFile(p).catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(`${source} ${p}: cannot read it (${err.code ?? err.message})`);
      }),
    ),
  );
}

/** The certs.d entry of one registry, or undefined when it has no directory there. */
export async function readCertsDir(certsDir: string, registry: string): Promise<RegistryTls | undefined> {
  const dir = join(certsDir, registry.replace(/[/\\]/g, '_'));
  const names = await readdir(dir).catch(() => undefined);
  if (names === undefined) return undefined;
  const read = (name: string) =>
    readFile(join(dir, name)).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`${join(dir, name)}: cannot read it (${err.code ?? err.message})`);
    });
  const tls: RegistryTls = {};
  const cas = names.filter((n) => n.endsWith('.crt')).sort();
  if (cas.length) tls.ca = await Promise.all(cas.map(read));
  const hasCert = names.includes('client.cert');
  const hasKey = names.includes('client.key');
  if (hasCert !== hasKey) throw new UsageError(`${dir}: client.cert and client.key go together; one is missing`);
  if (hasCert) [tls.cert, tls.key] = await Promise.all([read('client.cert'), read('client.key')]);
  return tls;
}
