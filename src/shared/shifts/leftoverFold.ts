import type { DeskEvent } from '../events/envelope';
import {
  LEFTOVER_CARRIED, LEFTOVER_FILED, LEFTOVER_PAYLOADS, LEFTOVER_PROGRESSED, LEFTOVER_RESOLVED, type LeftoverEventType, type LeftoverPayload,
} from './leftoverEvents';

// Issue 16, R-LEFTOVER: an issue's row in the leftover-issues file (`leftover:<id>`). Pure; never
// refuses. A carry moves an open issue from the month it names to a later one and nothing else,
// so the month-end job run twice, or by two stations, leaves one move.

export interface LeftoverNote {
  at: number;
  text: string;
  actor: string | null;
}

export interface LeftoverRow {
  id: string;
  /** 1 until "OK". */
  open: 0 | 1;
  /** The month's file it is in, `YYYY-MM` (carried into the next at month end while open). */
  month: string;
  /** The month it was first filed in. */
  filedMonth: string;
  text: string;
  filedAt: number;
  filedBy: string | null;
  fromShift?: string;
  fromTicket?: { id: string; number: string };
  /** The latest progress notes, oldest first. */
  progress: LeftoverNote[];
  resolved?: LeftoverNote;
  /** Each month it was carried into. */
  carried: { from: string; to: string; at: number }[];
  lastHlc: string;
}

const MAX_NOTES = 50;
const MAX_CARRIES = 120;

const isLeftover = (type: string): type is LeftoverEventType => Object.prototype.hasOwnProperty.call(LEFTOVER_PAYLOADS, type);

export function foldLeftover(row: LeftoverRow | null, event: DeskEvent): LeftoverRow | null {
  if (!isLeftover(event.type)) return row;
  const parsed = LEFTOVER_PAYLOADS[event.type].safeParse(event.payload);
  if (!parsed.success) return row;
  if (event.type === LEFTOVER_FILED) {
    if (row) return row;
    const p = parsed.data as LeftoverPayload<typeof LEFTOVER_FILED>;
    return {
      id: event.stream.slice('leftover:'.length), open: 1, month: p.month, filedMonth: p.month, text: p.text, filedAt: p.at, filedBy: event.actor,
      ...(p.fromShift ? { fromShift: p.fromShift } : {}), ...(p.fromTicket ? { fromTicket: p.fromTicket } : {}),
      progress: [], carried: [], lastHlc: event.hlc,
    };
  }
  if (!row) return row;
  const lastHlc = event.hlc > row.lastHlc ? event.hlc : row.lastHlc;
  switch (event.type) {
    case LEFTOVER_PROGRESSED: {
      const p = parsed.data as LeftoverPayload<typeof LEFTOVER_PROGRESSED>;
      return { ...row, lastHlc, progress: [...row.progress, { at: p.at, text: p.text, actor: event.actor }].slice(-MAX_NOTES) };
    }
    case LEFTOVER_RESOLVED: {
      if (!row.open) return row;
      const p = parsed.data as LeftoverPayload<typeof LEFTOVER_RESOLVED>;
      return { ...row, lastHlc, open: 0, resolved: { at: p.at, text: p.text ?? '', actor: event.actor } };
    }
    case LEFTOVER_CARRIED: {
      const p = parsed.data as LeftoverPayload<typeof LEFTOVER_CARRIED>;
      // R-LEFTOVER: only what is still open, only from the month it is in, only forward. A carry
      // set aside still moves lastHlc: an older carry arriving later must re-fold the stream, where
      // this one may apply after it.
      if (!row.open || row.month !== p.fromMonth || p.toMonth <= p.fromMonth) return lastHlc === row.lastHlc ? row : { ...row, lastHlc };
      return { ...row, lastHlc, month: p.toMonth, carried: [...row.carried, { from: p.fromMonth, to: p.toMonth, at: p.at }].slice(-MAX_CARRIES) };
    }
    default:
      return row;
  }
}
