// F18: a hostile or broken hub. A local server answers each call with garbage, truncation, a
// huge or slow body, wrong seqs or ids, random statuses... (seeded: a failing run replays from
// its seed). Every call must resolve to a failure that fits the bridge contract: never throw,
// never hang past its deadline, never return something the renderer would apply.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAnswer, pushAnswer, whoamiAnswer } from '../../shared/sync/syncContract';
import { makeEvents } from '../../../tests/hub/support/events';
import { Random } from '../../../tests/hub/support/random';
import { createHubClient, MAX_ANSWER_BYTES } from './hubClient';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const TIMEOUT_MS = 400;
const TOKEN = 'fuzz-token-QWERTYUIOP1234567890';
const STAMP = { hubTime: '2026-11-22T08:15:30.123Z', hubEpoch: 'epoch-1' };
const GOOD_EVENT = { id: 'ev-1', stream: 's', type: 't', hlc: '2026-11-22T08:15:30.123Z-0003-a1b2c3d4e5f60708', station: 'FD-1', actor: null, payload: {} };

type Mode = (req: IncomingMessage, res: ServerResponse, rnd: Random) => void;

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const MODES: Record<string, Mode> = {
  randomBytes: (_q, res, r) => res.end(r.bytes(r.int(200))),
  randomJson: (_q, res, r) => json(res, 200, r.json()),
  randomJsonStamped: (_q, res, r) => json(res, 200, { ...(r.json() as object), ...STAMP }),
  truncated: (_q, res) => {
    res.writeHead(200, { 'content-length': '1000' });
    res.write(JSON.stringify({ ...STAMP, events: [] }).slice(0, 30));
    setTimeout(() => res.destroy(), 10);
  },
  reset: (q) => q.socket.destroy(),
  huge: (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent <= MAX_ANSWER_BYTES + chunk.length) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('{}');
    };
    res.on('error', () => {});
    pump();
  },
  declaredHuge: (_q, res) => {
    res.writeHead(200, { 'content-length': String(MAX_ANSWER_BYTES + 1) });
    res.write('{');
  },
  silent: () => {},
  drip: (_q, res) => {
    res.writeHead(200);
    const timer = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(timer));
  },
  badStamp: (_q, res, r) => json(res, 200, { ok: true, site: 'a', station: 'FD-1', results: [], events: [], last: 0, more: false, hubTime: r.pick(['yesterday', '2026-11-22T08:15:30Z', 5, null]), hubEpoch: r.pick(['', 5, null, 'x'.repeat(300)]) }),
  wrongSeq: (_q, res, r) => {
    const seqs = r.pick([[2, 1], [0], [-1], [1.5], [3, 3], ['1'], [2 ** 60]]);
    const events = seqs.map((seq, i) => ({ ...GOOD_EVENT, id: `ev-${i}`, seq }));
    json(res, 200, { events, last: seqs[seqs.length - 1], more: false, ...STAMP });
  },
  wrongLast: (_q, res, r) => json(res, 200, { events: [{ ...GOOD_EVENT, seq: 5 }], last: r.pick([4, 6, '5', null]), more: r.pick([false, 'no']), ...STAMP }),
  emptyButMore: (_q, res) => json(res, 200, { events: [], last: 0, more: true, ...STAMP }),
  badPulledEvent: (_q, res, r) => json(res, 200, { events: [{ ...GOOD_EVENT, seq: 1, [r.pick(['payload', 'hlc', 'id', 'station'])]: r.json() }], last: 1, more: false, ...STAMP }),
  wrongIds: (_q, res, r) => json(res, 200, { results: [{ id: r.pick(['other', null, 5]), status: 'stored' }], ...STAMP }),
  wrongCount: (_q, res) => json(res, 200, { results: [], ...STAMP }),
  badStatus: (_q, res, r) => json(res, 200, { results: [{ id: 'x', status: r.pick(['ok', 'STORED', null, 'rejected']) }], ...STAMP }),
  badNames: (_q, res, r) => json(res, 200, { site: r.pick(['', 'a b', 'x'.repeat(33), 5]), station: 'FD-1', ok: false, ...STAMP }),
  status: (_q, res, r) => json(res, r.pick([204, 301, 302, 400, 401, 403, 404, 408, 413, 418, 429, 500, 502, 503]), { error: 'X', message: `echo ${TOKEN} \u0000\n`, ...STAMP }),
  redirect: (_q, res) => {
    res.writeHead(307, { location: 'http://127.0.0.1:1/steal' });
    res.end();
  },
};

describe('F18: hubClient facing a hostile hub', () => {
  let server: Server;
  let url = '';
  const rnd = new Random(SEED);
  let mode: Mode = MODES.silent!;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.on('error', () => {});
      mode(req, res, rnd);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const calls = ['health', 'whoami', 'push', 'pull'] as const;
  const schemas = { whoami: whoamiAnswer, push: pushAnswer, pull: pullAnswer, health: null } as const;

  it(`every call resolves to a contract-shaped failure (seed ${SEED})`, async () => {
    const client = createHubClient({ url, token: TOKEN, timeoutMs: TIMEOUT_MS });
    const names = Object.keys(MODES);
    const modeNames = [...names, ...Array.from({ length: 40 }, () => rnd.pick(names))];
    for (const name of modeNames) {
      mode = MODES[name]!;
      for (const call of calls) {
        // wrongIds/badStatus answer one result: push one event so only the content is wrong.
        const run = call === 'health' ? client.health() : call === 'whoami' ? client.whoami() : call === 'push' ? client.push(makeEvents('FD-1', 1), false) : client.pull(0, 10);
        let guard: ReturnType<typeof setTimeout> | undefined;
        const hung = new Promise<'hung'>((resolve) => (guard = setTimeout(() => resolve('hung'), TIMEOUT_MS + 5_000)));
        const answer = await Promise.race([run, hung]);
        clearTimeout(guard);
        const where = `${name} ${call} seed ${SEED}`;
        expect(answer, where).not.toBe('hung');
        if (answer === 'hung') continue;
        // health answers ok only to { ok: true } with a good stamp, which no hostile mode gives.
        expect(answer.ok, where).toBe(false);
        if (answer.ok) continue;
        expect(['unreachable', 'unauthorized', 'tooLarge', 'unavailable', 'badAnswer'], where).toContain(answer.failure);
        expect(answer.message, where).not.toContain(TOKEN);
        const schema = schemas[call];
        if (schema) expect(schema.safeParse(answer).success, where).toBe(true);
      }
    }
  }, 120_000);
});
