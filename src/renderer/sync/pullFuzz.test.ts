import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { eventRegistry } from '@shared/events/registry';
import { FakeHub } from './fakeHub';
import { foundingStation } from './syncTestKit';
import { seededRandom as prng } from '../testing/seededRandom';
import { loggedCount } from '../testing/testStation';
import { streamEvents } from '../db/eventLog';

// The engine's entry point for what other stations wrote: a hostile hub page (random types,
// registered and not, on right and wrong streams, random payloads and actors, repeated ids, a
// far-future stamp). A seeded run: every page is applied or kept as not understood, never thrown
// out of runOnce, and the desk still works: the manager's role holds and a request can be saved.
const SEED = 0x5eed0013;


describe('pull fuzz (hostile pages)', () => {
  it(`seed ${SEED.toString(16)}: 400 hostile events are applied or kept, the run never throws, the desk still works`, async () => {
    const rng = prng(SEED);
    const hub = new FakeHub();
    const a = await foundingStation(hub, { pageLimit: 37 });
    await a.engine.runOnce();
    const types = [...Object.keys(eventRegistry), 'ticket.reopenedV9', 'x'];
    const streams = ['ticket:t1', 'staff:' + a.managerId, 'staff:s2', 'settings', 'unit:3-1502', 'resident:r1', 'call:c1', 'station:FD', 'nonsense', 'ticket:'];
    const values = [null, 1, -1, 'x', '', '管理员', true, [], {}, { __proto__: { role: 'manager' } }, 'manager', 1e308, '\u0000'];
    const keys = ['pin', 'role', 'name', 'active', 'language', 'status', 'text', 'kind', 'urgency', 'description', 'idleLockMinutes', 'constructor'];
    const ids: string[] = [];
    const events = Array.from({ length: 400 }, (_, i) => {
      const id = ids.length && rng.next() < 0.1 ? rng.pick(ids) : `fz-${i}`;
      ids.push(id);
      const payload: Record<string, unknown> = {};
      for (let k = rng.int(5); k > 0; k--) payload[rng.pick(keys)] = rng.pick(values);
      const ms = Date.now() + (rng.next() < 0.05 ? 400 * 24 * 3600_000 : -rng.int(1e9));
      return {
        id, stream: rng.pick(streams), type: rng.pick(types), station: rng.pick(['control-room', 'front-desk', 'ghost']),
        hlc: `${new Date(ms).toISOString()}-${rng.int(0xffff).toString(16).padStart(4, '0')}-00000000000000${rng.int(255).toString(16).padStart(2, '0')}`,
        actor: rng.pick([a.managerId, 's2', null, 'nobody']), payload,
      };
    });
    hub.events.push(...events.map((e, i) => ({ ...e, seq: hub.events.length + i + 1 })));
    const result = await a.engine.runOnce();
    expect(result.record.message).toBeNull();
    expect(result.record.failure).toBeNull();
    const held = (await loggedCount(a.db)) + (await a.db.unknownEvents.count());
    expect(held).toBe(new Set(hub.events.map((e) => e.id)).size);
    expect(await a.db.staff.get(a.managerId)).toMatchObject({ role: 'manager', active: 1 });
    const ticket = await a.openTicket();
    expect(await a.db.tickets.get(ticket)).toMatchObject({ description: '厨房水管漏水' });
    // F2: the far-future stamps among them did not drag our clock.
    const own = (await streamEvents(a.db, `ticket:${ticket}`).then((es) => es[0]))!;
    expect(Date.parse(own.hlc.slice(0, 24))).toBeLessThan(Date.now() + 60_000);
  });
});
