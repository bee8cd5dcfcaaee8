import type { DeskEvent } from '../events/envelope';
import { RESIDENT_ADDED, RESIDENT_UPDATED, residentAddedPayload, residentUpdatedPayload, type Relation } from './directoryEvents';
import { applyLww, type LwwRow } from '../events/lastWriterWins';
import type { PhoneNumber } from './phone/phoneTypes';
import { residentSearchKeys } from './searchKeys';

/** The resident projection row (Dexie `residents`). */
export interface Resident extends LwwRow {
  id: string;
  unitId: string;
  name: string;
  relation: Relation;
  phoneNumbers: PhoneNumber[];
  notes: string;
  /** 0 once the resident has moved out: kept for the record, no longer matched by a call. */
  active: 0 | 1;
  /** 0 while only later edits have arrived (sync out of order); such a row is never shown. */
  added: 0 | 1;
  /** E.164 of every number, for the multiEntry index the caller-ID lookup uses. */
  phones: string[];
  searchKeys: string[];
}

function emptyResident(event: DeskEvent): Resident {
  return {
    id: event.stream.slice('resident:'.length), unitId: '', name: '', relation: 'owner', phoneNumbers: [], notes: '',
    active: 1, added: 0, phones: [], searchKeys: [], fieldHlc: {}, lastHlc: event.hlc,
  };
}

/** Folds one resident event: last writer wins per field (events/lastWriterWins.ts); reveals change nothing. */
export function foldResident(resident: Resident | null, event: DeskEvent): Resident | null {
  let next: Resident;
  if (event.type === RESIDENT_ADDED) {
    const p = residentAddedPayload.parse(event.payload);
    const { phones: phoneNumbers, ...rest } = p;
    next = applyLww({ ...(resident ?? emptyResident(event)), added: 1 }, event, { ...rest, phoneNumbers });
  } else if (event.type === RESIDENT_UPDATED) {
    const { phones: phoneNumbers, active, ...rest } = residentUpdatedPayload.parse(event.payload);
    const changes: Partial<Resident> = { ...rest, phoneNumbers, active: active === undefined ? undefined : active ? 1 : 0 };
    // As for units: an edit before its resident keeps a row so the late add re-folds in order.
    next = applyLww(resident ?? emptyResident(event), event, changes);
  } else {
    return resident;
  }
  const live = next.added === 1 && next.active === 1;
  return {
    ...next,
    phones: live ? [...new Set(next.phoneNumbers.map((p) => p.e164))] : [],
    searchKeys: live ? residentSearchKeys(next) : [],
  };
}
