import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { foldDeskSettings } from './settingsFold';

const change = (hlc: string, payload: object): DeskEvent => ({
  id: hlc, stream: 'settings', type: 'settings.changed', hlc, station: 'FD', actor: 'm1', payload: payload as Record<string, unknown>,
});

describe('desk settings fold', () => {
  it('starts from the defaults and keeps the last writer per key, whatever the arrival order', () => {
    const early = change('2026-11-22T08:00:00.000Z-0000-0000000000000001', { idleLockMinutes: 10, defaultLanguage: 'en' });
    const late = change('2026-11-22T09:00:00.000Z-0000-0000000000000002', { idleLockMinutes: 3 });
    const inOrder = [early, late].reduce(foldDeskSettings, null);
    expect(inOrder).toMatchObject({ key: 'desk', idleLockMinutes: 3, defaultLanguage: 'en' });
    expect([late, early].reduce(foldDeskSettings, null)).toEqual(inOrder);
  });

  it('refuses an out-of-range value', () => {
    expect(() => foldDeskSettings(null, change('2026-11-22T08:00:00.000Z-0000-0000000000000001', { idleLockMinutes: 0 }))).toThrow();
  });
});

const tuned = (hlc: string, rule: string, tuning: object | null): DeskEvent => ({
  id: `t-${hlc}`, stream: 'settings', type: 'settings.deadlineTuned', hlc, station: 'FD', actor: 'm1', payload: { rule, tuning } as Record<string, unknown>,
});

describe('deadline tuning fold (issue 15)', () => {
  const h = (n: number) => `2026-11-22T0${n}:00:00.000Z-0000-000000000000000${n}`;

  it('one key per rule: two managers tuning two rules both keep theirs; on one rule the later wins in any arrival order', () => {
    const a = tuned(h(1), 'R-REPAIR-ORDER-5MIN', { durationMinutes: 10 });
    const b = tuned(h(2), 'R-COMPLAINT-CONTACT', { warnMinutes: 60 });
    const c = tuned(h(3), 'R-REPAIR-ORDER-5MIN', { durationMinutes: 8, warnMinutes: 3 });
    const forward = [a, b, c].reduce(foldDeskSettings, null);
    expect(forward?.deadlineTuning).toEqual({ 'R-REPAIR-ORDER-5MIN': { durationMinutes: 8, warnMinutes: 3 }, 'R-COMPLAINT-CONTACT': { warnMinutes: 60 } });
    expect([c, b, a].reduce(foldDeskSettings, null)?.deadlineTuning).toEqual(forward?.deadlineTuning);
  });

  it('a reset (tuning null) puts the rule back on the rulebook default; other settings keep their values', () => {
    const row = [change(h(1), { idleLockMinutes: 7 }), tuned(h(2), 'R-REPLY-5MIN', { durationMinutes: 4 }), tuned(h(3), 'R-REPLY-5MIN', null)].reduce(foldDeskSettings, null);
    expect(row?.deadlineTuning).toEqual({});
    expect(row?.idleLockMinutes).toBe(7);
  });

  it('an unreadable tuning (unknown rule, a string for minutes) leaves the row as it was', () => {
    const row = foldDeskSettings(null, change(h(1), { idleLockMinutes: 7 }));
    expect(foldDeskSettings(row, tuned(h(2), 'R-NOPE', { durationMinutes: 4 }))).toBe(row);
    expect(foldDeskSettings(row, tuned(h(3), 'R-REPLY-5MIN', { durationMinutes: '4' }))).toBe(row);
  });
});
