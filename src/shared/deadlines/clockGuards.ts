import { can, type Role } from '../domain/roles';
import { FUTURE_SLACK_MS } from '../tickets/handling/stepGuards';
import type { Ticket } from '../tickets/ticketFold';
import * as C from './clockEvents';
import { pendingDeadlines } from './pendingDeadlines';
import type { DeadlineTimings } from './tuning';
import type { DeadlineRuleId } from './deadlineRules';

// The commands' side of the clock events (issue 15): what people do to a running clock is
// checked against the ticket row as it is in the save's transaction, with a reason the UI
// translates (`deadlines.refused.<code>`). The fold never refuses (clockFold.ts): what arrives by
// sync was decided on its own station.

export type ClockRefusal =
  | 'notPermitted'
  | 'closedTicket'
  | 'notRunning'
  | 'notPausable'
  | 'alreadyPaused'
  | 'notPaused'
  | 'notRinging'
  | 'alreadyAcknowledged'
  | 'alreadyEscalated'
  | 'snoozeLimit'
  | 'inFuture'
  | 'staleRound';

export interface ClockStep<T extends C.ClockEventType = C.ClockEventType> {
  type: T;
  payload: C.ClockPayload<T>;
}

/**
 * Why `role` may not take `step` on `ticket` now (null: it may). `role` null: nobody is signed
 * in (the ringing station escalating on its own, which needs no permission). `now` is this
 * station's clock.
 */
export function refuseClockStep(ticket: Ticket, step: ClockStep, role: Role | null, timings: DeadlineTimings, now: number): ClockRefusal | null {
  const escalating = step.type === C.TICKET_ALARM_ESCALATED;
  if (!escalating && (role === null || !can(role, 'ticket.update'))) return 'notPermitted';
  if (ticket.status === 'closed') return 'closedTicket';
  const p = step.payload as { at: number; rule: DeadlineRuleId; dueAt?: number };
  if (p.at > now + FUTURE_SLACK_MS) return 'inFuture';
  const deadline = pendingDeadlines(ticket, timings, now).find((d) => d.ruleId === p.rule);
  // The rule's clock stopped (or never started): nothing to pause, acknowledge or escalate.
  if (!deadline) return 'notRunning';
  switch (step.type) {
    case C.TICKET_CLOCK_PAUSED:
      // Only a clock that honestly waits on someone else (R-COMPLAINT-CONTACT, R-REPAIR-CHASE …).
      if (!(C.PAUSABLE_RULES as readonly string[]).includes(p.rule)) return 'notPausable';
      return deadline.paused ? 'alreadyPaused' : null;
    case C.TICKET_CLOCK_RESUMED:
      return deadline.paused ? null : 'notPaused';
    default:
      break;
  }
  // An acknowledgement, snooze or escalation names the round it is about: a re-timed deadline is a new round.
  if (p.dueAt !== deadline.dueAt) return 'staleRound';
  if (deadline.acknowledged) return 'alreadyAcknowledged';
  if (escalating) {
    if (deadline.escalated) return 'alreadyEscalated';
    // The host fires the escalation at escalateAfter; a station's clock a little behind is not refused.
    return now + FUTURE_SLACK_MS < deadline.escalateAfter ? 'notRinging' : null;
  }
  // Only what rings is acknowledged or snoozed (a warning is a heads-up, not the alarm).
  if (deadline.level !== 'due' && deadline.level !== 'overdue') return 'notRinging';
  if (step.type === C.TICKET_ALARM_SNOOZED && deadline.snoozes >= C.SNOOZE_LIMITS.perRound) return 'snoozeLimit';
  return null;
}
