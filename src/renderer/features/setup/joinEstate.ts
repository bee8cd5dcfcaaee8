// Join an estate (a second station): enrol with the token of this station and no station name
// of our own yet, let the engine pull the estate's events (no push while there is no station),
// then, once the estate's configuration and staff with PINs are here, write the local station
// record. People sign in with the PINs they already have; no new manager is made.
import { randomNodeId } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import type { DeskBridge } from '@shared/bridge/contract';
import type { WhoamiAnswer } from '@shared/sync/syncContract';
import { STATION_CONFIGURED, stationConfiguredPayload, type StationConfiguredPayload } from '@shared/station/stationEvents';
import { STATION_CODE_PATTERN } from '@shared/tickets/ticketNumber';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { openStore, type StationRecord } from '../../desk/boot';
import { streamPrefixEvents } from '../../db/eventLog';

export function startJoin(bridge: DeskBridge, { hubUrl, token }: { hubUrl: string; token: string }): Promise<WhoamiAnswer> {
  return bridge.invoke('sync:enrol', { hubUrl, token, expectStation: null, expectSite: null });
}

export interface JoinReadiness {
  /** The estate's first configuration (its name, zone, country and area code), once pulled. */
  estate: StationConfiguredPayload | null;
  /** Station codes the estate's stations use. */
  codes: string[];
  /** Active staff members with a PIN (who can sign in here). */
  staffWithPin: number;
  ready: boolean;
}

/** The estate's `station.configured` events, oldest first (streams `station:*`, an index range). */
async function stationConfigurations(db: DeskDatabase): Promise<StationConfiguredPayload[]> {
  const prefix = streams.station('');
  const rows = await streamPrefixEvents(db, prefix);
  return rows
    .filter((e) => e.type === STATION_CONFIGURED)
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
    .map((e) => stationConfiguredPayload.safeParse(e.payload))
    .filter((p) => p.success)
    .map((p) => p.data);
}

export async function joinReadiness(db: DeskDatabase): Promise<JoinReadiness> {
  const [configs, staff] = await Promise.all([stationConfigurations(db), db.staff.filter((m) => m.active === 1 && Boolean(m.pin)).count()]);
  const estate = configs[0] ?? null;
  return { estate, codes: [...new Set(configs.map((c) => c.stationCode))], staffWithPin: staff, ready: estate !== null && staff > 0 };
}

/** A code from the station's name (letters and digits, upper case), made unique among `taken`. */
export function deriveStationCode(stationName: string, taken: readonly string[]): string {
  const letters = stationName.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const base = /^[A-Z]/.test(letters) ? letters.slice(0, 4) : `S${letters}`.slice(0, 4);
  const stem = base.length >= 2 ? base : `${base}S`.padEnd(2, 'S');
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  for (let n = 2; n < 100; n++) {
    const code = `${stem.slice(0, 6 - String(n).length)}${n}`;
    if (!used.has(code)) return code;
  }
  for (;;) {
    const code = `S${Math.floor(Math.random() * 1e5).toString().padStart(5, '0')}`;
    if (!used.has(code)) return code;
  }
}

export class JoinError extends Error {
  constructor(readonly reason: 'notReady' | 'codeTaken' | 'badCode' | 'alreadyConfigured') {
    super(`join failed: ${reason}`);
  }
}

/**
 * Writes the local station record from the estate's first configuration and returns the store,
 * so Root goes on to sign-in. The station's own `station.configured` (no actor: the system) goes
 * out with the next push, so the next station to join sees this code as taken.
 */
export async function completeJoin(db: DeskDatabase, { stationName, stationCode }: { stationName: string; stationCode?: string }): Promise<{ store: EventStore; station: StationRecord }> {
  const { estate, codes, ready } = await joinReadiness(db);
  if (!ready || !estate) throw new JoinError('notReady');
  if (await db.meta.get('station')) throw new JoinError('alreadyConfigured');
  const code = stationCode ?? deriveStationCode(stationName, codes);
  if (!STATION_CODE_PATTERN.test(code)) throw new JoinError('badCode');
  if (codes.includes(code)) throw new JoinError('codeTaken');
  const config = stationConfiguredPayload.parse({
    estateName: estate.estateName, stationName, stationCode: code, timeZone: estate.timeZone,
    countryCode: estate.countryCode, areaCode: estate.areaCode, nodeId: randomNodeId(),
  });
  const station: StationRecord = { ...config, configuredAt: Date.now() };
  await db.meta.put({ key: 'station', value: station });
  const store = await openStore(db, station);
  await store.append([{ stream: streams.station(code), type: STATION_CONFIGURED, payload: config }], null);
  return { store, station };
}
