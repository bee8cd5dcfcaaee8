import { fromHex } from '../framing/bytes';
import { hourMinute, monthDay, splitDateTime } from '../records/deviceClock';
import type { CallFlag } from '../events';
import type { TagValue } from './modemTags';
import { callerIdRecord } from '../records/record';
import type { CallerIdRecord, TextLine } from '../records/tokens';
import { paramText, walkParams } from './xdmfParams';

// One formatted caller-ID block (DATE/TIME/NMBR/NAME/MESG lines) collected into one record.
// The first number wins ("some telcos send NMBR = ##########, then NMBR = O to mask it", NCID)
// and a second NAME is discarded; the block is closed by the caller (see atTokenizer.ts).

export interface ModemBlock {
  bytes: [number, number];
  at: number;
  lines: string[];
  fields: Partial<Record<TagValue['tag'], string>>;
  mesg: Uint8Array[];
}

export function openBlock(line: TextLine): ModemBlock {
  return { bytes: [line.spanStart, line.end], at: line.at, lines: [], fields: {}, mesg: [] };
}

export function addTags(block: ModemBlock, line: TextLine, tags: TagValue[]): void {
  block.bytes[1] = line.end;
  block.at = line.at;
  block.lines.push(line.text);
  for (const { tag, value } of tags) {
    if (tag === 'MESG') {
      const payload = fromHex(value.trim());
      if (payload) block.mesg.push(payload);
    } else if (block.fields[tag] === undefined) {
      block.fields[tag] = value;
    }
  }
}

/** A second DATE after a number means the next call's block has begun. */
export function startsNewBlock(block: ModemBlock, tags: TagValue[]): boolean {
  return tags.some((t) => t.tag === 'DATE' || t.tag === 'DATETIME') && block.fields.NMBR !== undefined;
}

// MESG = <hex TLVs> the modem could not decode (P21): the number can hide there (Bell
// Canada DN in 0x03); 0x06 'L' is the long-distance qualifier; one trailing byte is ignored.
function mesgFacts(block: ModemBlock) {
  const params = block.mesg.flatMap((payload) => walkParams(payload, true) ?? []);
  return {
    number: paramText(params, 0x02) ?? paramText(params, 0x03),
    numberReason: paramText(params, 0x04),
    name: paramText(params, 0x07),
    nameReason: paramText(params, 0x08),
    date: paramText(params, 0x01),
    longDistance: paramText(params, 0x06)?.toUpperCase() === 'L',
    bt: params.some((p) => p.type === 0x11),
  };
}

/** The record for a closed block, or null when it carried no caller information at all. */
export function blockRecord(block: ModemBlock): CallerIdRecord | null {
  const f = block.fields;
  const m = mesgFacts(block);
  const flags: CallFlag[] = [];
  let numberRaw = f.NMBR?.trim() ?? null;
  if (numberRaw === null && m.number !== null) {
    numberRaw = m.number;
    flags.push('numberFromMesg');
  }
  numberRaw ??= f.NO_NMBR?.trim() ?? m.numberReason;
  // Leading blanks after '=' are not part of the name; trailing pad spaces are kept (README).
  const nameRaw = f.NAME?.replace(/^\s+/, '') ?? m.name ?? f.NO_NAME?.trim() ?? m.nameReason;
  if (numberRaw === null && nameRaw === null) return null;
  if (m.longDistance) flags.push('longDistance');
  const dateTime = f.DATETIME?.match(/^(\d\d)[/-](\d\d)\s+(\d\d):(\d\d)$/);
  const fromMesg = m.date ? splitDateTime(m.date) : { deviceDate: null, deviceTime: null };
  return callerIdRecord({
    numberRaw,
    nameRaw,
    deviceDate: dateTime ? `${dateTime[1]}-${dateTime[2]}` : (monthDay(f.DATE) ?? fromMesg.deviceDate),
    deviceTime: dateTime ? `${dateTime[3]}:${dateTime[4]}` : (hourMinute(f.TIME) ?? fromMesg.deviceTime),
    flags,
    raw: block.lines.join('\n'),
    ...(f.CALLED ? { calledNumber: f.CALLED } : {}),
    regionHint: m.bt ? 'GB' : null,
  });
}
