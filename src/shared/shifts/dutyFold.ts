import type { DeskEvent } from '../events/envelope';
import { DUTY_HANDOVER_SIGNED, DUTY_PAYLOADS, DUTY_TAKEN_BACK, DUTY_TRANSFERRED, type DutyEventType } from './dutyEvents';

// Who holds the front desk (issue 16), folded from `shift:desk` in (hlc, id) order on every
// station: the same holder everywhere. The holding station rings for deadlines and takes the
// calls. Pure; never refuses (the commands check who may sign, with a PIN).

export interface DutyHolder {
  /** The station holding the desk; null until the first handover or transfer (then the setting decides). */
  station: string | null;
  /** The person on duty there (null: the control room took the desk, whoever answers). */
  staffId: string | null;
  since: number;
}

export interface HandoverForm {
  formId: string;
  outgoing: string;
  incoming: string;
  shiftId: string;
  shiftDay: string;
  outgoingSignedAt?: number;
  incomingSignedAt?: number;
}

export interface DutyRow {
  id: 'desk';
  kind: 'desk';
  holder: DutyHolder;
  /** The last forms, newest last (a form signed once waits for its second signature). */
  forms: HandoverForm[];
  lastHlc: string;
}

const MAX_FORMS = 20;

const isDuty = (type: string): type is DutyEventType => Object.prototype.hasOwnProperty.call(DUTY_PAYLOADS, type);

export function foldDuty(row: DutyRow | null, event: DeskEvent): DutyRow | null {
  if (!isDuty(event.type)) return row;
  const parsed = DUTY_PAYLOADS[event.type].safeParse(event.payload);
  if (!parsed.success) return row;
  const base: DutyRow = row ?? { id: 'desk', kind: 'desk', holder: { station: null, staffId: null, since: 0 }, forms: [], lastHlc: event.hlc };
  const next: DutyRow = { ...base, lastHlc: event.hlc > base.lastHlc ? event.hlc : base.lastHlc };
  switch (event.type) {
    case DUTY_HANDOVER_SIGNED: {
      const p = parsed.data as typeof DUTY_PAYLOADS[typeof DUTY_HANDOVER_SIGNED]['_output'];
      // A signature counts only by the person it names: the fold of another station's event checks it again.
      if (event.actor !== (p.side === 'outgoing' ? p.outgoing : p.incoming)) return row;
      const found = base.forms.find((f) => f.formId === p.formId);
      if (found && (found.outgoing !== p.outgoing || found.incoming !== p.incoming)) return row;
      const form: HandoverForm = { ...(found ?? { formId: p.formId, outgoing: p.outgoing, incoming: p.incoming, shiftId: p.shiftId, shiftDay: p.shiftDay }) };
      if (p.side === 'outgoing') form.outgoingSignedAt ??= p.at;
      else form.incomingSignedAt ??= p.at;
      next.forms = [...base.forms.filter((f) => f.formId !== p.formId), form].slice(-MAX_FORMS);
      // Signed by both: the incoming person holds the desk, at the station the last signature was given on.
      if (form.outgoingSignedAt !== undefined && form.incomingSignedAt !== undefined && (!found || found.outgoingSignedAt === undefined || found.incomingSignedAt === undefined)) {
        next.holder = { station: event.station, staffId: form.incoming, since: Math.max(form.outgoingSignedAt, form.incomingSignedAt) };
      }
      return next;
    }
    case DUTY_TRANSFERRED: {
      const p = parsed.data as typeof DUTY_PAYLOADS[typeof DUTY_TRANSFERRED]['_output'];
      next.holder = { station: p.toStation, staffId: null, since: p.at };
      return next;
    }
    case DUTY_TAKEN_BACK: {
      const p = parsed.data as typeof DUTY_PAYLOADS[typeof DUTY_TAKEN_BACK]['_output'];
      next.holder = { station: event.station, staffId: event.actor, since: p.at };
      return next;
    }
  }
}

/** Whether `station` rings for deadlines and takes the calls: it holds the desk, or nobody does yet and its own setting says so. */
export function holdsDesk(row: DutyRow | null | undefined, station: string, ringsHereSetting: boolean): boolean {
  return row?.holder.station ? row.holder.station === station : ringsHereSetting;
}
