import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { createTestDb } from '../../db/src/test-db.js';
import type { TestDb } from '../../db/src/test-db.js';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';

/** Stopping the server (Ctrl+C, systemd, a container's SIGTERM) must not wait on a client that stalls. */
describe('closing the server', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(async () => t?.drop());

  it('ends a connection whose request never finishes once the grace period is over', async () => {
    const app = await buildApp(t.db, configFromEnv({}, { dataDir: '/nonexistent' }), { closeGraceMs: 300 });
    const base = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
    // A login whose body is announced as 1,000 bytes and stops after 10: the request is under way, never idle.
    const socket = connect(Number(base.port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"username"',
    );
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    await app.close();
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(3000);
    await ended;
  });
});
