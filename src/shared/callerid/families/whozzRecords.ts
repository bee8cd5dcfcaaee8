import { clock12, slashDate } from '../records/deviceClock';
import { fixedWidthRaw, numberField } from '../records/fields';
import { callerIdRecord } from '../records/record';
import type { LineTokenizer, TokenSink } from '../records/tokens';

// CallerID.com Whozz Calling? serial records (docs/callerid.md "Record devices"), layout
// confirmed by the vendor's own regexes: `LL D S NNNN C RR MM/DD hh:mm AP <number 14> <name 15>`, detail records
// `LL X` + 13 spaces + `MM/DD hh:mm:ss`. Toggle `c` puts `$` before every record. Outbound `O`
// records are the desk dialling out and must never prefill (P20); device clocks read 00/00 after
// a power loss (P17), so their date and time are kept as printed.

const CALL = /^(\d\d) ([IO]) ([ES]) (\d{4}) ([GB]) (.)(\d) (\d\d\/\d\d) (\d\d:\d\d) ([AP]M) (.*)$/;
const LIMITED = /^(\d\d) (\d\d\/\d\d) (\d\d:\d\d) ([AP]M)\s+(\S+)\s+([IO])\s+(.*)$/; // toggle x
const DETAIL = /^(\d\d) ([RFNH]) {13}(\d\d\/\d\d) (\d\d:\d\d:\d\d)/;
const IGNORED = /^(?:V\d+\.\d+ .*|\d{4} \d\d \d\d\/\d\d .*)$/; // version line, memory dump

interface WhozzCall {
  line: string;
  inbound: boolean;
  start: boolean;
  durationSeconds: number;
  good: boolean;
  ringType: string;
  rings: number;
  date: string;
  time: string | null;
  numberRaw: string;
  nameRaw: string;
}

function parseCall(text: string): WhozzCall | null {
  const c = CALL.exec(text);
  if (c) {
    const rest = c[11]!;
    return {
      line: c[1]!, inbound: c[2] === 'I', start: c[3] === 'S', durationSeconds: Number(c[4]),
      good: c[5] === 'G', ringType: c[6]!, rings: Number(c[7]), date: c[8]!, time: clock12(c[9]!, c[10]!),
      numberRaw: rest.slice(0, 14).trim(), nameRaw: fixedWidthRaw(rest.slice(15, 30)),
    };
  }
  const l = LIMITED.exec(text);
  if (!l) return null;
  return {
    line: l[1]!, inbound: l[6] === 'I', start: true, durationSeconds: 0, good: true, ringType: '', rings: 0,
    date: l[2]!, time: clock12(l[3]!, l[4]!), numberRaw: l[5]!, nameRaw: l[7]!,
  };
}

export function createWhozzTokenizer(emit: TokenSink): LineTokenizer {
  return {
    line({ text: full, spanStart, end, at }) {
      // Not trimmed: the name field keeps its pad spaces in nameRaw.
      const text = full.replace(/^\$/, '');
      const bytes: [number, number] = [spanStart, end];
      const d = DETAIL.exec(text);
      if (d) {
        const [, line = '', kind, date = '', deviceTime] = d;
        const when = { line, deviceDate: slashDate(date) ?? date, ...(deviceTime ? { deviceTime } : {}) };
        if (kind === 'R') emit({ kind: 'ring', at, bytes, ...when });
        if (kind === 'F' || kind === 'N') emit({ kind: 'hook', at, bytes, type: kind === 'F' ? 'offHook' : 'onHook', ...when });
        return;
      }
      const call = parseCall(text);
      if (!call) {
        if (!IGNORED.test(text)) emit({ kind: 'garbage', at, bytes });
        return;
      }
      const { line, durationSeconds } = call;
      const { number, numberStatus } = numberField(call.numberRaw);
      if (!call.inbound) {
        const phase = call.start ? 'start' : 'end';
        return emit({ kind: 'outbound', at, bytes, line, number, phase, ...(call.start ? {} : { durationSeconds }) });
      }
      if (!call.start) {
        const { rings, ringType } = call;
        const callerIdSeen = numberStatus !== 'absent';
        return emit({ kind: 'endRecord', at, bytes, line, durationSeconds, rings, ringType, number, callerIdSeen });
      }
      const record = callerIdRecord({
        numberRaw: call.numberRaw,
        nameRaw: call.nameRaw,
        deviceDate: slashDate(call.date),
        deviceTime: call.time,
        flags: call.good ? [] : ['checksumBad'],
        raw: full,
        line,
        direction: 'inbound',
        phase: 'start',
        checksum: call.good ? 'good' : 'bad',
        regionHint: 'NANP', // CallerID.com units are built for North American lines
      });
      emit({ kind: 'callerId', at, bytes, record });
    },
  };
}
