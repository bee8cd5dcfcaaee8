import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { RESIDENT_ADDED, RESIDENT_UPDATED, PHONE_REVEALED, UNIT_ADDED, UNIT_UPDATED } from './directoryEvents';
import { foldResident, type Resident } from './residentFold';
import { foldUnit, unitIdFor, type Unit } from './unitFold';

let n = 0;
function event(stream: string, type: string, payload: object, second: number): DeskEvent {
  n += 1;
  return { id: `e${n}`, stream, type, payload: payload as Record<string, unknown>, station: 'FD', actor: 'staff-1', hlc: `2026-11-22T08:00:${String(second).padStart(2, '0')}.000Z-0000-a1b2c3d4e5f60708` };
}

const fold = <T>(f: (row: T | null, e: DeskEvent) => T | null, events: DeskEvent[]) => events.reduce<T | null>((row, e) => f(row, e), null);

describe('unit fold', () => {
  const stream = `unit:${unitIdFor({ building: '3栋', room: '1502' })}`;
  const added = event(stream, UNIT_ADDED, { building: '3栋', room: '1502室', floor: 15, notes: '' }, 1);

  it('derives the id and key from building and room', () => {
    expect(stream).toBe('unit:3-1502');
    expect(fold(foldUnit, [added])).toMatchObject({ id: '3-1502', key: '3-1502', building: '3', room: '1502', floor: 15, added: 1 });
  });

  it('keeps the later note by hlc whatever the order of arrival', () => {
    const a = event(stream, UNIT_UPDATED, { notes: '独居老人' }, 5);
    const b = event(stream, UNIT_UPDATED, { notes: '独居老人,行动不便', floor: 16 }, 7);
    const c = event(stream, UNIT_UPDATED, { floor: 15 }, 6);
    const inOrder = fold<Unit>(foldUnit, [added, a, c, b]);
    expect(inOrder).toMatchObject({ notes: '独居老人,行动不便', floor: 16 });
    // The store re-folds in hlc order when an event arrives late; a late event on its own
    // never overrides a newer field.
    expect(fold<Unit>(foldUnit, [added, a, b, c])).toMatchObject({ notes: '独居老人,行动不便', floor: 16 });
  });

  it('keeps a row for an edit that arrives before its unit, hidden from search', () => {
    const early = fold<Unit>(foldUnit, [event(stream, UNIT_UPDATED, { notes: 'x' }, 9)]);
    expect(early).toMatchObject({ added: 0, searchKeys: [] });
  });
});

describe('resident fold', () => {
  const stream = 'resident:r1';
  const added = event(stream, RESIDENT_ADDED, { unitId: '3-1502', name: '张三', relation: 'owner', phones: [{ e164: '+8613800138000' }], notes: '' }, 1);

  it('indexes phones and search keys', () => {
    const row = fold<Resident>(foldResident, [added]);
    expect(row).toMatchObject({ id: 'r1', unitId: '3-1502', phones: ['+8613800138000'], active: 1 });
    expect(row?.searchKeys).toEqual(expect.arrayContaining(['张三', 'zhangsan', 'zs']));
  });

  it('merges edits of different fields from two stations, later hlc wins per field', () => {
    const phoneFromA = event(stream, RESIDENT_UPDATED, { phones: [{ e164: '+8613900139000' }] }, 4);
    const nameFromB = event(stream, RESIDENT_UPDATED, { name: '张叁' }, 3);
    const olderPhoneFromB = event(stream, RESIDENT_UPDATED, { phones: [{ e164: '+8613700137000' }] }, 2);
    for (const order of [[phoneFromA, nameFromB, olderPhoneFromB], [olderPhoneFromB, nameFromB, phoneFromA]]) {
      const row = fold<Resident>(foldResident, [added, ...order]);
      expect(row).toMatchObject({ name: '张叁', phones: ['+8613900139000'] });
    }
  });

  it('drops a moved-out resident from the phone and search indexes, and ignores reveals', () => {
    const moved = fold<Resident>(foldResident, [added, event(stream, RESIDENT_UPDATED, { active: false }, 5)]);
    expect(moved).toMatchObject({ active: 0, phones: [], searchKeys: [] });
    const revealed = event(stream, PHONE_REVEALED, { e164: '+8613800138000' }, 6);
    expect(foldResident(moved, revealed)).toBe(moved);
  });

  it('rejects a payload that breaks the schema', () => {
    expect(() => foldResident(null, event(stream, RESIDENT_ADDED, { unitId: '3-1502', name: '', relation: 'owner', phones: [], notes: '' }, 1))).toThrow();
  });
});
