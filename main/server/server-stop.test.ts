import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './auth/server-test-kit.js';

describe('server stop', () => {
  it('does not wait on a client that never finishes its request', async () => {
    const server = await startTestServer([]);
    const { port } = new URL(server.url);
    // Half a request: to Node this connection is busy, not idle, and would hold close() for a minute.
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    socket.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const started = Date.now();
    await server.stop();
    await closed;
    // Bounded by the grace before busy connections are cut, far below the 10 s shutdown limit.
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});
