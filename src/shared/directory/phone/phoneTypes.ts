/** Where the station is: its country calling code ('86') and area code ('755', may be ''). */
export interface PhoneContext {
  countryCode: string;
  areaCode: string;
}

/** A number as the directory stores it: E.164 for matching, the extension only for display. */
export interface PhoneNumber {
  e164: string;
  extension?: string;
}

export type PhoneKind = 'mobile' | 'landline' | 'other';

/**
 * Why a typed number cannot be used; each code is an i18n key under `directory:phoneProblem`.
 * `areaCodeMissing`: a local number, and the station has no area code configured.
 */
export const PHONE_PROBLEMS = ['empty', 'invalidCharacters', 'tooShort', 'tooLong', 'areaCodeMissing', 'invalidNumber'] as const;
export type PhoneProblem = (typeof PHONE_PROBLEMS)[number];

export type PhoneResult =
  | { ok: true; phone: PhoneNumber; kind: PhoneKind }
  | { ok: false; problem: PhoneProblem };
