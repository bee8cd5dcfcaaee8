import { describe, expect, it } from 'vitest';
import { DraftWriter } from './draftWriter';

function storage() {
  const stored: { value: string | null; writes: string[] } = { value: null, writes: [] };
  let release: (() => void) | null = null;
  const writer = new DraftWriter<string>(
    (v) => new Promise<void>((resolve) => {
      release = () => {
        stored.value = v;
        stored.writes.push(v);
        resolve();
      };
    }),
    async () => {
      stored.value = null;
    },
  );
  return { stored, writer, release: () => release?.() };
}

describe('draft writer (U5)', () => {
  it('writes the newest value, skipping the ones typed while a write was under way', async () => {
    const { stored, writer, release } = storage();
    writer.keep('a');
    writer.keep('ab');
    writer.keep('abc');
    release();
    await Promise.resolve();
    await Promise.resolve();
    release();
    await writer.settled();
    expect(stored.writes).toEqual(['a', 'abc']);
    expect(stored.value).toBe('abc');
  });

  it('after a drop, a queued value is not written back', async () => {
    const { stored, writer, release } = storage();
    writer.keep('a');
    writer.keep('ab');
    const dropping = writer.drop();
    release();
    await dropping;
    writer.keep('abc');
    await writer.settled();
    expect(stored.writes).toEqual(['a']);
    expect(stored.value).toBeNull();
  });
});
