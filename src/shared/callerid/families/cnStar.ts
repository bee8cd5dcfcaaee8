import { latin1 } from '../framing/bytes';
import { splitDateTime } from '../records/deviceClock';
import type { Framer } from '../framing/lineFramer';
import { callerIdRecord } from '../records/record';
import type { TokenSink } from '../records/tokens';

// The `*RING:<0|1>:CID:<MMDDhhmm><number>:HOOK:<0|1>*` frames of one Chinese PSTN module
// (snailwft/V200pstn; docs/callerid.md "Chinese boxes"). No newline: frames are `*`-delimited,
// and the firmware interleaves debug text such as `message COMPLEX_MODE`, which is skipped (P2).

const STAR = 0x2a;
const MAX_FRAME = 96;
const FRAME = /^RING:([01]):CID:(\d{8})?([^:]*):HOOK:([01])$/;

export function createCnStarFramer(emit: TokenSink): Framer {
  const buf = new Uint8Array(MAX_FRAME);
  let len = 0;
  let inside = false;
  let frameStart = 0;
  let offset = 0;
  let inDebugText = false;

  function debugByte(at: number): void {
    if (!inDebugText) emit({ kind: 'garbage', at, bytes: [offset, offset + 1] });
    inDebugText = true;
  }

  function frameEnd(end: number, at: number): boolean {
    const m = FRAME.exec(latin1(buf, 0, len));
    if (!m) return false;
    inDebugText = false;
    const bytes: [number, number] = [frameStart, end];
    const raw = `*${latin1(buf, 0, len)}*`;
    if (m[3]) {
      const record = callerIdRecord({ ...splitDateTime(m[2] ?? ''), numberRaw: m[3], nameRaw: null, raw, regionHint: 'CN' });
      emit({ kind: 'callerId', at, bytes, record });
    } else if (m[1] === '1') {
      emit({ kind: 'ring', at, bytes });
    }
    return true;
  }

  function byte(b: number, at: number): void {
    if (b === STAR) {
      // A `*` that does not close a well-formed frame opens one: the earlier `*` was stray.
      if (inside && frameEnd(offset + 1, at)) inside = false;
      else {
        if (inside) debugByte(at);
        inside = true;
        frameStart = offset;
      }
      len = 0;
    } else if (inside && b >= 0x20 && len < MAX_FRAME) {
      buf[len++] = b;
    } else {
      inside = false;
      debugByte(at);
    }
    offset++;
  }

  return {
    push(bytes, start, now) {
      offset = start;
      for (let i = 0; i < bytes.length; i++) byte(bytes[i]!, now);
    },
    tick() {},
    deadline: () => null,
  };
}
