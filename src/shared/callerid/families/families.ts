// The device families (docs/callerid.md "Families and their framers"), with what each needs from
// the framer and the assembler.
// The ids are the ones the settings screen stores: the bridge contract's enum is FAMILY_SETTINGS,
// so there is one list.

export const CALLER_ID_FAMILIES = [
  'modemFormatted',
  'modemHex',
  'gsmClip',
  'xdmfBinary',
  'callerIdCom',
  'tci',
  'netCallerId',
  'dtmf',
  'cnAtf',
  'cnStar',
] as const;

export type CallerIdFamily = (typeof CALLER_ID_FAMILIES)[number];
/** What the settings store and the settings screen offer: `auto`, then every family. */
export const FAMILY_SETTINGS = ['auto', ...CALLER_ID_FAMILIES] as const;
export type FamilySetting = (typeof FAMILY_SETTINGS)[number];

export function isFamilySetting(value: string): value is FamilySetting {
  return value === 'auto' || (CALLER_ID_FAMILIES as readonly string[]).includes(value);
}

export type Tokenizer = 'at' | 'whozz' | 'tci' | 'netCallerId' | 'dtmf' | 'cnAtf';

export interface FamilyProfile {
  framing: { kind: 'lines'; tokenizer: Tokenizer; crEndsLine: boolean; idleFlushMs: number } | { kind: 'binary' } | { kind: 'star' };
  /** Port rate the device family documents (P16); USB CDC modems ignore it. */
  baudRate: number;
  reportsRings: boolean;
  eachRecordIsACall: boolean;
  timeoutEmitsCallEnded: boolean;
  idleTimeoutMs: number;
}

const lines = (tokenizer: Tokenizer, crEndsLine = false, idleFlushMs = 300) =>
  ({ kind: 'lines', tokenizer, crEndsLine, idleFlushMs }) as const;

const AT: FamilyProfile = {
  framing: lines('at'), baudRate: 115200, reportsRings: true, eachRecordIsACall: false, timeoutEmitsCallEnded: true, idleTimeoutMs: 8000,
};

function record(framing: FamilyProfile['framing'], baudRate: number): FamilyProfile {
  return { framing, baudRate, reportsRings: false, eachRecordIsACall: true, timeoutEmitsCallEnded: true, idleTimeoutMs: 10_000 };
}

export const FAMILY_PROFILES: Record<CallerIdFamily, FamilyProfile> = {
  modemFormatted: AT,
  modemHex: AT,
  gsmClip: AT,
  // Binary devices send no RING, so a call ends after ~10 s of silence; the Comet repeats
  // its burst per ring, hence repeats are recognised.
  xdmfBinary: { ...record({ kind: 'binary' }, 1200), eachRecordIsACall: false },
  callerIdCom: { ...record(lines('whozz'), 9600), timeoutEmitsCallEnded: false },
  tci: record(lines('tci'), 9600),
  netCallerId: record(lines('netCallerId', true), 4800), // CR only (P2)
  // Digit-streaming boxes have no terminator: frame on a 400 ms inter-digit gap (300–500 ms works).
  dtmf: record(lines('dtmf', false, 400), 9600),
  cnAtf: { ...record(lines('cnAtf'), 9600), eachRecordIsACall: false },
  cnStar: { ...record({ kind: 'star' }, 9600), eachRecordIsACall: false },
};

/** AT command sets sent on open, after a replug and after two RING-only sessions: modems lose caller-ID mode (P12). */
export function initCommands(family: CallerIdFamily): string[][] | null {
  switch (family) {
    case 'modemFormatted':
      return [['ATE0V1Q0'], ['AT+VCID=1', 'AT#CID=1']];
    case 'modemHex':
      return [['ATE0V1Q0'], ['AT+VCID=2', 'AT#CID=2']];
    case 'gsmClip':
      // +CLIP is NO_SAVE on SIM800: a reboot turns caller ID off again.
      return [['ATE0'], ['AT+CSCS="GSM"'], ['AT+CLIP=1']];
    default:
      return null;
  }
}
