import type {
  ByteRange,
  CallEvent,
  HookEvent,
  MalformedEvent,
  MessageWaitingEvent,
  OutboundCallEvent,
  RingEvent,
} from '../events';
import type { Region } from '../assembly/ringOrder';

// What a family's tokenizer hands to the one call assembler (framer → tokenizer → assembler).
// Tokens carry `at`, the host time their last byte arrived, so timers measure from the data
// and not from whenever tick() happened to run.

/** A caller-ID record before the assembler adds session facts (noRing, repeats). */
export type CallerIdRecord = Omit<CallEvent, 'type' | 'bytes'> & {
  /** Where the signalling says the line is, when the family or frame tells (see ringOrder.ts). */
  regionHint: Region | null;
};

interface Timed {
  at: number;
  bytes: ByteRange;
}

export type Token =
  | (Timed & { kind: 'ring' } & Omit<RingEvent, 'type' | 'ringInCall' | 'bytes'>)
  | (Timed & { kind: 'callerId'; record: CallerIdRecord })
  | (Timed & { kind: 'noCarrier' })
  | (Timed & {
      kind: 'endRecord';
      line?: string;
      durationSeconds: number;
      rings: number;
      ringType: string;
      number: string | null;
      callerIdSeen: boolean;
    })
  | (Timed & { kind: 'hook' } & Omit<HookEvent, 'bytes'>)
  | (Timed & { kind: 'outbound' } & Omit<OutboundCallEvent, 'type' | 'bytes'>)
  | (Timed & { kind: 'messageWaiting' } & Omit<MessageWaitingEvent, 'type' | 'bytes'>)
  | (Timed & { kind: 'malformed' } & Omit<MalformedEvent, 'type' | 'bytes'>)
  /** Bytes that matched nothing: ignored, but counted for the status line. */
  | (Timed & { kind: 'garbage' });

export type TokenSink = (token: Token) => void;

/** A complete text line from the line framer. */
export interface TextLine {
  text: string;
  /** Start of the line, or of the blank line right before it (V1 result codes are CR LF RING CR LF). */
  spanStart: number;
  end: number;
  at: number;
}

/** A line-based tokenizer; tick() runs its own timers (e.g. the modem block settle). */
export interface LineTokenizer {
  line(line: TextLine): void;
  /** `<DLE>R`, the voice-mode ring (P28). */
  dleRing?(start: number, end: number, at: number): void;
  tick?(now: number): void;
  deadline?(): number | null;
}
