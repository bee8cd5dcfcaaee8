import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { dispatch } from '../shared/bridge/dispatch';
import type { BridgeHandlers } from '../shared/bridge/contract';
import type { HostEvents } from '../host/hostEvents';
import type { Logger } from '../host/logging/logger';
import { hostAllowed, originAllowed } from './hostCheck';

// The web shell's bridge: the same contract as the desktop IPC, over a WebSocket that accepts
// only our own host and origin presenting this launch's token. No client input may end the
// process: oversized or garbled messages close that one socket (S2), a client that does not
// read its events is dropped rather than buffered without bound.

/** Largest bridge message; a bigger one closes the socket with 1009 and says why (S2). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** The library's own cap, far above ours, so nearly every oversized message gets our reason. */
const HARD_MAX_PAYLOAD = 4 * MAX_MESSAGE_BYTES;
/** Events waiting for a client that does not read: past this it is dropped (it reconnects). */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
export const CLOSE_TOO_BIG = 1009;

function tokenMatches(presented: string | null, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: string, text: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

export interface BridgeSocketOptions {
  token: string;
  /** The port the shell listens on (known once listening): the Host and Origin checks use it. */
  port: () => number;
  handlers: BridgeHandlers;
  events: HostEvents;
  logger: Logger;
}

export function attachBridgeSocket(server: Server, options: BridgeSocketOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_PAYLOAD });
  const { logger } = options;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset during the handshake must not become an unhandled 'error' event.
    socket.on('error', () => socket.destroy());
    if (!hostAllowed(req.headers.host, options.port())) return refuse(socket, '421 Misdirected Request', 'unknown host');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return refuse(socket, '400 Bad Request', 'bad request');
    }
    const allowed = url.pathname === '/bridge' && originAllowed(req.headers.origin, options.port()) && tokenMatches(url.searchParams.get('token'), options.token);
    if (!allowed) return refuse(socket, '403 Forbidden', 'forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function send(ws: WebSocket, message: unknown): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.warn('bridge client not reading its events: dropped', { bufferedBytes: ws.bufferedAmount });
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(message));
  }

  async function answer(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
    if (size > MAX_MESSAGE_BYTES) {
      logger.warn('bridge message too big: socket closed', { bytes: size });
      ws.close(CLOSE_TOO_BIG, `message larger than ${MAX_MESSAGE_BYTES} bytes`);
      return;
    }
    if (isBinary) return;
    let message: { t?: unknown; id?: unknown; method?: unknown; args?: unknown };
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (message?.t !== 'call' || typeof message.id !== 'number') return;
    const result = await dispatch(options.handlers, message.method, message.args);
    send(ws, { t: 'result', id: message.id, ...result });
  }

  function serve(ws: WebSocket) {
    const unsubscribe = options.events.subscribe((event, payload) => send(ws, { t: 'event', event, payload }));
    ws.on('close', unsubscribe);
    // Without this listener a frame over the library's cap or a protocol error is an unhandled
    // 'error' event and the process dies (S2). The library has already sent its close frame.
    ws.on('error', (error) => logger.warn('bridge socket error: closed', { error: error.message }));
    ws.on('message', (data, isBinary) => {
      answer(ws, data, isBinary).catch((error: unknown) => {
        logger.error('bridge message failed', { error: String(error) });
        ws.terminate();
      });
    });
  }

  return { close: () => wss.close() };
}
