// S7: what the folds need to decide whether an event's actor could take it: the actors' staff
// rows and the stations' first managers. Read with the streams' rows, in the same round trip.
import Dexie from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import type { StaffMember } from '@shared/staff/staffFold';
import { authorise, staffSubject, type Decision, type RefusalReason } from '@shared/staff/authority';
import { isSetupBootstrap } from '@shared/staff/setupBootstrap';
import type { DeskDatabase } from './database';

/** An event the folds did not apply: it stays in the log; a manager sees it listed. */
export interface RefusedEvent {
  id: string;
  hlc: string;
  type: string;
  stream: string;
  station: string;
  actor: string | null;
  reason: RefusalReason;
}

export interface Authority {
  members: Map<string, StaffMember | null>;
  /** Station name → the first managers its setup created. */
  setups: Map<string, { id: string; hlc: string }[]>;
}

type Candidate = Pick<DeskEvent, 'stream' | 'type' | 'payload' | 'actor' | 'station'>;

/** Reads the rows of the events' actors and, for a setup bootstrap, its station's first managers. */
export function readAuthority(db: DeskDatabase, events: readonly Candidate[]): Dexie.Promise<Authority> {
  const actors = [...new Set(events.map((e) => e.actor).filter((a): a is string => a !== null))];
  const stations = [...new Set(events.filter((e) => isSetupBootstrap(e)).map((e) => e.station))];
  return Dexie.Promise.all([
    actors.length ? db.staff.bulkGet(actors) : Dexie.Promise.resolve([] as (StaffMember | undefined)[]),
    Dexie.Promise.all(stations.map((station) => db.staff.where('setupStation').equals(station).toArray())),
  ]).then(([rows, setups]) => ({
    members: new Map(actors.map((id, i) => [id, rows[i] ?? null])),
    setups: new Map(stations.map((station, i) => [station, setups[i]!.map((m) => ({ id: m.id, hlc: m.setupHlc ?? '' }))])),
  }));
}

/** Adds the rows of actors not read yet (a stream re-folded from the log has older actors). */
export async function readMissingActors(db: DeskDatabase, authority: Authority, events: readonly DeskEvent[]): Promise<void> {
  const missing = [...new Set(events.map((e) => e.actor).filter((a): a is string => a !== null && !authority.members.has(a)))];
  if (missing.length === 0) return;
  const rows = await db.staff.bulkGet(missing);
  missing.forEach((id, i) => authority.members.set(id, rows[i] ?? null));
}

/** The decision for one event, with the fold's current row standing in for the actor on their own stream. */
export function decide(authority: Authority, event: DeskEvent, current: unknown): Decision {
  const own = event.actor !== null && staffSubject(event.stream) === event.actor;
  const actor = own ? (current as StaffMember | null) : authority.members.get(event.actor ?? '');
  const subject = staffSubject(event.stream);
  const setupTaken = (authority.setups.get(event.station) ?? []).some((s) => s.id !== subject && s.hlc < event.hlc);
  return authorise(event, actor, setupTaken);
}

export function refusal(event: DeskEvent, reason: RefusalReason): RefusedEvent {
  return { id: event.id, hlc: event.hlc, type: event.type, stream: event.stream, station: event.station, actor: event.actor, reason };
}
