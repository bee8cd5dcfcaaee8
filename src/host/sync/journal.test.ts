// F14: the host journal keeps every local save until the hub has it, through crashes.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from '../../../tests/hub/support/events';
import { Random } from '../../../tests/hub/support/random';
import type { SyncEvent } from '../../shared/sync/syncContract';
import { openJournal, PAGE_BYTES, PAGE_EVENTS, type Journal } from './journal';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutydesk-journal-'));
  path = join(dir, 'sync', 'journal.ndjson');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function allPending(journal: Journal): Promise<SyncEvent[]> {
  const out: SyncEvent[] = [];
  let from: number | null = 0;
  while (from !== null) {
    const page = await journal.pending(from);
    out.push(...page.events);
    from = page.next;
  }
  return out;
}

describe('F14: journal', () => {
  it('pending gives the appended events not acked, in append order, exactly as appended', async () => {
    const journal = await openJournal(path);
    const events = makeEvents('FD-1', 5);
    await journal.append(events.slice(0, 3));
    await journal.append(events.slice(3));
    await journal.ack([events[1]!.id, 'never-appended']);
    expect(await allPending(journal)).toEqual([events[0], events[2], events[3], events[4]]);
    expect(journal.pendingCount()).toBe(4);
    await journal.close();
  });

  it('the file and its folder are private to the owner', async () => {
    const journal = await openJournal(path);
    await journal.append([makeEvent('FD-1')]);
    await journal.close();
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'sync')).mode & 0o777).toBe(0o700);
    }
  });

  it('a reopen after a crash (no close) keeps every unacked event', async () => {
    const first = await openJournal(path);
    const events = makeEvents('FD-1', 4);
    await first.append(events);
    await first.ack([events[0]!.id]);
    // No close: the process "dies" here; a second process opens the same file.
    const second = await openJournal(path);
    expect(await allPending(second)).toEqual(events.slice(1));
    await first.close();
    await second.close();
  });

  it('a torn last line (crash mid-write) is dropped, never fatal, and later appends are readable', async () => {
    const journal = await openJournal(path);
    const kept = makeEvents('FD-1', 2);
    await journal.append(kept);
    await journal.close();
    appendFileSync(path, JSON.stringify({ e: makeEvent('FD-1') }).slice(0, 40));
    const reopened = await openJournal(path);
    expect(await allPending(reopened)).toEqual(kept);
    const later = makeEvent('FD-1');
    await reopened.append([later]);
    await reopened.close();
    const third = await openJournal(path);
    expect(await allPending(third)).toEqual([...kept, later]);
    await third.close();
  });

  it('a garbled line in the middle is skipped, the rest kept', async () => {
    const journal = await openJournal(path);
    const [a, b] = makeEvents('FD-1', 2) as [SyncEvent, SyncEvent];
    await journal.append([a]);
    await journal.close();
    appendFileSync(path, '{"e": {"id": 5}}\nnot json at all\n');
    const reopened = await openJournal(path);
    await reopened.append([b]);
    expect(await allPending(reopened)).toEqual([a, b]);
    await reopened.close();
  });

  it('everything acked truncates the file; pages keep going after it', async () => {
    const journal = await openJournal(path);
    const events = makeEvents('FD-1', 3);
    await journal.append(events);
    await journal.ack(events.map((e) => e.id));
    expect(statSync(path).size).toBe(0);
    expect(await journal.pending(0)).toEqual({ events: [], next: null });
    const after = makeEvent('FD-1');
    await journal.append([after]);
    expect(await allPending(journal)).toEqual([after]);
    await journal.close();
  });

  it('acked lines dominating rewrite the file with the pending events only', async () => {
    const journal = await openJournal(path);
    const big = (n: number) => Array.from({ length: n }, () => makeEvent('FD-1', { payload: { note: 'x'.repeat(4000) } }));
    const events = big(400);
    await journal.append(events);
    const before = statSync(path).size;
    const keep = [events[10]!, events[399]!];
    await journal.ack(events.filter((e) => !keep.includes(e)).map((e) => e.id));
    expect(statSync(path).size).toBeLessThan(before / 10);
    expect(await allPending(journal)).toEqual(keep);
    await journal.close();
    const reopened = await openJournal(path);
    expect(await allPending(reopened)).toEqual(keep);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    await reopened.close();
  });

  it('pages hold at most 1000 events and about 512 KiB, and together every pending event once', async () => {
    const journal = await openJournal(path);
    const many = makeEvents('FD-1', 2500);
    for (let i = 0; i < many.length; i += 1000) await journal.append(many.slice(i, i + 1000));
    const bulky = Array.from({ length: 300 }, () => makeEvent('FD-1', { payload: { note: 'y'.repeat(8000) } }));
    await journal.append(bulky);
    let from: number | null = 0;
    const seen: SyncEvent[] = [];
    while (from !== null) {
      const page = await journal.pending(from);
      expect(page.events.length).toBeLessThanOrEqual(PAGE_EVENTS);
      expect(JSON.stringify(page.events).length).toBeLessThanOrEqual(PAGE_BYTES);
      seen.push(...page.events);
      from = page.next;
    }
    expect(seen.map((e) => e.id)).toEqual([...many, ...bulky].map((e) => e.id));
    await journal.close();
  });

  it('F14 fuzz: a journal file holding garbage between good lines opens, keeps the good events, and stays appendable', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 1313);
    const rnd = new Random(seed);
    const first = await openJournal(path);
    await first.close();
    const good: SyncEvent[] = [];
    for (let i = 0; i < 200; i++) {
      if (rnd.next() < 0.5) {
        const event = makeEvent('FD-1');
        good.push(event);
        appendFileSync(path, `${JSON.stringify({ e: event })}\n`);
      } else {
        // Garbage never holds a newline inside (that would be two lines): bytes, JSON, half-events.
        const junk = rnd.pick(['bytes', 'json', 'event'] as const);
        const text = junk === 'bytes' ? rnd.bytes(rnd.int(80)).toString('latin1') : junk === 'json' ? JSON.stringify(rnd.json()) : JSON.stringify({ e: { ...makeEvent('FD-1'), [rnd.pick(['id', 'payload', 'actor'])]: rnd.pick([5, '', [], true]) } });
        appendFileSync(path, `${text.replace(/\n/g, ' ')}\n`);
      }
    }
    const journal = await openJournal(path);
    expect((await allPending(journal)).map((e) => e.id), `seed ${seed}`).toEqual(good.map((e) => e.id));
    const later = makeEvent('FD-1');
    await journal.append([later]);
    await journal.ack(good.map((e) => e.id));
    expect(await allPending(journal)).toEqual([later]);
    await journal.close();
  });
});
