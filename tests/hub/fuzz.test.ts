// Random and malformed requests: bad bodies, queries, headers, methods, huge and deeply nested
// JSON and raw bytes on the socket. The hub never answers 5xx and keeps answering.
import { expect, it } from 'vitest';
import { rawExchange, send, type RawOptions } from './support/client';
import { makeEvent } from './support/events';
import { useHub } from './support/fixture';
import { Random } from './support/random';
import { describeStores } from './support/stores';

const SEED = Number(process.env.HUB_FUZZ_SEED ?? 20261122);
const ROUNDS = 200;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'MKCOL', 'PURGE'];
const PATHS = ['/v1/events', '/v1/health', '/v1/whoami', '/v1/events/', '/v1', '/', '/v1/events%00', '/v1/%2e%2e/events', '/v1/events#x', '/v1/events;x'];
const FIELDS = ['id', 'stream', 'type', 'hlc', 'station', 'actor', 'payload'];

function body(r: Random, station: string): string | Buffer | undefined {
  switch (r.int(9)) {
    case 0: return undefined;
    case 1: return r.bytes(r.int(2000));
    case 2: return JSON.stringify(r.json());
    case 3: {
      const n = 1 + r.int(200_000);
      return r.next() < 0.5 ? '['.repeat(n) + ']'.repeat(n) : `{"events":[{"payload":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}]}`;
    }
    case 4: return `{"events":${'['.repeat(1 + r.int(100_000))}`;
    case 5: {
      const events = Array.from({ length: 1 + r.int(20) }, () => {
        const e: Record<string, unknown> = { ...makeEvent(station) };
        for (let i = r.int(3); i > 0; i--) e[r.pick(FIELDS)] = r.json();
        if (r.next() < 0.2) delete e[r.pick(FIELDS)];
        return e;
      });
      return JSON.stringify({ events, relay: r.pick([true, false, undefined, 'x', 0]) });
    }
    case 6: return JSON.stringify({ events: Array.from({ length: r.pick([0, 1001, 5000]) }, () => ({})) });
    case 7: return `{"events":[${JSON.stringify(makeEvent(station))}],"pad":"${'x'.repeat(r.pick([1000, 5 * 1024 * 1024 - 100, 5 * 1024 * 1024 + 10]))}"}`;
    default: return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ events: [r.json()] }))]);
  }
}

/** Percent-encodes, sending a lone surrogate as the bytes of an encoded surrogate (invalid UTF-8). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function query(r: Random): string {
  const parts = Array.from({ length: r.int(4) }, () =>
    `${r.pick(['after', 'limit', 'x', 'after[]', '__proto__', ''])}=${encode(String(r.json(5)))}`);
  return parts.length ? `?${parts.join('&')}` : r.pick(['', '?', '?&&', '?after']);
}

describeStores('fuzzing the endpoints', (kind) => {
  const f = useHub(kind, { fd: ['estate-a', 'FD-1'] });

  it(`never answers 5xx to ${ROUNDS} random requests (seed ${SEED}) and keeps answering`, async () => {
    const r = new Random(SEED);
    const seen = new Set<number>();
    for (let i = 0; i < ROUNDS; i++) {
      // Biased toward the push endpoint, where parsing and the stores are reached.
      const method = r.next() < 0.4 ? 'POST' : r.pick(METHODS);
      const headers: Record<string, string> = {};
      if (r.next() < 0.3) headers['content-type'] = r.pick(['application/json', 'text/plain', '*/*', 'x', 'application/json; charset=utf-16', ';;;']);
      if (r.next() < 0.2) headers['content-encoding'] = r.pick(['gzip', 'br', 'identity']);
      if (r.next() < 0.2) headers['x-sync-protocol'] = String(r.int(10));
      if (r.next() < 0.2) headers.authorization = r.pick(['Bearer', 'Bearer ', 'bearer x y', 'Basic Zm9vOmJhcg==', `Bearer ${f.tokens.fd}x`, 'Bearer ' + 'A'.repeat(5000)]);
      const options: RawOptions = {
        method,
        path: (r.next() < 0.5 ? '/v1/events' : r.pick(PATHS).replace('#', '%23')) + query(r),
        token: headers.authorization ? undefined : r.next() < 0.8 ? f.tokens.fd : null,
        headers,
        body: method === 'HEAD' ? undefined : body(r, 'FD-1'),
      };
      const answer = await send(f.hub.url, options);
      expect(answer.status, `round ${i}: ${method} ${options.path}`).toBeLessThan(500);
      expect(answer.status).toBeGreaterThanOrEqual(200);
      seen.add(answer.status);
      if (method !== 'HEAD') expect(answer.body).toMatchObject({ hubTime: expect.any(String), hubEpoch: f.hub.epoch });
    }
    // The fuzz reached past the gate into parsing and the stores, not only 404s.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404, 405]));
    expect((await send(f.hub.url, { path: '/v1/health' })).status).toBe(200);
    expect((await f.stations.fd!.push([makeEvent('FD-1')])).body.stored).toBe(1);
  }, 180_000);

  it('answers broken HTTP without a 5xx and stays up', async () => {
    const r = new Random(SEED + 1);
    const garbage = [
      'GARBAGE\r\n\r\n',
      'GET /v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      `GET /v1/health HTTP/1.1\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`,
      'POST /v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'GET /v1/health HTTP/9.9\r\n\r\n',
      r.bytes(3000),
    ];
    for (const bytes of garbage) {
      const text = await rawExchange(f.hub.port, bytes);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      expect(status === 0 || status < 500, text.slice(0, 200)).toBe(true);
    }
    expect((await send(f.hub.url, { path: '/v1/health' })).status).toBe(200);
  }, 60_000);
});
