/**
 * The grammar of image references, as regular expressions built once from named pieces.
 *
 *   reference       := name [ ":" tag ] [ "@" digest ]
 *   name            := [ domain-and-port "/" ] path-component ( "/" path-component )*
 *   domain-and-port := host [ ":" port ]
 *   host            := domain-name | "[" ipv6-hex-and-colons "]"
 *   domain-name     := domain-component ( "." domain-component )*
 *   domain-component:= [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
 *   port            := [0-9]+
 *   path-component  := [a-z0-9]+ ( separator [a-z0-9]+ )*
 *   separator       := [._] | "__" | "-"+
 *   tag             := [\w][\w.-]{0,127}
 *   digest          := algorithm ":" hex        (hex is at least 32 characters)
 *   algorithm       := [A-Za-z][A-Za-z0-9]* ( [-_+.] [A-Za-z][A-Za-z0-9]* )*
 *   identifier      := [a-f0-9]{64}             (a bare image ID)
 *
 * Examples: `ghcr.io/owner/app:1.2` (domain ghcr.io, path owner/app, tag 1.2);
 * `[::1]:5000/x`; `a__b/c---d`; not `a..b`, `-a`, `a/`, `[::1]` alone, `host:http/x`.
 *
 * The domain may contain uppercase letters; path components may not. A name with no `/` has
 * no domain (`test.com` is a path here; normalization decides what it means). Every exported
 * expression is anchored (`^…$`) and has no `g` flag, so it is safe to share. Groups are named.
 */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';

const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6Address})`;
const domainAndPort = `${host}${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const name = `(?:${domainAndPort}/)?${remoteName}`;

/** Source text of the tag grammar (unanchored). */
export const TAG_PATTERN = '[\\w][\\w.-]{0,127}';

/** Source text of the digest grammar accepted inside a reference (unanchored). */
export const DIGEST_PATTERN = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';

const anchored = (source: string): RegExp => new RegExp(`^${source}$`);

/** A registry host with optional port: `ghcr.io`, `localhost:5000`, `[fd00::1]:443`. */
export const ANCHORED_DOMAIN_AND_PORT = anchored(domainAndPort);

/** One path component: `nginx`, `a__b`, `x-----y`, `v1.2`. */
export const ANCHORED_PATH_COMPONENT = anchored(pathComponent);

/** A name; groups `domain` (undefined when absent) and `path`. */
export const ANCHORED_NAME = anchored(`(?:(?<domain>${domainAndPort})/)?(?<path>${remoteName})`);

/** A whole reference; groups `name`, `tag` and `digest` (undefined when absent). */
export const REFERENCE = anchored(
  `(?<name>${name})(?::(?<tag>${TAG_PATTERN}))?(?:@(?<digest>${DIGEST_PATTERN}))?`,
);

/** A tag: `latest`, `1.25-alpine`, `TAG_5`; at most 128 characters, not starting with `.`/`-`. */
export const ANCHORED_TAG = anchored(TAG_PATTERN);

/** A digest as the reference grammar allows it (go-digest applies stricter rules after). */
export const ANCHORED_DIGEST = anchored(DIGEST_PATTERN);

/** A bare 64-hex image ID, which is never a repository name. */
export const ANCHORED_IDENTIFIER = anchored('[a-f0-9]{64}');
