import { canonicalTimeZone, type Language } from '@shared/station/stationEvents';
import { isValidName } from '@shared/protocol/names';
import { pinProblem } from '@shared/staff/pinPolicy';
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
  stationName: (v: string) => (isValidName(v.trim()) ? null : 'setup.errors.stationName'),
  stationCode: (v: string) => (STATION_CODE_PATTERN.test(v.trim().toUpperCase()) ? null : 'setup.errors.stationCode'),
  timeZone: (v: string) => (canonicalTimeZone(v) ? null : 'setup.errors.timeZone'),
  countryCode: (v: string) => (/^\d{1,3}$/.test(v) ? null : 'setup.errors.countryCode'),
  areaCode: (v: string) => (/^\d{0,5}$/.test(v) ? null : 'setup.errors.areaCode'),
  // The first manager's PIN: 6 to 12 digits (docs/pins.md).
  pin: (v: string) => (pinProblem(v, 'manager') ? 'setup.errors.managerPin' : null),
  pinConfirm: (v: string, values: SetupFormValues) => (v === values.pin ? null : 'setup.errors.pinMismatch'),
};
