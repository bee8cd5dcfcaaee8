import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../directory/phone/normalisePhone';
import type { CallerIdEvent } from './events';
import type { CallerIdFamily, FamilySetting } from './families/families';
import { createCallerIdParser } from './parser';

// Every capture in ../shared/callerid (the shared test captures kept beside this repository,
// docs/callerid.md "Tests") must give exactly its `expected` events under every listed
// chunking, one-byte reads and one single read, with its `pauses` (the silence on the line
// after a part) replayed through the injected clock. Captures are found by listing the folder,
// so a capture added there later is tested too (with `auto` when its family is not known here).

const REPO = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const CAPTURES = path.resolve(REPO, '../shared/callerid');

interface Part { id: string; bytes: [number, number] }
interface Capture {
  file: string;
  assumedCountry?: string;
  parts?: Part[];
  pauses?: { afterPart: string; ms: number }[];
  chunkings?: { name: string; splitAt: number[] | 'every byte' }[];
  mustNotProduceEvents?: { bytes: [number, number] }[];
  expected: (Record<string, unknown> & { type: string })[];
}

const FAMILY_BY_PREFIX: [string, CallerIdFamily][] = [
  ['modem-ascii-hex', 'modemHex'], ['modem-', 'modemFormatted'], ['gsm-', 'gsmClip'], ['xdmf-', 'xdmfBinary'],
  ['callerid-com', 'callerIdCom'], ['tci', 'tci'], ['netcallerid', 'netCallerId'], ['dtmf', 'dtmf'],
  ['vendor-cn-atf', 'cnAtf'], ['vendor-cn-star', 'cnStar'],
];

// The country of the line each capture was taken on, where the JSON does not give
// `assumedCountry` (it decides the ring order, ringOrder.ts): gsm-clip's national number
// 020 7946 0123 is expected as +44 (an Ofcom drama number), so that capture is a UK line.
const SITE_BY_CAPTURE: Record<string, string> = { 'gsm-clip': 'GB' };

/**
 * A capture's `e164` is what a station in that number's country stores (P1: E.164 has one owner,
 * the directory's normalisePhone): the digits the parser passes on must normalise to it there.
 * A null `e164` says the country is not known from the line alone; the station's decides.
 */
function e164Problem(expected: unknown, number: unknown): string | null {
  // The box sent E.164 itself (+CLIP type 145): nothing to normalise. (Ofcom's drama numbers
  // such as +44 7700 900123 are outside libphonenumber's plan, so the directory would refuse them.)
  if (expected === null || number === expected) return null;
  const countryCode = typeof expected === 'string' ? parsePhoneNumberFromString(expected)?.countryCallingCode : undefined;
  if (!countryCode || typeof number !== 'string') return `expected ${JSON.stringify(expected)} from number ${JSON.stringify(number)}`;
  const result = normalisePhone(number, { countryCode, areaCode: '' });
  const got = result.ok ? result.phone.e164 : result.problem;
  return got === expected ? null : `expected ${JSON.stringify(expected)}, ${JSON.stringify(number)} normalises to ${got} at +${countryCode}`;
}

const IGNORED_KEYS = new Set(['note', 'why', 'afterPart']);
const T0 = 1_700_000_000_000;

function loadCaptures(): { name: string; capture: Capture; bytes: Uint8Array }[] {
  return readdirSync(CAPTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const capture = JSON.parse(readFileSync(path.join(CAPTURES, f), 'utf8')) as Capture;
      return { name: f.replace(/\.json$/, ''), capture, bytes: new Uint8Array(readFileSync(path.join(CAPTURES, capture.file))) };
    })
    .filter(({ capture }) => Array.isArray(capture.expected));
}

interface Seen { event: CallerIdEvent; pause: string | null }

