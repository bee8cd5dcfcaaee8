import type { NumberStatus } from '../events';

// Number and name fields as devices print them, mapped to a status so that withheld and
// unavailable callers never reach the directory lookup: devices spell them a dozen ways (P8,
// docs/callerid.md "Withheld and unavailable").

// Compared upper-case with everything but letters removed: `Out-of-Area` → OUTOFAREA.
const PRIVATE_WORDS = new Set([
  'P', 'A', 'PRIVATE', 'PRIVATENUMBER', 'PRIVATECALLER', 'PRIVATENAME', 'RESTRICTED', 'WITHHELD',
  'ANONYMOUS', 'BLOCKED', 'PRIVDIROFF',
]);
const UNAVAILABLE_WORDS = new Set([
  'O', 'OUTOFAREA', 'UNAVAILABLE', 'UNKNOWN', 'UNKNOWNCALLER', 'UNKNOWNNAME', 'UNKNOWNNUMBER',
  'NOTAVAILABLE', 'NONAME', 'NONUMBER', 'NOCALLERID', 'C', 'S',
]);

function statusWord(text: string, allowCodes: boolean): NumberStatus | null {
  const key = text.toUpperCase().replace(/[^A-Z]/g, '');
  if (key.length === 1 && !allowCodes) return null;
  if (PRIVATE_WORDS.has(key)) return 'private';
  if (UNAVAILABLE_WORDS.has(key)) return 'unavailable';
  return null;
}

export interface NumberField {
  number: string | null;
  numberStatus: NumberStatus;
}

/** Dashes, spaces, dots and brackets are removed; a leading + is kept (README "number"). */
export function numberField(raw: string | null): NumberField {
  if (raw === null) return { number: null, numberStatus: 'absent' };
  const text = raw.trim();
  if (text === '') return { number: null, numberStatus: 'absent' };
  const word = statusWord(text, true);
  if (word) return { number: null, numberStatus: word };
  const compact = text.replace(/[\s\-.()/]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { number: null, numberStatus: 'unavailable' };
  // VoIP adapters send 0000000000 with NAME = PrivDirOff for a withheld caller (P8, P9).
  if (/^\+?0+$/.test(compact)) return { number: null, numberStatus: 'private' };
  return { number: compact, numberStatus: 'present' };
}

export interface NameField {
  name: string | null;
  nameStatus: NumberStatus;
}

/** Trimmed; a code or placeholder gives name null with its status. */
export function nameField(raw: string | null): NameField {
  if (raw === null) return { name: null, nameStatus: 'absent' };
  const text = raw.trim();
  if (text === '') return { name: null, nameStatus: 'absent' };
  const word = statusWord(text, text.length === 1);
  if (word) return { name: null, nameStatus: word };
  return { name: text, nameStatus: 'present' };
}

/** A blank fixed-width field is sent as spaces; README keeps `nameRaw` as '' then. */
export function fixedWidthRaw(field: string): string {
  return field.trim() === '' ? '' : field;
}
