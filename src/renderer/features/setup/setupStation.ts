import { randomNodeId, uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import { hashPin } from '@shared/staff/pin';
import { STAFF_ADDED, STAFF_SIGNED_IN } from '@shared/staff/staffEvents';
import { SETTINGS_CHANGED, STATION_CONFIGURED, defaultDeskSettings, stationConfiguredPayload, type Language } from '@shared/station/stationEvents';
import type { DeskDatabase } from '../../db/database';
import { EventStore } from '../../db/eventStore';
import { identityOf, type StationRecord } from '../../app/boot';

export interface SetupInput {
  estateName: string;
  stationName: string;
  stationCode: string;
  timeZone: string;
  countryCode: string;
  areaCode: string;
  managerName: string;
  pin: string;
  language: Language;
}

/**
 * First run: the station's identity is local (meta), what it configured is recorded as events,
 * and the first manager is created and signed in, all in one transaction.
 */
export async function setupStation(db: DeskDatabase, input: SetupInput): Promise<{ store: EventStore; station: StationRecord; managerId: string }> {
  const config = stationConfiguredPayload.parse({
    estateName: input.estateName,
    stationName: input.stationName,
    stationCode: input.stationCode,
    timeZone: input.timeZone,
    countryCode: input.countryCode,
    areaCode: input.areaCode,
    nodeId: randomNodeId(),
  });
  const station: StationRecord = { ...config, configuredAt: Date.now() };
  const pin = await hashPin(input.pin);
  const store = new EventStore(db, identityOf(station), null);
  const managerId = uuidv7();
  await store.append(
    [
      { stream: streams.station(station.stationCode), type: STATION_CONFIGURED, payload: config },
      { stream: streams.settings, type: SETTINGS_CHANGED, payload: { ...defaultDeskSettings, defaultLanguage: input.language } },
      { stream: streams.staff(managerId), type: STAFF_ADDED, payload: { name: input.managerName.trim(), role: 'manager', language: input.language, pin } },
      { stream: streams.staff(managerId), type: STAFF_SIGNED_IN, payload: { reason: 'setup' } },
    ],
    managerId,
    async () => {
      if (await db.meta.get('station')) throw new Error('station already configured');
      await db.meta.put({ key: 'station', value: station });
    },
  );
  return { store, station, managerId };
}
