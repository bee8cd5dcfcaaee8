import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from './database';
import { noSaveUnderWay, saveBegun } from './saveGate';

let named = 0;
const db = (name = `station-${++named}`) => ({ name }) as DeskDatabase;
const settledSoon = async (p: Promise<void>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20))]);

describe('the save gate (a pulled page\'s next slice waits for a save at the desk)', () => {
  it('lets a slice go at once when no save is under way, and waits for every save under way to end', async () => {
    const a = db();
    expect(await settledSoon(noSaveUnderWay(a))).toBe(true);
    const first = saveBegun(a);
    const second = saveBegun(a);
    const waiting = noSaveUnderWay(a);
    expect(await settledSoon(waiting)).toBe(false);
    first();
    first(); // ending twice ends once
    expect(await settledSoon(waiting)).toBe(false);
    second();
    expect(await settledSoon(waiting)).toBe(true);
  });

  it('is kept per database: a save on one station does not hold another station\'s pull', async () => {
    const [a, b] = [db(), db()];
    const ended = saveBegun(a);
    expect(await settledSoon(noSaveUnderWay(b))).toBe(true);
    expect(await settledSoon(noSaveUnderWay(a))).toBe(false);
    ended();
  });

  it('is shared by every connection to one database: a save through a second connection holds the pull too', async () => {
    const [engines, desks] = [db('dutydesk'), db('dutydesk')];
    const ended = saveBegun(desks);
    expect(await settledSoon(noSaveUnderWay(engines))).toBe(false);
    ended();
    expect(await settledSoon(noSaveUnderWay(engines))).toBe(true);
  });
});
