import type { Ticket } from '../tickets/ticketFold';
import { DEADLINE_RULES, type DeadlineRule, type DeadlineRuleId, type EscalationRole } from './deadlineRules';
import { isPaused, pausedSpans, reachedAt, type DeadlinePause } from './pausedClock';
import type { DeadlineTimings } from './tuning';

// Issue 15: the deadlines running on one ticket, derived from its row alone (pure: the host's
// alarm clock and the alarm bar get the same list on every station). Times are epoch ms.

export type DeadlineLevel = 'pending' | 'warn' | 'due' | 'overdue';

/** How long a deadline is "due" (the moment itself) before it is overdue, where its rule has no hard limit. */
export const DUE_MS = 60_000;
const MINUTE = 60_000;

export interface PendingDeadline {
  ruleId: DeadlineRuleId;
  ticketId: string;
  number: string;
  /** When the clock started: the ring (received time) or the step that starts it, never the save. */
  startedAt: number;
  warnAt: number;
  dueAt: number;
  /** From here on `overdue`: a minute after due, or the rule's hard limit (R-SPECIAL-EVENT 36 h). */
  overdueAt: number;
  /** Unacknowledged by then, the alarm escalates to `escalateTo`. */
  escalateAfter: number;
  escalateTo: EscalationRole;
  level: DeadlineLevel;
  /**
   * Whether the alarm clock arms it. False only for a late one: a back-filled request (补单)
   * entered after this deadline had passed is listed, `late` and overdue, but never rings
   * (nobody could have met it; the on-time rate still counts it).
   */
  rings: boolean;
  late?: true;
  /** The clock stands still (a pause not resumed); its times are as if it resumed now. */
  paused?: true;
  /** This round (this due time) was acknowledged: it is listed, it no longer rings. */
  acknowledged?: { at: number; by: string | null };
  /** Quiet until then (a snooze of this round still running at `now`). */
  snoozedUntil?: number;
  /** Snoozes used in this round (SNOOZE_LIMITS.perRound). */
  snoozes: number;
  /** Nobody acknowledged it in time: listed for that role on every station. */
  escalated?: { at: number; to: EscalationRole };
}

/** The pauses recorded on the ticket (clockFold.ts), per rule. */
export function pausesOf(ticket: Ticket): DeadlinePause[] {
  const clocks = ticket.handling?.clocks ?? {};
  return Object.entries(clocks).flatMap(([rule, clock]) => (clock?.pauses ?? []).map((p) => ({ rule: rule as DeadlineRuleId, from: p.from, ...(p.to !== undefined ? { to: p.to } : {}) })));
}

/**
 * The ticket's running deadlines at `now`, soonest due first. A closed ticket has none; a clock
 * stops at its rule's stop step; paused time (`pauses`, per rule) is not counted.
 */
export function pendingDeadlines(ticket: Ticket, timings: DeadlineTimings, now: number, pauses: readonly DeadlinePause[] = pausesOf(ticket)): PendingDeadline[] {
  if (ticket.status === 'closed') return [];
  const running: PendingDeadline[] = [];
  for (const rule of DEADLINE_RULES) {
    const deadline = runningDeadline(rule, ticket, timings, now, pauses);
    if (deadline) running.push(deadline);
  }
  return running.sort((a, b) => a.dueAt - b.dueAt);
}

function runningDeadline(rule: DeadlineRule, ticket: Ticket, timings: DeadlineTimings, now: number, pauses: readonly DeadlinePause[]): PendingDeadline | null {
  const startedAt = rule.startsAt(ticket);
  if (startedAt === undefined) return null;
  const stoppedAt = rule.stoppedAt(ticket);
  // A stop earlier than the start belongs to an earlier round (a reply before the supervisor was consulted).
  if (stoppedAt !== undefined && stoppedAt >= startedAt) return null;
  const timing = timings[rule.id];
  const agreed = rule.agreedDueAt?.(ticket);
  const minutes = timing.durationMinutes ?? rule.durationMinutes;
  const durationMs = agreed !== undefined ? Math.max(0, agreed - startedAt) : minutes !== null ? minutes * MINUTE : undefined;
  if (durationMs === undefined) return null;
  const spans = pausedSpans(pauses, rule.id, startedAt);
  const at = (runningMs: number) => reachedAt(startedAt, runningMs, spans, now);
  const dueAt = at(durationMs);
  const warnAt = at(Math.max(0, durationMs - timing.warnMinutes * MINUTE));
  const overdueAt = at(rule.hardLimitMinutes !== undefined ? Math.max(rule.hardLimitMinutes * MINUTE, durationMs) : durationMs + DUE_MS);
  const escalateAfter = at(durationMs + rule.escalateAfterMinutes * MINUTE);
  const late = ticket.backfilled === 1 && dueAt <= ticket.createdAt;
  const level: DeadlineLevel = late || now >= overdueAt ? 'overdue' : now >= dueAt ? 'due' : now >= warnAt ? 'warn' : 'pending';
  const clock = ticket.handling?.clocks?.[rule.id];
  const round = (clock?.snoozes ?? []).filter((s) => s.dueAt === dueAt);
  const snoozedUntil = Math.max(0, ...round.map((s) => s.until));
  return {
    ruleId: rule.id,
    ticketId: ticket.id,
    number: ticket.number,
    startedAt,
    warnAt,
    dueAt,
    overdueAt,
    escalateAfter,
    escalateTo: rule.escalateTo,
    level,
    rings: !late,
    ...(late ? { late: true as const } : {}),
    ...(isPaused(spans, now) ? { paused: true as const } : {}),
    ...(clock?.acked?.dueAt === dueAt ? { acknowledged: { at: clock.acked.at, by: clock.acked.by } } : {}),
    ...(snoozedUntil > now ? { snoozedUntil } : {}),
    snoozes: round.length,
    ...(clock?.escalated?.dueAt === dueAt ? { escalated: { at: clock.escalated.at, to: clock.escalated.to } } : {}),
  };
}
