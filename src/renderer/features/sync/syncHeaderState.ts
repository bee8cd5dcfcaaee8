// What the header says about sync, worked out from the engine's status, the host's state and
// the counts of the sync tables: one pure function, so every state has a test and a screenshot.
import type { SyncHostState } from '@shared/sync/syncContract';
import type { SyncStatus } from '../../sync/engineTypes';
import { ageParts } from '../../i18n/format';

/** The issue: a station more than a minute off the hub shows a warning. */
export const CLOCK_WARNING_MS = 60_000;

export interface SyncCounts {
  waiting: number;
  quarantined: number;
  notUnderstood: number;
}

export type SyncMain =
  | { kind: 'standalone' }
  | { kind: 'unreachable' }
  | { kind: 'firstPull'; pulled: number; perSecond: number }
  | { kind: 'syncing' }
  | { kind: 'never' }
  | { kind: 'synced'; ago: { unit: 'now' | 'minutes' | 'hours' | 'days'; count: number } };

export interface SyncHeaderState {
  main: SyncMain;
  counts: SyncCounts;
  /** Minutes off the hub's clock (rounded, at least 1), when over CLOCK_WARNING_MS either way. */
  clockOffMinutes: number | null;
  reset: boolean;
}

export function syncHeaderState(status: SyncStatus | null, host: SyncHostState | null, counts: SyncCounts, now: number): SyncHeaderState {
  const offset = status?.clockOffsetMs ?? host?.offsetMs ?? null;
  const clockOffMinutes = offset !== null && Math.abs(offset) > CLOCK_WARNING_MS ? Math.max(1, Math.round(Math.abs(offset) / 60_000)) : null;
  const reset = status?.resetDetectedAt != null;
  // Not enrolled: a quiet state, no alarm colours (a standalone desk is a normal way to work).
  if (!host?.enrolled) return { main: { kind: 'standalone' }, counts, clockOffMinutes: null, reset };
  return { main: mainState(status, host, now), counts, clockOffMinutes, reset };
}

function mainState(status: SyncStatus | null, host: SyncHostState, now: number): SyncMain {
  if (host.reachable === false) return { kind: 'unreachable' };
  const progress = status?.progress;
  // A new station's first pull (issue: "shows the progress of its first pull").
  if (progress && !progress.caughtUp) return { kind: 'firstPull', pulled: progress.pulled, perSecond: progress.perSecond };
  const last = status?.lastGoodAt ?? null;
  if (last === null) return status?.running ? { kind: 'syncing' } : { kind: 'never' };
  if (now - last < 60_000) return { kind: 'synced', ago: { unit: 'now', count: 0 } };
  return { kind: 'synced', ago: ageParts(last, now) };
}
