// The host's only door to the hub (sync protocol v1). Never throws: every failure is an answer
// `{ok:false, failure, status, message}` (F9 unreachable, F18 hostile hub), and no message
// ever holds the token. Each answer is read with a size bound and a deadline, then checked
// against the protocol (hubAnswers) before anything of it is returned.
import type { z } from 'zod';
import type { hubFailure, HubFailure, PullAnswer, PushAnswer, SyncEvent, WhoamiAnswer } from '../../shared/sync/syncContract';
import { pullAnswer, pushAnswer, whoamiAnswer } from '../../shared/sync/syncContract';
import { MAX_BATCH_EVENTS, MAX_PULL_LIMIT } from '../../shared/protocol/limits';
import { checkHealth, checkPull, checkPush, checkStamp, checkWhoami, type Checked, type Stamp } from './hubAnswers';
import { normaliseHubUrl } from './hubUrl';

export type HubFailureAnswer = z.infer<typeof hubFailure>;
export type HealthAnswer = { ok: true; hubTime: string; hubEpoch: string; offsetMs: number } | HubFailureAnswer;

export interface HubClient {
  health(): Promise<HealthAnswer>;
  whoami(): Promise<WhoamiAnswer>;
  push(events: SyncEvent[], relay: boolean): Promise<PushAnswer>;
  pull(after: number, limit: number): Promise<PullAnswer>;
}

export interface HubClientOptions {
  url: string;
  token: string;
  /** For the whole call: connection, answer headers and body. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_HUB_TIMEOUT_MS = 30_000;
/** A pull page is at most ~4 MiB plus one event (PULL_PAGE_BYTES); anything far past that is not a hub. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const MAX_MESSAGE = 500;
/** base64url is what `hub:station` prints; any visible ASCII is allowed so an operator's token is not second-guessed. */
const TOKEN = /^[\x21-\x7e]{1,200}$/;

export function failure(kind: HubFailure, status: number | null, message: string): HubFailureAnswer {
  return { ok: false, failure: kind, status, message: message.slice(0, MAX_MESSAGE) };
}

export function createHubClient(options: HubClientOptions): HubClient {
  const address = normaliseHubUrl(options.url);
  const token = options.token;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HUB_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const setupProblem = !address.ok ? address.message : TOKEN.test(token) ? null : 'the token holds characters a hub token cannot hold (or is empty or too long)';
  const base = address.ok ? address.url : '';
  // Belt and braces: a hub that echoes the token in its error message does not get it into a log.
  const redact = (text: string) => (token.length >= 4 ? text.split(token).join('[token]') : text);

  async function call<T>(method: 'GET' | 'POST', path: string, withToken: boolean, body: string | undefined, check: (body: Record<string, unknown>) => Checked<T>): Promise<({ ok: true; value: T } & Stamp & { offsetMs: number }) | HubFailureAnswer> {
    if (setupProblem) return failure('refused', null, setupProblem);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The deadline wins even over a fetch that ignores its signal (F18: a slow hub never hangs a tick).
    const deadline = new Promise<HubFailureAnswer>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve(failure('unreachable', null, `the hub did not answer within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
    });
    const work = (async () => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (withToken) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const sent = Date.now();
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, { method, headers, body, signal: controller.signal, redirect: 'manual' });
      } catch (error) {
        return failure('unreachable', null, `the hub at ${base} cannot be reached (${describe(error)})`);
      }
      const read = await readBounded(response);
      const received = Date.now();
      if (!read.ok) {
        if (read.tooBig) return failure('badAnswer', response.status, `the hub's answer is larger than ${MAX_ANSWER_BYTES} bytes`);
        return failure('unreachable', response.status, `the hub's answer was cut off (${read.reason})`);
      }
      const status = response.status;
      if (status !== 200) return statusFailure(status, read.text, redact);
      let json: unknown;
      try {
        json = JSON.parse(read.text.replace(/^\uFEFF/, ''));
      } catch {
        return failure('badAnswer', status, 'the hub answered with something that is not JSON');
      }
      const stamp = checkStamp(json);
      if (!stamp.ok) return failure('badAnswer', status, redact(stamp.reason));
      const checked = check(stamp.value.body);
      if (!checked.ok) return failure('badAnswer', status, redact(checked.reason));
      const offsetMs = Date.parse(stamp.value.hubTime) - (sent + received) / 2;
      return { ok: true as const, value: checked.value, hubTime: stamp.value.hubTime, hubEpoch: stamp.value.hubEpoch, offsetMs };
    })().catch((error: unknown) => failure('unreachable', null, `the call to the hub failed (${describe(error)})`));
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  // The last gate: what leaves the host must fit the bridge contract exactly.
  function conform<T extends { ok: boolean }>(schema: z.ZodType<T>, answer: T): T {
    const parsed = schema.safeParse(answer);
    return parsed.success ? parsed.data : (failure('badAnswer', null, 'the hub answer does not fit the bridge contract') as unknown as T);
  }

  return {
    async health() {
      const r = await call('GET', '/v1/health', false, undefined, checkHealth);
      return r.ok ? { ok: true, hubTime: r.hubTime, hubEpoch: r.hubEpoch, offsetMs: r.offsetMs } : r;
    },
    async whoami() {
      const r = await call('GET', '/v1/whoami', true, undefined, checkWhoami);
      return conform(whoamiAnswer, r.ok ? { ok: true, hubTime: r.hubTime, hubEpoch: r.hubEpoch, offsetMs: r.offsetMs, ...r.value } : r);
    },
    async push(events, relay) {
      if (events.length < 1 || events.length > MAX_BATCH_EVENTS) return failure('refused', null, `a push holds 1 to ${MAX_BATCH_EVENTS} events, not ${events.length}`);
      const body = JSON.stringify(relay ? { events, relay: true } : { events });
      const r = await call('POST', '/v1/events', true, body, (b) => checkPush(b, events));
      return conform(pushAnswer, r.ok ? { ok: true, hubTime: r.hubTime, hubEpoch: r.hubEpoch, offsetMs: r.offsetMs, results: r.value } : r);
    },
    async pull(after, limit) {
      if (!Number.isSafeInteger(after) || after < 0) return failure('refused', null, `after must be an integer ≥ 0, not ${after}`);
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) return failure('refused', null, `limit must be an integer from 1 to ${MAX_PULL_LIMIT}, not ${limit}`);
      const r = await call('GET', `/v1/events?after=${after}&limit=${limit}`, true, undefined, (b) => checkPull(b, after, limit));
      return conform(pullAnswer, r.ok ? { ok: true, hubTime: r.hubTime, hubEpoch: r.hubEpoch, offsetMs: r.offsetMs, ...r.value } : r);
    },
  };
}

