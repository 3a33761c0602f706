/**
 * One line of text for an `Origin`, for the CLI's "where it came from" output.
 *
 * Shape: `PLACE[:LINE][ DETAIL]`, where PLACE is the path, `<stdin>` for standard input and
 * `argument` for a command-line argument. Examples: `compose.yaml:12 services.web.image`,
 * `k8s/app.yaml:30 Deployment/api containers[1]`, `Dockerfile:3 FROM`, `images.txt:4`,
 * `<stdin>:2`, `argument`.
 */

import type { Origin } from './types.js';

/** Formats an origin as `PLACE[:LINE][ DETAIL]`. */
export function formatOrigin(origin: Origin): string {
  const place = origin.path ?? (origin.kind === 'stdin' ? '<stdin>' : origin.kind);
  const line = origin.line === undefined ? '' : `:${origin.line}`;
  const detail = origin.detail === undefined || origin.detail === '' ? '' : ` ${origin.detail}`;
  return `${place}${line}${detail}`;
}

/** True when two origins name the same place (same kind, path, line and detail). */
export function sameOrigin(a: Origin, b: Origin): boolean {
  return a.kind === b.kind && a.path === b.path && a.line === b.line && a.detail === b.detail;
}
