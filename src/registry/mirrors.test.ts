import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MfxError } from '../errors.js';
import { parseReference } from '../ref/reference.js';
import { mirrorSources, viaMirrors } from './mirrors.js';

const ref = parseReference('nginx:1.27');

const cases: { url: string; registry: string; plainHttp: boolean }[] = [
  { url: 'https://mirror.example', registry: 'mirror.example', plainHttp: false },
  { url: 'http://cache.lan:5000', registry: 'cache.lan:5000', plainHttp: true },
  { url: 'mirror.gcr.io', registry: 'mirror.gcr.io', plainHttp: false },
  { url: 'https://mirror.example:8443/', registry: 'mirror.example:8443', plainHttp: false },
];

for (const c of cases) {
  test(`mirror ${c.url} → ${c.registry}${c.plainHttp ? ' (plain HTTP)' : ''}`, () => {
    const [m] = mirrorSources(ref, [c.url]);
    assert.equal(m?.ref.registry, c.registry);
    assert.equal(m?.ref.repository, 'library/nginx');
    assert.equal(m?.ref.tag, '1.27');
    assert.equal(m?.plainHttp, c.plainHttp);
  });
}

test('mirrors in order, then the registry; failures are logged and passed over', async () => {
  const asked: string[] = [];
  const logged: string[] = [];
  const mirrors = mirrorSources(ref, ['a.example', 'b.example']);
  const got = await viaMirrors(
    ref,
    mirrors,
    async (from) => {
      asked.push(from.registry);
      if (from.registry !== 'docker.io') throw new MfxError('not-found', `${from.registry} lacks it`);
      return 'from the registry';
    },
    (l) => logged.push(l),
  );
  assert.equal(got, 'from the registry');
  assert.deepEqual(asked, ['a.example', 'b.example', 'docker.io']);
  assert.equal(logged.length, 2);
});

test('a usage error or a bug is not passed over', async () => {
  const mirrors = mirrorSources(ref, ['a.example']);
  await assert.rejects(viaMirrors(ref, mirrors, async () => { throw new MfxError('usage', 'bad'); }), /bad/);
  await assert.rejects(viaMirrors(ref, mirrors, async () => { throw new TypeError('bug'); }), TypeError);
});
