/**
 * Runs tasks one after another in the order they were queued. A task that fails rejects its
 * own caller only; the tasks behind it still run (S3: concurrent settings:update calls).
 */
export function createSerialQueue(): { run<T>(task: () => Promise<T>): Promise<T> } {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(() => task());
      tail = result.catch(() => {});
      return result;
    },
  };
}
