// The transport rules and every row of the error table, as a station observes them.
import { expect, it } from 'vitest';
import { makeEvent } from './support/events';
import { send, type Answer } from './support/client';
import { useHub } from './support/fixture';
import { describeStores } from './support/stores';

const HUB_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MiB5 = 5 * 1024 * 1024;

function expectError(answer: Answer, status: number, code: string, epoch: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toEqual({ error: code, message: expect.any(String), hubTime: expect.stringMatching(HUB_TIME), hubEpoch: epoch });
  expect((answer.body.message as string).length).toBeGreaterThan(0);
}

describeStores('transport and the error table', (kind) => {
  const f = useHub(kind, { fd: ['estate-a', 'FD-1'] });
  const post = (body: string | Uint8Array, headers: Record<string, string> = {}, token: string | null = f.tokens.fd ?? null) =>
    send(f.hub.url, { method: 'POST', path: '/v1/events', token, body, headers });
  const goodBatch = () => JSON.stringify({ events: [makeEvent('FD-1')] });

  it('answers health without a token, with hubTime and a stable hubEpoch', async () => {
    const a = await send(f.hub.url, { path: '/v1/health' });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ ok: true, hubTime: expect.stringMatching(HUB_TIME), hubEpoch: f.hub.epoch });
    expect(Math.abs(Date.parse(a.body.hubTime as string) - Date.now())).toBeLessThan(5000);
  });

  it('tells a station who it is', async () => {
    const a = await send(f.hub.url, { path: '/v1/whoami', token: f.tokens.fd });
    expect(a.body).toEqual({ site: 'estate-a', station: 'FD-1', hubTime: expect.stringMatching(HUB_TIME), hubEpoch: f.hub.epoch });
  });

  it.each(['/', '/v1', '/v1/events/', '/V1/events', '/v1/Events', '/v1/health/', '/v1//events', '/v1/%65vents', '/v2/events', '/v1/push'])(
    '404 NOT_FOUND for %s, before the token is looked at',
    async (path) => expectError(await send(f.hub.url, { path }), 404, 'NOT_FOUND', f.hub.epoch),
  );

  it.each([
    ['HEAD', '/v1/health'], ['OPTIONS', '/v1/health'], ['POST', '/v1/health'], ['POST', '/v1/whoami'],
    ['PUT', '/v1/events'], ['DELETE', '/v1/events'], ['PATCH', '/v1/events'], ['OPTIONS', '/v1/events'], ['HEAD', '/v1/events'],
  ])('405 METHOD_NOT_ALLOWED for %s %s, before the token is looked at', async (method, path) => {
    const a = await send(f.hub.url, { method, path, body: method === 'HEAD' ? undefined : 'x' });
    if (method === 'HEAD') expect(a.status).toBe(405);
    else expectError(a, 405, 'METHOD_NOT_ALLOWED', f.hub.epoch);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Basic abc'],
    ['no token', 'Bearer'],
    ['two tokens', 'Bearer a b'],
    ['an unknown token', 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('401 UNAUTHORIZED for %s', async (_name, authorization) => {
    const headers = authorization ? { authorization } : undefined;
    for (const [method, path] of [['GET', '/v1/whoami'], ['GET', '/v1/events'], ['POST', '/v1/events']] as const) {
      expectError(await send(f.hub.url, { method, path, headers, body: method === 'POST' ? goodBatch() : undefined }), 401, 'UNAUTHORIZED', f.hub.epoch);
    }
  });

  it('accepts the scheme name in any letter case', async () => {
    for (const scheme of ['bearer', 'BEARER', 'bEaReR']) {
      const a = await send(f.hub.url, { path: '/v1/whoami', headers: { authorization: `${scheme} ${f.tokens.fd}` } });
      expect(a.status).toBe(200);
    }
  });

  it('413 BODY_TOO_LARGE over 5 MiB, received by the client, with and without a length, and after the token', async () => {
    const big = Buffer.alloc(MiB5 + 1, 0x20);
    expectError(await post(big), 413, 'BODY_TOO_LARGE', f.hub.epoch);
    expectError(await post(big, { 'transfer-encoding': 'chunked' }), 413, 'BODY_TOO_LARGE', f.hub.epoch);
    expectError(await post(big, {}, null), 401, 'UNAUTHORIZED', f.hub.epoch);
    expectError(await send(f.hub.url, { method: 'POST', path: '/v1/event', body: big }), 404, 'NOT_FOUND', f.hub.epoch);
  });

  it('reads a body of exactly 5 MiB (then 400 as it is no batch), and keeps answering', async () => {
    expectError(await post(Buffer.alloc(MiB5, 0x20)), 400, 'NOT_JSON', f.hub.epoch);
    const exact = `{"events":[${JSON.stringify(makeEvent('FD-1'))}],"pad":"${'x'.repeat(MiB5)}"}`;
    const trimmed = exact.slice(0, exact.length - (Buffer.byteLength(exact) - MiB5) - 2) + '"}';
    expect(Buffer.byteLength(trimmed)).toBe(MiB5);
    expect((await post(trimmed)).body.stored).toBe(1);
  });

  it.each([
    ['garbage', 'not json'],
    ['an empty body', ''],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"events":[{"id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')])],
    ['an encoded surrogate', Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('","events":[]}')])],
    ['UTF-16', Buffer.from('\ufeff{"events":[]}', 'utf16le')],
    ['a truncated document', '{"events":[{"id":'],
  ])('400 NOT_JSON for %s', async (_name, body) => expectError(await post(body), 400, 'NOT_JSON', f.hub.epoch));

  it.each([
    ['an array', '[]'], ['a string', '"events"'], ['null', 'null'], ['no events', '{"relay":true}'],
    ['events as an object', '{"events":{"0":{}}}'], ['relay as a string', '{"events":[{}],"relay":"true"}'],
    ['relay as null', '{"events":[{}],"relay":null}'], ['events under __proto__', '{"__proto__":{"events":[{}]}}'],
  ])('400 NOT_A_BATCH for %s', async (_name, body) => expectError(await post(body), 400, 'NOT_A_BATCH', f.hub.epoch));

  it('400 BATCH_SIZE for 0 or 1001 events; 1000 are taken', async () => {
    expectError(await post('{"events":[]}'), 400, 'BATCH_SIZE', f.hub.epoch);
    const events = Array.from({ length: 1001 }, () => makeEvent('FD-1'));
    expectError(await post(JSON.stringify({ events })), 400, 'BATCH_SIZE', f.hub.epoch);
    const ok = await post(JSON.stringify({ events: events.slice(0, 1000) }));
    expect(ok.body).toMatchObject({ stored: 1000, duplicates: 0, rejected: 0 });
  });

  it('ignores a leading byte-order mark, the content type and other top-level keys', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodBatch())]);
    expect((await post(bom)).body.stored).toBe(1);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'garbage', 'application/json; charset=latin1', '']) {
      const a = await post(JSON.stringify({ events: [makeEvent('FD-1')], other: [1, { a: 2 }], relay: false }), { 'content-type': type });
      expect(a.body.stored, type).toBe(1);
    }
  });

  it.each([
    '?after=-1', '?after=%2B1', '?after=1e3', '?after=1.5', '?after=', '?after=abc', '?after=1000000000000000',
    '?limit=0', '?limit=5001', '?limit=-5', '?limit=', '?after=1&after=1', '?limit=10&limit=10', '?after=0x10', '?limit=%205',
  ])('400 BAD_QUERY for %s', async (query) => {
    expectError(await send(f.hub.url, { path: `/v1/events${query}`, token: f.tokens.fd }), 400, 'BAD_QUERY', f.hub.epoch);
  });

  it('takes 15-digit queries, leading zeros and unknown parameters', async () => {
    for (const query of ['?after=999999999999999', '?after=000&limit=0005', '?site=other&x=1&x=2', '?']) {
      const a = await send(f.hub.url, { path: `/v1/events${query}`, token: f.tokens.fd });
      expect(a.status, query).toBe(200);
    }
  });

  it('stores nothing of a request answered 400, 401 or 413', async () => {
    const before = (await f.stations.fd!.pull('?limit=1&after=999999999')).body;
    const marker = makeEvent('FD-1');
    await post(JSON.stringify({ events: [marker], relay: 'yes' }));
    await post(JSON.stringify({ events: [marker] }), {}, 'bogus-token');
    await post(`{"events":[${JSON.stringify(marker)}],"pad":"${'x'.repeat(MiB5)}"}`);
    const all = await f.stations.fd!.pullAll();
    expect(all.some((e) => e.id === marker.id)).toBe(false);
    expect(before.more).toBe(false);
  });
});
