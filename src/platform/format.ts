/**
 * Formats a platform as docker and containerd print it: `os/architecture[/variant]`.
 * `os.version` is not part of this form; tables show it in a column of its own.
 *
 * formatPlatformAll is containerd's FormatAll (platforms.go, v1.0.0-rc.4): it adds the
 * os.version and os.features in parentheses after the OS, %-encoded (see encoding.ts), with
 * the features sorted, de-duplicated and empty ones left out:
 *
 *   {windows, 10.0.17763, amd64}                → windows(10.0.17763)/amd64
 *   {windows, 10.0.17763, [win32k], amd64}      → windows(10.0.17763+win32k)/amd64
 *   {linux, [simd, gpu], amd64}                 → linux(+gpu+simd)/amd64
 *   {windows, 10.0.17763+build.42, amd64}       → windows(10.0.17763%2Bbuild.42)/amd64
 *
 * Its output parses back to the same os.version and features.
 */
import { encodeOSOption } from './encoding.js';
import { normalizeFeatures } from './normalize.js';

export interface PlatformLike {
  os: string;
  architecture: string;
  variant?: string | undefined;
  'os.version'?: string | undefined;
  'os.features'?: readonly string[] | undefined;
}

export function formatPlatform(p: PlatformLike): string {
  const parts = [p.os || 'unknown', p.architecture || 'unknown'];
  if (p.variant) parts.push(p.variant);
  return parts.join('/');
}

/** `os(<os.version>+<feature>...)/architecture[/variant]`; plain formatPlatform when both are empty. */
export function formatPlatformAll(p: PlatformLike): string {
  const features = normalizeFeatures((p['os.features'] ?? []).filter((f) => f !== ''));
  const options = encodeOSOption(p['os.version'] ?? '') + features.map((f) => `+${encodeOSOption(f)}`).join('');
  if (!options) return formatPlatform(p);
  const os = `${p.os || 'unknown'}(${options})`;
  return formatPlatform({ ...p, os });
}
