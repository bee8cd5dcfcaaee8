import { repairUtf8 } from '../framing/bytes';
import type { CallFlag } from '../events';
import { nameField, numberField } from './fields';
import type { CallerIdRecord } from './tokens';

type Extras = Omit<
  CallerIdRecord,
  'number' | 'numberRaw' | 'numberStatus' | 'name' | 'nameRaw' | 'nameStatus' | 'deviceDate' | 'deviceTime' | 'flags' | 'raw' | 'regionHint'
>;

export interface RecordInput extends Extras {
  numberRaw: string | null;
  nameRaw: string | null;
  raw: string;
  deviceDate?: string | null;
  deviceTime?: string | null;
  flags?: CallFlag[];
  regionHint?: CallerIdRecord['regionHint'];
}

/** Builds a record from the fields as sent; number, name and their statuses follow from them. */
export function callerIdRecord(input: RecordInput): CallerIdRecord {
  const { numberRaw, nameRaw, raw, deviceDate, deviceTime, flags, regionHint, ...extras } = input;
  const nameText = nameRaw === null ? null : repairUtf8(nameRaw);
  return {
    ...numberField(numberRaw),
    numberRaw,
    ...nameField(nameText),
    nameRaw: nameText,
    deviceDate: deviceDate ?? null,
    deviceTime: deviceTime ?? null,
    flags: flags ?? [],
    raw,
    regionHint: regionHint ?? null,
    ...extras,
  };
}
