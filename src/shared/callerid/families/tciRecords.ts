import { clock12, slashDate } from '../records/deviceClock';
import { fixedWidthRaw } from '../records/fields';
import { callerIdRecord } from '../records/record';
import type { LineTokenizer, TokenSink } from '../records/tokens';

// TCI 70-byte records (Tel-Control; Whozz Calling with DIP 7 on; docs/callerid.md "Record devices"):
// `LL      m/dd     h:mm AP       <number 15, right-justified>           <name 15>`.
// Matched by pattern, not by NCID's length-70 test, which a UTF-8 name defeats (P18).

const RECORD = /^(\d\d)\s+(\d{1,2}\/\d\d)\s+(\d{1,2}:\d\d) ([AP]M)\s+(\S+)(?:\s{2,}(.*))?$/;

export function createTciTokenizer(emit: TokenSink): LineTokenizer {
  return {
    line({ text, spanStart, end, at }) {
      const bytes: [number, number] = [spanStart, end];
      const m = RECORD.exec(text);
      if (!m) return emit({ kind: 'garbage', at, bytes });
      const record = callerIdRecord({
        numberRaw: m[5]!,
        nameRaw: fixedWidthRaw(m[6] ?? ''),
        deviceDate: slashDate(m[2]!),
        deviceTime: clock12(m[3]!, m[4]!),
        raw: text,
        line: m[1]!,
        regionHint: 'NANP', // TCI units and Whozz POS units serve North American lines
      });
      emit({ kind: 'callerId', at, bytes, record });
    },
  };
}
