/**
 * Signs the JSON Web Tokens the test token server hands out, in the shape the CNCF
 * distribution registry verifies: ES256 (JOSE raw r||s signature), `x5c` header, and the
 * claims iss, sub, aud, exp, nbf, iat, jti and `access`.
 */
import { randomBytes, sign, type KeyObject } from 'node:crypto';

export interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenClaims {
  issuer: string;
  subject: string;
  audience: string;
  expiresIn: number;
  access: AccessEntry[];
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** A compact JWS (header.claims.signature) signed with the ES256 `key`. */
export function signToken(claims: TokenClaims, key: KeyObject, x5c: readonly string[], now = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000);
  const header = { typ: 'JWT', alg: 'ES256', x5c };
  const payload = {
    iss: claims.issuer,
    sub: claims.subject,
    aud: claims.audience,
    exp: seconds + claims.expiresIn,
    nbf: seconds - 1,
    iat: seconds,
    jti: randomBytes(12).toString('hex'),
    access: claims.access,
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}
