// Every hub answer is checked as hostile input before anything of it reaches the renderer
// (F18: a broken or malicious hub must not corrupt a station). A check returns the answer's
// useful part or a reason; hubClient turns a reason into a `badAnswer` failure, and the renderer
// then applies nothing of that answer.
import { PUSH_STATUSES, type PulledEvent, type SyncEvent } from '../../shared/sync/syncContract';
import { checkWireEvent } from '../../shared/protocol/wireEvent';
import { isValidName } from '../../shared/protocol/names';
import { isJsonObject } from '../../shared/protocol/payload';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_EPOCH_LENGTH = 200;
const MAX_CODE_LENGTH = 40;
const MAX_MESSAGE_LENGTH = 500;

export interface Stamp {
  hubTime: string;
  hubEpoch: string;
}

/** `hubTime` (ISO in UTC with ms and Z, a real time) and `hubEpoch` (a non-empty string). */
export function checkStamp(body: unknown): Checked<Stamp & { body: Record<string, unknown> }> {
  if (!isJsonObject(body)) return bad('the answer is not a JSON object');
  const { hubTime, hubEpoch } = body;
  if (typeof hubTime !== 'string' || !ISO_MS.test(hubTime) || !Number.isFinite(Date.parse(hubTime))) return bad('hubTime is not an ISO time in UTC with milliseconds');
  if (typeof hubEpoch !== 'string' || hubEpoch.length === 0 || hubEpoch.length > MAX_EPOCH_LENGTH) return bad('hubEpoch is not a non-empty string');
  return { ok: true, value: { hubTime, hubEpoch, body } };
}

export function checkHealth(body: Record<string, unknown>): Checked<null> {
  return body.ok === true ? { ok: true, value: null } : bad('health did not answer ok: true');
}

export function checkWhoami(body: Record<string, unknown>): Checked<{ site: string; station: string }> {
  if (!isValidName(body.site)) return bad('whoami: site is not a valid name');
  if (!isValidName(body.station)) return bad('whoami: station is not a valid name');
  return { ok: true, value: { site: body.site, station: body.station } };
}

export type PushResult = { id: string; status: (typeof PUSH_STATUSES)[number]; code?: string; message?: string };

/** One result per pushed event, in request order, each echoing its event's id (protocol v1, POST /v1/events). */
export function checkPush(body: Record<string, unknown>, events: SyncEvent[]): Checked<PushResult[]> {
  const { results } = body;
  if (!Array.isArray(results)) return bad('push: results is not an array');
  if (results.length !== events.length) return bad(`push: ${results.length} results for ${events.length} events`);
  const out: PushResult[] = [];
  for (let i = 0; i < results.length; i++) {
    const result: unknown = results[i];
    if (!isJsonObject(result)) return bad(`push: result ${i} is not an object`);
    const expected = events[i]!.id;
    if (result.id !== expected) return bad(`push: result ${i} is for another event than the one sent`);
    const status = result.status;
    if (typeof status !== 'string' || !(PUSH_STATUSES as readonly string[]).includes(status)) return bad(`push: result ${i} has no valid status`);
    if (status !== 'rejected') {
      out.push({ id: expected, status: status as PushResult['status'] });
      continue;
    }
    // A rejection must say why: the code drives the quarantine row, the message is shown.
    if (typeof result.code !== 'string' || result.code.length === 0 || result.code.length > MAX_CODE_LENGTH) return bad(`push: rejected result ${i} has no valid code`);
    const message = typeof result.message === 'string' ? result.message.slice(0, MAX_MESSAGE_LENGTH) : '';
    out.push({ id: expected, status: 'rejected', code: result.code, message });
  }
  return { ok: true, value: out };
}

export interface PullPage {
  events: PulledEvent[];
  last: number;
  more: boolean;
}

/**
 * Every event valid on the wire, `seq` positive, strictly increasing and past `after`, at most
 * `limit` of them, `last` the last seq (or `after` when empty), `more` a boolean, and never an
 * empty page that claims more (it would loop a station forever).
 */
export function checkPull(body: Record<string, unknown>, after: number, limit: number): Checked<PullPage> {
  const { events, last, more } = body;
  if (!Array.isArray(events)) return bad('pull: events is not an array');
  if (events.length > limit) return bad(`pull: ${events.length} events for a limit of ${limit}`);
  if (typeof more !== 'boolean') return bad('pull: more is not a boolean');
  const out: PulledEvent[] = [];
  let previous = after;
  for (let i = 0; i < events.length; i++) {
    const raw: unknown = events[i];
    if (!isJsonObject(raw)) return bad(`pull: event ${i} is not an object`);
    const seq = raw.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0) return bad(`pull: event ${i} has no positive integer seq`);
    if (seq <= previous) return bad(`pull: event ${i} has seq ${seq}, not after ${previous}`);
    const check = checkWireEvent(raw);
    if (!check.ok) return bad(`pull: event ${i} (seq ${seq}) is not a valid event: ${check.code} ${check.message}`.slice(0, 300));
    const { id, stream, type, hlc, station, actor, payload } = check.event;
    out.push({ seq, id, stream, type, hlc, station, actor, payload });
    previous = seq;
  }
  const expectedLast = out.length > 0 ? previous : after;
  if (last !== expectedLast) return bad(`pull: last is ${typeof last === 'number' ? last : typeof last}, expected ${expectedLast}`);
  if (out.length === 0 && more) return bad('pull: an empty page that says more');
  return { ok: true, value: { events: out, last: expectedLast, more } };
}

function bad(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
