/**
 * Writes the config.yml of a test distribution registry: filesystem storage in its temp
 * dir, loopback address, quiet logs, deletes enabled, and the auth section of the set-up
 * (none, Docker token auth, or a bcrypt htpasswd file).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireExecutable, runTool } from './executables.js';
import type { TokenServer } from './token-server.js';
import { USERS } from './users.js';

export type RegistryAuth = 'none' | 'token' | 'htpasswd';

export const HTPASSWD_REALM = 'mfx-test-registry';

const q = (value: string): string => JSON.stringify(value);

/** Writes a bcrypt htpasswd file with the test users into `dir`; returns its path. */
export function writeHtpasswd(dir: string): string {
  const htpasswd = requireExecutable('htpasswd', 'apache2-utils', 'the htpasswd test registry needs bcrypt password hashes');
  const lines = Object.values(USERS).map((u) => runTool(htpasswd, ['-nbB', u.username, u.password]).trim());
  const path = join(dir, 'htpasswd');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function authSection(auth: RegistryAuth, dir: string, tokenServer: TokenServer | undefined): string[] {
  if (auth === 'token') {
    if (tokenServer === undefined) throw new Error('the token set-up needs a token server');
    return [
      'auth:',
      '  token:',
      `    realm: ${q(tokenServer.realm)}`,
      `    service: ${q(tokenServer.service)}`,
      `    issuer: ${q(tokenServer.issuer)}`,
      `    rootcertbundle: ${q(tokenServer.rootCertPath)}`,
    ];
  }
  if (auth === 'htpasswd') {
    return ['auth:', '  htpasswd:', `    realm: ${q(HTPASSWD_REALM)}`, `    path: ${q(writeHtpasswd(dir))}`];
  }
  return [];
}

/** Serve HTTPS with this certificate; with `clientCa`, require client certificates it signed. */
export interface RegistryTlsFiles {
  cert: string;
  key: string;
  clientCa?: string;
}

function tlsSection(tls: RegistryTlsFiles | undefined): string[] {
  if (tls === undefined) return [];
  const lines = ['  tls:', `    certificate: ${q(tls.cert)}`, `    key: ${q(tls.key)}`];
  if (tls.clientCa) lines.push('    clientcas:', `      - ${q(tls.clientCa)}`);
  return lines;
}

/** Writes `dir/config.yml` for a registry on 127.0.0.1:`port`; returns its path. */
export function writeRegistryConfig(dir: string, port: number, auth: RegistryAuth, tokenServer?: TokenServer, tls?: RegistryTlsFiles): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${q(join(dir, 'data'))}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: ${q(`127.0.0.1:${port}`)}`,
    '  secret: mfx-test-http-secret',
    ...tlsSection(tls),
    ...authSection(auth, dir, tokenServer),
  ];
  const path = join(dir, 'config.yml');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
