/** mfx's version, read from package.json (one level above both src/ and dist/). */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const VERSION: string = pkg.version;
export const USER_AGENT = `mfx/${VERSION} (+https://www.npmjs.com/package/mfx) node/${process.versions.node}`;
