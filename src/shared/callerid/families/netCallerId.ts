import { splitDateTime } from '../records/deviceClock';
import { nameField } from '../records/fields';
import { callerIdRecord } from '../records/record';
import type { LineTokenizer, TokenSink } from '../records/tokens';

// NetCallerID (Ugotcall NC2001; docs/callerid.md "Record devices"):
// `###DATE<mmddhhmm>...NMBR<n>...NAME<name>+++`, lines ended by CR only (P2). An empty NMBR with NAME -UNKNOWN CALLER- is an unavailable
// number (P8). `-MSG OFF-` carries no date or number: read as the voicemail lamp, not a call (P20).

const RECORD = /^###DATE(\d{8})?\.\.\.NMBR(.*?)\.\.\.NAME(.*?)\+\+\+$/;
const LAMP = /^-MSG (ON|OFF)-$/;

export function createNetCallerIdTokenizer(emit: TokenSink): LineTokenizer {
  return {
    line({ text, spanStart, end, at }) {
      const bytes: [number, number] = [spanStart, end];
      const m = RECORD.exec(text.trim());
      if (!m) return emit({ kind: 'garbage', at, bytes });
      const [, date = '', numberRaw = '', nameRaw = ''] = m;
      const lamp = LAMP.exec(nameRaw.trim());
      if (lamp && numberRaw === '') return emit({ kind: 'messageWaiting', at, bytes, active: lamp[1] === 'ON' });
      const record = callerIdRecord({ ...splitDateTime(date), numberRaw, nameRaw, raw: text, regionHint: 'NANP' });
      // The box leaves NMBR empty and says why in NAME.
      if (record.numberStatus === 'absent') record.numberStatus = nameField(nameRaw).nameStatus;
      emit({ kind: 'callerId', at, bytes, record });
    },
  };
}
