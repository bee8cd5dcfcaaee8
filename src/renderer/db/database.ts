import Dexie, { type Table } from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { StaffMember } from '@shared/staff/staffFold';
import type { PinAttempts } from '@shared/staff/lockout';
import type { DeskSettingsRow } from '@shared/station/settingsFold';
import type { Unit } from '@shared/directory/unitFold';
import type { Resident } from '@shared/directory/residentFold';
import type { CallRecord } from '@shared/calls/callFold';
import { withActiveTerms } from '@shared/text/searchTerms';
import { installTermsTier, mergeOldFreshPrefix, type FreshTermsRecord } from './termsTier';
import { DATABASE_NAME, schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7, schemaV8, schemaV9, schemaV10, schemaV11, schemaV12, schemaV13, schemaV14, schemaV15, schemaV16, schemaV17 } from './schema';
import type { LogRecord } from './eventLog';
import { logChangesMiddleware } from './logChanges';
import type { ShiftStreamRow } from '@shared/shifts/shiftStreamFold';
import type { KeyRow } from '@shared/keys/keyFold';
import type { LeftoverRow } from '@shared/shifts/leftoverFold';
import type { DeadlineRow } from '@shared/deadlines/deadlineIndex';
import { fillDeadlines } from './deadlineProjection';
import type { RefusedEvent } from './authority';
import { pinUrgentTickets } from './pinnedUpgrade';
import { rebuildResidentKeys } from './residentKeysUpgrade';

/** A pull's transaction scope (sync/applyPage.ts): the page's tables, never the outbox. */
export function isPullScope(stores: readonly string[]): boolean {
  return stores.includes('unknownEvents') && !stores.includes('outbox');
}

export interface OutboxEntry {
  id: string;
  hlc: string;
  /**
   * The event itself, so a push reads its batch in one request (rows queued before the sync
   * existed hold only id and hlc; the push reads those events from the log).
   */
  event?: DeskEvent;
}

/** A pushed event the hub rejected (F10): kept with the hub's code and message, shown to a supervisor. */
export interface QuarantineEntry extends DeskEvent {
  code: string;
  message: string;
  at: number;
}

/** A pulled event this version cannot check or fold (F12): kept, counted, re-checked at each start. */
export interface UnknownEventEntry extends DeskEvent {
  reason: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface PinAttemptsRow extends PinAttempts {
  staffId: string;
}

export class DeskDatabase extends Dexie {
  /** The event log before schema v16, read only (db/eventLog.ts reads it beside `log`). */
  events!: Table<DeskEvent, string>;
  /** The event log: records of events (db/eventLog.ts is its one door). */
  log!: Table<LogRecord, number>;
  outbox!: Table<OutboxEntry, string>;
  meta!: Table<MetaEntry, string>;
  staff!: Table<StaffMember, string>;
  pinAttempts!: Table<PinAttemptsRow, string>;
  tickets!: Table<Ticket, string>;
  settings!: Table<DeskSettingsRow, string>;
  units!: Table<Unit, string>;
  residents!: Table<Resident, string>;
  calls!: Table<CallRecord, string>;
  refusedEvents!: Table<RefusedEvent, string>;
  quarantine!: Table<QuarantineEntry, string>;
  unknownEvents!: Table<UnknownEventEntry, string>;
  deadlines!: Table<DeadlineRow, string>;
  freshTerms!: Table<FreshTermsRecord, number>;
  shifts!: Table<ShiftStreamRow, string>;
  keys!: Table<KeyRow, string>;
  leftovers!: Table<LeftoverRow, string>;

  /**
   * S18: another window is upgrading (or deleting) the database. This connection is closed for
   * good (no quiet reopen by old code), so later saves fail as `closed`; the default reloads the
   * page, which opens the new version.
   */
  onReplaced: () => void = () => globalThis.location?.reload();

  constructor(name = DATABASE_NAME) {
    // Event writes must survive a power cut: Chromium's default "relaxed" durability may lose
    // the last commits.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3);
    this.version(4).stores(schemaV4);
    // v5 added the prefixed copy of open tickets' terms; v6 keeps only that copy, so a store
    // still at v4 or v5 needs the one rewrite below. Only the open tickets change: an index
    // range, not the whole table.
    this.version(5).stores(schemaV5);
    this.version(6).stores(schemaV6).upgrade((tx) =>
      tx.table<Ticket, string>('tickets').where('[active+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).modify((ticket) => {
        ticket.terms = withActiveTerms(ticket.terms, true);
      }),
    );
    this.version(7).stores(schemaV7);
    // v8 rewrites nothing: rewriting every request's terms took 12 minutes before sign-in on a
    // two-year store; a masked role's search skips old rows' plain number terms instead (queueQuery).
    this.version(8).stores(schemaV8);
    this.version(9).stores(schemaV9);
    this.version(10).stores(schemaV10).upgrade(pinUrgentTickets);
    this.version(11).stores(schemaV11).upgrade(rebuildResidentKeys);
    // v12 adds an index to the outbox (its rows keep) and the sync tables: nothing to rewrite.
    this.version(12).stores(schemaV12);
    // v13 adds the registers' index; IndexedDB builds it over the rows as they are.
    this.version(13).stores(schemaV13);
    this.version(14).stores(schemaV14).upgrade(fillDeadlines);
    this.version(15).stores(schemaV15);
    // v16 adds the log of records; events written before stay where they are (eventLog.ts).
    this.version(16).stores(schemaV16);
    // v17 keeps the fresh tier's terms in records (termsTier.ts); rows under the old `~f:` prefix are merged.
    this.version(17).stores(schemaV17).upgrade(mergeOldFreshPrefix);
    // A ticket's terms in the fresh tier read as the fold made them (termsTier.ts).
    installTermsTier(this.tickets);
    // A pull's transactions (the only ones over `unknownEvents` without the outbox) commit with
    // relaxed durability: the hub already holds what they write and the cursor moves with it, so
    // losing the last of them in a power cut only means pulling them again. Everything else (a
    // save: the outbox is the one copy until the hub has it) stays strict (F17).
    this.use({
      stack: 'dbcore',
      name: 'pullDurability',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) => down.transaction(stores, mode, isPullScope(stores) ? { ...options, durability: 'relaxed' } : options),
      }),
    });
    // A pulled page's log records tell live queries "the log changed", not each of their keys.
    this.use(logChangesMiddleware(name));
    // Returning false stops Dexie's own handler, which would close with auto-reopen.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: true });
      this.onReplaced();
      return false;
    });
  }
}
