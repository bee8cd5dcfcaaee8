import { z } from 'zod';
import { nameSchema } from '../protocol/names';
import { STATION_CODE_PATTERN } from '../tickets/ticketNumber';
import { DEADLINE_RULE_IDS } from '../deadlines/deadlineRules';
import { ruleTuningSchema } from '../deadlines/tuning';
import { DEFAULT_SHIFTS, shiftPlanSchema } from '../shifts/shiftPlan';
import { DEFAULT_COMMON_AREAS, DEFAULT_DEPARTMENTS, REFERENCE_LIMITS } from '../tickets/handling/references';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STATION_CONFIGURED = 'station.configured';
export const SETTINGS_CHANGED = 'settings.changed';
/** Issue 15: one deadline rule tuned for the estate, or put back on the rulebook's defaults (`tuning: null`). */
export const DEADLINE_TUNED = 'settings.deadlineTuned';

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * U21: a zone as the IANA database spells it (`asia/shanghai` → `Asia/Shanghai`), or null for a
 * zone this runtime does not know. Stored canonical, so every station and report shows one name.
 */
export function canonicalTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (!trimmed || !isValidTimeZone(trimmed)) return null;
  return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
}

export const stationConfiguredPayload = z.object({
  estateName: z.string().trim().min(1).max(60),
  stationName: z.string().trim().pipe(nameSchema),
  stationCode: z.string().regex(STATION_CODE_PATTERN),
  timeZone: z.string().refine(isValidTimeZone),
  countryCode: z.string().regex(/^\d{1,3}$/),
  areaCode: z.string().regex(/^\d{0,5}$/),
  nodeId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type StationConfiguredPayload = z.infer<typeof stationConfiguredPayload>;

/** Desk settings kept as events (synced), last writer wins per key. */
/** A manager's list (issue 14): entries trimmed, none empty, no two alike. */
const referenceList = z
  .array(z.string().trim().min(1).max(REFERENCE_LIMITS.entry))
  .min(1)
  .max(REFERENCE_LIMITS.entries)
  .refine((list) => new Set(list).size === list.length, { message: 'an entry is listed twice' });

/** R-LEFTOVER: the days after which an open request counts as open for long (default when unset). */
export const LEFTOVER_AFTER_DAYS = { min: 1, max: 90, default: 7 } as const;

export const deskSettingsSchema = z.object({
  idleLockMinutes: z.number().min(1).max(240),
  defaultLanguage: z.enum(LANGUAGES),
  /** Issue 14: the departments a request is transferred to (a known id is translated, others shown as typed). */
  departments: referenceList,
  /** Issue 14: places without a room (common areas), offered by the intake's "where". */
  commonAreas: referenceList,
  /** Issue 16: the estate's shifts (names, start and end; they tile the day). */
  shifts: shiftPlanSchema,
  /**
   * Issue 16, R-LEFTOVER: a request open longer than this many days (from its received time) is
   * offered for the leftover-issues file. Optional: settings stored before it parse as before.
   */
  leftoverAfterDays: z.number().int().min(LEFTOVER_AFTER_DAYS.min).max(LEFTOVER_AFTER_DAYS.max).optional(),
});
export type DeskSettings = z.infer<typeof deskSettingsSchema>;
export const defaultDeskSettings: DeskSettings = {
  idleLockMinutes: 5,
  defaultLanguage: 'zh-CN',
  departments: [...DEFAULT_DEPARTMENTS],
  commonAreas: [...DEFAULT_COMMON_AREAS],
  shifts: DEFAULT_SHIFTS.map((s) => ({ ...s })),
};
export const settingsChangedPayload = deskSettingsSchema.partial();

/** Any tuning the schema takes is stored; whether it is usable (warning within duration, the hard limit) is judged where it is used (deadlines/tuning.ts resolveTuning). */
export const deadlineTunedPayload = z.object({ rule: z.enum(DEADLINE_RULE_IDS), tuning: ruleTuningSchema.nullable() });
