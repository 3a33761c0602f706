/**
 * Where mfx keeps its caches: `$XDG_CACHE_HOME/mfx`, else `~/.cache/mfx` (the XDG default);
 * on macOS `~/Library/Caches/mfx`, on Windows `%LOCALAPPDATA%\mfx\Cache`. Nothing here
 * touches the disk.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'mfx');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'mfx');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'mfx', 'Cache');
  return join(home, '.cache', 'mfx');
}
