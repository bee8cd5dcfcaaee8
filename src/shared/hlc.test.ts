import { describe, expect, it } from 'vitest';
import { createHlc, formatHlc, parseHlc } from './hlc';

const NODE = 'a1b2c3d4e5f60708';
const T0 = Date.parse('2026-11-22T08:15:30.123Z');

function clockAt(initial: number) {
  let time = initial;
  return { now: () => time, set: (t: number) => (time = t) };
}

describe('hlc', () => {
  it('formats as the protocol pins it and parses back', () => {
    const stamp = formatHlc({ millis: T0, counter: 3, node: NODE });
    expect(stamp).toBe('2026-11-22T08:15:30.123Z-0003-a1b2c3d4e5f60708');
    expect(parseHlc(stamp)).toEqual({ millis: T0, counter: 3, node: NODE });
  });

  it('rejects stamps that are not real calendar times or have uppercase hex', () => {
    expect(parseHlc('2026-02-30T08:15:30.123Z-0003-a1b2c3d4e5f60708')).toBeNull();
    expect(parseHlc('2026-11-22T08:15:30.123Z-000A-a1b2c3d4e5f60708')).toBeNull();
    expect(parseHlc('2026-11-22T08:15:30Z-0003-a1b2c3d4e5f60708')).toBeNull();
  });

  it('issues strictly increasing stamps at a frozen clock', () => {
    const clock = clockAt(T0);
    const hlc = createHlc({ node: NODE, now: clock.now });
    const stamps = Array.from({ length: 100 }, () => hlc.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(100);
  });

  it('stays monotonic when the wall clock steps backwards', () => {
    const clock = clockAt(T0);
    const hlc = createHlc({ node: NODE, now: clock.now });
    const before = hlc.tick();
    clock.set(T0 - 3_600_000);
    const after = hlc.tick();
    expect(after > before).toBe(true);
    expect(parseHlc(after)!.millis).toBe(T0);
  });

  it('moves past a received remote stamp', () => {
    const clock = clockAt(T0);
    const hlc = createHlc({ node: NODE, now: clock.now });
    const remote = formatHlc({ millis: T0 + 5000, counter: 7, node: 'ffffffffffffffff' });
    expect(hlc.receive(remote)).toBe(true);
    const next = hlc.tick();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toMatchObject({ millis: T0 + 5000, counter: 9 });
  });

  it('ignores a remote stamp more than the drift bound ahead (bounded drift)', () => {
    const clock = clockAt(T0);
    const hlc = createHlc({ node: NODE, now: clock.now, maxDriftMs: 60_000 });
    const farFuture = formatHlc({ millis: T0 + 61_000, counter: 0, node: 'ffffffffffffffff' });
    expect(hlc.receive(farFuture)).toBe(false);
    expect(parseHlc(hlc.tick())!.millis).toBe(T0);
    expect(hlc.receive('not a stamp')).toBe(false);
  });

  it('resumes after a restart with the clock set back', () => {
    const persisted = formatHlc({ millis: T0, counter: 12, node: NODE });
    const hlc = createHlc({ node: NODE, now: () => T0 - 10_000, resumeFrom: persisted });
    expect(hlc.tick() > persisted).toBe(true);
  });

  it('borrows the next millisecond when the counter would overflow', () => {
    const hlc = createHlc({ node: NODE, now: () => T0, resumeFrom: formatHlc({ millis: T0, counter: 0xffff, node: NODE }) });
    expect(parseHlc(hlc.tick())).toMatchObject({ millis: T0 + 1, counter: 0 });
  });

  it('keeps whole milliseconds when the clock is corrected by a fractional offset (a measured hub offset is a midpoint)', () => {
    // The physical part was x.5 ms: stamps printed x, so a received (x, ffff) was passed by the
    // clock's x.5 and the next local stamp, (x, 0001), sorted before it (found by sync test F4).
    const hlc = createHlc({ node: NODE, now: () => T0 + 0.5 });
    const remote = formatHlc({ millis: T0, counter: 0xffff, node: 'ffffffffffffffff' });
    expect(hlc.receive(remote)).toBe(true);
    const next = hlc.tick();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toMatchObject({ millis: T0 + 1, counter: 1 });
    expect(Number.isInteger(parseHlc(hlc.last()!)!.millis)).toBe(true);
  });

  it('refuses a malformed node id', () => {
    expect(() => createHlc({ node: 'XYZ', now: () => T0 })).toThrow();
  });
});
