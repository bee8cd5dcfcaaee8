import type { Logger } from '../host/logging/logger';

// Last line of defence for the web shell (S1): a throw or rejection that escaped a request or
// socket handler is logged and the shell keeps serving, instead of the desk losing its host
// (caller ID, settings) because one request was malformed. Handlers still answer for themselves;
// this only keeps a bug from becoming an outage. Returns the undo (tests).

export function installProcessGuard(logger: Logger): () => void {
  const onException = (error: unknown) => logger.error('uncaught exception in the web shell (kept serving)', describe(error));
  const onRejection = (reason: unknown) => logger.error('unhandled rejection in the web shell (kept serving)', describe(reason));
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

function describe(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack?.split('\n').slice(0, 6).join(' | ') ?? null } : { error: String(error) };
}
