// The bridge's sync methods and events (issue 13): the HTTP calls and the hub token stay in the
// host; the renderer holds the Dexie writes and runs the loop (docs/architecture.md "Sync").
// Every argument is checked with these schemas on the host side (dispatch), every answer the
// host builds from a hub reply was checked against the protocol first (host/sync/hubClient).
import { z } from 'zod';
import { MAX_BATCH_EVENTS, MAX_PULL_LIMIT } from '../protocol/limits';
import { nameSchema } from '../protocol/names';

/** An event as a station holds it and the wire carries it: the seven fields, nothing else. */
export const syncEvent = z.object({
  id: z.string().min(1).max(64),
  stream: z.string().min(1).max(200),
  type: z.string().min(1).max(200),
  hlc: z.string().min(1).max(64),
  station: z.string().min(1).max(32),
  actor: z.string().min(1).max(200).nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type SyncEvent = z.infer<typeof syncEvent>;

/** A pulled event: the seven fields and the hub's `seq`. */
export const pulledEvent = syncEvent.extend({ seq: z.number().int().positive() });
export type PulledEvent = z.infer<typeof pulledEvent>;

/**
 * Why a call to the hub did not give an answer. `unreachable`: no connection or no answer
 * in time; `unauthorized`: 401 (token unknown or revoked); `tooLarge`: 413 (halve the batch);
 * `unavailable`: 5xx; `badAnswer`: an answer that breaks the protocol (not stored, not applied);
 * `notEnrolled`: no hub address or token in this workstation.
 */
export const HUB_FAILURES = ['unreachable', 'unauthorized', 'tooLarge', 'unavailable', 'badAnswer', 'notEnrolled', 'refused'] as const;
export type HubFailure = (typeof HUB_FAILURES)[number];

/** A failed call: never carries the token. `status` is the HTTP status when there was one. */
export const hubFailure = z.object({
  ok: z.literal(false),
  failure: z.enum(HUB_FAILURES),
  status: z.number().int().nullable(),
  message: z.string().max(500),
});

/** Every good answer carries the hub's clock and epoch, and our offset to that clock (ms). */
const answered = {
  ok: z.literal(true),
  hubTime: z.string(),
  hubEpoch: z.string().min(1).max(200),
  /** hubTime minus our clock at the midpoint of the round trip. */
  offsetMs: z.number(),
};

export const whoamiAnswer = z.discriminatedUnion('ok', [
  z.object({ ...answered, site: nameSchema, station: nameSchema }),
  hubFailure,
]);
export type WhoamiAnswer = z.infer<typeof whoamiAnswer>;

export const PUSH_STATUSES = ['stored', 'duplicate', 'rejected'] as const;
export const pushAnswer = z.discriminatedUnion('ok', [
  z.object({
    ...answered,
    results: z.array(z.object({ id: z.string().nullable(), status: z.enum(PUSH_STATUSES), code: z.string().max(40).optional(), message: z.string().max(500).optional() })).max(MAX_BATCH_EVENTS),
  }),
  hubFailure,
]);
export type PushAnswer = z.infer<typeof pushAnswer>;

export const pullAnswer = z.discriminatedUnion('ok', [
  z.object({ ...answered, events: z.array(pulledEvent).max(MAX_PULL_LIMIT), last: z.number().int().min(0), more: z.boolean() }),
  hubFailure,
]);
export type PullAnswer = z.infer<typeof pullAnswer>;

/** What the host knows of the hub; sent as `sync:state` whenever it changes. */
export const syncHostState = z.object({
  enrolled: z.boolean(),
  hubUrl: z.string().nullable(),
  /** The estate (site) and station as the hub knows the token; null until a whoami answered. */
  site: z.string().nullable(),
  station: z.string().nullable(),
  /** The schedule: a sync every this many minutes (node-cron in the host). */
  everyMinutes: z.number().int().min(1).max(60),
  /** null before the first call; false while the hub does not answer (the host backs off). */
  reachable: z.boolean().nullable(),
  lastError: z.object({ failure: z.enum(HUB_FAILURES), message: z.string(), at: z.number() }).nullable(),
  /** While unreachable: when the host asks the hub again (backoff with jitter). */
  retryAt: z.number().nullable(),
  offsetMs: z.number().nullable(),
  hubEpoch: z.string().nullable(),
  lastContactAt: z.number().nullable(),
});
export type SyncHostState = z.infer<typeof syncHostState>;

/**
 * `schedule`: node-cron, every N minutes; `poll`: every few seconds while the hub answers, so
 * another station's save shows here within seconds (a pull that finds nothing costs one small
 * GET); `soon`/`now`: after a save; `hubBack`: the hub answers again; `enrolled`.
 */
export const SYNC_TICK_REASONS = ['schedule', 'poll', 'soon', 'now', 'hubBack', 'enrolled'] as const;
export type SyncTickReason = (typeof SYNC_TICK_REASONS)[number];

/** Enrolment: the hub's address and the token printed by `npm run hub:station`. */
export const enrolRequest = z.object({
  hubUrl: z.string().min(1).max(500),
  token: z.string().min(1).max(200),
  /** The station's own name: a token of another station is refused (WRONG_STATION). null when joining. */
  expectStation: nameSchema.nullable(),
  /** The estate this station already belongs to, if any: a token of another site is refused. */
  expectSite: nameSchema.nullable(),
});
export type EnrolRequest = z.infer<typeof enrolRequest>;

/** The station identity kept beside the data (host), so a wiped IndexedDB is noticed (F14). */
export const instanceRecord = z.object({
  instanceId: z.string().min(1).max(64),
  station: z.record(z.string(), z.unknown()).nullable(),
});
export type InstanceRecord = z.infer<typeof instanceRecord>;

export const instanceAnswer = z.object({
  /** `new`: the host had no record and keeps this one; `same`; `reset`: the host knew another store. */
  status: z.enum(['new', 'same', 'reset']),
  /** With `reset`: what the host kept of the store that was lost. */
  previous: instanceRecord.nullable(),
});
export type InstanceAnswer = z.infer<typeof instanceAnswer>;

export const journalPage = z.object({ events: z.array(syncEvent).max(MAX_BATCH_EVENTS), next: z.number().int().min(0).nullable() });
export type JournalPage = z.infer<typeof journalPage>;

export const syncMethods = {
  'sync:state': { args: z.tuple([]), result: syncHostState },
  /** whoami with the given address and token; kept only when it answers and the names match. */
  'sync:enrol': { args: z.tuple([enrolRequest]), result: whoamiAnswer },
  /** whoami with what is kept ("test" in Settings). */
  'sync:test': { args: z.tuple([]), result: whoamiAnswer },
  'sync:unenrol': { args: z.tuple([]), result: syncHostState },
  'sync:schedule': { args: z.tuple([z.number().int().min(1).max(60)]), result: syncHostState },
  /** Ask for a sync: `soon` a second or two after a local save, `now` after an urgent one. */
  'sync:request': { args: z.tuple([z.enum(['soon', 'now'])]), result: z.null() },
  'sync:push': { args: z.tuple([z.object({ events: z.array(syncEvent).min(1).max(MAX_BATCH_EVENTS), relay: z.boolean() })]), result: pushAnswer },
  'sync:pull': { args: z.tuple([z.object({ after: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_PULL_LIMIT) })]), result: pullAnswer },
  /** F14: the events of a save, appended to the host's journal (fsync) until the hub has them. */
  'sync:journalAppend': { args: z.tuple([z.array(syncEvent).min(1).max(MAX_BATCH_EVENTS)]), result: z.null() },
  /** The hub has these (stored or duplicate): they leave the journal. */
  'sync:journalAck': { args: z.tuple([z.array(z.string().min(1).max(64)).min(1).max(5000)]), result: z.null() },
  /** The journal's events not yet acknowledged, a page at a time from `from` (0 first). */
  'sync:journalPending': { args: z.tuple([z.number().int().min(0)]), result: journalPage },
  /** F14: compares the store's instance id with the one kept beside the data. `adopt` replaces it. */
  'sync:instance': { args: z.tuple([instanceRecord, z.boolean()]), result: instanceAnswer },
} as const;

export const syncEvents = {
  'sync:tick': z.object({ reason: z.enum(SYNC_TICK_REASONS) }),
  'sync:state': syncHostState,
} as const;
