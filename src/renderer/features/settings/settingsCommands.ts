import { streams } from '@shared/events/envelope';
import { SETTINGS_CHANGED, settingsChangedPayload, type DeskSettings } from '@shared/station/stationEvents';
import type { EventStore } from '../../db/eventStore';

export async function changeDeskSettings(store: EventStore, changes: Partial<DeskSettings>, actor: string) {
  await store.append([{ stream: streams.settings, type: SETTINGS_CHANGED, payload: settingsChangedPayload.parse(changes) }], actor);
}