/** A non-200 answer: 401, 413, 5xx/408/429 by their meaning; anything else breaks the protocol for a well-formed request. */
function statusFailure(status: number, text: string, redact: (s: string) => string): HubFailureAnswer {
  const said = hubSaid(text, redact);
  if (status === 401) return failure('unauthorized', status, `the hub does not accept this token (unknown or revoked)${said}`);
  if (status === 413) return failure('tooLarge', status, `the hub found the batch too large${said}`);
  if (status >= 500 || status === 408 || status === 429) return failure('unavailable', status, `the hub is failing or busy (HTTP ${status})${said}`);
  if (status >= 300 && status < 400) return failure('badAnswer', status, `the hub answered with a redirect (HTTP ${status}); give its final address`);
  return failure('badAnswer', status, `the hub answered HTTP ${status}${said}`);
}

/** The hub's own error code and message, cut short and stripped of control characters. */
function hubSaid(text: string, redact: (s: string) => string): string {
  try {
    const body: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof body !== 'object' || body === null) return '';
    const { error, message } = body as Record<string, unknown>;
    const parts = [typeof error === 'string' ? error.slice(0, 40) : '', typeof message === 'string' ? message.slice(0, 200) : ''].filter(Boolean);
    // eslint-disable-next-line no-control-regex
    return parts.length > 0 ? `: ${redact(parts.join(' ')).replace(/[\u0000-\u001f\u007f]/g, ' ')}` : '';
  } catch {
    return '';
  }
}

type Read = { ok: true; text: string } | { ok: false; tooBig: boolean; reason: string };

/** Reads the body up to MAX_ANSWER_BYTES; a bigger one is abandoned at once, not buffered. */
async function readBounded(response: Response): Promise<Read> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_ANSWER_BYTES) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, tooBig: true, reason: 'declared too large' };
  }
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_ANSWER_BYTES) {
        await reader.cancel().catch(() => {});
        return { ok: false, tooBig: true, reason: 'too large' };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, tooBig: false, reason: describe(error) };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) };
}

/** The error's code or name, never its whole text (a library could quote a header). */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? name : 'error';
}
