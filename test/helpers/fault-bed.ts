/**
 * The set-up every fault test file shares: a real registry with some fixtures pushed, a
 * fault proxy in front of it, and the proxy's faults and log cleared before each test.
 * Call at the top level of a test file; `ready` receives the live pair once it is up.
 */
import { after, before, beforeEach } from 'node:test';
import type { Fixture } from '../fixtures/images.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { pushAll } from './push.js';
import { type RegistryAuth, startRegistry, type TestRegistry } from './registry.js';

export function faultBed(
  auth: RegistryAuth,
  fixtures: readonly Fixture[],
  ready: (bed: { registry: TestRegistry; proxy: FaultProxy }) => void,
): void {
  let registry: TestRegistry | undefined;
  let proxy: FaultProxy | undefined;
  before(async () => {
    registry = await startRegistry({ auth });
    await pushAll(registry, fixtures);
    proxy = await startFaultProxy(registry.url);
    ready({ registry, proxy });
  });
  after(async () => {
    await proxy?.stop();
    await registry?.stop();
  });
  beforeEach(() => proxy?.clear());
}
