/**
 * Formats a platform as docker and containerd print it: `os/architecture[/variant]`.
 * `os.version` is not part of this form; tables show it in a column of its own.
 */
export interface PlatformLike {
  os: string;
  architecture: string;
  variant?: string | undefined;
}

export function formatPlatform(p: PlatformLike): string {
  const parts = [p.os || 'unknown', p.architecture || 'unknown'];
  if (p.variant) parts.push(p.variant);
  return parts.join('/');
}
