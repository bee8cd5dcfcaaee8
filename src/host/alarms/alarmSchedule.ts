import type { AlarmDeadline } from '../../shared/alarms/alarmList';

// Which alarm transitions are due, as a pure function of the deadlines, what already fired and
// the wall time: the clock (alarmClock.ts) only decides when to look. Each level fires once per
// time it is set for (a tuned or re-agreed time rings again); `overdue` repeats until the due
// ring is acknowledged, because nothing stops ringing by itself (issue 15).

export type AlarmLevel = 'warn' | 'due' | 'escalate' | 'overdue';

/** The times each level fired for (so a changed time is a new ring), and the acknowledged due time. */
export interface FiredState {
  warn?: number;
  due?: number;
  escalate?: number;
  ackedDueAt?: number;
}

export interface AlarmEntry {
  deadline: AlarmDeadline;
  fired: FiredState;
  /** Wall time of the next `overdue` repeat while ringing; not kept on disk (a restart rings at once). */
  nextRepeatAt?: number;
}

export interface Transition {
  entry: AlarmEntry;
  level: AlarmLevel;
  at: number;
}

// Same instant: the order a person expects to hear them in.
const RANK: Record<AlarmLevel, number> = { warn: 0, due: 1, escalate: 2, overdue: 3 };

export function isRinging({ deadline, fired }: AlarmEntry): boolean {
  return fired.due === deadline.dueAt && fired.ackedDueAt !== deadline.dueAt;
}

export function isAcknowledged({ deadline, fired }: AlarmEntry): boolean {
  return fired.ackedDueAt === deadline.dueAt;
}

/** The transitions of one deadline that have not fired yet (at most one of each level). */
export function pendingTransitions(entry: AlarmEntry): Transition[] {
  const { deadline, fired } = entry;
  const dueFired = fired.due === deadline.dueAt;
  const out: Transition[] = [];
  // A warning after the due ring would say less than what already rang.
  if (deadline.warnAt !== undefined && fired.warn !== deadline.warnAt && !dueFired) out.push({ entry, level: 'warn', at: deadline.warnAt });
  if (!dueFired) out.push({ entry, level: 'due', at: deadline.dueAt });
  if (deadline.escalateAt !== undefined && fired.escalate !== deadline.escalateAt && !isAcknowledged(entry)) {
    out.push({ entry, level: 'escalate', at: deadline.escalateAt });
  }
  if (isRinging(entry) && entry.nextRepeatAt !== undefined) out.push({ entry, level: 'overdue', at: entry.nextRepeatAt });
  return out;
}

/** Everything due at `now`, oldest first: after a sleep, the whole backlog in the order it fell due. */
export function dueTransitions(entries: Iterable<AlarmEntry>, now: number): Transition[] {
  const due: Transition[] = [];
  for (const entry of entries) for (const t of pendingTransitions(entry)) if (t.at <= now) due.push(t);
  return due.sort((a, b) => a.at - b.at || RANK[a.level] - RANK[b.level] || (a.entry.deadline.id < b.entry.deadline.id ? -1 : 1));
}

/** The wall time of the nearest transition, or null when nothing is pending. */
export function nextWakeAt(entries: Iterable<AlarmEntry>): number | null {
  let next: number | null = null;
  for (const entry of entries) for (const t of pendingTransitions(entry)) if (next === null || t.at < next) next = t.at;
  return next;
}

/** Records a firing; a due ring starts the repeats, a repeat arms the next one. */
export function markFired(entry: AlarmEntry, level: AlarmLevel, now: number, repeatEveryMs: number): void {
  const { deadline, fired } = entry;
  if (level === 'warn') fired.warn = deadline.warnAt;
  if (level === 'due') fired.due = deadline.dueAt;
  if (level === 'escalate') fired.escalate = deadline.escalateAt;
  // Missed repeats (a sleep, a step forward) are not replayed in a burst: one ring, then the pace.
  if (level === 'due' || level === 'overdue') entry.nextRepeatAt = now + repeatEveryMs;
}
