import type { DeskEvent } from '@shared/events/envelope';
import { parseHlc } from '@shared/hlc';
import { CLOCK_PAYLOADS, isClockEventType, type ClockEventType } from '@shared/deadlines/clockEvents';
import { STEP_PAYLOADS, isStepType, type StepPayload, type StepType } from '@shared/tickets/handling/stepEvents';
import { referenceLabel } from '../../i18n/referenceLabel';
import { ticketOpenedPayload } from '@shared/tickets/ticketEvents';
import { stationDay } from '@shared/tickets/ticketNumber';
import { formatDateTime, formatTime } from '../../i18n/format';

/** i18next's `t`, untyped: the keys here are built from payload values. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface TimelineText {
  /** Who did what, with the step's figures. */
  line: string;
  /** Further lines: texts typed, a report's fields. */
  details: string[];
  /** The step's own time, when it differs from when it was saved (recorded after the fact). */
  happenedAt?: string;
}

interface Clock {
  timeZone: string;
  language: string;
}

const TL = 'handling.timeline';
/** Less than this apart, the step's time is the save time (no "happened at"). */
const SAME_MOMENT_MS = 60_000;

/**
 * One timeline line of a ticket event in the desk's language: every event type of a ticket
 * stream (the registry) has its sentence; an unknown one keeps the generic line. Pure: the
 * TimelineEntry renders it, the unit test checks every type in both languages.
 */
export function timelineText(event: DeskEvent, actor: string, t: Translate, clock: Clock): TimelineText {
  const savedAt = parseHlc(event.hlc)?.millis ?? 0;
  const full = (ms: number) => formatDateTime(ms, clock.timeZone, clock.language);
  // A time on the save's day is read as hh:mm; another day's in full.
  const short = (ms: number) => (stationDay(ms, clock.timeZone) === stationDay(savedAt, clock.timeZone) ? formatTime(ms, clock.timeZone, clock.language) : full(ms));
  const unknown = (): TimelineText => ({ line: t('ticket.events.unknown', { actor, type: event.type }), details: [] });
  const payload = event.payload as Record<string, unknown>;

  switch (event.type) {
    case 'ticket.opened': {
      const parsed = ticketOpenedPayload.safeParse(payload);
      if (!parsed.success) return { line: t('ticket.events.ticket.opened', { actor }), details: [] };
      const p = parsed.data;
      const details: string[] = [];
      if (p.backfill) details.push(t(`${TL}.backfillReason`, { reason: p.backfill.reason }));
      if (p.place) details.push(t(`${TL}.place`, { place: referenceLabel(t, 'commonAreas', p.place) }));
      if (p.details?.subtype) details.push(t(`${TL}.subtype`, { subtype: t(`handling.subtypes.${p.details.subtype}`) }));
      if (p.details?.happenedAt !== undefined) details.push(t(`${TL}.eventHappenedAt`, { time: full(p.details.happenedAt) }));
      if (p.reportedTo) details.push(t(`${TL}.reportedToAtIntake`, { to: p.reportedTo }));
      if (p.major) details.push(t(`${TL}.majorAtIntake`));
      // 补单: entered after the fact, with the real received time.
      const line = p.backfill ? t(`${TL}.backfilled`, { actor, received: full(p.receivedAt) }) : t('ticket.events.ticket.opened', { actor });
      return { line, details };
    }
    case 'ticket.noted':
      return { line: t('ticket.events.ticket.noted', { actor }), details: typeof payload.text === 'string' ? [payload.text] : [] };
    case 'ticket.statusChanged': {
      const status = typeof payload.status === 'string' ? t(`common.statuses.${payload.status}`) : '';
      const reason = typeof payload.reason === 'string' && payload.reason ? [t(`${TL}.statusReason`, { reason: payload.reason })] : [];
      return { line: t('ticket.events.ticket.statusChanged', { actor, status }), details: reason };
    }
    case 'ticket.phoneRevealed':
      return { line: t('ticket.events.ticket.phoneRevealed', { actor }), details: [] };
  }
  if (isClockEventType(event.type)) {
    const parsed = CLOCK_PAYLOADS[event.type].safeParse(payload);
    return parsed.success ? clockText(event.type, parsed.data as Record<string, unknown> & { rule: string }, actor, t, short) : unknown();
  }
  if (!isStepType(event.type)) return unknown();
  const parsed = STEP_PAYLOADS[event.type].safeParse(payload);
  if (!parsed.success) return unknown();
  const text = stepText(event.type, parsed.data as StepPayload<StepType>, actor, t, { full, short });
  const at = (parsed.data as { at: number }).at;
  // The time is in the line itself for these; for the rest it is said when it was not the save time.
  const inLine = event.type === 'ticket.technicianOnSite' || event.type === 'ticket.emergencyCalled';
  const happenedAt = !inLine && Math.abs(at - savedAt) >= SAME_MOMENT_MS ? t(`${TL}.happenedAt`, { time: short(at) }) : undefined;
  return { ...text, ...(happenedAt ? { happenedAt } : {}) };
}

