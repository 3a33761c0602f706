/**
 * Finds the external programs the test bed runs (docker-registry, openssl, htpasswd) and
 * runs short-lived ones, failing with an error that says which package provides them.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The absolute path of an executable found on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The path of `name`, or an Error naming the Debian package that provides it. */
export function requireExecutable(name: string, debianPackage: string, why: string): string {
  const found = findOnPath(name);
  if (found === undefined) {
    throw new Error(
      `${name} not found on PATH: install it with 'apt-get install -y ${debianPackage}' (Debian) — ${why}`,
    );
  }
  return found;
}

/** Runs a program to completion; throws with its stderr when it fails. Returns stdout. */
export function runTool(file: string, args: readonly string[], cwd?: string): string {
  const result = spawnSync(file, args, { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${file} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}
