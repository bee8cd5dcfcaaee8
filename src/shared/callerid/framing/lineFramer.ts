import { latin1 } from './bytes';
import type { LineTokenizer } from '../records/tokens';

// Text framer: whole lines whatever the chunking, since a read ends anywhere (P1; docs/callerid.md
// "Bytes are not lines"). A line ends at CR, LF or CR LF, and CR LF counts once even when a read
// ends between the two (P2). With `crEndsLine` (CR-only devices such as NetCallerID) a CR ends
// the line at once; otherwise the framer waits for the next byte to see whether an LF belongs to
// the line, so event ranges are the same under every chunking. A partial line is flushed after
// `idleFlushMs` of silence, because some devices omit the last terminator, and DTMF digit streams
// have none.

const CR = 0x0d;
const LF = 0x0a;
const DLE = 0x10;
const MAX_LINE = 256;

export interface LineFramerOptions {
  crEndsLine: boolean;
  idleFlushMs: number;
}

export interface Framer {
  push(bytes: Uint8Array, offset: number, now: number): void;
  tick(now: number): void;
  deadline(): number | null;
}

export function createLineFramer(options: LineFramerOptions, sink: LineTokenizer): Framer {
  const buf = new Uint8Array(MAX_LINE);
  let len = 0;
  let lineStart = 0;
  let offset = 0; // absolute offset of the next byte
  let pendingCr = -1; // offset of a CR waiting to see whether an LF follows
  let afterDle = false;
  let blankStart = -1; // start of the blank line just before the current one
  let lastByteAt = 0;

  function emit(end: number, at: number): void {
    const text = latin1(buf, 0, len);
    len = 0;
    if (text.trim() === '') {
      blankStart = lineStart;
    } else {
      sink.line({ text, spanStart: blankStart >= 0 ? blankStart : lineStart, end, at });
      blankStart = -1;
    }
    lineStart = end;
  }

  function byte(b: number, at: number): void {
    const here = offset++;
    if (pendingCr >= 0) {
      const cr = pendingCr;
      pendingCr = -1;
      if (b === LF) return emit(here + 1, at);
      emit(cr + 1, at);
    }
    if (afterDle) {
      // <DLE>x pairs are shielded codes: <DLE>R is a voice-mode ring, the rest (Motorola Jump's
      // ^P.^PX before NAME) are dropped before tag matching (P18, P28).
      afterDle = false;
      if (b === 0x52) {
        sink.dleRing?.(here - 1, here + 1, at);
        if (len === 0) lineStart = here + 1;
      }
      return;
    }
    if (b === DLE) {
      afterDle = true;
    } else if (b === CR) {
      if (options.crEndsLine) emit(here + 1, at);
      else pendingCr = here;
    } else if (b === LF) {
      emit(here + 1, at);
    } else if (b >= 0x20 && b !== 0x7f) {
      if (len === MAX_LINE) emit(here, at);
      buf[len++] = b;
    } else if (b === 0x09 && len < MAX_LINE) {
      buf[len++] = 0x20; // one kind of blank for the tag and fixed-width patterns
    }
    // NUL and other control bytes are dropped (P18).
  }

  return {
    push(bytes, start, now) {
      if (offset === 0 && lineStart === 0) lineStart = start; // auto may drop its oldest bytes
      offset = start;
      lastByteAt = now;
      for (let i = 0; i < bytes.length; i++) byte(bytes[i]!, now);
    },
    tick(now) {
      if (offset > lineStart && now - lastByteAt >= options.idleFlushMs) {
        const end = pendingCr >= 0 ? pendingCr + 1 : offset;
        pendingCr = -1;
        afterDle = false;
        emit(end, lastByteAt);
      }
    },
    deadline() {
      return offset > lineStart ? lastByteAt + options.idleFlushMs : null;
    },
  };
}
