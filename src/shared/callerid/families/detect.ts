import type { CallerIdFamily } from './families';
import { parseHexLine } from './modemHex';
import { parseTagLine } from './modemTags';
import { checksumOk, isMessageType, plausibleBody } from './xdmfMessage';

// `auto`: the family is read from the first bytes that say something. Bytes are examined one at
// a time and a family is chosen at the first byte where a signature completes, so the choice is
// the same under every chunking. Lines that match nothing (noise, a boot banner) are skipped.

const LINE_SIGNATURES: [RegExp, CallerIdFamily][] = [
  [/^###DATE/, 'netCallerId'],
  [/^(?:ATLINKOK|ATRING|ATF\s*\d{8})/, 'cnAtf'],
  [/^\$?\d\d [IO] [ES] \d{4} [GB] /, 'callerIdCom'],
  [/^\$?\d\d [RFNH] {13}\d\d\/\d\d/, 'callerIdCom'],
  [/^V\d+\.\d+ [A-Za-z]{5,} L=\d\d/, 'callerIdCom'],
  [/^\d\d\s+\d{1,2}\/\d\d\s+\d{1,2}:\d\d [AP]M/, 'tci'],
  [/^(?:RDY|\+CLIP:|\+CRING:|\+CPIN:|\+CFUN:|Call Ready|SMS Ready|\+CREG:|\+CMTI:)/, 'gsmClip'],
  [/^(?:(?:CID )?RING(?: [A-D1-4])?|OK|ERROR|NO CARRIER|AT.*)$/, 'modemFormatted'],
  [/^(?:[AD]\d+(?:D\d+)*(?:B\d\d)?[C#]|B\d\dC|D[0-3]#)$/, 'dtmf'],
];

const SEIZURE_RUN = 10;
const WINDOW = 264;

function classifyLine(text: string): CallerIdFamily | null {
  const line = text.trim();
  if (line === '') return null;
  for (const [pattern, family] of LINE_SIGNATURES) if (pattern.test(line)) return family;
  if (parseHexLine(line)) return 'modemHex';
  if (parseTagLine(line)) return 'modemFormatted';
  return null;
}

export interface FamilyDetector {
  /** The family, once the bytes so far say which. */
  push(bytes: Uint8Array): CallerIdFamily | null;
}

export function createFamilyDetector(): FamilyDetector {
  let line = '';
  let seizure = 0;
  const window = new Uint8Array(WINDOW);
  let filled = 0;

  // A checksummed SDMF/MDMF frame ending at this byte (a Comet may strip the 0x55 seizure).
  function binaryFrameEndsHere(): boolean {
    for (let p = 0; p + 2 < filled; p++) {
      const type = window[p]!;
      if (!isMessageType(type) || p + window[p + 1]! + 3 !== filled) continue;
      if (checksumOk(window, p, filled) && plausibleBody(type, window.subarray(p + 2, filled - 1))) return true;
    }
    return false;
  }

  function byte(b: number): CallerIdFamily | null {
    seizure = b === 0x55 ? seizure + 1 : 0;
    if (seizure >= SEIZURE_RUN) return 'xdmfBinary';
    if (filled === WINDOW) {
      window.copyWithin(0, 1);
      filled--;
    }
    window[filled++] = b;
    if (binaryFrameEndsHere()) return 'xdmfBinary';
    if (b === 0x0d || b === 0x0a) {
      const family = classifyLine(line);
      line = '';
      return family;
    }
    if (line.length < 256) line += String.fromCharCode(b);
    return line.endsWith('*RING:') ? 'cnStar' : null;
  }

  return {
    push(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        const family = byte(bytes[i]!);
        if (family) return family;
      }
      return null;
    },
  };
}
