import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { seededRandom } from '../../testing/seededRandom';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { project } from '../../db/projections';

// P2/S7 for the key register and the leftover file: events another station (or a stolen token)
// may push, starting from payloads the schemas accept and spoiling one field at a time, in any hlc
// order (late ones re-fold the stream), by anyone: each is taken without an exception and every
// row stays one the screens can show.

const SEED = 0x16d0;
const CASES = 300;
const T = Date.parse('2026-12-06T09:00:00+08:00');
const drawn = { kind: 'drawn', png: 'data:image/png;base64,iVBORw0KGgo=' };

const SAMPLES: Record<string, Record<string, unknown>> = {
  'key.registered': { at: T, label: '水泵房', category: 'plantRoom', filedUnder: '2号水泵' },
  'key.deposited': { at: T, owner: '张三', signature: drawn },
  'key.lent': { at: T, borrower: '王工', identity: 'staffCard', purpose: 'work', purposeText: '检修', signature: { kind: 'pin', staffId: 'x' } },
  'key.returned': { at: T, kind: 'borrowed', by: '王工', signature: drawn },
  'leftover.filed': { at: T, month: '2026-11', text: '电梯异响' },
  'leftover.progressed': { at: T, text: '已联系厂家' },
  'leftover.resolved': { at: T },
  'leftover.carried': { at: T, fromMonth: '2026-11', toMonth: '2026-12' },
};
const HOSTILE = [0, -1, 1.5, 8.64e15 + 1, NaN, null, '__proto__', '', 'x'.repeat(5000), '2026-13', '9999-12', 'owner', 'toOwner', { kind: 'drawn', png: 'data:text/html,<b>' }, [], {}];

describe('key and leftover events fuzz', () => {
  it(`P2/S7: ${CASES} hostile key and leftover events (seed ${SEED}) are each taken; every row stays coherent`, { timeout: 60_000 }, async () => {
    const r = seededRandom(SEED);
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const clerkId = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
    const types = Object.keys(SAMPLES);
    for (let i = 0; i < CASES; i++) {
      const type = r.pick(types);
      const payload = { ...SAMPLES[type]! };
      if (r.next() < 0.6) payload[r.pick([...Object.keys(payload), '__proto__', 'kind'])] = r.pick(HOSTILE);
      const kind = type.split('.')[0]!;
      const event: DeskEvent = {
        id: `fz-${i}`,
        stream: `${r.next() < 0.9 ? kind : r.pick(['key', 'leftover'])}:${r.pick(['a', 'b', 'c'])}`,
        type,
        // After the staff were added (now): an actor's permission is read at the event's hlc.
        hlc: formatHlc({ millis: Date.now() + r.int(100_000), counter: r.int(3), node: r.pick(['00000000000000ee', '00000000000000cc']) }),
        station: 'control-room',
        actor: r.pick([managerId, clerkId, 'nobody', null]),
        payload,
      };
      await expect(db.transaction('rw', db.tables, async () => {
        await db.events.add(event);
        await project(db, event);
      }), `case ${i}: ${JSON.stringify(event).slice(0, 300)}`).resolves.toBeUndefined();
    }
    const [keys, leftovers] = await Promise.all([db.keys.toArray(), db.leftovers.toArray()]);
    expect(keys.length).toBeGreaterThan(0);
    expect(leftovers.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect([0, 1]).toContain(key.out);
      expect([0, 1]).toContain(key.held);
      expect(typeof key.label).toBe('string');
      expect(key.out === 1).toBe(key.loan !== null);
    }
    for (const leftover of leftovers) {
      expect([0, 1]).toContain(leftover.open);
      expect(leftover.month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(leftover.month >= leftover.filedMonth).toBe(true);
    }
  });
});
