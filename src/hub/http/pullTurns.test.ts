// S4: at most two pulls of a station and four in all run at once; the rest wait in arrival order; other
// stations are not held up.
import { describe, expect, it } from 'vitest';
import { PullTurns, type Turn } from './pullTurns';

describe('PullTurns', () => {
  it('S4: runs two pulls of a station at a time, hands turns over in arrival order', async () => {
    const turns = new PullTurns(2);
    const started: string[] = [];
    const take = (label: string, station = 1) => turns.take(station).then((t) => (started.push(label), t));
    const a = await take('a');
    const b = await take('b');
    const c = take('c');
    const d = take('d');
    const other = await take('x', 2);
    await Promise.resolve();
    expect(started).toEqual(['a', 'b', 'x']);
    expect([a.ahead, b.ahead, other.ahead]).toEqual([0, 1, 0]);
    a.release();
    a.release(); // a second release of the same turn changes nothing
    const tc = await c;
    expect(started).toEqual(['a', 'b', 'x', 'c']);
    expect(tc.ahead).toBe(2);
    b.release();
    const td = await d;
    expect(td.ahead).toBe(3);
    expect(started).toEqual(['a', 'b', 'x', 'c', 'd']);
    tc.release();
    td.release();
    other.release();
    expect((await take('e')).ahead).toBe(0);
  });
});

describe('PullTurns across stations', () => {
  it('S4: runs at most four pulls hub-wide, the rest start in arrival order as turns end', async () => {
    const turns = new PullTurns(2, 4);
    const started: string[] = [];
    const take = (label: string, station: number) => turns.take(station).then((t) => (started.push(label), t));
    const first = await Promise.all([take('a1', 1), take('b1', 2), take('c1', 3), take('d1', 4)]);
    expect(first.map((t) => t.running)).toEqual([1, 2, 3, 4]);
    const e1 = take('e1', 5);
    const a2 = take('a2', 1);
    const f1 = take('f1', 6);
    await Promise.resolve();
    expect(started).toEqual(['a1', 'b1', 'c1', 'd1']);
    (first[1] as Turn).release();
    const te1 = await e1;
    expect(te1).toMatchObject({ ahead: 0, hubAhead: 4, running: 4 });
    expect(started).toEqual(['a1', 'b1', 'c1', 'd1', 'e1']);
    (first[2] as Turn).release();
    const ta2 = await a2;
    expect(ta2).toMatchObject({ ahead: 1, hubAhead: 5, running: 4 });
    (first[3] as Turn).release();
    await f1;
    expect(started).toEqual(['a1', 'b1', 'c1', 'd1', 'e1', 'a2', 'f1']);
  });

  it('S4: a pull held back only by its own station does not hold up a later pull of another station', async () => {
    const turns = new PullTurns(2, 4);
    const started: string[] = [];
    const take = (label: string, station: number) => turns.take(station).then((t) => (started.push(label), t));
    const [a1, a2] = await Promise.all([take('a1', 1), take('a2', 1)]);
    const a3 = take('a3', 1);
    const b1 = await take('b1', 2);
    await Promise.resolve();
    expect(started).toEqual(['a1', 'a2', 'b1']);
    expect(b1).toMatchObject({ ahead: 0, hubAhead: 3, running: 3 });
    (a1 as Turn).release();
    expect((await a3).running).toBe(3);
    for (const t of [a2, b1]) (t as Turn).release();
  });
});
