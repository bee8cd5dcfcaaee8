// Hybrid logical clock in the wire form of sync protocol v1 (docs/hub.md):
// `<ISO ms Z>-<counter 4 hex>-<node 16 hex>`, lowercase hex.
// Stamps sort as strings, never go backwards when the wall clock steps back, and a remote
// stamp far ahead of our clock does not drag us into the future (one station with a bad clock
// would otherwise pull every station's stamps, and their last-writer-wins, along with it).

export const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
export const MAX_COUNTER = 0xffff;
/** A remote stamp more than this ahead of the local clock does not advance the HLC. */
export const DEFAULT_MAX_DRIFT_MS = 10 * 60 * 1000;

export interface HlcStamp {
  millis: number;
  counter: number;
  node: string;
}

export function formatHlc({ millis, counter, node }: HlcStamp): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(text: string): HlcStamp | null {
  const match = HLC_PATTERN.exec(text);
  if (!match) return null;
  const iso = match[1]!;
  // A real calendar time (no 2026-02-30), checked field by field: the hub checks every pushed
  // event's stamp, and Date's round trip through toISOString cost a sixth of its push CPU.
  const year = num(iso, 0, 4);
  const month = num(iso, 5, 7);
  const day = num(iso, 8, 10);
  const hour = num(iso, 11, 13);
  const minute = num(iso, 14, 16);
  const second = num(iso, 17, 19);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, num(iso, 20, 23));
  return { millis: utc.getTime(), counter: parseInt(match[2]!, 16), node: match[3]! };
}

function num(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The wire rule for `hlc` (sync protocol v1, docs/hub.md); this file is its one owner. */
export function isValidHlc(value: string): boolean {
  return parseHlc(value) !== null;
}

export function isValidNodeId(node: string): boolean {
  return /^[0-9a-f]{16}$/.test(node);
}

export interface HlcClock {
  /** A new stamp for a local event, later than every stamp issued or received so far. */
  tick(): string;
  /** Take in a remote stamp; returns false when it was ignored for being too far ahead. */
  receive(remote: string): boolean;
  /** The last stamp issued or merged, for persisting across restarts. */
  last(): string | null;
}

export interface HlcOptions {
  node: string;
  now: () => number;
  maxDriftMs?: number;
  /** The last stamp persisted before a restart, so a clock stepped back still moves forward. */
  resumeFrom?: string | null;
}

export function createHlc({ node, now, maxDriftMs = DEFAULT_MAX_DRIFT_MS, resumeFrom }: HlcOptions): HlcClock {
  if (!isValidNodeId(node)) throw new Error(`HLC node id must be 16 lowercase hex digits: ${node}`);
  let millis = 0;
  let counter = 0;
  let issued = false;
  const resumed = resumeFrom ? parseHlc(resumeFrom) : null;
  if (resumed) {
    millis = resumed.millis;
    counter = resumed.counter;
    issued = true;
  }

  function advanceTo(physical: number, remote?: HlcStamp): void {
    // Whole milliseconds only: a clock corrected by a fractional offset (a measured midpoint)
    // would print x for x.5 and then sort its own later stamps before a received (x, ffff).
    const base = Math.max(millis, Math.floor(physical), remote?.millis ?? 0);
    let next = 0;
    if (base === millis && remote && base === remote.millis) next = Math.max(counter, remote.counter) + 1;
    else if (base === millis) next = counter + 1;
    else if (remote && base === remote.millis) next = remote.counter + 1;
    if (next > MAX_COUNTER) {
      // Counter overflow: borrow the next millisecond rather than fail the write.
      millis = base + 1;
      counter = 0;
    } else {
      millis = base;
      counter = next;
    }
    issued = true;
  }

  return {
    tick() {
      advanceTo(now());
      return formatHlc({ millis, counter, node });
    },
    receive(remote) {
      const stamp = parseHlc(remote);
      if (!stamp) return false;
      if (stamp.millis > now() + maxDriftMs) return false;
      advanceTo(now(), stamp);
      return true;
    },
    last() {
      return issued ? formatHlc({ millis, counter, node }) : null;
    },
  };
}
