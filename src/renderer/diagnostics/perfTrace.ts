/**
 * A named moment for a benchmark's timeline (bench/sync: where an incremental pull's time goes,
 * request → answer → applied → queue re-queried → alarms derived). A no-op unless the page
 * defines `__dutydeskTrace` (only the benchmarks' init script does): nothing is kept or sent.
 */
type TraceSink = (name: string, at: number) => void;

export function perfTrace(name: string): void {
  const sink = (globalThis as { __dutydeskTrace?: TraceSink }).__dutydeskTrace;
  if (typeof sink === 'function') sink(name, performance.now());
}
