export { normalisePhone } from './normalisePhone';
export { splitExtension } from './phoneExtension';
export { formatPhone, phoneParts } from './formatPhone';
export { maskPhone } from './maskPhone';
export { shownPhone, maskDigits, type ShownPhone } from './shownPhone';
export { parsePhoneList, splitPhoneText, samePhone } from './phoneList';
export type { PhoneContext, PhoneKind, PhoneNumber, PhoneProblem, PhoneResult } from './phoneTypes';
export { PHONE_PROBLEMS } from './phoneTypes';
