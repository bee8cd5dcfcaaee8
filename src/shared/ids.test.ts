import { describe, expect, it } from 'vitest';
import { randomNodeId, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('has version 7, the RFC variant and the time in its first 48 bits', () => {
    const t = Date.parse('2026-11-22T08:15:30.123Z');
    const id = uuidv7(t);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
  });

  it('is unique over many calls in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(1)));
    expect(ids.size).toBe(10_000);
  });

  it('makes 16-hex node ids', () => {
    expect(randomNodeId()).toMatch(/^[0-9a-f]{16}$/);
  });
});
