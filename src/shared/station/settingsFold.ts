import type { DeskEvent } from '../events/envelope';
import { applyLww } from '../events/lastWriterWins';
import { DEADLINE_TUNED, SETTINGS_CHANGED, deadlineTunedPayload, defaultDeskSettings, settingsChangedPayload, type DeskSettings } from './stationEvents';
import type { RuleTuning } from '../deadlines/tuning';

export interface DeskSettingsRow extends DeskSettings {
  key: 'desk';
  fieldHlc: Record<string, string>;
  lastHlc: string;
  /** Issue 15: the estate's tuning per deadline rule (a rule absent: the rulebook's defaults); field hlc `deadline.<rule>`. */
  deadlineTuning?: Record<string, RuleTuning>;
}

/** Desk settings are reference data: last writer wins per key by hlc. */
export function foldDeskSettings(row: DeskSettingsRow | null, event: DeskEvent): DeskSettingsRow | null {
  if (event.type === DEADLINE_TUNED) return foldTuning(row, event);
  if (event.type !== SETTINGS_CHANGED) return row;
  const changes = settingsChangedPayload.parse(event.payload);
  const base: DeskSettingsRow = row ?? { key: 'desk', ...defaultDeskSettings, fieldHlc: {}, lastHlc: event.hlc };
  return applyLww(base, event, changes);
}

/** One rule's tuning, last writer wins per rule (two managers tuning two rules both keep theirs). */
function foldTuning(row: DeskSettingsRow | null, event: DeskEvent): DeskSettingsRow | null {
  const parsed = deadlineTunedPayload.safeParse(event.payload);
  if (!parsed.success) return row;
  const { rule, tuning } = parsed.data;
  const base: DeskSettingsRow = row ?? { key: 'desk', ...defaultDeskSettings, fieldHlc: {}, lastHlc: event.hlc };
  const field = `deadline.${rule}`;
  if ((base.fieldHlc[field] ?? '') > event.hlc) return { ...base, lastHlc: event.hlc > base.lastHlc ? event.hlc : base.lastHlc };
  const deadlineTuning = { ...base.deadlineTuning };
  if (tuning) deadlineTuning[rule] = tuning;
  else delete deadlineTuning[rule];
  return { ...base, deadlineTuning, fieldHlc: { ...base.fieldHlc, [field]: event.hlc }, lastHlc: event.hlc > base.lastHlc ? event.hlc : base.lastHlc };
}
