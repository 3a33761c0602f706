import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuVariantFromMachine, hostPlatform, platformFromNode, type NodeHostInfo } from './host.js';
import type { Platform } from './types.js';

test('platformFromNode: Node platform and arch names to OCI names', () => {
  const rows: [NodeHostInfo, Platform][] = [
    [{ platform: 'linux', arch: 'x64' }, { os: 'linux', architecture: 'amd64' }],
    [{ platform: 'win32', arch: 'x64' }, { os: 'windows', architecture: 'amd64' }],
    [{ platform: 'win32', arch: 'x64', osVersion: '10.0.20348' }, { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348' }],
    [{ platform: 'win32', arch: 'ia32' }, { os: 'windows', architecture: '386' }],
    [{ platform: 'darwin', arch: 'arm64' }, { os: 'darwin', architecture: 'arm64', variant: 'v8' }],
    [{ platform: 'linux', arch: 'arm', variables: { arm_version: '7' } }, { os: 'linux', architecture: 'arm', variant: 'v7' }],
    [{ platform: 'linux', arch: 'arm', variables: { arm_version: '6' } }, { os: 'linux', architecture: 'arm', variant: 'v6' }],
    [{ platform: 'linux', arch: 'arm' }, { os: 'linux', architecture: 'arm' }],
    [{ platform: 'linux', arch: 'ppc64', variables: { node_byteorder: 'little' } }, { os: 'linux', architecture: 'ppc64le' }],
    [{ platform: 'aix', arch: 'ppc64', variables: { node_byteorder: 'big' } }, { os: 'aix', architecture: 'ppc64' }],
    [{ platform: 'linux', arch: 's390x' }, { os: 'linux', architecture: 's390x' }],
    [{ platform: 'linux', arch: 'mipsel' }, { os: 'linux', architecture: 'mipsle' }],
    [{ platform: 'linux', arch: 'mips64el' }, { os: 'linux', architecture: 'mips64le' }],
    [{ platform: 'linux', arch: 'riscv64' }, { os: 'linux', architecture: 'riscv64' }],
    [{ platform: 'linux', arch: 'loong64' }, { os: 'linux', architecture: 'loong64' }],
    [{ platform: 'freebsd', arch: 'x64' }, { os: 'freebsd', architecture: 'amd64' }],
    [{ platform: 'sunos', arch: 'x64' }, { os: 'solaris', architecture: 'amd64' }],
  ];
  for (const [info, want] of rows) assert.deepEqual(platformFromNode(info), want, JSON.stringify(info));
});

test('hostPlatform: this machine, in OCI names', () => {
  const host = hostPlatform();
  assert.deepEqual(host, platformFromNode({ platform: process.platform, arch: process.arch, variables: { ...process.config.variables } }));
  assert.ok(!['win32', 'x64', 'ia32'].includes(host.os) && !['x64', 'ia32'].includes(host.architecture));
});

test('cpuVariantFromMachine: uname -m to an ARM variant number', () => {
  const rows: [string, string | undefined][] = [
    ['aarch64', '8'], ['Armv8', '8'], ['armv8l', '8'], ['armv7l', '7'], ['armv6l', '6'], ['armv5tel', '5'],
    ['armv4', '4'], ['armv3', '3'], ['armv9', 'unknown'], ['armxxxx', undefined], ['armv', undefined], ['x86_64', undefined], ['', undefined],
  ];
  for (const [machine, want] of rows) assert.equal(cpuVariantFromMachine(machine), want, machine);
});