type Times = { full(ms: number): string; short(ms: number): string };

const opt = (value: string | undefined) => (value ? [value] : []);

/** The per-step sentence and its detail lines. */
function stepText(type: StepType, payload: StepPayload<StepType>, actor: string, t: Translate, time: Times): Omit<TimelineText, 'happenedAt'> {
  // Each case reads its own payload; the union is narrowed by hand (the schemas guarantee the shape).
  const p = payload as Record<string, unknown> & { at: number };
  const s = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : undefined);
  const line = (key: string, values: Record<string, unknown> = {}) => t(`${TL}.${key}`, { actor, ...values });
  const department = (d: string) => referenceLabel(t, 'departments', d);
  switch (type) {
    case 'ticket.answered':
      return { line: line('answered'), details: opt(s('text')) };
    case 'ticket.supervisorConsulted':
      return { line: line('supervisorConsulted', { whom: s('whom') || t(`${TL}.supervisor`) }), details: opt(s('text')) };
    case 'ticket.replied':
      return { line: line('replied'), details: opt(s('text')) };
    case 'ticket.reported':
      return { line: line('reported', { to: s('to') }), details: [] };
    case 'ticket.transferred':
      return { line: line('transferred', { department: department(s('department') ?? '') }), details: opt(s('text')) };
    case 'ticket.promised':
      return { line: line('promised', { date: time.full(p.promisedAt as number) }), details: opt(s('text')) };
    case 'ticket.residentContacted':
      return { line: line('residentContacted', { purpose: t(`${TL}.purposes.${s('purpose')}`) }), details: opt(s('text')) };
    case 'ticket.majorMarked':
      return { line: line('majorMarked', { reason: s('reason') }), details: [] };
    case 'ticket.reportedUp':
      return { line: line('reportedUp', { level: t(`${TL}.levels.${s('to')}`) }), details: opt(s('text')) };
    case 'ticket.medicalBranchChosen':
      return { line: line('medicalBranchChosen', { branch: t(`handling.medical.branches.${s('branch')}`) }), details: [] };
    case 'ticket.checked':
      return {
        line: line('checked', { list: t(`handling.checklists.titles.${s('list')}`), item: t(`handling.checklists.items.${s('list')}.${s('item')}`) }),
        details: opt(s('note')),
      };
    case 'ticket.emergencyCalled':
      return { line: line('emergencyCalled', { number: s('number'), service: t(`handling.incident.numbers.services.${s('number')}`), time: time.short(p.at) }), details: [] };
    case 'ticket.workOrderIssued': {
      const values = { number: s('orderNumber'), department: department(s('department') ?? ''), technician: s('technician') };
      return { line: line(s('technician') ? 'workOrderIssuedTo' : 'workOrderIssued', values), details: opt(s('text')) };
    }
    case 'ticket.technicianCalled':
      return { line: line('technicianCalled', { technician: s('technician'), how: t(`${TL}.hows.${s('how')}`) }), details: [] };
    case 'ticket.technicianOnSite':
      return { line: line('technicianOnSite', { time: time.short(p.at) }), details: [] };
    case 'ticket.appointmentAgreed':
      return { line: line('appointmentAgreed', { date: time.full(p.appointmentAt as number) }), details: opt(s('text')) };
    case 'ticket.repairReturned': {
      const result = t(`${TL}.results.${s('result')}`);
      return { line: s('orderNumber') ? line('repairReturnedOrder', { number: s('orderNumber'), result }) : line('repairReturned', { result }), details: opt(s('text')) };
    }
    case 'ticket.chased':
      return { line: line('chased', { whom: s('whom') }), details: opt(s('text')) };
    case 'ticket.feeAgreed':
      return { line: line('feeAgreed', { fee: s('feeStandard') }), details: [] };
    case 'ticket.signedOff': {
      const by = t(`${TL}.signers.${s('by')}`);
      return { line: s('name') ? line('signedOffNamed', { by, name: s('name') }) : line('signedOff', { by }), details: [] };
    }
    case 'ticket.triaged':
      return {
        line: line('triaged', { category: t(`handling.complaint.categories.${s('category')}`), reason: t(`handling.complaint.reasons.${s('category')}.${s('reason')}`) }),
        details: opt(s('text')),
      };
    case 'ticket.resolved':
      return { line: line('resolved'), details: opt(s('text')) };
    case 'ticket.confirmed':
      return { line: line('confirmed'), details: opt(s('text')) };
    case 'ticket.closed': {
      // R-NO-BUCK-PASSING: a referral says whom and how.
      const referral = p.referral as { to: string; how: string } | undefined;
      const head = referral ? line('closedReferred', referral) : line('closed', { outcome: t(`${TL}.outcomes.${s('outcome')}`) });
      return { line: head, details: opt(s('text')) };
    }
    case 'ticket.reopened':
      return { line: line('reopened', { reason: s('reason') }), details: [] };
    case 'ticket.writtenReplySent':
      return { line: line('writtenReplySent'), details: opt(s('text')) };
    case 'ticket.specialReportSent':
      // R-SPECIAL-EVENT: time, place, course of events, outcome.
      return {
        line: line('specialReportSent', { mode: t(`handling.incident.report.modes.${s('mode')}`) }),
        details: [
          t(`${TL}.reportTime`, { time: time.full(p.happenedAt as number) }),
          t(`${TL}.reportPlace`, { place: s('place') }),
          t(`${TL}.reportCourse`, { course: s('course') }),
          t(`${TL}.reportOutcome`, { outcome: s('outcome') }),
        ],
      };
  }
}

/** Issue 15: what was done to a running clock; the rule by its name. An escalation's actor is the system when nobody was signed in. */
function clockText(type: ClockEventType, p: Record<string, unknown> & { rule: string }, actor: string, t: Translate, short: (ms: number) => string): Omit<TimelineText, 'happenedAt'> {
  const rule = t(`deadlines.rules.${p.rule}.name`);
  const line = (key: string, values: Record<string, unknown> = {}) => t(`${TL}.${key}`, { actor, rule, ...values });
  switch (type) {
    case 'ticket.clockPaused':
      return { line: line('clockPaused', { reason: t(`deadlines.pauseReasons.${p.reason as string}`) }), details: opt(p.text as string | undefined) };
    case 'ticket.clockResumed':
      return { line: line('clockResumed'), details: [] };
    case 'ticket.alarmAcknowledged':
      return { line: line('alarmAcknowledged'), details: [] };
    case 'ticket.alarmSnoozed':
      return { line: line('alarmSnoozed', { until: short(p.until as number) }), details: [t(`${TL}.snoozeReason`, { reason: p.reason })] };
    case 'ticket.alarmEscalated':
      return { line: line('alarmEscalated', { role: t(`deadlines.escalateTo.${p.to as string}`) }), details: [] };
  }
}
