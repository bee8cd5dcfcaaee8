// F14: the host's journal of local saves, `<dataDir>/sync/journal.ndjson`, append-only NDJSON.
// A save's events are appended (one `{"e": event}` line each, fsync) after the Dexie commit and
// stay until the hub has them (`{"a": [ids]}` lines). If the browser's store is wiped, the
// renderer refills itself from `pending()`.
//
// Memory bound: no event is held as an object. Per pending event the journal keeps its id,
// ordinal, byte offset and length (~100 bytes): 1M pending events ≈ 100 MB at most, which only
// a months-long outage reaches; a page is read back from disk on demand.
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncEvent, type JournalPage, type SyncEvent } from '../../shared/sync/syncContract';
import type { Logger } from '../logging/logger';
import { createSerialQueue } from '../settings/serialQueue';
import { ensurePrivateFolder, syncFolder } from '../durableFile';

export const PAGE_EVENTS = 1000;
/** A page's events as JSON stay under this (the web bridge carries 1 MiB per message). */
export const PAGE_BYTES = 512 * 1024;
/** Rewrite when the file is at least this big and pending lines are under a quarter of it. */
const REWRITE_MIN_BYTES = 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

export interface Journal {
  append(events: SyncEvent[]): Promise<void>;
  ack(ids: string[]): Promise<void>;
  /** Pending events with ordinal ≥ `from` in append order; `next` continues, null at the end. */
  pending(from: number): Promise<JournalPage>;
  pendingCount(): number;
  close(): Promise<void>;
}

interface Index {
  ords: number[];
  offs: number[];
  lens: number[];
  /** null once acknowledged. */
  ids: (string | null)[];
  byId: Map<string, number>;
  pendingBytes: number;
}

const emptyIndex = (): Index => ({ ords: [], offs: [], lens: [], ids: [], byId: new Map(), pendingBytes: 0 });

