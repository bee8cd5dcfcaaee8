import { parseClip } from './gsmClip';
import { addTags, blockRecord, openBlock, startsNewBlock, type ModemBlock } from './modemBlock';
import { parseHexLine } from './modemHex';
import { parseTagLine } from './modemTags';
import { callerIdRecord } from '../records/record';
import type { LineTokenizer, TextLine, TokenSink } from '../records/tokens';

// Lines of AT devices: Hayes modems in formatted or ASCII-hex mode and GSM modules. They share
// echo, result codes and RING, so one tokenizer serves all three settings.
// A formatted block is emitted when a non-caller-ID line follows it or after `settleMs` of
// silence on the port: US lines send no NAME on number-only service and the next RING is 4–6 s
// away (P5), so waiting for NAME or RING is not an option; a modem prints the whole block at
// once after checking the message's sum, so a short settle only waits for a MESG after NAME.

const RING = /^(?:CID )?RING(?:\s+([A-D1-4]))?$/; // P28: RING A…D (3Com), RING 1…3 (Rockwell)
const ELSA_RING = /^RING;([^;]*);(.*)$/;
const RESULT_CODES = /^(?:OK|ERROR|CONNECT\b.*|BUSY|NO ANSWER|NO DIAL ?TONE|VCON|DRON=.*|DROF=.*)$/;
// P3: echo, and the boot and health URCs of GSM modules (RDY, +CFUN: 1, +CPIN: READY, +CMTI:…).
const KNOWN_NOISE = /^(?:AT.*|RDY|Call Ready|SMS Ready|NORMAL POWER DOWN|\+[A-Z]+:.*|\^[A-Z]+.*)$/i;

export interface AtTokenizer extends LineTokenizer {
  /** Bytes arrived (maybe mid-line): a block is not settled while its device is still talking. */
  activity(now: number): void;
}

export function createAtTokenizer(emit: TokenSink, settleMs: number): AtTokenizer {
  let block: ModemBlock | null = null;
  let lastActivity = 0;

  function close(): void {
    if (!block) return;
    const record = blockRecord(block);
    if (record) emit({ kind: 'callerId', at: block.at, bytes: block.bytes, record });
    block = null;
  }

  function other(line: TextLine, text: string): void {
    const at = line.at;
    const bytes: [number, number] = [line.spanStart, line.end];
    const ring = RING.exec(text);
    if (ring) return emit({ kind: 'ring', at, bytes, ...(ring[1] ? { distinctive: ring[1] } : {}) });
    if (/^\+CRING:/.test(text)) return emit({ kind: 'ring', at, bytes });
    const elsa = ELSA_RING.exec(text);
    if (elsa) {
      emit({ kind: 'ring', at, bytes });
      const record = callerIdRecord({ numberRaw: elsa[1]!, nameRaw: null, raw: text, ...(elsa[2] ? { calledNumber: elsa[2] } : {}) });
      return emit({ kind: 'callerId', at, bytes, record });
    }
    if (text.startsWith('+CLIP:')) {
      const record = parseClip(text);
      return emit(record ? { kind: 'callerId', at, bytes, record } : { kind: 'garbage', at, bytes });
    }
    if (text === 'NO CARRIER') return emit({ kind: 'noCarrier', at, bytes });
    if (RESULT_CODES.test(text) || KNOWN_NOISE.test(text)) return;
    const hex = parseHexLine(text);
    if (hex?.kind === 'callerId') return emit({ kind: 'callerId', at, bytes, record: hex.record });
    if (hex) return emit({ at, bytes, ...hex });
    emit({ kind: 'garbage', at, bytes });
  }

  return {
    line(line) {
      const text = line.text.replace(/^\s+/, '');
      const tags = parseTagLine(text);
      if (!tags) {
        close();
        return other(line, text.trimEnd());
      }
      const marker = tags[0]!.tag;
      if (marker === 'BLOCK_START' || marker === 'BLOCK_END') return close();
      if (block && startsNewBlock(block, tags)) close();
      block ??= openBlock(line);
      addTags(block, line, tags);
    },
    dleRing(start, end, at) {
      close();
      emit({ kind: 'ring', at, bytes: [start, end] });
    },
    activity(now) {
      lastActivity = now;
    },
    tick(now) {
      if (block && now - Math.max(block.at, lastActivity) >= settleMs) close();
    },
    deadline() {
      return block ? Math.max(block.at, lastActivity) + settleMs : null;
    },
  };
}
