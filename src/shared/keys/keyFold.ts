import type { DeskEvent } from '../events/envelope';
import { KEY_DEPOSITED, KEY_LENT, KEY_PAYLOADS, KEY_REGISTERED, KEY_RETURNED, type KeyCategory, type KeyEventType, type KeyPayload, type LendPurpose } from './keyEvents';

// Issue 16, R-KEYS: a key's row in the register (`key:<id>`), folded from keyEvents.ts. Pure; never
// refuses (the guards do, in the command): what another station recorded happened. The signatures
// stay in the log only (the history reads them there), so a row stays small.

export interface KeyLoan {
  borrower: string;
  purpose: LendPurpose;
  purposeText: string;
  at: number;
}

export interface KeyRow {
  id: string;
  /** 1 while lent out (an index key: keys out are listed at every handover). */
  out: 0 | 1;
  label: string;
  category: KeyCategory;
  filedUnder: string;
  note?: string;
  /** 1 while the key is at the desk (an owner's key once deposited; the estate's own keys from the start). */
  held: 0 | 1;
  registeredAt: number;
  /** Whoever deposited an owner's key last. */
  owner: string | null;
  loan: KeyLoan | null;
  /** The time of the last thing that happened to it. */
  lastAt: number;
  lastHlc: string;
}

const isKeyEvent = (type: string): type is KeyEventType => Object.prototype.hasOwnProperty.call(KEY_PAYLOADS, type);

export function foldKey(row: KeyRow | null, event: DeskEvent): KeyRow | null {
  if (!isKeyEvent(event.type)) return row;
  const parsed = KEY_PAYLOADS[event.type].safeParse(event.payload);
  if (!parsed.success) return row;
  const id = event.stream.slice('key:'.length);
  if (event.type === KEY_REGISTERED) {
    // The first registration names the key; a second one (two stations, one key) changes nothing.
    if (row) return row;
    const p = parsed.data as KeyPayload<typeof KEY_REGISTERED>;
    return {
      id, out: 0, label: p.label, category: p.category, filedUnder: p.filedUnder, ...(p.note ? { note: p.note } : {}),
      held: p.category === 'owner' ? 0 : 1, registeredAt: p.at, owner: null, loan: null, lastAt: p.at, lastHlc: event.hlc,
    };
  }
  // A deposit, loan or return of a key never registered has nothing to be recorded on.
  if (!row) return row;
  const touched = { lastAt: Math.max(row.lastAt, parsed.data.at), lastHlc: event.hlc > row.lastHlc ? event.hlc : row.lastHlc };
  switch (event.type) {
    case KEY_DEPOSITED: {
      const p = parsed.data as KeyPayload<typeof KEY_DEPOSITED>;
      return { ...row, ...touched, held: 1, owner: p.owner };
    }
    case KEY_LENT: {
      const p = parsed.data as KeyPayload<typeof KEY_LENT>;
      return { ...row, ...touched, out: 1, held: 0, loan: { borrower: p.borrower, purpose: p.purpose, purposeText: p.purposeText, at: p.at } };
    }
    case KEY_RETURNED: {
      const p = parsed.data as KeyPayload<typeof KEY_RETURNED>;
      return { ...row, ...touched, out: 0, loan: null, held: p.kind === 'borrowed' ? 1 : 0 };
    }
    default:
      return row;
  }
}
