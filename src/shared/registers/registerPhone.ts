// R-CONFIDENTIAL (S6): a register shows, prints and exports a caller's number the way every
// screen does (shownPhone): masked for a role without `phone.unmask`.
import { shownPhone } from '../directory/phone/shownPhone';
import type { PhoneContext } from '../directory/phone/phoneTypes';

export function registerPhone(canUnmask: boolean, context: PhoneContext): (stored: string) => string {
  return (stored) => {
    const shown = shownPhone(stored, canUnmask, context);
    return shown.extension ? `${shown.number} ${shown.extension}` : shown.number;
  };
}
