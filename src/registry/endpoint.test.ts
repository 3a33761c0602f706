import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveEndpoint } from './endpoint.js';

const cases: { registry: string; insecure?: string[]; tls?: boolean; want: string; fallback?: boolean }[] = [
  { registry: 'docker.io', want: 'https://registry-1.docker.io' },
  { registry: 'ghcr.io', want: 'https://ghcr.io' },
  { registry: 'registry.k8s.io', want: 'https://registry.k8s.io' },
  { registry: 'localhost:5000', want: 'http://localhost:5000' },
  { registry: 'localhost', want: 'http://localhost' },
  { registry: '127.0.0.1:5000', want: 'http://127.0.0.1:5000' },
  { registry: '127.8.9.10', want: 'http://127.8.9.10' },
  { registry: '[::1]:5000', want: 'http://[::1]:5000' },
  { registry: '10.0.0.1:5000', want: 'https://10.0.0.1:5000' },
  { registry: 'registry.lan:5000', insecure: ['registry.lan:5000'], want: 'https://registry.lan:5000', fallback: true },
  { registry: 'registry.lan:5000', insecure: ['registry.lan'], want: 'https://registry.lan:5000', fallback: true },
  { registry: 'registry.lan:5000', insecure: ['registry.lan:6000'], want: 'https://registry.lan:5000' },
  { registry: 'registry.lan', insecure: ['http://REGISTRY.lan/'], want: 'https://registry.lan', fallback: true },
  { registry: 'other.lan', insecure: ['registry.lan'], want: 'https://other.lan' },
  { registry: '127.0.0.1:5443', tls: true, want: 'https://127.0.0.1:5443' },
  { registry: 'localhost:5443', insecure: ['localhost:5443'], tls: true, want: 'https://localhost:5443' },
];

for (const c of cases) {
  test(`endpoint of ${c.registry}${c.insecure ? ` (insecure: ${c.insecure})` : ''} → ${c.want}`, () => {
    const e = resolveEndpoint(c.registry, c.insecure, c.tls);
    assert.equal(e.baseUrl.origin, c.want);
    assert.equal(e.plainHttp, c.want.startsWith('http:'));
    assert.equal(e.fallbackToHttp, c.fallback ?? false);
    assert.equal(e.registry, c.registry);
  });
}
