import { isValidTimeZone, type Language } from '@shared/station/stationEvents';
import { PIN_PATTERN } from '@shared/staff/pin';
import { STATION_CODE_PATTERN } from '@shared/tickets/ticketNumber';

export interface SetupFormValues {
  estateName: string;
  stationName: string;
  stationCode: string;
  timeZone: string;
  countryCode: string;
  areaCode: string;
  managerName: string;
  pin: string;
  pinConfirm: string;
  language: Language;
}

const required = (v: string) => (v.trim() ? null : 'setup.errors.required');

/** Each check returns a translation key; the form shows it inline and keeps what was typed. */
export const setupValidators = {
  estateName: required,
  managerName: required,
  stationName: (v: string) => (/^[A-Za-z0-9_-]{1,32}$/.test(v.trim()) ? null : 'setup.errors.stationName'),
  stationCode: (v: string) => (STATION_CODE_PATTERN.test(v.trim().toUpperCase()) ? null : 'setup.errors.stationCode'),
  timeZone: (v: string) => (isValidTimeZone(v) ? null : 'setup.errors.timeZone'),
  countryCode: (v: string) => (/^\d{1,3}$/.test(v) ? null : 'setup.errors.countryCode'),
  areaCode: (v: string) => (/^\d{0,5}$/.test(v) ? null : 'setup.errors.areaCode'),
  pin: (v: string) => (PIN_PATTERN.test(v) ? null : 'setup.errors.pin'),
  pinConfirm: (v: string, values: SetupFormValues) => (v === values.pin ? null : 'setup.errors.pinMismatch'),
};
