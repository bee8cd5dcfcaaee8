import { connect } from 'node:net';
import WebSocket from 'ws';

// Clients for probing a running web shell the way a hostile page or a broken program would:
// raw bytes over TCP, and an authenticated bridge socket.

/** Sends `bytes` and resolves with everything read until the server closes or `timeoutMs` passes. */
export function rawExchange(port: number, bytes: Buffer | string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => socket.write(bytes));
  });
}

/** The status code of a raw HTTP answer, or null when there was none. */
export function statusOf(answer: string): number | null {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
  return m ? Number(m[1]) : null;
}

export interface BridgeClient {
  ws: WebSocket;
  call(method: string, ...args: unknown[]): Promise<{ ok: boolean; value?: unknown; message?: string }>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** An authenticated bridge socket, as the renderer opens it. */
export function openBridge(shell: { port: number; token: string; origin: string }, host = `127.0.0.1:${shell.port}`): Promise<BridgeClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/bridge?token=${shell.token}`, { origin: shell.origin, headers: { host } });
  const waiting = new Map<number, (r: { ok: boolean; value?: unknown; message?: string }) => void>();
  let nextId = 1;
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { t: string; id: number; ok: boolean };
    if (m.t === 'result') waiting.get(m.id)?.(m);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.on('open', () =>
      resolve({
        ws,
        closed,
        close: () => ws.close(),
        call: (method, ...args) =>
          new Promise((done) => {
            const id = nextId++;
            waiting.set(id, done);
            ws.send(JSON.stringify({ t: 'call', id, method, args }));
          }),
      }),
    );
  });
}
