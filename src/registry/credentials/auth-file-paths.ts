/**
 * Where podman, buildah and skopeo keep registry credentials: the containers auth files
 * (`auth.json`, containers-auth.json(5)), in the order they are searched.
 *
 * containers/image pkg/docker/config/config.go (`getAuthFilePaths`, `getPathToAuthWithOS`):
 * 1. the primary file:
 *    - Linux: `$XDG_RUNTIME_DIR/containers/auth.json`, or `/run/containers/<uid>/auth.json`
 *      when XDG_RUNTIME_DIR is unset or empty;
 *    - other systems: `$HOME/.config/containers/auth.json`;
 * 2. `$XDG_CONFIG_HOME/containers/auth.json`, XDG_CONFIG_HOME defaulting to `$HOME/.config`.
 * containers/image then reads docker's `config.json` and `~/.dockercfg`; mfx reads docker's
 * config before these files instead (see precedence.ts), and not `~/.dockercfg` at all.
 *
 * `REGISTRY_AUTH_FILE` (podman's default for `--authfile`, containers/common pkg/auth
 * `GetDefaultAuthFile`) names an auth file chosen by the user; containers/image then reads that
 * file ONLY (`getAuthFilePaths` skips every default when the path is user-specified), and so
 * does mfx among these files. A missing file is no credentials, as containers/image's `parse`
 * treats it; podman checks existence only for an explicit `--authfile` flag.
 *
 * Not read: `/etc/containers/auth.json`, which recent containers/image adds for root (first
 * under systemd, else last) and refuses when group- or world-readable. Empty variables count as
 * unset. The same path twice (macOS without XDG_CONFIG_HOME) is read once.
 */
import { join } from 'node:path';
import { homeDir } from './config-file.js';

/** The facts about the machine that choose the primary auth file. */
export interface AuthFileHost {
  /** `process.platform`. */
  platform: NodeJS.Platform;
  /** The user id in `/run/containers/<uid>/auth.json`; undefined where there is none. */
  uid: number | undefined;
  /** The directory holding `containers/<uid>/auth.json`: `/run`, a temporary one in tests. */
  runDir: string;
}

/** This process's machine. */
export function currentHost(): AuthFileHost {
  return { platform: process.platform, uid: process.getuid?.(), runDir: '/run' };
}

/** The containers auth files to read, in order; some may not exist. */
export function containersAuthFiles(env: NodeJS.ProcessEnv, host: AuthFileHost = currentHost()): string[] {
  const chosen = env['REGISTRY_AUTH_FILE'];
  if (chosen) return [chosen];
  const home = homeDir(env);
  const files: string[] = [];
  if (host.platform !== 'linux') files.push(join(home, '.config', 'containers', 'auth.json'));
  else if (env['XDG_RUNTIME_DIR']) files.push(join(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
  else if (host.uid !== undefined) files.push(join(host.runDir, 'containers', String(host.uid), 'auth.json'));
  const configHome = env['XDG_CONFIG_HOME'] || join(home, '.config');
  files.push(join(configHome, 'containers', 'auth.json'));
  return [...new Set(files)];
}
