import { toHex } from './bytes';
import type { Framer } from './lineFramer';
import type { TokenSink } from '../records/tokens';
import { checksumOk, decodeMessage, isMessageType, MDMF_CALL, plausibleBody, SDMF_CALL } from '../families/xdmfMessage';

// Binary SDMF/MDMF framer for HT9032 modules and the CTI Comet, whose ~25-byte frames have no
// terminator and no RING (docs/callerid.md "SDMF/MDMF messages"): find a type byte, read the length, wait for length+1 more bytes, check the sum. A failed sum on a body that
// parses (a real frame with a flipped bit) is reported as malformed; on anything else (idle-line
// noise such as a stray 80 01, P16) one byte is dropped and the scan resumes. The frames carry no
// terminator, so a candidate still incomplete after `stallMs` of silence is given up.

const PREAMBLE = new Set([0x55, 0xaa]); // channel seizure; the Chinese blog's sync has AA AA
const CAPACITY = 1024;

function minBody(type: number): number {
  return type === SDMF_CALL ? 9 : 3;
}

export function createXdmfFramer(emit: TokenSink, stallMs = 150): Framer {
  const buf = new Uint8Array(CAPACITY);
  let len = 0;
  let base = 0; // absolute offset of buf[0]
  let lastByteAt = 0;
  let inGarbage = false;

  function skip(pos: number, at: number): void {
    const b = buf[pos]!;
    if (PREAMBLE.has(b)) return;
    if (!inGarbage) emit({ kind: 'garbage', at, bytes: [base + pos, base + pos + 1] });
    inGarbage = true;
  }

  function frame(pos: number, total: number, at: number): boolean {
    const type = buf[pos]!;
    const body = buf.subarray(pos + 2, pos + total - 1);
    const bytes: [number, number] = [base + pos, base + pos + total];
    const frameHex = toHex(buf, pos, pos + total);
    if (!checksumOk(buf, pos, pos + total)) {
      if (!plausibleBody(type, body)) return false;
      emit({ kind: 'malformed', at, bytes, reason: 'checksumMismatch', frameHex });
      return true;
    }
    if (!plausibleBody(type, body)) return false;
    const decoded = decodeMessage(type, body, frameHex);
    if (decoded?.kind === 'callerId') emit({ kind: 'callerId', at, bytes, record: decoded.record });
    else if (decoded) emit({ kind: 'messageWaiting', at, bytes, active: decoded.active, frameHex });
    return true;
  }

  /** Scans buffered bytes; `force` gives up an incomplete candidate (the line went quiet). */
  function scan(at: number, force: boolean): void {
    let pos = 0;
    while (pos < len) {
      const type = buf[pos]!;
      if (!isMessageType(type)) {
        skip(pos++, at);
        continue;
      }
      if (pos + 1 >= len && !force) break;
      const bodyLen = buf[pos + 1] ?? 0;
      const total = bodyLen + 3;
      if (pos + 1 < len && bodyLen >= minBody(type) && (type === MDMF_CALL || bodyLen <= 40)) {
        if (pos + total > len) {
          if (!force) break;
        } else if (frame(pos, total, at)) {
          inGarbage = false;
          pos += total;
          continue;
        }
      }
      skip(pos++, at);
    }
    buf.copyWithin(0, pos, len);
    len -= pos;
    base += pos;
  }

  return {
    push(bytes, start, now) {
      if (len === 0) base = start;
      lastByteAt = now;
      for (let i = 0; i < bytes.length; i++) {
        if (len === CAPACITY) scan(now, true);
        buf[len++] = bytes[i]!;
      }
      scan(now, false);
    },
    tick(now) {
      if (len > 0 && now - lastByteAt >= stallMs) scan(lastByteAt, true);
    },
    deadline() {
      return len > 0 ? lastByteAt + stallMs : null;
    },
  };
}
