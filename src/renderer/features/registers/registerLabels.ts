// The cells' words and times for one reader: the screen's language, the station's time zone,
// the reader's role (R-CONFIDENTIAL masking) and the names of the staff who recorded them.
import type { i18n as I18n, TFunction } from 'i18next';
import type { PhoneContext } from '@shared/directory/phone/phoneTypes';
import type { RegisterLabels } from '@shared/registers/registerColumns';
import { registerPhone } from '@shared/registers/registerPhone';
import { wallText } from '@shared/time/zoneClock';
import { referenceLabel } from '../../i18n/referenceLabel';

export interface LabelOptions {
  t: TFunction;
  i18n: I18n;
  timeZone: string;
  canUnmask: boolean;
  phoneContext: PhoneContext;
  staffNames: ReadonlyMap<string, string>;
  /** The export carries the year (a file stands alone); the screen and the printed form do not need it. */
  withYear: boolean;
}

/** `2026-12-06 09:05` or `12-06 09:05`, in the station's time zone, whatever the language. */
export function registerTime(timeZone: string, withYear: boolean): (epochMs: number) => string {
  return (epochMs) => (withYear ? wallText(epochMs, timeZone) : wallText(epochMs, timeZone).slice('YYYY-'.length));
}

export function registerLabels({ t, i18n, timeZone, canUnmask, phoneContext, staffNames, withYear }: LabelOptions): RegisterLabels {
  // Reference lists of the handling (departments, common areas, subtypes, triage reasons): a known
  // id is translated there, anything typed by a manager is shown as typed.
  const known = (key: string, value: string) => (i18n.exists(key) ? String(t(key as never)) : value);
  return {
    time: registerTime(timeZone, withYear),
    backfilled: t('registers.backfilled'),
    kind: (kind) => t(`common.kinds.${kind}`),
    status: (status) => t(`common.statuses.${status}`),
    place: (value) => referenceLabel(t, 'commonAreas', value),
    department: (value) => referenceLabel(t, 'departments', value),
    subtype: (value) => known(`handling.subtypes.${value}`, value),
    branch: (branch) => t(`registers.values.branches.${branch}`),
    triage: (category, reason) => t('registers.values.triageLine', {
      category: t(`registers.values.triage.${category}`),
      reason: known(`handling.complaint.reasons.${category}.${reason}`, reason),
    }),
    result: (result) => t(`registers.values.results.${result}`),
    signedOff: (by, time) => t(`registers.values.signedOff.${by}`, { time }),
    outcome: (outcome) => (outcome.kind === 'referred'
      ? t('registers.values.outcomes.referred', { to: outcome.referral?.to ?? '', how: outcome.referral?.how ?? '' })
      : t(`registers.values.outcomes.${outcome.kind}`)),
    reportedUp: (to, time) => t(`registers.values.reportedUp.${to}`, { time }),
    reply: (step, time) => t(`registers.values.replies.${step}`, { time }),
    emergencyCall: (number, time) => t('registers.values.emergencyCall', { number, time }),
    phone: registerPhone(canUnmask, phoneContext),
    staff: (id) => (id ? (staffNames.get(id) ?? '') : ''),
    separator: t('registers.values.separator'),
  };
}
