// Concurrent pushers and a puller following the cursor: every acknowledged event is pulled
// exactly once and seq only grows. A seq handed out before an earlier one commits would show
// here as an event the cursor has already passed and the puller never sees.
import { expect, it } from 'vitest';
import type { Station } from './support/client';
import { makeEvents } from './support/events';
import { useHub } from './support/fixture';
import { describeStores } from './support/stores';

type Result = { id: string; status: string };
type Pulled = { seq: number; id: string };

const PUSHERS = ['FD-1', 'FD-2', 'CR-1', 'SUP-1'];
const BATCHES = 30;

describeStores('concurrent pushers and a following puller', (kind) => {
  const f = useHub(kind, Object.fromEntries(PUSHERS.map((name) => [name, ['estate-a', name] as [string, string]])));

  it('pulls every acknowledged event exactly once, in strictly increasing seq', async () => {
    const acked = new Set<string>();
    let pushing = true;

    const pusher = async (station: Station, name: string) => {
      for (let b = 0; b < BATCHES; b++) {
        const events = makeEvents(name, 1 + ((b * 7 + name.length) % 40));
        const answer = await station.push(events);
        expect(answer.status).toBe(200);
        for (const r of answer.body.results as Result[]) if (r.status === 'stored') acked.add(r.id);
      }
    };

    const pulled: Pulled[] = [];
    const puller = async () => {
      let cursor = 0;
      // Bounded: each round either advances or waits for the pushers; the pushers finish.
      for (let round = 0; round < 100_000; round++) {
        const stillPushing = pushing;
        const page = await f.stations['FD-1']!.pull(`?after=${cursor}&limit=37`);
        const events = page.body.events as Pulled[];
        pulled.push(...events);
        cursor = page.body.last as number;
        if (!stillPushing && !page.body.more) return;
        if (events.length === 0) await new Promise((r) => setImmediate(r));
      }
      throw new Error('the puller did not catch up');
    };

    const pullerDone = puller();
    await Promise.all(PUSHERS.map((name) => pusher(f.stations[name]!, name)));
    pushing = false;
    await pullerDone;

    const seqs = pulled.map((e) => e.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);
    const ids = pulled.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(acked);
    expect(acked.size).toBeGreaterThan(PUSHERS.length * BATCHES);
  });
});
