import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from './database';
import { givesWay, noSaveUnderWay, saveBegun } from './saveGate';

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

  it('tells a slice in progress that a save began (on any connection to its database), until the slice stops listening', () => {
    const [engines, desks, other] = [db('lobby'), db('lobby'), db('annex')];
    let told = 0;
    const stop = givesWay(engines, () => told++);
    saveBegun(other)();
    expect(told).toBe(0);
    const ended = saveBegun(desks);
    expect(told).toBe(1);
    stop();
    saveBegun(desks)();
    ended();
    expect(told).toBe(1);
  });
});
