import { describe, expect, it } from 'vitest';
import { MINUTE, RECEIVED, opened, take } from '../tickets/handling/stepTesting';
import { DEADLINE_RULE_IDS } from './deadlineRules';
import { HOUR, deadline } from './deadlineTesting';
import { DEFAULT_TIMINGS, deadlineTuningSchema, resolveTuning } from './tuning';

// Per-estate tuning of the clocks (issue 15): applied where valid, each unusable rule falling
// back to the rulebook's defaults with its reason, never an exception.

const R = RECEIVED;
const repair = () => opened({ kind: 'repair' });

describe('deadline tuning', () => {
  it('R-REPAIR-ORDER-5MIN: a tuned duration and warning move due and warn; other rules keep their defaults', () => {
    const { timings, fallbacks } = resolveTuning({ 'R-REPAIR-ORDER-5MIN': { durationMinutes: 10, warnMinutes: 4 } });
    expect(fallbacks).toEqual([]);
    expect(deadline(repair(), 'R-REPAIR-ORDER-5MIN', R, timings)).toMatchObject({ warnAt: R + 6 * MINUTE, dueAt: R + 10 * MINUTE, escalateAfter: R + 20 * MINUTE });
    expect(timings['R-REPLY-5MIN']).toEqual(DEFAULT_TIMINGS['R-REPLY-5MIN']);
  });

  it('R-REPLY-5MIN: a warning alone is tuned against the default duration', () => {
    const { timings } = resolveTuning({ 'R-REPLY-5MIN': { warnMinutes: 1 } });
    const consulted = take(opened({ kind: 'inquiry' }), 'ticket.supervisorConsulted', { at: R, whom: '陈主管' });
    expect(deadline(consulted, 'R-REPLY-5MIN', R, timings)).toMatchObject({ warnAt: R + 4 * MINUTE, dueAt: R + 5 * MINUTE });
  });

  it('R-REPLY-5MIN, R-REPAIR-CHASE, R-COMPLAINT-CONTACT: unusable tuning falls back per rule with its reason, the rest applies', () => {
    const { timings, fallbacks } = resolveTuning({
      'R-REPLY-5MIN': { durationMinutes: 0 },
      'R-REPAIR-CHASE': { durationMinutes: 'a day' },
      'R-COMPLAINT-CONTACT': { durationMinutes: 60, warnMinutes: 120 },
      'R-INQUIRY-WRITTEN': { durationMinutes: 30 * 24 * 60 + 1 },
      'R-REPAIR-ORDER-5MIN': { durationMinutes: 8 },
      'R-NOT-A-RULE': { durationMinutes: 1 },
    });
    expect(fallbacks).toEqual([
      { ruleId: 'R-REPLY-5MIN', reason: 'outOfRange' },
      { ruleId: 'R-REPAIR-CHASE', reason: 'invalid' },
      { ruleId: 'R-COMPLAINT-CONTACT', reason: 'warnBeyondDuration' },
      { ruleId: 'R-INQUIRY-WRITTEN', reason: 'outOfRange' },
    ]);
    expect(timings['R-REPLY-5MIN']).toEqual(DEFAULT_TIMINGS['R-REPLY-5MIN']);
    expect(timings['R-REPAIR-CHASE']).toEqual(DEFAULT_TIMINGS['R-REPAIR-CHASE']);
    expect(timings['R-COMPLAINT-CONTACT']).toEqual(DEFAULT_TIMINGS['R-COMPLAINT-CONTACT']);
    expect(timings['R-REPAIR-ORDER-5MIN']).toEqual({ durationMinutes: 8, warnMinutes: 2 });
  });

  it('R-SPECIAL-EVENT: no estate may allow more than 36 h; a shorter due still is overdue only at 36 h', () => {
    expect(resolveTuning({ 'R-SPECIAL-EVENT': { durationMinutes: 40 * 60 } }).fallbacks).toEqual([{ ruleId: 'R-SPECIAL-EVENT', reason: 'beyondHardLimit' }]);
    const { timings } = resolveTuning({ 'R-SPECIAL-EVENT': { durationMinutes: 12 * 60, warnMinutes: 60 } });
    const theft = opened({ kind: 'security', details: { subtype: 'theft' } });
    expect(deadline(theft, 'R-SPECIAL-EVENT', R, timings)).toMatchObject({ warnAt: R + 11 * HOUR, dueAt: R + 12 * HOUR, overdueAt: R + 36 * HOUR });
  });

  it('R-REPAIR-APPOINTMENT: its due is the agreed time (not tunable); its warning is', () => {
    expect(resolveTuning({ 'R-REPAIR-APPOINTMENT': { durationMinutes: 60 } }).fallbacks).toEqual([{ ruleId: 'R-REPAIR-APPOINTMENT', reason: 'notTunable' }]);
    const { timings } = resolveTuning({ 'R-REPAIR-APPOINTMENT': { warnMinutes: 60 } });
    const agreed = take(repair(), 'ticket.appointmentAgreed', { at: R + MINUTE, appointmentAt: R + 4 * HOUR });
    expect(deadline(agreed, 'R-REPAIR-APPOINTMENT', R, timings)).toMatchObject({ warnAt: R + 3 * HOUR, dueAt: R + 4 * HOUR });
  });

  it('R-REPAIR-ORDER-5MIN: stored tuning that is not an object at all leaves every rule at its default, never throwing', () => {
    for (const stored of ['garbage', 42, [1, 2]]) {
      const { timings, fallbacks } = resolveTuning(stored);
      expect(timings).toEqual(DEFAULT_TIMINGS);
      expect(fallbacks.map((f) => f.ruleId)).toEqual([...DEADLINE_RULE_IDS]);
      expect(deadline(repair(), 'R-REPAIR-ORDER-5MIN', R, timings)?.dueAt).toBe(R + 5 * MINUTE);
    }
    expect(resolveTuning(undefined)).toEqual({ timings: DEFAULT_TIMINGS, fallbacks: [] });
  });

  it('R-REPAIR-CHASE: the settings schema keeps one key per rule and drops a key it does not know', () => {
    const parsed = deadlineTuningSchema.parse({ 'R-REPAIR-CHASE': { durationMinutes: 48 * 60 }, 'R-LATER': { durationMinutes: 5 } });
    expect(parsed).toEqual({ 'R-REPAIR-CHASE': { durationMinutes: 48 * 60 } });
    expect(deadlineTuningSchema.safeParse({ 'R-REPAIR-CHASE': { durationMinutes: 0 } }).success).toBe(false);
    expect(Object.keys(deadlineTuningSchema.shape)).toEqual([...DEADLINE_RULE_IDS]);
  });
});