/** Feeds the capture cut at `splits`, running each pause through tick() (stepped or at once). */
function replay(capture: Capture, bytes: Uint8Array, family: FamilySetting, site: string | undefined, splits: number[], stepped: boolean): Seen[] {
  const parser = createCallerIdParser({ family, country: site ?? null });
  const partEnd = new Map((capture.parts ?? []).map((p) => [p.id, p.bytes[1]]));
  const pauses = new Map<number, { id: string; ms: number }>();
  for (const p of capture.pauses ?? []) pauses.set(partEnd.get(p.afterPart)!, { id: p.afterPart, ms: p.ms });
  const cuts = [...new Set([...splits, ...pauses.keys(), bytes.length])].filter((c) => c > 0 && c <= bytes.length).sort((a, b) => a - b);
  const seen: Seen[] = [];
  let now = T0;
  let from = 0;
  for (const cut of cuts) {
    for (const event of parser.feed(bytes.subarray(from, cut), now)) seen.push({ event, pause: null });
    from = cut;
    const pause = pauses.get(cut);
    if (!pause) continue;
    const end = now + pause.ms;
    while (now < end) {
      now = stepped ? Math.min(end, now + 50) : end;
      for (const event of parser.tick(now)) seen.push({ event, pause: pause.id });
    }
  }
  return seen;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every field the JSON gives must match (flags as a set); extra fields on the event are fine. */
function mismatches(capture: Capture, seen: Seen[]): string[] {
  const expected = capture.expected;
  const partEnds = new Map((capture.parts ?? []).map((p) => [p.id, p.bytes[1]]));
  const problems: string[] = [];
  const count = Math.max(expected.length, seen.length);
  for (let i = 0; i < count; i++) {
    const want = expected[i];
    const got = seen[i];
    if (!want || !got) {
      problems.push(`#${i}: expected ${JSON.stringify(want)} got ${JSON.stringify(got?.event)}`);
      continue;
    }
    const actual = got.event as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(want)) {
      if (IGNORED_KEYS.has(key)) continue;
      if (key === 'e164') {
        const problem = e164Problem(value, actual.number);
        if (problem) problems.push(`#${i} ${want.type}.e164: ${problem}`);
        continue;
      }
      const ok = key === 'flags' && Array.isArray(value) && Array.isArray(actual[key])
        ? same([...value].sort(), [...(actual[key] as string[])].sort())
        : same(value, actual[key]);
      if (!ok) problems.push(`#${i} ${want.type}.${key}: expected ${JSON.stringify(value)} got ${JSON.stringify(actual[key])}`);
    }
    if (want.afterPart !== undefined && got.pause !== want.afterPart) {
      problems.push(`#${i} ${want.type}: expected during the pause after ${String(want.afterPart)}, came ${got.pause ? `after ${got.pause}` : 'with data'}`);
    }
    // A record may be settled by the silence right after its last byte (a modem block with no
    // NAME: many lines never send one), never by a later one.
    const settledBy = got.pause === null ? undefined : partEnds.get(got.pause);
    const last = (want.bytes as [number, number] | undefined)?.[1];
    if (want.afterPart === undefined && got.pause !== null && settledBy !== last) {
      problems.push(`#${i} ${want.type}: came in the pause after ${got.pause}, expected with its bytes`);
    }
  }
  return problems;
}

function chunkings(capture: Capture, length: number): { name: string; splits: number[] }[] {
  const every = Array.from({ length }, (_, i) => i + 1);
  const listed = (capture.chunkings ?? []).map((c) => ({ name: c.name, splits: c.splitAt === 'every byte' ? every : c.splitAt }));
  return [...listed, { name: 'one-byte reads', splits: every }, { name: 'one single read', splits: [] }];
}

describe.each(loadCaptures())('capture $name', ({ name, capture, bytes }) => {
  const known = FAMILY_BY_PREFIX.find(([prefix]) => name.startsWith(prefix))?.[1];
  const families: FamilySetting[] = known ? [known, 'auto'] : ['auto'];
  const site = capture.assumedCountry ?? SITE_BY_CAPTURE[name];

  for (const family of families) {
    for (const { name: chunking, splits } of chunkings(capture, bytes.length)) {
      for (const stepped of [false, true]) {
        it(`${family}, ${chunking}, pauses ${stepped ? 'ticked every 50 ms' : 'in one tick'}`, () => {
          expect(mismatches(capture, replay(capture, bytes, family, site, splits, stepped))).toEqual([]);
        });
      }
    }

    it(`${family}: mustNotProduceEvents ranges produce nothing`, () => {
      const seen = replay(capture, bytes, family, site, [], false);
      for (const { bytes: [from, to] } of capture.mustNotProduceEvents ?? []) {
        const parser = createCallerIdParser({ family });
        const alone = [...parser.feed(bytes.subarray(from, to), T0), ...parser.tick(T0 + 60_000)];
        expect(alone).toEqual([]);
        const inside = seen.filter(({ event }) => 'bytes' in event && event.bytes && event.bytes[0] < to && event.bytes[1] > from);
        expect(inside.map((s) => s.event)).toEqual([]);
      }
    });
  }
});
