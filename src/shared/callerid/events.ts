// The events the caller-ID parser emits, exactly the event types the shared captures' `expected`
// lists use (docs/callerid.md "Tests"). `bytes` is the [start, end) range of the stream that
// produced the event, counted from the first byte the parser was fed; timer-driven events have no range.

export type NumberStatus = 'present' | 'private' | 'unavailable' | 'absent';

export type CallFlag =
  | 'longDistance'
  | 'checksumBad'
  | 'checksumMissing'
  | 'numberFromMesg'
  | 'noRing'
  | 'noStartCode'
  | 'bestEffort';

export type ByteRange = [start: number, end: number];

export interface MdmfParam {
  type: number;
  value: string;
}

export interface RingEvent {
  type: 'ring';
  ringInCall: number;
  bytes: ByteRange;
  distinctive?: string;
  line?: string;
  deviceDate?: string;
  deviceTime?: string;
}

/** One caller-ID record. Device date and time are information only: no year, and clocks reset (P17). */
export interface CallEvent {
  type: 'call';
  /** Digits, with a leading + only when the device sent one or said it is international. */
  number: string | null;
  numberRaw: string | null;
  numberStatus: NumberStatus;
  name: string | null;
  nameRaw: string | null;
  nameStatus: NumberStatus;
  deviceDate: string | null;
  deviceTime: string | null;
  flags: CallFlag[];
  bytes: ByteRange;
  /** The text lines (or frame hex) the record came from, for logs and the test view. */
  raw: string;
  line?: string;
  direction?: 'inbound';
  phase?: 'start';
  checksum?: 'good' | 'bad';
  numberType?: number;
  cliValidity?: number | null;
  phonebookAlpha?: string;
  calledNumber?: string;
  redirectingNumber?: string;
  mdmfParams?: MdmfParam[];
  frameHex?: string;
}

export interface CallRepeatEvent {
  type: 'callRepeat';
  bytes: ByteRange;
  number: string | null;
  numberStatus: NumberStatus;
  name: string | null;
  line?: string;
}

export type CallEndReason = 'ringTimeout' | 'idleTimeout' | 'noCarrier' | 'endRecord';

export interface CallEndedEvent {
  type: 'callEnded';
  reason: CallEndReason;
  callerIdSeen: boolean;
  bytes?: ByteRange;
  line?: string;
  durationSeconds?: number;
  rings?: number;
  ringType?: string;
  number?: string | null;
  answered?: boolean;
}

export interface HookEvent {
  type: 'offHook' | 'onHook';
  bytes: ByteRange;
  line?: string;
  deviceDate?: string;
  deviceTime?: string;
}

/** A call the desk dialled out: never prefills a unit. */
export interface OutboundCallEvent {
  type: 'outboundCall';
  bytes: ByteRange;
  number: string | null;
  phase: 'start' | 'end';
  line?: string;
  durationSeconds?: number;
}

/** A voicemail lamp message: never a call (P20). */
export interface MessageWaitingEvent {
  type: 'messageWaiting';
  active: boolean;
  bytes: ByteRange;
  frameHex?: string;
}

export interface MalformedEvent {
  type: 'malformed';
  reason: 'checksumMismatch' | 'lengthMismatch';
  bytes: ByteRange;
  frameHex?: string;
}

export type CallerIdEvent =
  | RingEvent
  | CallEvent
  | CallRepeatEvent
  | CallEndedEvent
  | HookEvent
  | OutboundCallEvent
  | MessageWaitingEvent
  | MalformedEvent;
