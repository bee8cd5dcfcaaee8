// Sites are independent; a station pushes its own events, or its site's peers' with relay.
import { expect, it } from 'vitest';
import { makeEvent } from './support/events';
import { useHub } from './support/fixture';
import { describeStores } from './support/stores';

type Result = { id: string | null; status: string; code?: string; message?: string };
const codes = (body: Record<string, unknown>) => (body.results as Result[]).map((r) => r.code ?? r.status);

describeStores('sites and stations', (kind) => {
  const f = useHub(kind, {
    a1: ['estate-a', 'FD-1'], a2: ['estate-a', 'CR-1'], b1: ['estate-b', 'FD-1'], b9: ['estate-b', 'B-ONLY'],
  });

  it('keeps the same id in two sites as two events, each with its own seq from 1', async () => {
    const e = makeEvent('FD-1');
    expect(codes((await f.stations.a1!.push([e])).body)).toEqual(['stored']);
    const other = { ...e, payload: { different: true } };
    expect(codes((await f.stations.b1!.push([other])).body)).toEqual(['stored']);
    const a = await f.stations.a1!.pullAll();
    const b = await f.stations.b1!.pullAll();
    expect(a.map((x) => [x.seq, x.id])).toEqual([[1, e.id]]);
    expect(b.map((x) => [x.seq, x.id, x.payload])).toEqual([[1, e.id, { different: true }]]);
  });

  it('never shows one site the events or seqs of another', async () => {
    for (let i = 0; i < 5; i++) await f.stations.b1!.push([makeEvent('FD-1')]);
    await f.stations.a1!.push([makeEvent('FD-1')]);
    const a = await f.stations.a1!.pullAll();
    expect(a.map((x) => x.seq)).toEqual([1, 2]);
    expect(a.every((x) => x.station === 'FD-1')).toBe(true);
  });

  it('rejects another station\'s event without relay as WRONG_STATION', async () => {
    expect(codes((await f.stations.a1!.push([makeEvent('CR-1'), makeEvent('FD-1')])).body)).toEqual(['WRONG_STATION', 'stored']);
  });

  it('with relay, accepts a peer of the same site, and never a station of another site or an unknown one', async () => {
    const peer = makeEvent('CR-1');
    const answer = await f.stations.a1!.push([peer, makeEvent('B-ONLY'), makeEvent('NOBODY'), makeEvent('FD-1')], { relay: true });
    expect(codes(answer.body)).toEqual(['stored', 'WRONG_STATION', 'WRONG_STATION', 'stored']);
    const [, other, unknown] = answer.body.results as Result[];
    // The two refusals read alike: nothing tells estate-a that B-ONLY exists elsewhere.
    expect(other!.message!.replace('B-ONLY', 'X')).toBe(unknown!.message!.replace('NOBODY', 'X'));
    expect((await f.stations.a2!.pullAll()).some((e) => e.id === peer.id && e.station === 'CR-1')).toBe(true);
  });

  it('treats relay:false like no relay', async () => {
    expect(codes((await f.stations.a1!.push([makeEvent('CR-1')], { relay: false })).body)).toEqual(['WRONG_STATION']);
  });
});
