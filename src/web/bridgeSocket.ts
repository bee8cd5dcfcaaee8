import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from '../shared/bridge/dispatch';
import type { BridgeHandlers } from '../shared/bridge/contract';
import type { HostEvents } from '../host/hostEvents';

// The web shell's bridge: the same contract as the desktop IPC, over a WebSocket that accepts
// only our own origin presenting this launch's token.

const MAX_MESSAGE_BYTES = 1024 * 1024;

function tokenMatches(presented: string | null, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function attachBridgeSocket(server: Server, options: { token: string; origin: () => string; handlers: BridgeHandlers; events: HostEvents }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowed = url.pathname === '/bridge' && req.headers.origin === options.origin() && tokenMatches(url.searchParams.get('token'), options.token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket) {
    const unsubscribe = options.events.subscribe((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'event', event, payload }));
    });
    ws.on('close', unsubscribe);
    ws.on('message', async (data) => {
      let message: { t?: unknown; id?: unknown; method?: unknown; args?: unknown };
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (message?.t !== 'call' || typeof message.id !== 'number') return;
      const result = await dispatch(options.handlers, message.method, message.args);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'result', id: message.id, ...result }));
    });
  }

  return { close: () => wss.close() };
}
