// Reference data (directory, staff, settings) folds as last-writer-wins per field by hlc: two
// stations editing different fields of one resident offline both keep their change; on the same
// field the later hlc wins on every station, whatever order the events arrive in.
import type { DeskEvent } from '../events/envelope';

export interface LwwRow {
  fieldHlc: Record<string, string>;
  lastHlc: string;
}

export function applyLww<R extends LwwRow>(row: R, event: DeskEvent, changes: Partial<R>): R {
  const next: R = { ...row, fieldHlc: { ...row.fieldHlc } };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if ((next.fieldHlc[field] ?? '') > event.hlc) continue;
    (next as Record<string, unknown>)[field] = value;
    next.fieldHlc[field] = event.hlc;
  }
  next.lastHlc = event.hlc > row.lastHlc ? event.hlc : row.lastHlc;
  return next;
}
