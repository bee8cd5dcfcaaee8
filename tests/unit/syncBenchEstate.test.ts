// `npm run bench:sync` seeds its hub with bench/sync/estate.ts: if those events did not pass the
// registry or did not fold (an actor without the permission at its hlc, a ticket number
// refused), the bootstrap figures would measure the "not understood" or refusal path instead of
// the real one. Applied here page by page as a station applies pulled pages.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { checkEvent } from '@shared/events/registry';
import { hashPin } from '@shared/staff/pin';
import { verifyPin } from '@shared/staff/pin';
import { readAuthority } from '../../src/renderer/db/authority';
import { projectAll, readStreams } from '../../src/renderer/db/projections';
import { testDatabase, loggedEvents } from '../../src/renderer/testing/testStation';
import type { DeskDatabase } from '../../src/renderer/db/database';
import { CONTROL_ROOM, ESTATE, EVENT_BYTES, eventBytes, freshEvents, planEstate } from '../../bench/sync/estate';

async function applyPage(db: DeskDatabase, page: DeskEvent[]) {
  await db.transaction('rw', db.tables, async () => {
    const [state, authority] = await Dexie.Promise.all([readStreams(db, page), readAuthority(db, page)]);
    await db.events.bulkAdd(page);
    await Promise.all(await projectAll(db, page, state, authority));
  });
}

async function estate(events: number, seed = 5) {
  // A cheap KDF: the fold checks the verifier's shape, sign-in is not tested here.
  const pins = { manager: await hashPin(ESTATE.managerPin, 100_000), staff: await hashPin(ESTATE.staffPin, 100_000) };
  const plan = await planEstate({ events, days: 730, seed, endAt: Date.UTC(2026, 10, 22, 8) }, pins);
  return { plan, pins, log: [...plan.founding, ...plan.ticketEvents()] };
}

describe('the sync bench estate (bench/sync/estate.ts)', () => {
  it('is exactly the size asked, every event accepted by the registry, in hlc order per station, notes and status changes within 330–450 bytes, mean near the anchor\'s 447', async () => {
    const { log } = await estate(3000);
    expect(log).toHaveLength(3000);
    expect(log.filter((e) => !checkEvent(e).ok)).toEqual([]);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    for (const station of ['FD-1', 'CR-1']) {
      const stamps = log.filter((e) => e.station === station).map((e) => e.hlc);
      expect(stamps).toEqual([...stamps].sort());
      expect(new Set(stamps).size).toBe(stamps.length);
    }
    const notes = log.filter((e) => e.type !== 'ticket.opened' && e.stream.startsWith('ticket:')).map(eventBytes);
    expect(Math.min(...notes)).toBeGreaterThanOrEqual(EVENT_BYTES.min);
    expect(Math.max(...notes)).toBeLessThanOrEqual(EVENT_BYTES.max);
    const mean = log.map(eventBytes).reduce((a, b) => a + b, 0) / log.length;
    expect(mean).toBeGreaterThan(400);
    expect(mean).toBeLessThan(460);
  });

  it('is the same log for the same seed (a cached hub store can be regenerated)', async () => {
    const a = await estate(800, 9);
    const b = await estate(800, 9);
    // The PIN verifiers' salts differ; everything else is the seed's.
    const strip = (log: DeskEvent[]) => log.filter((e) => e.type !== 'staff.added');
    expect(strip(b.log)).toEqual(strip(a.log));
  });

  it('folds on a station like a real estate: every ticket, staff member and setting, nothing refused; the fresh batch tops the queue', async () => {
    const { plan, pins, log } = await estate(1500);
    const db = testDatabase();
    await db.open();
    for (let i = 0; i < log.length; i += 250) await applyPage(db, log.slice(i, i + 250));
    expect(await db.refusedEvents.count()).toBe(0);
    expect(await db.tickets.count()).toBe(plan.tickets);
    expect(await db.staff.count()).toBe(plan.staff.length);
    expect(await db.settings.get('desk')).toBeTruthy();
    const notes = log.filter((e) => e.type === 'ticket.noted').length;
    expect((await loggedEvents(db)).filter((e) => e.type === 'ticket.noted')).toHaveLength(notes);
    const manager = (await db.staff.toArray()).find((s) => s.role === 'manager')!;
    expect(manager.pin).toEqual(pins.manager);
    expect(await verifyPin(ESTATE.managerPin, manager.pin)).toBe(true);

    const fresh = freshEvents(200, CONTROL_ROOM, plan.staff, Date.UTC(2026, 10, 22, 9), 3);
    expect(fresh.events.filter((e) => !checkEvent(e).ok)).toEqual([]);
    await applyPage(db, fresh.events);
    expect(await db.refusedEvents.count()).toBe(0);
    const opened = fresh.events.filter((e) => e.type === 'ticket.opened').length;
    expect(await db.tickets.count()).toBe(plan.tickets + opened);
    const last = (await db.tickets.toArray()).find((t) => t.number === fresh.lastNumber);
    expect(last).toMatchObject({ urgency: 'urgent', active: 1, station: 'CR-1' });
  });
});
