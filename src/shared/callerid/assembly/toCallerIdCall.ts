import type { CallEvent, NumberStatus } from '../events';

// What the app needs from a `call` event: the number to look up (never a status code: withheld
// and unavailable callers are null, P8), the name, and whether to prefill without asking
// (not from a failed checksum or a best-effort parse: docs/callerid.md "Numbers for the lookup").

export interface CallerIdCallInfo {
  /** Digits and a leading + only; null when withheld, unavailable or absent. */
  number: string | null;
  name: string | null;
  /** The caller withheld the number (private); unavailable numbers are not "withheld". */
  withheld: boolean;
  numberStatus: NumberStatus;
  /** Checksum failed or missing, or parsed on a best-effort basis: confirm before prefilling. */
  unverified: boolean;
  raw: string;
}

const UNVERIFIED = new Set(['checksumBad', 'checksumMissing', 'bestEffort']);

export function toCallerIdCall(event: CallEvent): CallerIdCallInfo {
  const number = event.numberStatus === 'present' && event.number !== null && /^\+?\d+$/.test(event.number) ? event.number : null;
  return {
    number,
    name: event.name,
    withheld: event.numberStatus === 'private',
    numberStatus: number === null && event.numberStatus === 'present' ? 'unavailable' : event.numberStatus,
    unverified: event.flags.some((f) => UNVERIFIED.has(f)),
    raw: event.raw,
  };
}
