// A minimal protocol peer: what a station sends and what it sees back, nothing more.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

export interface RawOptions {
  method?: string;
  path: string;
  token?: string | null;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** One HTTP request through node:http, so any method, header or byte sequence can be sent. */
export function send(baseUrl: string, options: RawOptions): Promise<Answer> {
  const url = new URL(baseUrl);
  const headers: Record<string, string | number> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
  if (body && headers['transfer-encoding'] === undefined) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown>;
        try {
          parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          parsed = { unparsable: text };
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export class Station {
  constructor(readonly baseUrl: string, readonly token: string) {}

  push(events: unknown[], extra: Record<string, unknown> = {}): Promise<Answer> {
    return send(this.baseUrl, { method: 'POST', path: '/v1/events', token: this.token, body: JSON.stringify({ events, ...extra }) });
  }

  pull(query = ''): Promise<Answer> {
    return send(this.baseUrl, { path: `/v1/events${query}`, token: this.token });
  }

  /** Every event of the site, following `last` until `more` is false. */
  async pullAll(after = 0, limit = 5000): Promise<Record<string, unknown>[]> {
    const events: Record<string, unknown>[] = [];
    for (let cursor = after, pages = 0; pages < 10_000; pages++) {
      const page = await this.pull(`?after=${cursor}&limit=${limit}`);
      if (page.status !== 200) throw new Error(`pull failed: ${page.text}`);
      events.push(...(page.body.events as Record<string, unknown>[]));
      cursor = page.body.last as number;
      if (!page.body.more) return events;
    }
    throw new Error('pullAll did not finish');
  }
}

/** Writes raw bytes on a socket and returns everything the hub answers until it closes. */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.end(bytes);
  });
}
