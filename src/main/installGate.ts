import type { Logger } from '../host/logging/logger';

// An update never installs while an alarm rings (issue 15; design.md "what bites": quitting to
// install would silence the desk mid-alarm). A request made while something rings is deferred
// and tried again until the desk is quiet; the check is repeated just before installing, since
// an alarm can start while the download's signature is being checked.

export const INSTALL_RETRY_MS = 60_000;

export type InstallAnswer = 'installed' | 'deferred' | 'refused';

export interface InstallGate {
  /** Installs now if nothing rings, else defers and retries every `retryMs` until it can. */
  request(): Promise<InstallAnswer>;
  /** Whether a deferred install is waiting for the alarms to stop. */
  waiting(): boolean;
  dispose(): void;
}

export function createInstallGate(options: {
  alarmsRinging(): boolean;
  /**
   * Verifies and installs: 'refused' when there is nothing verified to install, 'deferred' when
   * an alarm started meanwhile (it asks `alarmsRinging` again right before quitting).
   */
  install(): Promise<InstallAnswer>;
  logger: Logger;
  retryMs?: number;
  setTimer?: (run: () => void, ms: number) => () => void;
}): InstallGate {
  const retryMs = options.retryMs ?? INSTALL_RETRY_MS;
  const setTimer =
    options.setTimer ??
    ((run, ms) => {
      const handle = setTimeout(run, ms);
      return () => clearTimeout(handle);
    });
  let cancelRetry: (() => void) | null = null;
  let disposed = false;

  const defer = (): InstallAnswer => {
    if (!cancelRetry && !disposed) {
      options.logger.info('update install deferred: an alarm is ringing', { retryMs });
      cancelRetry = setTimer(() => {
        cancelRetry = null;
        void gate.request().catch((error: unknown) => options.logger.warn('deferred update install failed', { error: String(error).slice(0, 200) }));
      }, retryMs);
    }
    return 'deferred';
  };

  const gate: InstallGate = {
    async request() {
      if (disposed) return 'refused';
      if (options.alarmsRinging()) return defer();
      const answer = await options.install();
      return answer === 'deferred' ? defer() : answer;
    },
    waiting: () => cancelRetry !== null,
    dispose() {
      disposed = true;
      cancelRetry?.();
      cancelRetry = null;
    },
  };
  return gate;
}
