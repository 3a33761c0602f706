/**
 * mfx's own configuration file, and the part of docker's daemon.json it shares.
 *
 * `$MFX_CONFIG`, else `$XDG_CONFIG_HOME/mfx/config.json` (default `~/.config/mfx/config.json`);
 * a missing file is an empty configuration, a malformed one a usage error naming it:
 *
 *   {
 *     "mirrors": ["https://mirror.example"],          // for docker.io, tried in order
 *     "insecureRegistries": ["registry.lan:5000"],
 *     "caFiles": ["/etc/ssl/corp-ca.pem"],
 *     "registries": {
 *       "registry.lan:5000": { "caFile": "/etc/ssl/lan-ca.pem", "mirrors": ["http://cache.lan:5000"] }
 *     }
 *   }
 *
 * docker's `/etc/docker/daemon.json` (`$MFX_DAEMON_JSON` overrides the path) adds its
 * `registry-mirrors` (Docker Hub only, as docker uses them) and `insecure-registries`.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';

export const DEFAULT_DAEMON_JSON = '/etc/docker/daemon.json';

const RegistryOptions = z.object({
  insecure: z.boolean().optional(),
  mirrors: z.array(z.string()).optional(),
  /** CA (PEM) for this registry only, like certs.d/HOST/ca.crt. */
  caFile: z.string().optional(),
});

export const MfxConfig = z.object({
  mirrors: z.array(z.string()).optional(),
  insecureRegistries: z.array(z.string()).optional(),
  caFiles: z.array(z.string()).optional(),
  registries: z.record(z.string(), RegistryOptions).optional(),
});
export type MfxConfig = z.infer<typeof MfxConfig>;

const DaemonJson = z.looseObject({
  'registry-mirrors': z.array(z.string()).optional(),
  'insecure-registries': z.array(z.string()).optional(),
});

export function configPath(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  if (env.MFX_CONFIG) return env.MFX_CONFIG;
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'mfx', 'config.json');
}

async function readJson<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`${path}: cannot read ${what} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path}: ${what} is not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${path}: ${what}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** mfx's configuration merged with docker's daemon.json (docker's entries come after mfx's). */
export async function loadConfig(env: NodeJS.ProcessEnv): Promise<MfxConfig> {
  const path = configPath(env);
  const own = (await readJson(path, MfxConfig, 'the mfx configuration')) ?? {};
  const daemon = (await readJson(env.MFX_DAEMON_JSON || DEFAULT_DAEMON_JSON, DaemonJson, "docker's daemon.json")) ?? {};
  return {
    ...own,
    mirrors: [...(own.mirrors ?? []), ...(daemon['registry-mirrors'] ?? [])],
    insecureRegistries: [...(own.insecureRegistries ?? []), ...(daemon['insecure-registries'] ?? [])],
  };
}
