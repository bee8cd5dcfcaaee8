// The host's view of the hub (`sync:state`), updated from every answer. A failure is logged
// once when the state changes (not at every tick of an outage), never with the token.
import type { HubFailure, SyncHostState } from '../../shared/sync/syncContract';
import type { Logger } from '../logging/logger';

type Answer = { ok: true; hubEpoch: string; offsetMs: number } | { ok: false; failure: HubFailure; status: number | null; message: string };

export const INITIAL_STATE: SyncHostState = {
  enrolled: false,
  hubUrl: null,
  site: null,
  station: null,
  everyMinutes: 1,
  reachable: null,
  lastError: null,
  retryAt: null,
  offsetMs: null,
  hubEpoch: null,
  lastContactAt: null,
};

export class SyncStateKeeper {
  private current: SyncHostState = INITIAL_STATE;
  private loggedFailure: string | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly emit: (state: SyncHostState) => void,
  ) {}

  get(): SyncHostState {
    return this.current;
  }

  set(patch: Partial<SyncHostState>): void {
    const next = { ...this.current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.emit(next);
  }

  /** Every hub answer: contact, clock, epoch and the last error. */
  note(answer: Answer, call: string): void {
    const now = Date.now();
    if (answer.ok) {
      if (this.loggedFailure) this.logger.info('sync: the hub answers again', { call });
      this.loggedFailure = null;
      this.set({ reachable: true, offsetMs: Math.round(answer.offsetMs), hubEpoch: answer.hubEpoch, lastContactAt: now, lastError: null });
      return;
    }
    // 413 is the hub working as designed (the renderer halves the batch); `refused` and
    // `notEnrolled` never reached the hub.
    if (answer.failure === 'tooLarge') return this.set({ reachable: true, lastContactAt: now });
    if (answer.failure === 'refused' || answer.failure === 'notEnrolled') return;
    const key = `${answer.failure}:${answer.status ?? ''}`;
    if (key !== this.loggedFailure) {
      this.logger.warn('sync: the hub call failed', { call, failure: answer.failure, status: answer.status, message: answer.message });
      this.loggedFailure = key;
    }
    const answered = answer.failure !== 'unreachable';
    this.set({ reachable: answered, lastError: { failure: answer.failure, message: answer.message, at: now }, ...(answered ? { lastContactAt: now } : {}) });
  }
}
