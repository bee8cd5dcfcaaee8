import type { DeadlineRuleId } from './deadlineRules';

// A clock paused with a reason (waiting for the resident, for parts) does not count the paused
// time. The pause and resume steps are a later part of issue 15; until then the caller hands
// the pauses in, folded from wherever they will live. A pause not resumed has no `to`.

export interface DeadlinePause {
  rule: DeadlineRuleId;
  from: number;
  to?: number;
}

interface Span {
  from: number;
  to: number;
}

/** The pauses of one clock from its start on, merged and in order; an open one ends at Infinity. */
export function pausedSpans(pauses: readonly DeadlinePause[], rule: DeadlineRuleId, startedAt: number): Span[] {
  const spans = pauses
    .filter((p) => p.rule === rule && (p.to === undefined || p.to > p.from))
    .map((p) => ({ from: Math.max(p.from, startedAt), to: p.to ?? Infinity }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * The wall time at which a clock started at `startedAt` has run `runningMs`, paused time left
 * out. While a pause is open the clock stands still: a time not reached yet is given as if it
 * resumed `now`, so it stays ahead of `now` for as long as the pause lasts.
 */
export function reachedAt(startedAt: number, runningMs: number, spans: readonly Span[], now: number): number {
  let t = startedAt;
  let left = Math.max(0, runningMs);
  for (const s of spans) {
    if (s.from - t >= left) return t + left;
    left -= s.from - t;
    if (s.to === Infinity) return Math.max(now, s.from) + left;
    t = s.to;
  }
  return t + left;
}

/** Whether the clock stands still at `now` (an open pause, or a pause that covers `now`). */
export function isPaused(spans: readonly Span[], now: number): boolean {
  return spans.some((s) => s.from <= now && now < s.to);
}
