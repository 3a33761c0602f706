/**
 * The platform an image or a request names, with the OCI image-spec field names
 * (image-index.md "platform"): `os`, `architecture`, and optionally `variant`, `os.version`
 * and `os.features`. The manifest module's zod-inferred Platform has the same fields (plus
 * unknown extras), so a manifest entry's platform can be passed anywhere a Platform is taken.
 *
 * An absent field and an empty string mean the same thing here, as in Go's omitempty.
 */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

/** Builds a Platform and leaves out empty fields, so results compare equal with deepEqual. */
export function makePlatform(
  os: string,
  architecture: string,
  variant?: string,
  osVersion?: string,
  osFeatures?: readonly string[],
): Platform {
  const p: Platform = { os, architecture };
  if (variant) p.variant = variant;
  if (osVersion) p['os.version'] = osVersion;
  if (osFeatures && osFeatures.length > 0) p['os.features'] = [...osFeatures];
  return p;
}