export async function openJournal(path: string, logger?: Logger): Promise<Journal> {
  await ensurePrivateFolder(dirname(path));
  let file: FileHandle = await open(path, 'a+', 0o600);
  await syncFolder(dirname(path));
  const queue = createSerialQueue();
  let index = emptyIndex();
  let size = 0;
  let nextOrd = 0;

  function add(id: string, offset: number, length: number): void {
    if (index.byId.has(id)) return; // already pending: the same event appended twice is kept once
    index.byId.set(id, index.ids.length);
    index.ords.push(nextOrd++);
    index.offs.push(offset);
    index.lens.push(length);
    index.ids.push(id);
    index.pendingBytes += length;
  }

  function acknowledge(id: string): void {
    const i = index.byId.get(id);
    if (i === undefined) return;
    index.byId.delete(id);
    index.ids[i] = null;
    index.pendingBytes -= index.lens[i]!;
  }

  // Load: scan the lines, keeping offsets only. A torn last line (a crash mid-append) is cut
  // off so the next append starts on a clean line; a bad line in the middle is skipped.
  {
    let position = 0;
    let carry = Buffer.alloc(0);
    let carryStart = 0;
    let bad = 0;
    for (;;) {
      const chunk = Buffer.alloc(READ_CHUNK);
      const { bytesRead } = await file.read(chunk, 0, READ_CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      let data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
        if (!readLine(data.subarray(start, nl).toString('utf8'), carryStart + start, nl - start + 1)) bad++;
        start = nl + 1;
      }
      carryStart += start;
      data = data.subarray(start);
      carry = Buffer.from(data);
    }
    size = carryStart;
    if (carry.length > 0) {
      logger?.warn('sync journal: a torn last line (crash mid-write) was dropped', { bytes: carry.length });
      await file.truncate(size);
      await file.sync();
    }
    if (bad > 0) logger?.warn('sync journal: unreadable lines skipped', { lines: bad });
  }

  function readLine(text: string, offset: number, length: number): boolean {
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      return false;
    }
    if (typeof line !== 'object' || line === null) return false;
    const { e, a } = line as { e?: unknown; a?: unknown };
    if (e !== undefined) {
      const parsed = syncEvent.safeParse(e);
      if (!parsed.success) return false;
      add(parsed.data.id, offset, length);
      return true;
    }
    if (Array.isArray(a)) {
      for (const id of a) if (typeof id === 'string') acknowledge(id);
      return true;
    }
    return false;
  }

  async function write(lines: string[]): Promise<number> {
    const buffer = Buffer.from(lines.join(''), 'utf8');
    const at = size;
    let done = 0;
    while (done < buffer.length) done += (await file.write(buffer, done, buffer.length - done, null)).bytesWritten;
    await file.sync();
    size += buffer.length;
    return at;
  }

  async function readEntry(i: number): Promise<SyncEvent | null> {
    const length = index.lens[i]!;
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, index.offs[i]!);
    try {
      const parsed = syncEvent.safeParse((JSON.parse(buffer.toString('utf8')) as { e?: unknown }).e);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Everything acked: start afresh. Acked lines dominate: rewrite the pending ones only. */
  async function compact(): Promise<void> {
    if (index.byId.size === 0) {
      if (size === 0) return;
      await file.truncate(0);
      await file.sync();
      size = 0;
      index = emptyIndex();
      return;
    }
    if (size < REWRITE_MIN_BYTES || index.pendingBytes * 4 > size) return;
    const temp = `${path}.compact.tmp`;
    const out = await open(temp, 'w', 0o600);
    const next = emptyIndex();
    let at = 0;
    try {
      for (let i = 0; i < index.ids.length; i++) {
        const id = index.ids[i];
        if (id === null || id === undefined) continue;
        const buffer = Buffer.alloc(index.lens[i]!);
        await file.read(buffer, 0, buffer.length, index.offs[i]!);
        await out.write(buffer, 0, buffer.length, at);
        next.byId.set(id, next.ids.length);
        next.ords.push(index.ords[i]!);
        next.offs.push(at);
        next.lens.push(buffer.length);
        next.ids.push(id);
        next.pendingBytes += buffer.length;
        at += buffer.length;
      }
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(temp, path);
    await syncFolder(dirname(path));
    await file.close();
    file = await open(path, 'a+', 0o600);
    index = next;
    size = at;
  }

  return {
    append: (events) =>
      queue.run(async () => {
        const lines = events.map((event) => `${JSON.stringify({ e: event })}\n`);
        let offset = await write(lines);
        events.forEach((event, i) => {
          const length = Buffer.byteLength(lines[i]!, 'utf8');
          add(event.id, offset, length);
          offset += length;
        });
      }),
    ack: (ids) =>
      queue.run(async () => {
        const known = ids.filter((id) => index.byId.has(id));
        if (known.length === 0) return;
        await write([`${JSON.stringify({ a: known })}\n`]);
        for (const id of known) acknowledge(id);
        await compact();
      }),
    pending: (from) =>
      queue.run(async () => {
        const events: SyncEvent[] = [];
        let bytes = 0;
        let i = firstAtOrAfter(index.ords, from);
        for (; i < index.ids.length; i++) {
          if (index.ids[i] === null) continue;
          if (events.length >= PAGE_EVENTS || (events.length > 0 && bytes + index.lens[i]! > PAGE_BYTES)) break;
          const event = await readEntry(i);
          bytes += index.lens[i]!;
          if (event) events.push(event);
          else logger?.warn('sync journal: a pending line could not be read back', { ordinal: index.ords[i]! });
        }
        while (i < index.ids.length && index.ids[i] === null) i++;
        return { events, next: i < index.ids.length ? index.ords[i]! : null };
      }),
    pendingCount: () => index.byId.size,
    close: () => queue.run(() => file.close()),
  };
}

/** Binary search: the first position whose ordinal is ≥ `from` (ordinals only grow). */
function firstAtOrAfter(ords: number[], from: number): number {
  let lo = 0;
  let hi = ords.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ords[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
