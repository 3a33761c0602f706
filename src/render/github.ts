/**
 * GitHub Actions workflow commands for `mfx check`: an `::error::` annotation per missing
 * platform and per image that could not be checked. Data is escaped as the runner expects
 * (`%`, CR and LF in messages; also `:` and `,` in properties), so a registry's text cannot
 * inject commands. Docs: "Workflow commands for GitHub Actions".
 */
import type { CheckResult } from '../check.js';
import { formatPlatform } from '../platform/format.js';
import { imageLabel } from './check-matrix.js';
import { sanitize } from './sanitize.js';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotations(r: CheckResult): string {
  const lines: string[] = [];
  for (const image of r.images) {
    const label = imageLabel(image);
    if (image.error) {
      lines.push(`::error title=${escapeProperty(`mfx check: ${label}`)}::${escapeData(sanitize(image.error.message))}`);
      continue;
    }
    for (const c of image.platforms.filter((p) => !p.match)) {
      const platform = formatPlatform(c.request.platform);
      lines.push(`::error title=${escapeProperty(`missing platform ${platform}`)}::${escapeData(`${label} has no ${platform} image`)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
