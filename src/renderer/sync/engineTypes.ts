// The sync engine's surface, fixed first so the engine, the screens, the convergence tests and
// the benchmark could be written side by side.
import type { HubFailure } from '@shared/sync/syncContract';

/** What the engine needs of the local clock (EventStore implements it). */
export interface SyncClock {
  /** Hub time minus local time, measured by the host on every answer: corrects the HLC's physical part. */
  setClockOffset(offsetMs: number): void;
  /** The highest hlc of an applied page (F4: once per page); ignored when over 10 minutes ahead. */
  receive(hlc: string): void;
}

export type SyncPhase = 'idle' | 'pushing' | 'relaying' | 'pulling';

export interface SyncRunRecord {
  startedAt: number;
  endedAt: number;
  pushed: number;
  pulled: number;
  quarantined: number;
  notUnderstood: number;
  /** First push request to the outbox settled, when the run pushed anything (ms). */
  pushMs?: number | null;
  /** When the first pull request went out (epoch ms), and how long until the last page was applied. */
  pullStartedAt?: number | null;
  pullMs?: number | null;
  /** null when the run reached the hub and finished. */
  failure: HubFailure | 'local' | null;
  message: string | null;
}

export interface SyncStatus {
  running: boolean;
  phase: SyncPhase;
  /** The last run that pushed and pulled everything, epoch ms (kept in meta). */
  lastGoodAt: number | null;
  lastRun: SyncRunRecord | null;
  /** The pull since this engine started, for the first pull of a new station. */
  progress: { pulled: number; startedAt: number; perSecond: number; caughtUp: boolean } | null;
  /** Hub time minus ours; over a minute either way the header warns. */
  clockOffsetMs: number | null;
  /** The epoch last seen; a new one started a re-push (F19). */
  hubEpoch: string | null;
  /** F14: this store was found reset and refilled from the journal and the hub. */
  resetDetectedAt: number | null;
}

export interface SyncRunResult {
  ok: boolean;
  record: SyncRunRecord;
}

export interface SyncEngine {
  /** Push the outbox, re-push everything after a new epoch, pull until caught up. Never throws for hub failures. */
  runOnce(): Promise<SyncRunResult>;
  status(): SyncStatus;
  subscribe(listener: () => void): () => void;
  setClock(clock: SyncClock | null): void;
  /** F14: the reset notice has been read; it stays until then. */
  dismissReset(): Promise<void>;
  dispose(): void;
}
