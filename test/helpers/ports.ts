/**
 * Loopback port helpers for the test bed: a port that is free right now (to hand to a
 * server we start) and a port where nothing listens (to test "connection refused").
 */
import { createServer } from 'node:net';

/** Binds 127.0.0.1:0, reads the port the kernel picked, closes the socket and returns it. */
export async function freePort(): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a loopback socket'));
        return;
      }
      server.close((err) => (err ? reject(err) : resolve(address.port)));
    });
  });
}

/** A loopback port where nothing listens: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  return await freePort();
}
