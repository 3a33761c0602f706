import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authConfigKey, convertToHostname, findAuthKey, isDockerHub } from './registry-key.js';

describe('convertToHostname', () => {
  const cases: { name: string; input: string; want: string }[] = [
    { name: 'plain host', input: 'ghcr.io', want: 'ghcr.io' },
    { name: 'host and port', input: 'localhost:5000', want: 'localhost:5000' },
    { name: 'https URL', input: 'https://ghcr.io', want: 'ghcr.io' },
    { name: 'http URL with port and path', input: 'http://localhost:5000/v1/', want: 'localhost:5000' },
    { name: 'Docker Hub key', input: 'https://index.docker.io/v1/', want: 'index.docker.io' },
    { name: 'host with path, no scheme', input: 'registry.example.com/v2/', want: 'registry.example.com' },
    { name: 'userinfo dropped', input: 'https://user:pw@r.example:8443/x', want: 'r.example:8443' },
    { name: 'query dropped', input: 'https://r.example?x=1', want: 'r.example' },
    { name: 'empty port dropped', input: 'https://r.example:/', want: 'r.example' },
    { name: 'IPv6 with port', input: 'https://[::1]:5000/v2/', want: '[::1]:5000' },
    { name: 'IPv6 without port loses brackets', input: 'https://[::1]/', want: '::1' },
    { name: 'scheme without host', input: 'https:///path', want: 'https:' },
    { name: 'empty', input: '', want: '' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(convertToHostname(c.input), c.want));
});

describe('isDockerHub and authConfigKey', () => {
  const cases: { name: string; input: string; want: [boolean, string] }[] = [
    { name: 'docker.io', input: 'docker.io', want: [true, 'https://index.docker.io/v1/'] },
    { name: 'index.docker.io', input: 'index.docker.io', want: [true, 'https://index.docker.io/v1/'] },
    { name: 'uppercase', input: 'Docker.IO', want: [true, 'https://index.docker.io/v1/'] },
    { name: 'registry-1 is a plain host to docker', input: 'registry-1.docker.io', want: [false, 'registry-1.docker.io'] },
    { name: 'other registry', input: '127.0.0.1:5000', want: [false, '127.0.0.1:5000'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepStrictEqual([isDockerHub(c.input), authConfigKey(c.input)], c.want));
  }
});

describe('findAuthKey', () => {
  const HUB = 'https://index.docker.io/v1/';
  /** input: [registry, ...keys in file order] */
  const cases: { name: string; input: [string, ...string[]]; want: string | undefined }[] = [
    { name: 'exact', input: ['ghcr.io', 'quay.io', 'ghcr.io'], want: 'ghcr.io' },
    { name: 'exact beats normalised', input: ['ghcr.io', 'https://ghcr.io', 'ghcr.io'], want: 'ghcr.io' },
    { name: 'normalised: first in order', input: ['ghcr.io', 'https://ghcr.io/', 'http://ghcr.io'], want: 'https://ghcr.io/' },
    { name: 'case-insensitive', input: ['ghcr.io', 'https://GHCR.io'], want: 'https://GHCR.io' },
    { name: 'Docker Hub key', input: ['docker.io', 'docker.io', HUB], want: HUB },
    { name: 'Docker Hub alias', input: ['docker.io', 'https://index.docker.io/v2/'], want: 'https://index.docker.io/v2/' },
    { name: 'registry-1 is not Docker Hub', input: ['docker.io', 'registry-1.docker.io'], want: undefined },
    { name: 'port must match', input: ['localhost:5000', 'localhost:5001', 'localhost'], want: undefined },
    { name: 'none', input: ['ghcr.io'], want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [registry, ...keys] = c.input;
      assert.equal(findAuthKey(keys, registry), c.want);
    });
  }
});
