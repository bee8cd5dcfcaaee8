// Dexie schema versions. Each version lists every table; an upgrade that changes a projection's
// shape rebuilds the projections from the event log (see rebuildProjections.ts), which is
// possible because the events are the truth and projections are only folds of them.

export const DATABASE_NAME = 'dutydesk';

export const schemaV1 = {
  events: 'id, [stream+hlc], hlc',
  outbox: 'id',
  meta: 'key',
  staff: 'id, name',
  pinAttempts: 'staffId',
  settings: 'key',
  tickets: 'id, number, createdAt, [active+createdAt], [kind+createdAt], [kind+active+createdAt], unitKey, *terms',
} as const;

/** v2: tickets are also found by caller phone (caller ID and the directory look them up). */
export const schemaV2 = {
  ...schemaV1,
  tickets: `${schemaV1.tickets}, callerPhone`,
} as const;

/**
 * v3: the resident directory. A unit's id is its key (3-1502); residents are found by unit, by
 * prefix on their search keys (name, pinyin, initials, numbers) and by E.164 number (caller ID).
 */
export const schemaV3 = {
  ...schemaV2,
  units: 'id, key, *searchKeys',
  residents: 'id, unitId, *searchKeys, *phones',
} as const;

/** v4: the call log (caller ID), newest first by ring time; a unit's requests newest first. */
export const schemaV4 = {
  ...schemaV3,
  tickets: `${schemaV3.tickets}, [unitKey+createdAt]`,
  calls: 'id, at',
} as const;

/** v5: open tickets' search terms are also indexed under ACTIVE_TERM_PREFIX (upgrade in database.ts). */
export const schemaV5 = schemaV4;

/**
 * v6: open tickets' terms are indexed only under ACTIVE_TERM_PREFIX (no plain copy), half the
 * index keys per save (upgrade in database.ts: an index range, the open tickets only).
 */
export const schemaV6 = schemaV5;

/**
 * v7: tickets lose the `number` and `unitKey` indexes no query uses (a unit's requests are read
 * through `[unitKey+createdAt]`): two index keys less for every save.
 */
export const schemaV7 = {
  ...schemaV6,
  tickets: 'id, createdAt, [active+createdAt], [kind+createdAt], [kind+active+createdAt], *terms, callerPhone, [unitKey+createdAt]',
} as const;

/**
 * v8: a caller's number is indexed only under PHONE_TERM_PREFIX (S6), so a role without
 * `phone.unmask` cannot find a request by it. Rows written before keep it plain (no rewrite:
 * it took 12 minutes before sign-in on a two-year store); the queue's search skips those terms
 * for such a role (queueQuery.ts).
 */
export const schemaV8 = schemaV7;

/**
 * v9 (S7): events whose actor lacked the permission are listed in `refusedEvents` (newest first
 * by hlc); a station's first manager is found by `setupStation` (the setup bootstrap, once per
 * station). Staff rows folded before v9 have no role history: they count as holding their
 * current role since the start (staff/authority.ts).
 */
export const schemaV9 = {
  ...schemaV8,
  staff: 'id, name, setupStation',
  refusedEvents: 'id, hlc',
} as const;

/**
 * v10 (U20): urgent open tickets are pinned above the rest of the queue, read through the sparse
 * `pinned` and `[kind+pinned]` indexes (only urgent open tickets carry the field: no key for an
 * ordinary save; a kind filter reads its own urgent ones without walking the others). The
 * upgrade sets it on the open tickets (an index range; pinnedUpgrade.ts).
 */
export const schemaV10 = {
  ...schemaV9,
  tickets: `${schemaV9.tickets}, pinned, [kind+pinned]`,
} as const;

/**
 * v11 (U18): residents' search keys gain each number's last digits and ü spelled u; the upgrade
 * rebuilds them (residentKeysUpgrade.ts). No index changes; tickets untouched.
 */
export const schemaV11 = schemaV10;

/**
 * v12 (issue 13, sync): the outbox is pushed in hlc order; a pushed event the hub rejected moves
 * to `quarantine` with its code and message (F10: never dropped, never blocking the rest); a
 * pulled event this version cannot check (a newer version's type, a bad payload) is kept in
 * `unknownEvents` with the reason, counted "not understood" and re-checked at each start (F12).
 */
export const schemaV12 = {
  ...schemaV11,
  outbox: 'id, hlc',
  quarantine: 'id, hlc',
  unknownEvents: 'id, type',
} as const;

/**
 * v13 (issue 14): the registers (help, complaint, repair, daily affairs) list a kind's requests
 * by when they were received (a back-filled request sits at its real time, not its save):
 * `[kind+receivedAt]`, one index key more per ticket write. The active set is unchanged
 * (`resolved` is active), so no row is rewritten.
 */
export const schemaV13 = {
  ...schemaV12,
  tickets: `${schemaV12.tickets}, [kind+receivedAt]`,
} as const;

/**
 * v14 (issue 15): the pending-deadlines projection, one row per clock running on a request, by
 * due time (shared/deadlines/deadlineIndex.ts; kept by the folds, db/deadlineProjection.ts). The
 * upgrade fills it from the open tickets (an index range).
 */
export const schemaV14 = {
  ...schemaV13,
  deadlines: 'id, dueAt, ticketId',
} as const;

/**
 * v15 (issue 16): `shifts` (who holds the desk, each shift's log, each day's report; listed by
 * kind and start), `keys` (the key register; keys out first), `leftovers` (the leftover-issues
 * file by month, the open ones). New tables: nothing to rewrite.
 */
export const schemaV15 = {
  ...schemaV14,
  shifts: 'id, [kind+startsAt]',
  keys: 'id, [out+label]',
  leftovers: 'id, [open+month], month',
} as const;

/**
 * v16 (issue 13, the throughput of a pull): the event log is kept in records of up to 250 events
 * (db/eventLog.ts), each indexed by every event's id (unique), hlc and [stream, hlc]; IndexedDB's
 * cost is per record more than per key. Events written before stay in `events` and are read
 * through the same module: nothing is rewritten, nothing writes to `events` any more.
 */
export const schemaV16 = {
  ...schemaV15,
  log: '++n, &*ids, *hlcs, *sh',
} as const;

/**
 * v17 (issue 13, the incremental pull): the fresh tier of the search terms as records
 * (db/termsTier.ts): a page's or a save's new tickets carry no term key while fresh; one record
 * holds their distinct terms (multi-entry) and their ids. The upgrade merges the rows kept under
 * the `~f:` prefix before (a few hundred at most) into the big index.
 */
export const schemaV17 = {
  ...schemaV16,
  freshTerms: '++n, *terms',
} as const;

export const CURRENT_SCHEMA_VERSION = 17;
