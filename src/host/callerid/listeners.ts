import type { ReaderLogger } from './readerTypes';

// A listener set whose `add` returns the unsubscribe function, as every bridge subscription does.
// A throwing listener is logged and skipped: a UI bug must not stop the serial reader.

export interface Listeners<A extends unknown[]> {
  add(listener: (...args: A) => void): () => void;
  emit(...args: A): void;
}

export function createListeners<A extends unknown[]>(name: string, logger: ReaderLogger): Listeners<A> {
  const set = new Set<(...args: A) => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit(...args) {
      for (const listener of [...set]) {
        try {
          listener(...args);
        } catch (error) {
          logger.error(`caller ID: a ${name} listener failed`, { error: String(error) });
        }
      }
    },
  };
}
