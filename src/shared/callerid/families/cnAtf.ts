import { splitDateTime } from '../records/deviceClock';
import { callerIdRecord } from '../records/record';
import type { LineTokenizer, TokenSink } from '../records/tokens';

// One Chinese hobby/vendor FSK box (fishedee/FskCallerId; docs/callerid.md "Chinese boxes"):
// `ATLINKOK` on connect, `ATRING` per ring, `ATF <MMDDhhmm><number>` per caller ID, lines ended by LF only.
// These lines start with AT but are not modem echo: this family never sees an AT command.

const CALLER = /^ATF\s*(\d{8})(\S*)$/;

export function createCnAtfTokenizer(emit: TokenSink): LineTokenizer {
  return {
    line({ text: full, spanStart, end, at }) {
      const text = full.trim();
      const bytes: [number, number] = [spanStart, end];
      if (text === 'ATLINKOK') return;
      if (text === 'ATRING') return emit({ kind: 'ring', at, bytes });
      const m = CALLER.exec(text);
      if (!m) return emit({ kind: 'garbage', at, bytes });
      const record = callerIdRecord({ ...splitDateTime(m[1]!), numberRaw: m[2]!, nameRaw: null, raw: full, regionHint: 'CN' });
      emit({ kind: 'callerId', at, bytes, record });
    },
  };
}
