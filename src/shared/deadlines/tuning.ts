import { z } from 'zod';
import { DEADLINE_RULES, DEADLINE_RULE_IDS, type DeadlineRuleId } from './deadlineRules';

// Issue 15: a manager tunes each rule's duration and warning per estate (one key per rule).
// What is stored may be older or broken (a file edited by hand, another version's bounds): it
// never stops the clocks. A rule whose tuning is unusable keeps its defaults, and says why.

/** 1 minute to 30 days, in whole minutes. */
export const TUNING_LIMITS = { minMinutes: 1, maxMinutes: 30 * 24 * 60 } as const;

export const ruleTuningSchema = z.object({
  durationMinutes: z.number().int().min(TUNING_LIMITS.minMinutes).max(TUNING_LIMITS.maxMinutes).optional(),
  /** 0: no warning before due. */
  warnMinutes: z.number().int().min(0).max(TUNING_LIMITS.maxMinutes).optional(),
});
export type RuleTuning = z.infer<typeof ruleTuningSchema>;

const shape = Object.fromEntries(DEADLINE_RULE_IDS.map((id) => [id, ruleTuningSchema.optional()])) as Record<DeadlineRuleId, z.ZodOptional<typeof ruleTuningSchema>>;
/** Per-estate tuning: a rule left out keeps its defaults; an unknown key (a newer version's rule) is dropped. */
export const deadlineTuningSchema = z.object(shape);
export type DeadlineTuning = z.infer<typeof deadlineTuningSchema>;

/** What the clocks use for one rule; durationMinutes null: only the agreed time. */
export interface RuleTiming {
  durationMinutes: number | null;
  warnMinutes: number;
}
export type DeadlineTimings = Record<DeadlineRuleId, RuleTiming>;

export type TuningFallbackReason = 'invalid' | 'outOfRange' | 'warnBeyondDuration' | 'beyondHardLimit' | 'notTunable';
export interface TuningFallback {
  ruleId: DeadlineRuleId;
  reason: TuningFallbackReason;
}

export const DEFAULT_TIMINGS: DeadlineTimings = Object.fromEntries(
  DEADLINE_RULES.map((r) => [r.id, { durationMinutes: r.durationMinutes, warnMinutes: r.warnMinutes }]),
) as DeadlineTimings;

/** The timings to use, and every rule whose stored tuning was set aside (never throws). */
export function resolveTuning(stored: unknown): { timings: DeadlineTimings; fallbacks: TuningFallback[] } {
  const entries = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : undefined;
  const timings = { ...DEFAULT_TIMINGS };
  const fallbacks: TuningFallback[] = [];
  for (const rule of DEADLINE_RULES) {
    // A stored value that is not an object at all is unusable for every rule.
    const raw = entries ? entries[rule.id] : stored;
    if (raw === undefined || raw === null) continue;
    const result = tuneRule(rule, raw);
    if (typeof result === 'string') fallbacks.push({ ruleId: rule.id, reason: result });
    else timings[rule.id] = result;
  }
  return { timings, fallbacks };
}

function tuneRule(rule: (typeof DEADLINE_RULES)[number], raw: unknown): RuleTiming | TuningFallbackReason {
  const parsed = ruleTuningSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.every((i) => i.code === 'too_small' || i.code === 'too_big') ? 'outOfRange' : 'invalid';
  const { durationMinutes, warnMinutes = rule.warnMinutes } = parsed.data;
  // R-REPAIR-APPOINTMENT: due is the time agreed with the resident, nothing else.
  if (rule.durationMinutes === null) return durationMinutes === undefined ? { durationMinutes: null, warnMinutes } : 'notTunable';
  const duration = durationMinutes ?? rule.durationMinutes;
  // R-SPECIAL-EVENT: no estate may allow more than the rulebook's 36 hours.
  if (rule.hardLimitMinutes !== undefined && duration > rule.hardLimitMinutes) return 'beyondHardLimit';
  return warnMinutes > duration ? 'warnBeyondDuration' : { durationMinutes: duration, warnMinutes };
}
