import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackRegistry, registryEndpoint } from './registry.js';

const endpointCases: { input: string; want: string }[] = [
  { input: 'docker.io', want: 'registry-1.docker.io' },
  { input: 'index.docker.io', want: 'registry-1.docker.io' },
  { input: 'ghcr.io', want: 'ghcr.io' },
  { input: 'localhost:5000', want: 'localhost:5000' },
  { input: '[::1]:5000', want: '[::1]:5000' },
  { input: 'registry-1.docker.io', want: 'registry-1.docker.io' },
];

for (const c of endpointCases) {
  test(`registryEndpoint(${JSON.stringify(c.input)}) → ${c.want}`, () => {
    assert.equal(registryEndpoint(c.input), c.want);
  });
}

const loopbackCases: { input: string; want: boolean }[] = [
  { input: 'localhost', want: true },
  { input: 'localhost:5000', want: true },
  { input: 'LocalHost:5000', want: true },
  { input: 'localhost.example.com', want: false },
  { input: 'mylocalhost', want: false },
  { input: 'localhost:', want: false },
  { input: 'localhost:http', want: false },
  { input: '127.0.0.1', want: true },
  { input: '127.0.0.1:5000', want: true },
  { input: '127.1.2.3:80', want: true },
  { input: '127.255.255.255', want: true },
  { input: '127.256.0.1', want: false },
  { input: '127.0.0.01', want: false },
  { input: '127.1', want: false },
  { input: '128.0.0.1', want: false },
  { input: '10.0.0.1', want: false },
  { input: '127.0.0.1.example.com', want: false },
  { input: '[::1]', want: true },
  { input: '[::1]:5000', want: true },
  { input: '[0:0:0:0:0:0:0:1]', want: true },
  { input: '[::0:1]:80', want: true },
  { input: '[::2]', want: false },
  { input: '[2001:db8::1]:5000', want: false },
  { input: '[::1', want: false },
  { input: '[::1]5000', want: false },
  { input: '::1', want: false },
  { input: 'docker.io', want: false },
  { input: '', want: false },
];

for (const c of loopbackCases) {
  test(`isLoopbackRegistry(${JSON.stringify(c.input)}) is ${c.want}`, () => {
    assert.equal(isLoopbackRegistry(c.input), c.want);
  });
}
