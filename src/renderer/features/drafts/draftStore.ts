import type { DeskDatabase } from '../../db/database';
import { readMeta } from '../../db/meta';

// U5: what a person has typed but not saved, kept on this workstation only (the `meta` table is
// local and never synced: a draft is not an event). Keyed by the person, so a draft only ever
// comes back to whoever typed it; dropped when saved or discarded on purpose.

export interface IntakeDraftValues {
  channel: string;
  building: string;
  room: string;
  callerName: string;
  callerPhone: string;
  kind: string;
  description: string;
  urgency: string;
  paid: boolean;
  // Issue 14: optional, so a draft kept before them still loads (the form fills in its defaults).
  where?: string;
  place?: string;
  backfill?: boolean;
  /** The back-filled received time as typed (station wall clock, `YYYY-MM-DDTHH:mm`). */
  backfillAt?: string;
  backfillReason?: string;
  listened?: boolean;
  asked?: boolean;
  readBack?: boolean;
  recorded?: boolean;
  reportedTo?: string;
  faultLocation?: string;
  anyoneHome?: string;
  spareKey?: string;
  accessTime?: string;
  subtype?: string;
  happenedAt?: string;
  major?: boolean;
}

export interface IntakeDraftRecord {
  values: IntakeDraftValues;
  receivedAt: number;
  /** The number caller ID delivered, if the form was opened from a call (kept as the line gave it). */
  lineNumber: string;
  /** S6: the number stays masked for a role without `phone.unmask`. */
  phoneMasked: boolean;
  /** A request started from the call panel keeps its call link (saving links the call). */
  call: { callId: string | null; offerNumber: string | null } | null;
}

export interface NoteDraftRecord {
  ticketId: string;
  text: string;
}

export const intakeKey = (staffId: string) => `draft:intake:${staffId}`;
const noteKey = (staffId: string) => `draft:note:${staffId}`;

export const readIntakeDraft = (db: DeskDatabase, staffId: string) => readMeta<IntakeDraftRecord>(db, intakeKey(staffId));
export const writeIntakeDraft = (db: DeskDatabase, staffId: string, draft: IntakeDraftRecord) => db.meta.put({ key: intakeKey(staffId), value: draft });
export const dropIntakeDraft = (db: DeskDatabase, staffId: string) => db.meta.delete(intakeKey(staffId));

export const readNoteDraft = (db: DeskDatabase, staffId: string) => readMeta<NoteDraftRecord>(db, noteKey(staffId));
export const writeNoteDraft = (db: DeskDatabase, staffId: string, draft: NoteDraftRecord) => db.meta.put({ key: noteKey(staffId), value: draft });
export const dropNoteDraft = (db: DeskDatabase, staffId: string) => db.meta.delete(noteKey(staffId));
