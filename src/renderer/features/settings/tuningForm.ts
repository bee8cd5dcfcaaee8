import { DEADLINE_RULES, type DeadlineRule } from '@shared/deadlines/deadlineRules';
import { TUNING_LIMITS, resolveTuning, ruleTuningSchema, type RuleTiming, type RuleTuning } from '@shared/deadlines/tuning';

// Issue 15: what a manager typed for one rule, checked the way the clocks will read it
// (ruleTuningSchema, then resolveTuning's own judgement), so the card refuses in place exactly
// what would be set aside later, field by field.

/** A NumberInput's value: a number, or what is typed while it is not one yet. */
export type Typed = number | string;

export interface TuningDraft {
  duration: Typed;
  warn: Typed;
}

/** A field's message: its key under deadlines.tuning.errors, with its values. */
export interface TuningError {
  key: 'whole' | 'range' | 'warnRange' | 'warnBeyondDuration' | 'beyondHardLimit';
  values?: Record<string, number | undefined>;
}
export interface TuningErrors {
  duration?: TuningError;
  warn?: TuningError;
}

export const ruleOf = (id: string): DeadlineRule => DEADLINE_RULES.find((rule) => rule.id === id)!;

export const draftOf = (timing: RuleTiming): TuningDraft => ({ duration: timing.durationMinutes ?? '', warn: timing.warnMinutes });

const wholeMinutes = (value: Typed): number | undefined => {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) ? n : undefined;
};

/** The tuning to store (only what the rule lets an estate change), or the errors to show. */
export function checkTuning(rule: DeadlineRule, draft: TuningDraft): { tuning: RuleTuning; errors: null } | { tuning: null; errors: TuningErrors } {
  const errors: TuningErrors = {};
  // R-REPAIR-APPOINTMENT: the agreed time is the deadline; only its warning is tunable.
  const tunableDuration = rule.durationMinutes !== null;
  const duration = tunableDuration ? wholeMinutes(draft.duration) : undefined;
  const warn = wholeMinutes(draft.warn);
  const { minMinutes, maxMinutes } = TUNING_LIMITS;
  if (tunableDuration) {
    if (duration === undefined) errors.duration = { key: 'whole' };
    else if (!ruleTuningSchema.shape.durationMinutes.safeParse(duration).success) errors.duration = { key: 'range', values: { min: minMinutes, max: maxMinutes } };
  }
  if (warn === undefined) errors.warn = { key: 'whole' };
  else if (!ruleTuningSchema.shape.warnMinutes.safeParse(warn).success) errors.warn = { key: 'warnRange', values: { max: maxMinutes } };
  if (errors.duration || errors.warn) return { tuning: null, errors };
  const tuning: RuleTuning = { ...(duration !== undefined ? { durationMinutes: duration } : {}), warnMinutes: warn! };
  const fallback = resolveTuning({ [rule.id]: tuning }).fallbacks[0];
  if (!fallback) return { tuning, errors: null };
  // R-SPECIAL-EVENT: never past the rulebook's 36 hours.
  if (fallback.reason === 'beyondHardLimit') return { tuning: null, errors: { duration: { key: 'beyondHardLimit', values: { minutes: rule.hardLimitMinutes } } } };
  if (fallback.reason === 'warnBeyondDuration') return { tuning: null, errors: { warn: { key: 'warnBeyondDuration' } } };
  return { tuning: null, errors: { duration: { key: 'range', values: { min: minMinutes, max: maxMinutes } } } };
}

/** Whether the typed values are the rule's defaults (saving them is putting the rule back). */
export function isDefault(rule: DeadlineRule, tuning: RuleTuning): boolean {
  return (tuning.durationMinutes ?? rule.durationMinutes) === rule.durationMinutes && (tuning.warnMinutes ?? rule.warnMinutes) === rule.warnMinutes;
}
