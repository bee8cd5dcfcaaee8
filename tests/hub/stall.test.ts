// S16: a request body that stops arriving is answered 408 after the hub's body timeout (set low
// here with HUB_BODY_TIMEOUT_MS), and a client that goes away mid-body is no internal error.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { send } from './support/client';
import { enrolStations } from './support/enrol';
import { startHub, type RunningHub } from './support/hubProcess';
import { createStore, describeStores, type TestStore } from './support/stores';

describeStores('stalled and abandoned uploads', (kind) => {
  let store: TestStore;
  let hub: RunningHub;
  let token: string;
  beforeAll(async () => {
    store = await createStore(kind);
    [token] = (await enrolStations(store.env, [['estate-a', 'FD-1']])) as [string];
    hub = await startHub({ ...store.env, HUB_BODY_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await hub?.stop();
    await store?.drop();
  });

  const head = (length: number) =>
    `POST /v1/events HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${length}\r\n\r\n`;

  it('S16: answers 408 REQUEST_TIMEOUT to a body that stalls, and closes the connection', async () => {
    const socket = connect(hub.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.write(`${head(1000)}{"events":[`);
    // The client sends nothing more; the hub must answer and close by itself.
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'REQUEST_TIMEOUT', hubEpoch: hub.epoch, hubTime: expect.any(String) });
    expect(hub.logs.some((l) => l.msg === 'internal error')).toBe(false);
  }, 30_000);

  it('S16: a client that goes away mid-body is logged as such, not as an internal error', async () => {
    const socket = connect(hub.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(`${head(100_000)}{"events":[`);
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    // The hub keeps serving; the abort shows in its log once handled.
    for (let i = 0; i < 50 && !hub.logs.some((l) => l.msg === 'request aborted by client'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(hub.logs.some((l) => l.msg === 'request aborted by client')).toBe(true);
    expect(hub.logs.some((l) => l.msg === 'internal error')).toBe(false);
    expect((await send(hub.url, { path: '/v1/health' })).status).toBe(200);
  }, 30_000);
});
