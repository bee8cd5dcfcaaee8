import type { Channel, RequestKind, Urgency } from '@shared/domain/requestKinds';
import { DISASTER_SUBTYPES, SECURITY_SUBTYPES, type IncidentSubtype } from '@shared/tickets/handling/checklists';
import type { IntakeDraft } from '@shared/tickets/intakeValidation';
import type { IntakeDraftValues } from '../drafts/draftStore';
import { fromZonedInput } from '../handling/zonedTime';
import type { IntakeValues } from './createTicket';

/** The intake form as typed: times as the station's wall clock text, so a draft keeps them as typed (U5). */
export interface IntakeFormValues {
  channel: Channel;
  /** A unit, or a place without a room (a common area or as typed). */
  where: 'unit' | 'place';
  building: string;
  room: string;
  place: string;
  callerName: string;
  callerPhone: string;
  kind: RequestKind;
  description: string;
  urgency: Urgency;
  paid: boolean;
  /** 补单: the received time set back, with why. */
  backfill: boolean;
  backfillAt: string;
  backfillReason: string;
  /** R-FOUR-CLEAR (四清楚) and to whom it was reported (一报告). */
  listened: boolean;
  asked: boolean;
  readBack: boolean;
  recorded: boolean;
  reportedTo: string;
  /** R-REPAIR-FIELDS. */
  faultLocation: string;
  anyoneHome: '' | 'yes' | 'no' | 'unknown';
  spareKey: '' | 'none' | 'mayUse' | 'keptNoUse';
  accessTime: string;
  /** Security and disaster: the subtype, and when it happened ('' = when received). */
  subtype: '' | IncidentSubtype;
  happenedAt: string;
  /** R-MEDICAL-REPORT, R-REPAIR-MAJOR, R-COMPLAINT-MAJOR: reported up at once. */
  major: boolean;
}

export const blankIntakeValues: IntakeFormValues = {
  channel: 'phone', where: 'unit', building: '', room: '', place: '', callerName: '', callerPhone: '', kind: 'repair', description: '', urgency: 'normal', paid: false,
  backfill: false, backfillAt: '', backfillReason: '',
  listened: false, asked: false, readBack: false, recorded: false, reportedTo: '',
  faultLocation: '', anyoneHome: '', spareKey: '', accessTime: '', subtype: '', happenedAt: '', major: false,
};

/** A stored draft as form values: one kept before issue 14 lacks the new fields and gets their defaults. */
export function valuesFromDraft(draft: IntakeDraftValues): IntakeFormValues {
  return { ...blankIntakeValues, ...(draft as Partial<IntakeFormValues>) };
}

export const isIncident = (kind: RequestKind) => kind === 'security' || kind === 'disaster';
/** The kinds whose "major case" is reported up at once (R-MEDICAL-REPORT, R-REPAIR-MAJOR, R-COMPLAINT-MAJOR). */
export const mayBeMajor = (kind: RequestKind) => kind === 'medical' || kind === 'repair' || kind === 'complaint';

/** The subtype if it is one of the kind's (one picked under the other incident kind is not carried over). */
function subtypeOf(values: IntakeFormValues): IntakeFormValues['subtype'] {
  const list: readonly string[] = values.kind === 'security' ? SECURITY_SUBTYPES : values.kind === 'disaster' ? DISASTER_SUBTYPES : [];
  return list.includes(values.subtype) ? values.subtype : '';
}

/** When the request was received: the back-filled time, or the ring time (null: back-fill time not complete). */
export function effectiveReceivedAt(values: IntakeFormValues, ringAt: number, timeZone: string): number | null {
  return values.backfill ? fromZonedInput(values.backfillAt, timeZone) : ringAt;
}

/** What the shared checks read: only the fields that will be saved for this kind and "where". */
export function validationDraft(values: IntakeFormValues, ringAt: number, timeZone: string): IntakeDraft {
  return {
    ...values,
    backfill: values.backfill ? { at: fromZonedInput(values.backfillAt, timeZone), reason: values.backfillReason } : undefined,
    happenedAt: isIncident(values.kind) && values.happenedAt.trim() ? fromZonedInput(values.happenedAt, timeZone) : undefined,
  };
}

/**
 * The `ticket.opened` payload of a checked form. Only what applies is saved: the unit or the
 * place, the kind's own details, "major" for the kinds that have it.
 */
export function intakePayload(values: IntakeFormValues, ringAt: number, timeZone: string, callerPhone: string): IntakeValues {
  const receivedAt = effectiveReceivedAt(values, ringAt, timeZone) ?? ringAt;
  const atPlace = values.where === 'place';
  const trimmed = (text: string) => (text.trim() ? text.trim() : undefined);
  const details = values.kind === 'repair'
    ? {
      faultLocation: trimmed(values.faultLocation),
      anyoneHome: values.anyoneHome || undefined,
      spareKey: values.spareKey || undefined,
      accessTime: trimmed(values.accessTime),
    }
    : isIncident(values.kind)
      ? { subtype: subtypeOf(values) || undefined, happenedAt: (values.happenedAt.trim() ? fromZonedInput(values.happenedAt, timeZone) : null) ?? receivedAt }
      : {};
  const given = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
  return {
    channel: values.channel,
    kind: values.kind,
    urgency: values.urgency,
    building: atPlace ? '' : values.building,
    room: atPlace ? '' : values.room,
    ...(atPlace ? { place: values.place.trim() } : {}),
    callerName: values.callerName,
    callerPhone,
    description: values.description,
    paid: values.paid,
    receivedAt,
    ...(values.backfill ? { backfill: { reason: values.backfillReason.trim() } } : {}),
    checks: { listened: values.listened, asked: values.asked, readBack: values.readBack, recorded: values.recorded },
    ...(values.reportedTo.trim() ? { reportedTo: values.reportedTo.trim() } : {}),
    ...(Object.keys(given).length ? { details: given } : {}),
    ...(mayBeMajor(values.kind) && values.major ? { major: true } : {}),
  };
}
