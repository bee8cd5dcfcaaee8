import type { DeskEvent } from '../events/envelope';
import type { TicketHandling } from '../tickets/handling/handlingState';
import type { DeadlineRuleId } from './deadlineRules';
import * as C from './clockEvents';

// Folds what people did to a clock into `Ticket.handling.clocks` (pure, never refuses, any
// order: the store folds a stream in hlc order on every station). Lists are capped, so a
// station sending thousands of pauses cannot grow a row without bound.

export interface ClockPauseRecord {
  from: number;
  to?: number;
  reason: C.PauseReason;
  text?: string;
  by: string | null;
}

export interface RuleClock {
  pauses?: ClockPauseRecord[];
  /** The round (due time) acknowledged last, by whom, when. */
  acked?: { dueAt: number; at: number; by: string | null };
  /** Snoozes of the current round, newest last. */
  snoozes?: { dueAt: number; until: number; at: number; reason: string; by: string | null }[];
  escalated?: { dueAt: number; to: 'supervisor' | 'manager'; at: number };
}

export type TicketClocks = Partial<Record<DeadlineRuleId, RuleClock>>;

const MAX_PAUSES = 50;
const MAX_SNOOZES = 10;

/** The handling with the clock event applied, or null for an event that is not one (or unreadable). */
export function foldClock(handling: TicketHandling, event: DeskEvent): TicketHandling | null {
  if (!C.isClockEventType(event.type)) return null;
  const parsed = C.CLOCK_PAYLOADS[event.type].safeParse(event.payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  const clocks: TicketClocks = { ...handling.clocks };
  const clock: RuleClock = { ...clocks[p.rule] };
  switch (event.type) {
    case C.TICKET_CLOCK_PAUSED: {
      const { at, reason, text } = p as C.ClockPayload<typeof C.TICKET_CLOCK_PAUSED>;
      const pauses = clock.pauses ?? [];
      // Already waiting: a second pause says nothing new.
      if (pauses.at(-1)?.to === undefined && pauses.length > 0) return handling;
      clock.pauses = [...pauses, { from: at, reason, ...(text ? { text } : {}), by: event.actor }].slice(-MAX_PAUSES);
      break;
    }
    case C.TICKET_CLOCK_RESUMED: {
      const last = clock.pauses?.at(-1);
      if (!last || last.to !== undefined) return handling;
      clock.pauses = [...clock.pauses!.slice(0, -1), { ...last, to: Math.max(p.at, last.from) }];
      break;
    }
    case C.TICKET_ALARM_ACKNOWLEDGED: {
      const { at, dueAt } = p as C.ClockPayload<typeof C.TICKET_ALARM_ACKNOWLEDGED>;
      // The first acknowledgement of a round stands (two stations acknowledging at once).
      if (clock.acked && clock.acked.dueAt >= dueAt) return handling;
      clock.acked = { dueAt, at, by: event.actor };
      break;
    }
    case C.TICKET_ALARM_SNOOZED: {
      const { at, dueAt, until, reason } = p as C.ClockPayload<typeof C.TICKET_ALARM_SNOOZED>;
      const round = (clock.snoozes ?? []).filter((s) => s.dueAt === dueAt);
      clock.snoozes = [...round, { dueAt, until, at, reason, by: event.actor }].slice(-MAX_SNOOZES);
      break;
    }
    case C.TICKET_ALARM_ESCALATED: {
      const { at, dueAt, to } = p as C.ClockPayload<typeof C.TICKET_ALARM_ESCALATED>;
      if (clock.escalated && clock.escalated.dueAt >= dueAt) return handling;
      clock.escalated = { dueAt, to, at };
      break;
    }
  }
  clocks[p.rule] = clock;
  return { ...handling, clocks };
}
