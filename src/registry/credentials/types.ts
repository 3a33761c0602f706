/**
 * Credentials as mfx sees them: a value that says what to send and where it came from, and
 * a lookup function from a registry name to such a value.
 *
 * The two kinds mirror what docker stores (docker/cli cli/config/types/authconfig.go):
 * a username and password, or an identity token (an OAuth refresh token, sent to the token
 * endpoint with `grant_type=refresh_token`; distribution docs/spec/auth/oauth.md).
 * `source` names the origin for messages ("credentials from ~/.docker/config.json auths
 * were refused") and never contains the secret itself.
 */

export type Credential =
  | { kind: 'basic'; username: string; password: string; source: string }
  | { kind: 'identity-token'; username?: string; identityToken: string; source: string };

/**
 * Credentials for a registry, or undefined for anonymous access. `registry` is the registry
 * name as shown to users: `docker.io`, `ghcr.io`, `localhost:5000`, `127.0.0.1:5000`.
 * `repository`, when the caller knows it, is the repository path within that registry
 * (`library/nginx`, `org/app`); sources that store credentials per repository (containers
 * auth files) use it, the others ignore it. Lookups written for one argument still fit.
 * Rejects with an MfxError when a configured source is broken (bad config file, failing
 * credential helper).
 */
export type CredentialLookup = (registry: string, repository?: string) => Promise<Credential | undefined>;
