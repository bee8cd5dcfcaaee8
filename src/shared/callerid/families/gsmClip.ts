import { repairUtf8 } from '../framing/bytes';
import { callerIdRecord } from '../records/record';
import type { CallerIdRecord } from '../records/tokens';

// 3GPP TS 27.007 `+CLIP: <number>,<type>[,<subaddr>,<satype>[,[<alpha>][,<CLI validity>]]]`
// (docs/callerid.md "GSM +CLIP"). An empty number is legal (withheld: python-gsmmodem #24); a +
// is prepended only for type 145 (international), never for 129 (PR #20's bug); <alpha> is the SIM
// phonebook entry, not the caller's name.

const INTERNATIONAL = 145;

function splitFields(text: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(current.trim());
      current = '';
    } else current += ch;
  }
  fields.push(current.trim());
  return fields;
}

function optionalInt(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

export function parseClip(text: string): CallerIdRecord | null {
  const m = /^\+CLIP:\s*(.*)$/.exec(text);
  if (!m || !m[1]!.startsWith('"')) return null;
  const [numberRaw = '', typeText, , , alpha, validityText] = splitFields(m[1]!);
  const numberType = optionalInt(typeText);
  const cliValidity = optionalInt(validityText);
  const record = callerIdRecord({
    numberRaw,
    nameRaw: null,
    raw: text,
    ...(numberType !== null ? { numberType } : {}),
    cliValidity,
    ...(alpha ? { phonebookAlpha: repairUtf8(alpha) } : {}),
  });
  if (record.number !== null && numberType === INTERNATIONAL && !record.number.startsWith('+')) {
    record.number = `+${record.number}`;
  }
  if (record.number === null && numberRaw.trim() === '') {
    // CLI validity: 1 withheld by the caller, 2 not available (interworking).
    record.numberStatus = cliValidity === 1 ? 'private' : 'unavailable';
  }
  return record;
}
