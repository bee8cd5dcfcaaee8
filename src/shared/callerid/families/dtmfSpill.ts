import type { CallFlag, NumberStatus } from '../events';
import { callerIdRecord } from '../records/record';
import type { LineTokenizer, TokenSink } from '../records/tokens';

// DTMF caller ID (ETSI EN 300 659-1 and national variants; docs/callerid.md "DTMF"):
// `[A|D <digits>] [D <redirecting>] [B <info code>] (C|#)`. Info codes B00 unavailable and B10 private (Sweden); Denmark's D1# private, D2#/D3#
// unavailable; D0000000000C unknown (Netherlands). A second D block is the redirecting number
// and is never appended to the caller's (Asterisk would concatenate it). No date, time, name
// or checksum. Boxes that stream digits with no terminator are framed by the line framer's
// inter-digit timeout.

const SPILL = /^([AD])?(\d*)((?:D\d+)*)(?:B(\d\d))?([C#])?$/;

function statusOf(start: string | undefined, digits: string, info: string | undefined, endCode: string | undefined): NumberStatus {
  if (info === '10') return 'private';
  if (info !== undefined) return 'unavailable';
  if (start === 'D' && endCode === '#' && /^[123]$/.test(digits)) return digits === '1' ? 'private' : 'unavailable';
  if (/^0+$/.test(digits)) return 'unavailable';
  return 'present';
}

export function createDtmfTokenizer(emit: TokenSink): LineTokenizer {
  return {
    line({ text: full, spanStart, end, at }) {
      const text = full.trim().toUpperCase();
      const bytes: [number, number] = [spanStart, end];
      const m = SPILL.exec(text);
      const [, start, digits = '', redirects = '', info, endCode] = m ?? [];
      if (!m || (digits === '' && info === undefined)) return emit({ kind: 'garbage', at, bytes });
      const numberStatus = statusOf(start, digits, info, endCode);
      const flags: CallFlag[] = start === undefined && digits !== '' ? ['noStartCode'] : [];
      const redirectingNumber = redirects.split('D').filter(Boolean).pop();
      const record = callerIdRecord({
        numberRaw: full.trim(),
        nameRaw: null,
        flags,
        raw: full,
        ...(redirectingNumber ? { redirectingNumber } : {}),
      });
      record.number = numberStatus === 'present' ? digits : null;
      record.numberStatus = numberStatus;
      emit({ kind: 'callerId', at, bytes, record });
    },
  };
}
