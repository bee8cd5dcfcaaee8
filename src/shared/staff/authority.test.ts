import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { checkEvent } from '../events/registry';
import { authorise, type Decision } from './authority';
import { foldStaff, type StaffMember } from './staffFold';

// The folds' rule (S7) as a pure loop over one site's staff log in hlc order: each event is
// applied only if its actor held the permission at its hlc.
const pin = { algorithm: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: '0'.repeat(32), hash: '1'.repeat(64) };
const otherPin = { ...pin, hash: '2'.repeat(64) };
const hlc = (minute: number) => `2026-11-22T08:${String(minute).padStart(2, '0')}:00.000Z-0000-0000000000000001`;
let n = 0;
const ev = (minute: number, subject: string, type: string, actor: string | null, payload: object, station = 'front-desk'): DeskEvent =>
  ({ id: `e${++n}`, stream: `staff:${subject}`, type, hlc: hlc(minute), station, actor, payload: payload as Record<string, unknown> });

function foldLog(events: DeskEvent[]) {
  const staff = new Map<string, StaffMember>();
  const refused: { id: string; reason: string }[] = [];
  for (const event of [...events].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
    const subject = event.stream.slice('staff:'.length);
    const setupTaken = [...staff.values()].some((m) => m.setupStation === event.station && m.id !== subject);
    const decision: Decision = authorise(event, staff.get(event.actor ?? ''), setupTaken);
    if (!decision.ok) refused.push({ id: event.id, reason: decision.reason });
    else staff.set(subject, foldStaff(staff.get(subject) ?? null, event)!);
  }
  return { staff, refused };
}

const setup = ev(0, 'boss', 'staff.added', 'boss', { name: '李经理', role: 'manager', language: 'zh-CN', pin });
const clerkAdded = ev(1, 'clerk', 'staff.added', 'boss', { name: '王芳', role: 'clerk', language: 'zh-CN', pin });

describe('permissions in the staff fold (S7)', () => {
  it('S7: a clerk\'s (or an unknown actor\'s) staff.pinSet for the manager is not applied and is listed', () => {
    const byClerk = ev(2, 'boss', 'staff.pinSet', 'clerk', { pin: otherPin });
    const byStranger = ev(3, 'boss', 'staff.pinSet', 'stranger', { pin: otherPin });
    const { staff, refused } = foldLog([setup, clerkAdded, byClerk, byStranger]);
    expect(staff.get('boss')?.pin).toEqual(pin);
    expect(refused).toEqual([{ id: byClerk.id, reason: 'notPermitted' }, { id: byStranger.id, reason: 'unknownActor' }]);
  });

  it('S7: the same staff.pinSet by the manager is applied, and so is a person\'s own', () => {
    const byManager = ev(2, 'clerk', 'staff.pinSet', 'boss', { pin: otherPin });
    const own = ev(3, 'boss', 'staff.pinSet', 'boss', { pin: otherPin });
    const { staff, refused } = foldLog([setup, clerkAdded, byManager, own]);
    expect(refused).toEqual([]);
    expect(staff.get('clerk')?.pin).toEqual(otherPin);
    expect(staff.get('boss')?.pin).toEqual(otherPin);
  });

  it('a clerk changes their own interface language, and nothing else of theirs; a lock-out is lifted only by a manager', () => {
    const ownLanguage = ev(2, 'clerk', 'staff.updated', 'clerk', { language: 'en' });
    const ownRole = ev(3, 'clerk', 'staff.updated', 'clerk', { language: 'zh-CN', role: 'manager' });
    const othersLanguage = ev(4, 'boss', 'staff.updated', 'clerk', { language: 'en' });
    const liftedByClerk = ev(5, 'boss', 'staff.lockoutLifted', 'clerk', {});
    const liftedByManager = ev(6, 'clerk', 'staff.lockoutLifted', 'boss', {});
    const { staff, refused } = foldLog([setup, clerkAdded, ownLanguage, ownRole, othersLanguage, liftedByClerk, liftedByManager]);
    expect(staff.get('clerk')).toMatchObject({ language: 'en', role: 'clerk', liftedHlc: liftedByManager.hlc });
    expect(staff.get('boss')).toMatchObject({ language: 'zh-CN' });
    expect(refused).toEqual([
      { id: ownRole.id, reason: 'notPermitted' }, { id: othersLanguage.id, reason: 'notPermitted' }, { id: liftedByClerk.id, reason: 'notPermitted' },
    ]);
  });

  it('S7: someone demoted at T has their events after T refused, those before T applied, in any arrival order', () => {
    const promoted = ev(2, 'clerk', 'staff.updated', 'boss', { role: 'manager' });
    const renameBefore = ev(3, 'boss', 'staff.updated', 'clerk', { name: '李总' });
    const demoted = ev(4, 'clerk', 'staff.updated', 'boss', { role: 'clerk' });
    const renameAfter = ev(5, 'boss', 'staff.updated', 'clerk', { name: '被改名' });
    const log = [setup, clerkAdded, promoted, renameBefore, demoted, renameAfter];
    const forwards = foldLog(log);
    expect(forwards.staff.get('boss')?.name).toBe('李总');
    expect(forwards.refused).toEqual([{ id: renameAfter.id, reason: 'notPermitted' }]);
    expect(foldLog([...log].reverse())).toEqual(forwards);
  });

  it('S7: a station sets up one first manager; a second self-made manager from it is refused, a deactivated manager can do nothing', () => {
    const second = ev(2, 'mallory', 'staff.added', 'mallory', { name: 'M', role: 'manager', language: 'zh-CN', pin });
    const otherStation = ev(3, 'cr-boss', 'staff.added', 'cr-boss', { name: '中控经理', role: 'manager', language: 'zh-CN', pin }, 'control-room');
    const selfClerk = ev(4, 'eve', 'staff.added', 'eve', { name: 'E', role: 'clerk', language: 'zh-CN', pin }, 'night-desk');
    const deactivated = ev(5, 'cr-boss', 'staff.updated', 'boss', { active: false });
    const afterwards = ev(6, 'clerk', 'staff.pinSet', 'cr-boss', { pin: otherPin });
    const { staff, refused } = foldLog([setup, clerkAdded, second, otherStation, selfClerk, deactivated, afterwards]);
    expect([...staff.keys()].sort()).toEqual(['boss', 'clerk', 'cr-boss']);
    expect(refused).toEqual([
      { id: second.id, reason: 'unknownActor' }, { id: selfClerk.id, reason: 'unknownActor' }, { id: afterwards.id, reason: 'inactive' },
    ]);
  });
});

describe('the event registry (P2)', () => {
  it('knows every type the desk writes, checks stream kind and payload', () => {
    expect(checkEvent(setup)).toMatchObject({ ok: true });
    expect(checkEvent({ stream: 'staff:x', type: 'staff.madeUp', payload: {} })).toMatchObject({ ok: false, reason: 'unknownType' });
    expect(checkEvent({ stream: 'call:x', type: 'staff.pinSet', payload: { pin } })).toMatchObject({ ok: false, reason: 'wrongStream' });
    expect(checkEvent({ stream: 'staff:', type: 'staff.pinSet', payload: { pin } })).toMatchObject({ ok: false, reason: 'wrongStream' });
    expect(checkEvent({ stream: 'staff:x', type: 'staff.pinSet', payload: { pin: { ...pin, iterations: 10 } } })).toMatchObject({ ok: false, reason: 'invalidPayload' });
    expect(checkEvent({ stream: 'staff:x', type: 'staff.signedIn', payload: { reason: 'whenever' } })).toMatchObject({ ok: false, reason: 'invalidPayload' });
  });
});
