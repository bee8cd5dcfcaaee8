import { randomNodeId, uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import { hashPin } from '@shared/staff/pin';
import { STAFF_ADDED, STAFF_SIGNED_IN } from '@shared/staff/staffEvents';
import { pinProblem } from '@shared/staff/pinPolicy';
import { SETTINGS_CHANGED, STATION_CONFIGURED, canonicalTimeZone, defaultDeskSettings, stationConfiguredPayload } from '@shared/station/stationEvents';
import { DEFAULT_SHIFTS } from '@shared/shifts/shiftPlan';
import { zhCN } from '../../i18n/zh-CN';
import { en } from '../../i18n/en';
import type { DeskDatabase } from '../../db/database';
import { EventStore } from '../../db/eventStore';
import { identityOf, type StationRecord } from '../../desk/boot';
import type { SetupFormValues } from './setupValidation';
import { rememberSignedIn } from '../signin/signIn';

/** What the wizard hands over: its form's values without the confirmation field (P5). */
export type SetupInput = Omit<SetupFormValues, 'pinConfirm'>;

/**
 * First run: the station's identity is local (meta), what it configured is recorded as events,
 * and the first manager is created and signed in, all in one transaction.
 */
export async function setupStation(db: DeskDatabase, input: SetupInput): Promise<{ store: EventStore; station: StationRecord; managerId: string }> {
  const config = stationConfiguredPayload.parse({
    estateName: input.estateName,
    stationName: input.stationName,
    stationCode: input.stationCode,
    // U21: stored as the IANA database spells it; an unknown zone fails the schema.
    timeZone: canonicalTimeZone(input.timeZone) ?? input.timeZone,
    countryCode: input.countryCode,
    areaCode: input.areaCode,
    nodeId: randomNodeId(),
  });
  const station: StationRecord = { ...config, configuredAt: Date.now() };
  if (pinProblem(input.pin, 'manager')) throw new Error('the first manager needs a PIN of 6 to 12 digits');
  const pin = await hashPin(input.pin);
  const store = new EventStore(db, identityOf(station), null);
  const managerId = uuidv7();
  await store.append(
    // The first manager first (the setup bootstrap, S7): the station's configuration and
    // settings that follow are theirs, taken with the manager's standing.
    [
      { stream: streams.staff(managerId), type: STAFF_ADDED, payload: { name: input.managerName, role: 'manager', language: input.language, pin } },
      { stream: streams.staff(managerId), type: STAFF_SIGNED_IN, payload: { reason: 'setup' } },
      { stream: streams.station(station.stationCode), type: STATION_CONFIGURED, payload: config },
      { stream: streams.settings, type: SETTINGS_CHANGED, payload: { ...defaultDeskSettings, defaultLanguage: input.language, shifts: defaultShifts(input.language) } },
    ],
    managerId,
    async () => {
      if (await db.meta.get('station')) throw new Error('station already configured');
      await db.meta.put({ key: 'station', value: station });
    },
  );
  await rememberSignedIn(db, managerId);
  return { store, station, managerId };
}

/** The rulebook's two shifts, named in the setup's language (a desk set up in English reads "Night", not 夜班); the manager renames them in Settings. */
function defaultShifts(language: SetupFormValues['language']) {
  const names = (language === 'en' ? en : zhCN).duty.plan.defaultShifts;
  return DEFAULT_SHIFTS.map((s) => ({ ...s, name: names[s.id as keyof typeof names] ?? s.name }));
}
