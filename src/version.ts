/**
 * mfx's version. The bundled CLI gets it inlined at build time (`MFX_VERSION`, see the
 * `bundle` script); the library reads package.json, one level above both src/ and dist/.
 */
import { createRequire } from 'node:module';

declare const MFX_VERSION: string | undefined;

export const VERSION: string =
  typeof MFX_VERSION === 'string' ? MFX_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
export const USER_AGENT = `mfx/${VERSION} (+https://www.npmjs.com/package/mfx) node/${process.versions.node}`;
