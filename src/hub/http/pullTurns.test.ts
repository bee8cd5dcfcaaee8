// S4: at most two pulls of a station run at once; the rest wait in arrival order; other
// stations are not held up.
import { describe, expect, it } from 'vitest';
import { PullTurns } from './pullTurns';

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
