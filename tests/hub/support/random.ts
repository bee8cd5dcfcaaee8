// A small seeded generator (mulberry32) so a failing fuzz run can be replayed from its seed.
export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  bytes(n: number): Buffer {
    return Buffer.from(Array.from({ length: n }, () => this.int(256)));
  }
  /** A random JSON value, bounded in depth and width. */
  json(depth = 0): unknown {
    const kinds = depth > 4 ? 5 : 8;
    switch (this.int(kinds)) {
      case 0: return null;
      case 1: return this.next() < 0.5;
      case 2: return this.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, 123456789]);
      case 3: return this.pick(['', 'x', '水', '😀', '\u0000', '\ud800', '__proto__', 'a'.repeat(300), '\u202e', '"\\']);
      case 4: return this.pick(['2026-11-22T08:15:30.123Z-0003-a1b2c3d4e5f60708', 'FD-1', 'ev-1']);
      case 5: return Array.from({ length: this.int(4) }, () => this.json(depth + 1));
      default: {
        const out: Record<string, unknown> = {};
        for (let i = this.int(5); i > 0; i--) out[String(this.json(5))] = this.json(depth + 1);
        return out;
      }
    }
  }
}
