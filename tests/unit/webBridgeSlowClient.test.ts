import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../src/shared/bridge/contract';
import { HostEvents } from '../../src/host/hostEvents';
import type { HostServices } from '../../src/host/hostServices';
import { MAX_BUFFERED_BYTES } from '../../src/web/bridgeSocket';
import { createWebServer } from '../../src/web/webServer';
import { openBridge } from '../e2e/support/rawClients';

// S2: a bridge client that stops reading is dropped once its unsent events pass a bound,
// instead of the shell buffering for it without limit; a reading client gets everything.

describe('a bridge client that does not read', () => {
  it('S2: is closed once its unsent events pass the bound; a reading client gets them all', async () => {
    const events = new HostEvents();
    const warnings: string[] = [];
    const logger = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const services = { handlers: {} as BridgeHandlers, events, logger } as unknown as HostServices;
    let port = 0;
    const web = createWebServer({ rendererDir: '/nonexistent', token: 't0ken', services, port: () => port });
    await new Promise<void>((resolve) => web.server.listen(0, '127.0.0.1', resolve));
    port = (web.server.address() as AddressInfo).port;
    const origin = `http://127.0.0.1:${port}`;
    try {
      const reader = await openBridge({ port, token: 't0ken', origin });
      let delivered = 0;
      reader.ws.on('message', () => delivered++);

      // The slow client: a valid upgrade, then it reads nothing until the burst is over.
      const slow = connect(port, '127.0.0.1');
      slow.write(`GET /bridge?token=t0ken HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      await new Promise<void>((resolve) => slow.once('data', () => resolve()));
      slow.pause();

      const COUNT = 100;
      const hex = 'ab'.repeat(128 * 1024);
      for (let i = 0; i < COUNT; i++) {
        events.emit('callerId:raw', { hex, at: i });
        await new Promise((r) => setImmediate(r));
      }
      expect(COUNT * hex.length).toBeGreaterThan(2 * MAX_BUFFERED_BYTES);
      for (let i = 0; i < 500 && delivered < COUNT; i++) await new Promise((r) => setTimeout(r, 10));
      expect(delivered).toBe(COUNT);

      let received = 0;
      const ended = new Promise<void>((resolve) => slow.on('close', () => resolve()));
      slow.on('data', (chunk: Buffer) => (received += chunk.length));
      slow.on('error', () => {});
      slow.resume();
      await ended;
      expect(received).toBeLessThan(COUNT * hex.length);
      expect(warnings).toContain('bridge client not reading its events: dropped');
      reader.close();
    } finally {
      web.close();
      web.server.closeAllConnections();
      await new Promise((r) => web.server.close(r));
    }
  });
});
