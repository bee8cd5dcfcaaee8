import { createFamilyDetector, type FamilyDetector } from './families/detect';
import type { Region } from './assembly/ringOrder';
import type { CallerIdEvent } from './events';
import type { CallerIdFamily, FamilySetting } from './families/families';
import { createPipeline, type Pipeline } from './assembly/pipeline';

// The caller-ID parser: bytes in, events out, no I/O and no timers of its own. The host feeds
// every read with its clock (`feed(bytes, nowMs)`) and calls `tick(nowMs)` when
// `nextDeadline()` comes due; ring timeouts, the modem block settle and the idle flush of a
// partial line all run from those times, so tests replay silences without waiting.
//
//   const parser = createCallerIdParser({ family: 'auto' });
//   for (const event of parser.feed(chunk, Date.now())) …

export interface CallerIdParserOptions {
  family: FamilySetting;
  /** The line's country (ISO 3166), when known, for which comes first: caller ID or the ring. */
  country?: Region | null;
  /** No RING for this long ends a ringing call (P11). Default 8000. */
  ringTimeoutMs?: number;
  /** Silence that closes a formatted modem block when no other line follows it. Default 100. */
  settleMs?: number;
}

export interface CallerIdParser {
  /** The events these bytes completed, usually none; the array is not to be modified. */
  feed(bytes: Uint8Array, nowMs: number): readonly CallerIdEvent[];
  tick(nowMs: number): readonly CallerIdEvent[];
  /** When tick() next has something to do, or null. */
  nextDeadline(): number | null;
  /** The family in use: the setting, or what `auto` detected (null until then). */
  family(): CallerIdFamily | null;
  garbageCount(): number;
}

const NO_EVENTS: readonly CallerIdEvent[] = Object.freeze([]);
const REPLAY_LIMIT = 16 * 1024; // bytes kept while `auto` has not decided yet

export function createCallerIdParser(options: CallerIdParserOptions): CallerIdParser {
  const pipelineOptions = { country: options.country ?? null, ringTimeoutMs: options.ringTimeoutMs ?? 8000, settleMs: options.settleMs ?? 100 };
  let events: CallerIdEvent[] = [];
  let family: CallerIdFamily | null = options.family === 'auto' ? null : options.family;
  let pipeline: Pipeline | null = null;
  let detector: FamilyDetector | null = null;
  let offset = 0;
  let pending: { bytes: Uint8Array; start: number; now: number }[] = [];
  let pendingBytes = 0;

  function collect(event: CallerIdEvent): void {
    // `auto` settles between the three AT dialects once a record shows which one the device speaks.
    if (options.family === 'auto' && event.type === 'call' && (family === 'modemFormatted' || family === 'gsmClip')) {
      if (event.frameHex !== undefined) family = 'modemHex';
      else if (event.numberType !== undefined) family = 'gsmClip';
    }
    events.push(event);
  }

  function start(chosen: CallerIdFamily): void {
    family = chosen;
    pipeline = createPipeline(chosen, pipelineOptions, collect);
  }

  if (family) start(family);
  else detector = createFamilyDetector();

  // Most reads complete nothing: they share one empty array instead of allocating per read.
  function take(): readonly CallerIdEvent[] {
    if (events.length === 0) return NO_EVENTS;
    const out = events;
    events = [];
    return out;
  }

  return {
    feed(bytes, nowMs) {
      const at = offset;
      offset += bytes.length;
      if (pipeline) {
        pipeline.push(bytes, at, nowMs);
        return take();
      }
      // Copied: the caller may reuse its read buffer.
      pending.push({ bytes: bytes.slice(), start: at, now: nowMs });
      pendingBytes += bytes.length;
      const detected = detector!.push(bytes);
      if (detected) {
        start(detected);
        for (const chunk of pending) pipeline!.push(chunk.bytes, chunk.start, chunk.now);
        pending = [];
        detector = null;
      } else {
        while (pendingBytes > REPLAY_LIMIT && pending.length > 1) pendingBytes -= pending.shift()!.bytes.length;
      }
      return take();
    },
    tick(nowMs) {
      pipeline?.tick(nowMs);
      return take();
    },
    nextDeadline: () => pipeline?.deadline() ?? null,
    family: () => family,
    garbageCount: () => pipeline?.assembler.garbageCount() ?? 0,
  };
}
