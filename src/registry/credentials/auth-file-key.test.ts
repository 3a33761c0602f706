import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authFileKeyCandidates, findAuthFileKey } from './auth-file-key.js';

const HUB = 'https://index.docker.io/v1/';

describe('authFileKeyCandidates', () => {
  const cases: { name: string; input: [string, string?]; want: string[] }[] = [
    { name: 'registry only', input: ['quay.io'], want: ['quay.io'] },
    { name: 'empty repository', input: ['quay.io', ''], want: ['quay.io'] },
    {
      name: 'most specific first',
      input: ['quay.io', 'org/team/app'],
      want: ['quay.io/org/team/app', 'quay.io/org/team', 'quay.io/org', 'quay.io'],
    },
    { name: 'stray slashes ignored', input: ['quay.io', '/org//app/'], want: ['quay.io/org/app', 'quay.io/org', 'quay.io'] },
    { name: 'host and port', input: ['localhost:5000', 'a/b'], want: ['localhost:5000/a/b', 'localhost:5000/a', 'localhost:5000'] },
    {
      name: 'Docker Hub as docker.io',
      input: ['index.docker.io', 'library/nginx'],
      want: ['docker.io/library/nginx', 'docker.io/library', 'docker.io'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepStrictEqual(authFileKeyCandidates(...c.input), c.want));
});

describe('findAuthFileKey', () => {
  /** input: [registry, repository, ...keys in file order] */
  const cases: { name: string; input: [string, string | undefined, ...string[]]; want: string | undefined }[] = [
    { name: 'registry key', input: ['quay.io', undefined, 'ghcr.io', 'quay.io'], want: 'quay.io' },
    {
      name: 'repository key beats registry key',
      input: ['quay.io', 'org/app', 'quay.io', 'quay.io/org/app'],
      want: 'quay.io/org/app',
    },
    {
      name: 'longest prefix wins, whatever the file order',
      input: ['quay.io', 'org/team/app', 'quay.io/org', 'quay.io/org/team', 'quay.io'],
      want: 'quay.io/org/team',
    },
    { name: 'prefix ends at a slash', input: ['quay.io', 'organisation/app', 'quay.io/org'], want: undefined },
    {
      name: 'another repository falls back to the registry',
      input: ['quay.io', 'other/app', 'quay.io/org', 'quay.io'],
      want: 'quay.io',
    },
    { name: 'namespaced key never stands for the registry', input: ['quay.io', undefined, 'quay.io/org'], want: undefined },
    { name: 'nor for another repository', input: ['quay.io', 'other/app', 'quay.io/org/app'], want: undefined },
    { name: 'repository keys compare exactly', input: ['quay.io', 'org/app', 'quay.io/Org/app'], want: undefined },
    { name: 'URL key by host', input: ['quay.io', 'org/app', 'https://quay.io'], want: 'https://quay.io' },
    {
      name: 'URL key with a path by host',
      input: ['localhost:5000', undefined, 'http://localhost:5000/v1/'],
      want: 'http://localhost:5000/v1/',
    },
    { name: 'trailing slash is not a namespace', input: ['quay.io', undefined, 'quay.io/'], want: 'quay.io/' },
    { name: 'bare registry beats a URL key', input: ['quay.io', undefined, 'https://quay.io', 'quay.io'], want: 'quay.io' },
    { name: 'port must match', input: ['localhost:5000', 'a', 'localhost:5001/a', 'localhost'], want: undefined },
    { name: 'Docker Hub: podman key', input: ['docker.io', 'library/nginx', 'docker.io'], want: 'docker.io' },
    { name: 'Docker Hub: docker key', input: ['docker.io', 'library/nginx', HUB], want: HUB },
    { name: 'Docker Hub: podman key beats docker key', input: ['docker.io', undefined, HUB, 'docker.io'], want: 'docker.io' },
    {
      name: 'Docker Hub: repository key',
      input: ['index.docker.io', 'library/nginx', 'docker.io', 'docker.io/library/nginx'],
      want: 'docker.io/library/nginx',
    },
    { name: 'Docker Hub: namespace key', input: ['docker.io', 'org/app', HUB, 'docker.io/org'], want: 'docker.io/org' },
    { name: 'none', input: ['quay.io', 'org/app'], want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [registry, repository, ...keys] = c.input;
      assert.equal(findAuthFileKey(keys, registry, repository), c.want);
    });
  }
});
