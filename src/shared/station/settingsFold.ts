import type { DeskEvent } from '../events/envelope';
import { applyLww } from '../events/lastWriterWins';
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
  const base: DeskSettingsRow = row ?? { key: 'desk', ...defaultDeskSettings, fieldHlc: {}, lastHlc: event.hlc };
  return applyLww(base, event, changes);
}
