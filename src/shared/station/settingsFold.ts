import type { DeskEvent } from '../events/envelope';
import { SETTINGS_CHANGED, defaultDeskSettings, settingsChangedPayload, type DeskSettings } from './stationEvents';

export interface DeskSettingsRow extends DeskSettings {
  key: 'desk';
  fieldHlc: Record<string, string>;
  lastHlc: string;
}

/** Desk settings are reference data: last writer wins per key by hlc. */
export function foldDeskSettings(row: DeskSettingsRow | null, event: DeskEvent): DeskSettingsRow | null {
  if (event.type !== SETTINGS_CHANGED) return row;
  const changes = settingsChangedPayload.parse(event.payload);
  const next: DeskSettingsRow = row
    ? { ...row, fieldHlc: { ...row.fieldHlc } }
    : { key: 'desk', ...defaultDeskSettings, fieldHlc: {}, lastHlc: event.hlc };
  for (const [field, value] of Object.entries(changes) as [keyof DeskSettings, never][]) {
    if (value === undefined || (next.fieldHlc[field] ?? '') > event.hlc) continue;
    next[field] = value;
    next.fieldHlc[field] = event.hlc;
  }
  next.lastHlc = event.hlc > next.lastHlc ? event.hlc : next.lastHlc;
  return next;
}
