/**
 * The key material of the test token server, made with openssl: a self-signed EC P-256
 * root CA (the registry's `rootcertbundle`) and a signing certificate issued by it whose
 * key signs the tokens (its DER is the JWT header's `x5c`).
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireExecutable, runTool } from './executables.js';

export interface TokenKeys {
  /** PEM file holding the root certificate, for the registry's `auth.token.rootcertbundle`. */
  readonly rootCertPath: string;
  /** The private key of the signing certificate. */
  readonly signingKey: KeyObject;
  /** Base64 DER of the signing certificate, then of the root: the JWT `x5c` chain. */
  readonly x5c: readonly string[];
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function derBase64(pemPath: string): string {
  return new X509Certificate(readFileSync(pemPath)).raw.toString('base64');
}

/** Writes the root and signing certificates into `dir` and loads them. */
export function createTokenKeys(dir: string): TokenKeys {
  const openssl = requireExecutable('openssl', 'openssl', 'the test token server signs tokens with it');
  const p = (name: string): string => join(dir, name);
  runTool(openssl, [
    'req', '-x509', ...EC_KEY, '-keyout', p('root.key'), '-out', p('root.pem'),
    '-subj', '/CN=mfx test token root', '-days', '3650', '-sha256',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  runTool(openssl, [
    'req', '-new', ...EC_KEY, '-keyout', p('signer.key'), '-out', p('signer.csr'),
    '-subj', '/CN=mfx test token signer',
  ]);
  writeFileSync(p('signer.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n');
  runTool(openssl, [
    'x509', '-req', '-in', p('signer.csr'), '-CA', p('root.pem'), '-CAkey', p('root.key'),
    '-set_serial', '2', '-days', '3650', '-sha256', '-extfile', p('signer.ext'), '-out', p('signer.pem'),
  ]);
  return {
    rootCertPath: p('root.pem'),
    signingKey: createPrivateKey(readFileSync(p('signer.key'))),
    x5c: [derBase64(p('signer.pem')), derBase64(p('root.pem'))],
  };
}
