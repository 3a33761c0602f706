/**
 * The view of `mfx inspect REF --platform P`: the one image chosen for the platform, with
 * what pins and describes it. Says so when an older compatible variant stood in.
 */
import { layersSizeOf } from '../image.js';
import type { InspectResult, SelectedImage } from '../inspect.js';
import { describeMediaType } from '../manifest/media-types.js';
import { formatPlatform } from '../platform/format.js';
import { formatQualified, referenceName } from '../ref/reference.js';
import { sanitize } from './sanitize.js';
import { formatBytes } from './size.js';
import { type TableOptions, arrow, fieldLines } from './layout.js';

/** "no linux/arm/v7 image; using the compatible linux/arm/v6" — for a selection that fell back. */
export function fallbackNote(s: SelectedImage): string | undefined {
  if (s.exact) return undefined;
  return `no ${formatPlatform(s.request.platform)} image; using the compatible ${sanitize(formatPlatform(s.platform))}`;
}

export function renderSelected(r: InspectResult, s: SelectedImage, opts: TableOptions): string {
  const { chalk } = opts;
  const { image } = s;
  const platform = sanitize(formatPlatform(s.platform));
  const note = fallbackNote(s);
  const layersSize = layersSizeOf(image.layers);
  const fields: [string, string][] = [
    ['platform', `${platform}  (requested ${sanitize(s.request.text)}${note ? `: ${note}` : ''})`],
    ['digest', s.digest],
    ['media type', sanitize(describeMediaType(s.mediaType))],
    ['pinned', `${referenceName(r.reference)}@${s.digest}`],
  ];
  if (image.config) fields.push(['config', image.config.digest]);
  if (image.created) fields.push(['created', sanitize(image.created)]);
  const osVersion = image.platform['os.version'] ?? s.platform['os.version'];
  if (osVersion) fields.push(['os.version', sanitize(osVersion)]);
  fields.push([
    'layers',
    `${image.layers.length}${layersSize !== undefined ? `, ${formatBytes(layersSize)} compressed` : ' (sizes not listed by schema 1)'}`,
  ]);
  if (image.compressedSize !== undefined) fields.push(['total size', `${formatBytes(image.compressedSize)} compressed (config and layers)`]);
  if (r.kind === 'index') fields.push(['from index', `${r.digest} (${sanitize(describeMediaType(r.mediaType))})`]);
  const title = `${sanitize(formatQualified(r.reference))} ${arrow(opts)} ${platform}`;
  return `${[chalk.bold(title), ...fieldLines(chalk, fields)].join('\n')}\n`;
}
