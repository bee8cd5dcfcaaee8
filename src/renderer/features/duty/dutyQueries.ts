import { streams, type DeskEvent } from '@shared/events/envelope';
import { formatHlc, parseHlc } from '@shared/hlc';
import { STATION_CONFIGURED, stationConfiguredPayload } from '@shared/station/stationEvents';
import { TICKET_OPENED, ticketOpenedPayload } from '@shared/tickets/ticketEvents';
import { TICKET_ALARM_ACKNOWLEDGED, TICKET_ALARM_ESCALATED } from '@shared/deadlines/clockEvents';
import type { DutyRow } from '@shared/shifts/dutyFold';
import { DUTY_STREAM, DUTY_TRANSFERRED, dutyTransferredPayload } from '@shared/shifts/dutyEvents';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { CallRecord } from '@shared/calls/callFold';
import type { DeskDatabase } from '../../db/database';
import { callsSince } from '../calls/callQueries';
import { deriveAlarms } from '../alarms/deriveAlarms';
import { eventsByHlc, streamEvents, streamPrefixEvents } from '../../db/eventLog';

// R-NIGHT-TRANSFER: what the transfer hands over and what the morning's taking back lists, read
// through indexes (the log's hlc, the open requests, the calls' ring time): never a whole table.

/** At most this many of each are listed (a night with more is not a night the desk reads line by line). */
export const DUTY_LIST_LIMIT = 200;
/** Events read after the transfer, at most (a busy night of steps and notes stays far below it). */
const EVENT_LIMIT = 5000;

export async function readDuty(db: DeskDatabase): Promise<DutyRow | null> {
  return ((await db.shifts.get('desk')) as DutyRow | undefined) ?? null;
}

/** The estate's stations as the log knows them (each station's `station.configured`), sorted. */
export async function knownStations(db: DeskDatabase): Promise<string[]> {
  const prefix = streams.station('');
  const rows = await streamPrefixEvents(db, prefix);
  const names = rows.filter((e) => e.type === STATION_CONFIGURED).flatMap((e) => {
    const p = stationConfiguredPayload.safeParse(e.payload);
    return p.success ? [p.data.stationName] : [];
  });
  return [...new Set(names)].sort();
}

export interface HandedOverRequest {
  ticket: Ticket;
  /** The soonest running deadline, if any. */
  nextDue: { ruleId: string; dueAt: number } | null;
}

export interface HandedOver {
  requests: HandedOverRequest[];
  /** Due and nobody acknowledged them yet. */
  unacknowledged: { ticketId: string; number: string; ruleId: string; dueAt: number }[];
}

/** The open items the desk hands over (the transfer modal). */
export async function handedOver(db: DeskDatabase, now = Date.now()): Promise<HandedOver> {
  const [open, alarms] = await Promise.all([
    db.tickets.where('[active+createdAt]').between([1, -Infinity], [1, Infinity]).reverse().limit(DUTY_LIST_LIMIT).toArray(),
    deriveAlarms(db, now),
  ]);
  const next = new Map<string, { ruleId: string; dueAt: number }>();
  for (const a of alarms) if (!a.paused && !next.has(a.ticketId)) next.set(a.ticketId, { ruleId: a.ruleId, dueAt: a.dueAt });
  return {
    requests: open.map((ticket) => ({ ticket, nextDue: next.get(ticket.id) ?? null })),
    unacknowledged: alarms.filter((a) => a.dueAt <= now && !a.acknowledged && a.rings).slice(0, DUTY_LIST_LIMIT).map((a) => ({ ticketId: a.ticketId, number: a.number, ruleId: a.ruleId, dueAt: a.dueAt })),
  };
}

export interface NightRequest {
  ticketId: string;
  number: string;
  savedAt: number;
  receivedAt: number;
  station: string;
  actor: string | null;
  /** 补单: entered after the fact, with the real received time. */
  backfilled: boolean;
  description: string;
}

export interface NightAlarm {
  ticketId: string;
  number: string;
  kind: 'acknowledged' | 'escalated';
  ruleId: string;
  at: number;
  station: string;
  actor: string | null;
}

export interface NightActivity {
  requests: NightRequest[];
  calls: CallRecord[];
  alarms: NightAlarm[];
}

const ticketIdOf = (e: DeskEvent) => e.stream.slice('ticket:'.length);
const savedAt = (e: DeskEvent) => parseHlc(e.hlc)?.millis ?? 0;

/** What happened since the desk was transferred (`since`, the transfer's time), oldest first. */
export async function nightActivity(db: DeskDatabase, since: number): Promise<NightActivity> {
  const from = formatHlc({ millis: since, counter: 0, node: '0'.repeat(16) });
  const [events, calls] = await Promise.all([eventsByHlc(db, { from }, { limit: EVENT_LIMIT }), callsSince(db, since, DUTY_LIST_LIMIT)]);
  const requests: NightRequest[] = [];
  const alarmEvents: DeskEvent[] = [];
  for (const e of events) {
    if (e.type === TICKET_OPENED) {
      const p = ticketOpenedPayload.safeParse(e.payload);
      if (!p.success) continue;
      requests.push({
        ticketId: ticketIdOf(e), number: p.data.number, savedAt: savedAt(e), receivedAt: p.data.receivedAt,
        station: e.station, actor: e.actor, backfilled: Boolean(p.data.backfill), description: p.data.description,
      });
    } else if (e.type === TICKET_ALARM_ACKNOWLEDGED || e.type === TICKET_ALARM_ESCALATED) {
      alarmEvents.push(e);
    }
  }
  const tickets = await db.tickets.bulkGet([...new Set(alarmEvents.map(ticketIdOf))]);
  const numbers = new Map(tickets.flatMap((t) => (t ? [[t.id, t.number] as const] : [])));
  const alarms = alarmEvents.map((e): NightAlarm => {
    const p = e.payload as { at?: number; rule?: string };
    return {
      ticketId: ticketIdOf(e), number: numbers.get(ticketIdOf(e)) ?? '', kind: e.type === TICKET_ALARM_ACKNOWLEDGED ? 'acknowledged' : 'escalated',
      ruleId: String(p.rule ?? ''), at: typeof p.at === 'number' ? p.at : savedAt(e), station: e.station, actor: e.actor,
    };
  });
  return { requests: requests.slice(0, DUTY_LIST_LIMIT), calls: [...calls].reverse(), alarms: alarms.slice(0, DUTY_LIST_LIMIT) };
}

/** The last transfer's note (the duty row keeps who holds the desk, not what was said). */
export async function lastTransferNote(db: DeskDatabase): Promise<string | null> {
  const events = await streamEvents(db, DUTY_STREAM, { reverse: true, limit: 50 });
  const last = events.find((e) => e.type === DUTY_TRANSFERRED);
  const p = last ? dutyTransferredPayload.safeParse(last.payload) : null;
  return p?.success ? (p.data.text ?? null) : null;
}
