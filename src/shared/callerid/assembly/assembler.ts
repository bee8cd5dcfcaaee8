import { callerIdBeforeFirstRing, type Region } from './ringOrder';
import type { CallerIdEvent, CallEvent } from '../events';
import type { CallerIdRecord, Token } from '../records/tokens';

// The one call assembler (docs/callerid.md "Sessions and timing"). A session opens on RING or on
// caller ID, whichever comes first (P4: UK, French and Chinese lines send caller ID before the first ring;
// call waiting and binary devices send no RING at all). The first caller ID of a session is the
// call; the same caller ID again in that session is a repeat (P10: GSM after every RING, the
// Comet per burst). A session ends on NO CARRIER, a Whozz E record, or silence.

export interface AssemblerOptions {
  /** No RING for longer than the cadence: US rings every 6 s, NCID waits 5.8 s (P11). */
  ringTimeoutMs: number;
  /** A session with no RING (call waiting, binary devices): no hang-up signal, so ~10 s of silence. */
  idleTimeoutMs: number;
  /** Whozz units end calls with E records, so their quiet sessions just lapse without an event. */
  timeoutEmitsCallEnded: boolean;
  /** Families that print RING flag a caller ID that arrives without one (call waiting, `noRing`). */
  reportsRings: boolean;
  /** Record devices (Whozz, TCI, NetCallerID, DTMF) send each call once: never a repeat. */
  eachRecordIsACall: boolean;
  /** The line's country when configured (ISO 3166), for the ring order; else the family's hint. */
  country: Region | null;
}

interface Session {
  rings: number;
  callKey: string | null;
  callerIdSeen: boolean;
  answered: boolean;
  lastAt: number;
}

export interface Assembler {
  token(token: Token): void;
  tick(now: number): void;
  deadline(): number | null;
  garbageCount(): number;
}

function callKey(r: CallerIdRecord): string {
  return `${r.numberStatus}|${r.number ?? ''}|${r.numberRaw ?? ''}`;
}

function callEvent(record: CallerIdRecord, bytes: [number, number], noRing: boolean): CallEvent {
  const { regionHint: _hint, ...fields } = record;
  return {
    type: 'call',
    ...fields,
    flags: noRing ? [...record.flags, 'noRing'] : record.flags,
    bytes,
  };
}

export function createAssembler(options: AssemblerOptions, out: (event: CallerIdEvent) => void): Assembler {
  const sessions = new Map<string, Session>();
  let garbage = 0;

  function open(key: string, at: number): Session {
    const session = { rings: 0, callKey: null, callerIdSeen: false, answered: false, lastAt: at };
    sessions.set(key, session);
    return session;
  }

  function timeoutOf(s: Session): number {
    return s.rings > 0 ? options.ringTimeoutMs : options.idleTimeoutMs;
  }

  function callerId(record: CallerIdRecord, bytes: [number, number], at: number): void {
    const key = record.line ?? '';
    const line = record.line !== undefined ? { line: record.line } : {};
    let session = sessions.get(key);
    const id = callKey(record);
    if (session && session.callKey === id && !options.eachRecordIsACall) {
      session.lastAt = at;
      const { number, numberStatus, name } = record;
      return out({ type: 'callRepeat', bytes, number, numberStatus, name, ...line });
    }
    // A different caller in an open session is a new call (binary devices never say a call ended).
    if (!session || session.callKey !== null) session = open(key, at);
    session.callKey = id;
    session.callerIdSeen = true;
    session.lastAt = at;
    // Caller ID with no RING before it is call waiting on a line that rings first (NCID's WID);
    // on lines that send caller ID before the first ring it is the normal order.
    const early = session.rings === 0 && callerIdBeforeFirstRing(options.country, record.regionHint) !== true;
    out(callEvent(record, bytes, options.reportsRings && early));
  }

  function token(t: Token): void {
    const key = 'line' in t && t.line !== undefined ? t.line : '';
    const session = sessions.get(key);
    // Line noise and messages for other purposes do not keep a call alive.
    if (session && (t.kind === 'ring' || t.kind === 'hook' || t.kind === 'malformed')) session.lastAt = t.at;
    switch (t.kind) {
      case 'garbage':
        garbage++;
        return;
      case 'ring': {
        const s = session ?? open(key, t.at);
        s.rings++;
        const { kind: _k, at: _a, bytes, ...rest } = t;
        return out({ type: 'ring', ringInCall: s.rings, bytes, ...rest });
      }
      case 'callerId':
        return callerId(t.record, t.bytes, t.at);
      case 'noCarrier':
        if (!session) return;
        sessions.delete(key);
        return out({ type: 'callEnded', reason: 'noCarrier', callerIdSeen: session.callerIdSeen, bytes: t.bytes });
      case 'endRecord': {
        sessions.delete(key);
        const { kind: _k, at: _a, callerIdSeen, durationSeconds, ...rest } = t;
        const answered = (session?.answered ?? false) || durationSeconds > 0;
        const seen = session?.callerIdSeen ?? callerIdSeen;
        return out({ type: 'callEnded', reason: 'endRecord', callerIdSeen: seen, durationSeconds, answered, ...rest });
      }
      case 'hook': {
        if (session && t.type === 'offHook') session.answered = true;
        const { kind: _k, at: _a, ...rest } = t;
        return out(rest);
      }
      case 'outbound': {
        const { kind: _k, at: _a, ...rest } = t;
        return out({ type: 'outboundCall', ...rest });
      }
      case 'messageWaiting': {
        const { kind: _k, at: _a, ...rest } = t;
        return out({ type: 'messageWaiting', ...rest });
      }
      case 'malformed': {
        const { kind: _k, at: _a, ...rest } = t;
        return out({ type: 'malformed', ...rest });
      }
    }
  }

  return {
    token,
    tick(now) {
      for (const [key, s] of sessions) {
        if (now - s.lastAt < timeoutOf(s)) continue;
        sessions.delete(key);
        if (!options.timeoutEmitsCallEnded) continue;
        const reason = s.rings > 0 ? 'ringTimeout' : 'idleTimeout';
        out({ type: 'callEnded', reason, callerIdSeen: s.callerIdSeen, ...(key !== '' ? { line: key } : {}) });
      }
    },
    deadline() {
      let next: number | null = null;
      for (const s of sessions.values()) {
        const due = s.lastAt + timeoutOf(s);
        if (next === null || due < next) next = due;
      }
      return next;
    },
    garbageCount: () => garbage,
  };
}
