// POST /v1/events: per-event results, their order and the contract's check order.
import { expect, it } from 'vitest';
import { makeEvent, makeEvents, sevenOf } from './support/events';
import { useHub } from './support/fixture';
import { describeStores } from './support/stores';

type Result = { id: string | null; status: string; code?: string; message?: string };

function nested(levels: number): Record<string, unknown> {
  // One level per step, arrays and objects alternating; the outermost is the payload object.
  let value: unknown = { leaf: true };
  for (let i = 2; i <= levels; i++) value = i === levels || i % 2 === 0 ? { a: value } : [value];
  return value as Record<string, unknown>;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value as object).map(depthOf));
}

describeStores('push', (kind) => {
  const f = useHub(kind, { fd: ['estate-a', 'FD-1'], cr: ['estate-a', 'CR-1'] });
  const fd = () => f.stations.fd!;

  it('answers one result per event in request order, with matching counts', async () => {
    const [a, b] = makeEvents('FD-1', 2) as [ReturnType<typeof makeEvent>, ReturnType<typeof makeEvent>];
    const answer = await fd().push([a, { ...a }, { ...a, stream: 'other' }, 'not an event', b, { ...b, id: 7 }]);
    expect(answer.status).toBe(200);
    const results = answer.body.results as Result[];
    expect(results.map((r) => [r.id, r.status, r.code])).toEqual([
      [a.id, 'stored', undefined], [a.id, 'duplicate', undefined], [a.id, 'rejected', 'ID_CONFLICT'],
      [null, 'rejected', 'INVALID_EVENT'], [b.id, 'stored', undefined], [null, 'rejected', 'INVALID_EVENT'],
    ]);
    for (const r of results.filter((r) => r.status === 'rejected')) expect(r.message).toMatch(/\S/);
    expect(answer.body).toMatchObject({ stored: 2, duplicates: 1, rejected: 3 });
  });

  it('echoes a string id as sent even when it breaks the rules', async () => {
    const results = (await fd().push([{ ...makeEvent('FD-1'), id: 'bad id!' }])).body.results as Result[];
    expect(results[0]).toMatchObject({ id: 'bad id!', status: 'rejected', code: 'INVALID_EVENT' });
  });

  it('treats re-pushed content as a duplicate whatever the key order or number spelling', async () => {
    const e = makeEvent('FD-1', { payload: { b: 1, a: { y: 2.5, x: [1, 2] } } });
    await fd().push([e]);
    const respelled = `{"events":[{"payload":{"a":{"x":[1.0,2e0],"y":25e-1},"b":10e-1},"actor":${JSON.stringify(e.actor)},` +
      `"station":"FD-1","hlc":"${e.hlc}","type":"${e.type}","stream":"${e.stream}","id":"${e.id}","extra":1}]}`;
    const again = await fetch(`${f.hub.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${f.tokens.fd}` }, body: respelled });
    expect(((await again.json()) as { results: Result[] }).results[0]).toMatchObject({ status: 'duplicate' });
  });

  it('drops unknown fields: a pulled event carries exactly seq and the seven', async () => {
    const e = { ...makeEvent('FD-1'), deviceSeq: 4, siteId: 'x', nested: { '\u0000': '\ud800' } };
    expect((await fd().push([e])).body.stored).toBe(1);
    const pulled = (await fd().pullAll()).find((p) => p.id === e.id)!;
    expect(Object.keys(pulled).sort()).toEqual(['actor', 'hlc', 'id', 'payload', 'seq', 'station', 'stream', 'type']);
    expect(sevenOf(pulled)).toEqual(sevenOf(e as unknown as Record<string, unknown>));
  });

  it.each([
    ['a missing field', (e: Record<string, unknown>) => { delete e.actor; }],
    ['a wrong type', (e: Record<string, unknown>) => { e.stream = 5; }],
    ['an id of 65 characters', (e: Record<string, unknown>) => { e.id = 'x'.repeat(65); }],
    ['an id with a slash', (e: Record<string, unknown>) => { e.id = 'a/b'; }],
    ['an empty type', (e: Record<string, unknown>) => { e.type = ''; }],
    ['a stream of 201 code points', (e: Record<string, unknown>) => { e.stream = '水'.repeat(201); }],
    ['an actor of 201 code points', (e: Record<string, unknown>) => { e.actor = '😀'.repeat(201); }],
    ['an empty actor', (e: Record<string, unknown>) => { e.actor = ''; }],
    ['an hlc with uppercase hex', (e: Record<string, unknown>) => { e.hlc = '2026-11-22T08:15:30.123Z-00AB-a1b2c3d4e5f60708'; }],
    ['an hlc on 31 April', (e: Record<string, unknown>) => { e.hlc = '2026-04-31T08:15:30.123Z-0001-a1b2c3d4e5f60708'; }],
    ['an hlc without milliseconds', (e: Record<string, unknown>) => { e.hlc = '2026-11-22T08:15:30Z-0001-a1b2c3d4e5f60708'; }],
    ['a station name with a dot', (e: Record<string, unknown>) => { e.station = 'FD.1'; }],
    ['an array payload', (e: Record<string, unknown>) => { e.payload = [1]; }],
    ['a null payload', (e: Record<string, unknown>) => { e.payload = null; }],
    ['U+0000 in a payload string', (e: Record<string, unknown>) => { e.payload = { note: 'a\u0000b' }; }],
    ['U+0000 in the type', (e: Record<string, unknown>) => { e.type = '\u0000'; }],
    ['an unpaired surrogate in the actor', (e: Record<string, unknown>) => { e.actor = 'x\udc00'; }],
    ['an unpaired surrogate in a payload key', (e: Record<string, unknown>) => { e.payload = { ['k\ud800']: 1 }; }],
    ['a payload nested 65 levels', (e: Record<string, unknown>) => { e.payload = nested(65); }],
  ])('rejects %s as INVALID_EVENT and still stores the rest', async (_name, spoil) => {
    const bad = makeEvent('FD-1') as unknown as Record<string, unknown>;
    spoil(bad);
    const good = makeEvent('FD-1');
    const answer = await fd().push([bad, good]);
    const results = answer.body.results as Result[];
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'INVALID_EVENT' });
    expect(results[1]).toMatchObject({ id: good.id, status: 'stored' });
  });

  it('rejects a __proto__ key anywhere in the event, sent as raw JSON', async () => {
    const e = makeEvent('FD-1');
    const inPayload = JSON.stringify(e).replace('"payload":{', '"payload":{"x":{"__proto__":{"polluted":true}},');
    const onEvent = JSON.stringify(makeEvent('FD-1')).replace('{', '{"__proto__":{"station":"CR-1"},');
    const body = `{"events":[${inPayload},${onEvent}]}`;
    const answer = await fetch(`${f.hub.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${f.tokens.fd}` }, body });
    const results = ((await answer.json()) as { results: Result[] }).results;
    expect(results.map((r) => r.code)).toEqual(['INVALID_EVENT', 'INVALID_EVENT']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts 64 levels of nesting and the surrogate pairs of astral characters', async () => {
    const payload = nested(64);
    expect(depthOf(payload)).toBe(64);
    const e = makeEvent('FD-1', { payload, stream: '😀'.repeat(200), actor: '水'.repeat(200) });
    expect((await fd().push([e])).body.stored).toBe(1);
  });

  it('measures the payload as compact UTF-8 JSON: 65,536 bytes fit, one more is TOO_LARGE', async () => {
    const fits = { s: '水'.repeat(21_842) + 'xx' }; // {"s":"…"}: 8 + 65,526 + 2 bytes
    expect(Buffer.byteLength(JSON.stringify(fits))).toBe(65_536);
    const over = { s: `${fits.s}x` };
    const answer = await fd().push([makeEvent('FD-1', { payload: fits }), makeEvent('FD-1', { payload: over })]);
    expect((answer.body.results as Result[]).map((r) => r.code ?? r.status)).toEqual(['stored', 'TOO_LARGE']);
  });

  it('checks INVALID_EVENT before TOO_LARGE before WRONG_STATION before ID_CONFLICT', async () => {
    const stored = makeEvent('FD-1');
    await fd().push([stored]);
    const big = { s: 'x'.repeat(70_000) };
    const answer = await fd().push([
      { ...stored, payload: { ...big, z: '\u0000' }, station: 'CR-1' },
      { ...stored, payload: big, station: 'CR-1' },
      { ...stored, payload: { other: 1 }, station: 'CR-1' },
      { ...stored, payload: { other: 1 } },
    ]);
    expect((answer.body.results as Result[]).map((r) => r.code)).toEqual(['INVALID_EVENT', 'TOO_LARGE', 'WRONG_STATION', 'ID_CONFLICT']);
  });

  it('answers exactly one stored among concurrent pushes of the same event', async () => {
    const e = makeEvent('FD-1');
    const answers = await Promise.all(Array.from({ length: 8 }, () => fd().push([e])));
    const statuses = answers.map((a) => (a.body.results as Result[])[0]!.status).sort();
    expect(statuses).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'stored']);
    expect((await fd().pullAll()).filter((p) => p.id === e.id)).toHaveLength(1);
  });

  it('takes a full batch in order across the slices it is written in: later copies are duplicates or conflicts, seq follows request order', async () => {
    const events = makeEvents('FD-1', 1000);
    // Copies far from their originals, in later slices of the batch (PUSH_SLICE events each).
    events[450] = { ...events[10]! };
    events[999] = { ...events[20]!, type: 'ticket.other' };
    const answer = await fd().push(events);
    const results = answer.body.results as Result[];
    expect(results).toHaveLength(1000);
    expect([results[10]!.status, results[450]!.status, results[20]!.status, results[999]!.code]).toEqual(['stored', 'duplicate', 'stored', 'ID_CONFLICT']);
    expect(answer.body).toMatchObject({ stored: 998, duplicates: 1, rejected: 1 });
    const pulled = (await fd().pullAll()).filter((p) => String(p.station) === 'FD-1');
    const storedIds = events.filter((_, i) => i !== 450 && i !== 999).map((e) => e.id);
    expect(pulled.slice(-998).map((p) => p.id)).toEqual(storedIds);
  });
});
