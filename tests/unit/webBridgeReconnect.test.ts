import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BridgeHandlers, CallerIdCall, CallerIdStatus } from '@shared/bridge/contract';
import { HostEvents } from '../../src/host/hostEvents';
import type { HostServices } from '../../src/host/hostServices';
import { createWebServer } from '../../src/web/webServer';
import { BridgeDisconnectedError, connectWebSocketBridge, type SocketLike } from '../../src/renderer/bridge/webSocketBridge';

// The renderer's web bridge against the web shell's real server (in this process, on a real
// port): a dropped socket reconnects and what rang meanwhile reaches the listeners (S17).

const status: CallerIdStatus = { state: 'connected', code: null, message: null, family: 'gsmClip', lastCallAt: null, garbageCount: 0 };
const call = (id: string): CallerIdCall => ({ id, number: '13800138000', name: null, withheld: false, numberStatus: 'present', at: Date.now() });
const silent = { info() {}, warn() {}, error() {} };

async function startServer() {
  const events = new HostEvents();
  let release: () => void = () => {};
  const handlers = {
    'app:info': () => ({ shell: 'web', version: '1', platform: 'linux', dataDir: '/tmp' }),
    'callerId:status': () => status,
    'callerId:recentCalls': () => events.recentCalls(),
    // Answers only when released: a call in flight when the socket drops.
    'callerId:listPorts': () => new Promise<[]>((resolve) => (release = () => resolve([]))),
  } as unknown as BridgeHandlers;
  const services = { handlers, events, logger: silent } as unknown as HostServices;
  let port = 0;
  const web = createWebServer({ rendererDir: '/nonexistent', token: 't0ken', services, port: () => port });
  await new Promise<void>((resolve) => web.server.listen(0, '127.0.0.1', resolve));
  port = (web.server.address() as AddressInfo).port;
  const sockets = new Set<import('node:stream').Duplex>();
  web.server.on('upgrade', (_req, socket) => sockets.add(socket));
  return {
    events,
    port,
    release: () => release(),
    dropAll: () => { for (const s of sockets) s.destroy(); sockets.clear(); },
    stop: () => new Promise<void>((resolve) => { web.close(); web.server.close(() => resolve()); web.server.closeAllConnections(); }),
  };
}

let stopServer: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stopServer?.();
  stopServer = null;
});

async function until(what: string, check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out: ${what}`);
}

describe('web bridge client', () => {
  it('S17: reconnects after a drop and delivers the call that rang meanwhile, and the status', async () => {
    const server = await startServer();
    stopServer = server.stop;
    const origin = `http://127.0.0.1:${server.port}`;
    const bridge = await connectWebSocketBridge('t0ken', {
      url: `ws://127.0.0.1:${server.port}/bridge?token=t0ken`,
      createSocket: (url) => new WebSocket(url, { origin }) as unknown as SocketLike,
      initialDelayMs: 20,
      maxDelayMs: 100,
    });
    const calls: string[] = [];
    const statuses: string[] = [];
    bridge.on('callerId:call', (c) => calls.push(c.id));
    bridge.on('callerId:status', (s) => statuses.push(s.state));

    server.events.emit('callerId:call', call('live'));
    await until('live call', () => calls.length === 1);

    const inFlight = bridge.invoke('callerId:listPorts');
    server.dropAll();
    // While the socket is down: a pending call fails clearly, and a call rings.
    await expect(inFlight).rejects.toBeInstanceOf(BridgeDisconnectedError);
    await expect(bridge.invoke('app:info')).rejects.toThrow(/disconnected/);
    server.events.emit('callerId:call', call('missed'));

    await until('replayed call', () => calls.includes('missed'));
    // The replay carries every recent call; logging once per id is the renderer's (callCommands).
    expect(calls).toEqual(['live', 'live', 'missed']);
    expect(statuses).toContain('connected');
    expect(await bridge.invoke('app:info')).toMatchObject({ shell: 'web' });
    server.release();
    bridge.close();
  });

  it('refuses at once when the first connection is refused (wrong token)', async () => {
    const server = await startServer();
    stopServer = server.stop;
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(connectWebSocketBridge('nope', {
      url: `ws://127.0.0.1:${server.port}/bridge?token=nope`,
      createSocket: (url) => new WebSocket(url, { origin }) as unknown as SocketLike,
    })).rejects.toThrow(/refused/);
  });
});
