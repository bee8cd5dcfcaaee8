// The in-page half of `npm run bench` (bench/desk.ts bundles this file into one IIFE and runs
// it in the desk's own page, so it talks to the same IndexedDB origin as the app).
//
// It generates a two-year store through the app's own code: ticket events are folded with
// foldTicket into exactly the projection rows the EventStore would write, and written with
// bulkAdd in large transactions (one transaction per event would take hours).
// It also times the store paths the UI uses: queryQueue, createTicket through the real EventStore
// (strict durability) and the PIN KDF.
import './desk/zodJitless';
import type { DeskEvent } from '@shared/events/envelope';
import { streams } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import { uuidv7 } from '@shared/ids';
import { CHANNELS, REQUEST_KINDS, type Channel, type RequestKind, type TicketStatus, type Urgency } from '@shared/domain/requestKinds';
import { normaliseBuilding, normaliseRoom, unitKey } from '@shared/domain/units';
import { foldTicket, type Ticket } from '@shared/tickets/ticketFold';
import { deadlineRowsOf, type DeadlineRow } from '@shared/deadlines/deadlineIndex';
import { DEFAULT_TIMINGS } from '@shared/deadlines/tuning';
import { TICKET_NOTED, TICKET_OPENED, TICKET_STATUS_CHANGED, type TicketOpenedPayload } from '@shared/tickets/ticketEvents';
import { stationDay, ticketNumber } from '@shared/tickets/ticketNumber';
import { verifyPin } from '@shared/staff/pin';
import type { StaffMember } from '@shared/staff/staffFold';
import { DeskDatabase, type OutboxEntry } from '../src/renderer/db/database';
import { EventStore } from '../src/renderer/db/eventStore';
import { appendToLog, countEvents } from '../src/renderer/db/eventLog';
import { readMeta } from '../src/renderer/db/meta';
import { lastHlc } from '../src/renderer/desk/boot';
import { createTicket, type IntakeValues } from '../src/renderer/features/intake/createTicket';
import { queryQueue, type QueueFilter } from '../src/renderer/features/queue/queueQuery';
import { uiProbe } from './desk/uiProbe';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface StationMeta {
  stationName: string;
  stationCode: string;
  timeZone: string;
  nodeId: string;
}

export interface SeedOptions {
  tickets: number;
  events: number;
  days: number;
  /** Events per write transaction (the brief: chunks of about 10k). */
  chunkEvents: number;
  seed: number;
}

export interface SeedResult {
  tickets: number;
  ticketEvents: number;
  activeTickets: number;
  generationMs: number;
  writeMs: number;
  foldMs: number;
  firstDay: string;
  lastDay: string;
}

// ---------------------------------------------------------------- realistic content

let state = 1;
function reseed(seed: number) {
  state = seed >>> 0 || 1;
}
/** mulberry32: a small seeded PRNG, so the same options give the same store. */
function rnd(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
function weighted<T extends string>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1]![0];
}

const KIND_WEIGHTS = [['repair', 38], ['inquiry', 20], ['complaint', 16], ['security', 9], ['other', 10], ['medical', 5], ['disaster', 2]] as const satisfies readonly (readonly [RequestKind, number])[];
const CHANNEL_WEIGHTS = [['phone', 55], ['visit', 20], ['written', 4], ['staffReport', 9], ['patrol', 8], ['controlRoom', 4]] as const satisfies readonly (readonly [Channel, number])[];

const PROBLEMS: Record<RequestKind, readonly string[]> = {
  repair: ['厨房水管漏水', '卫生间下水道堵塞', '客厅灯不亮', '电梯按钮失灵', '门禁卡无法刷开单元门', '阳台推拉门卡住', '热水器不出热水', '楼道灯损坏', '空调冷凝水滴到楼下', '墙面渗水发霉', '天花板漏水', '马桶水箱一直流水', '入户门锁坏了', '窗户玻璃破裂', '地漏返臭味', '电路跳闸全屋停电'],
  complaint: ['楼上深夜噪音扰民', '邻居装修噪音过大', '小区内有人乱停车堵住通道', '垃圾清运不及时有异味', '宠物狗在电梯内便溺', '楼道堆放杂物', '绿化带被占用种菜', '广场舞音乐太吵', '快递柜长期被占满', '保洁没有按时打扫楼道'],
  inquiry: ['咨询物业费缴纳方式', '询问停车位月租价格', '咨询装修申请流程', '询问快递代收点位置', '咨询门禁卡补办', '询问停水通知时间', '咨询电梯年检时间', '询问小区充电桩安装', '咨询房屋出租登记', '询问垃圾分类投放时间'],
  security: ['发现陌生人在楼道徘徊', '地下车库车辆被刮', '单元门被撬', '监控发现可疑人员', '电动车在楼道充电', '有人翻越围墙', '车库道闸被撞坏', '快递包裹被盗'],
  medical: ['老人在家中摔倒需要帮助', '住户突发胸痛已拨打120', '小孩发高烧需要协助联系医院', '业主晕倒在电梯口', '住户被狗咬伤', '孕妇需要协助叫救护车'],
  disaster: ['暴雨导致地下车库进水', '台风吹倒小区树木', '楼道内发现烟雾', '燃气泄漏气味明显', '高空坠物砸坏车辆', '水管爆裂楼道积水'],
  other: ['拾到钥匙一串', '寻找走失的宠物猫', '借用会议室', '意见箱已满', '临时存放行李', '申请搬家车辆进入'],
};
const SUFFIXES = ['', '', '，请尽快派人处理', '，住户要求今天上门', '，已持续两天', '，住户情绪较激动', '，请回电告知处理时间', '，希望晚上七点后上门'];
const NOTES = ['已通知维修师傅，预计一小时内到达', '维修师傅已上门查看', '住户来电催促处理进度', '已电话回访住户，表示满意', '需要更换配件，等待采购', '已转交工程部处理', '已联系楼上住户协商', '保安已到现场查看', '已拍照留档', '住户不在家，改约明天上午', '已报告管理处经理', '已联系保洁清理', '已在业主群发布通知', '第三方维修单位已确认时间'];
const CLOSE_REASONS = [undefined, undefined, '已处理完毕', '住户确认已解决', '重复受理', '住户取消'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彬鹏辉建国宇浩然涵欣怡轩雨泽思远嘉'];
const BUILDINGS = [...Array.from({ length: 30 }, (_, i) => `${i + 1}栋`), 'A座', 'B座', 'C座'];
const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '158', '159', '186', '187', '188', '189', '133', '177', '199'];

function unit(): { building: string; room: string } {
  // A few units call far more often than the rest (skewed pick).
  const b = BUILDINGS[Math.floor(rnd() ** 1.4 * BUILDINGS.length)]!;
  const floor = 1 + int(33);
  const room = `${floor}${String(1 + int(4)).padStart(2, '0')}`;
  return { building: b, room: rnd() < 0.3 ? `${room}室` : room };
}
const personName = () => pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : '');
const phone = () => (rnd() < 0.85 ? `+86${pick(MOBILE_PREFIXES)}${String(int(1e8)).padStart(8, '0')}` : `0755${String(2e7 + int(8e7))}`);

export function intakeValues(receivedAt: number): IntakeValues {
  const kind = weighted(KIND_WEIGHTS);
  const { building, room } = unit();
  const urgent = kind === 'medical' || kind === 'disaster' ? rnd() < 0.85 : rnd() < 0.06;
  const desc = pick(PROBLEMS[kind]) + pick(SUFFIXES);
  return {
    channel: weighted(CHANNEL_WEIGHTS),
    kind,
    urgency: (urgent ? 'urgent' : 'normal') satisfies Urgency,
    building,
    room,
    callerName: rnd() < 0.93 ? personName() : '',
    callerPhone: rnd() < 0.9 ? phone() : '',
    description: rnd() < 0.25 ? `${building}${room}住户反映：${desc}` : desc,
    paid: kind === 'repair' && rnd() < 0.2,
    receivedAt,
  };
}

// ---------------------------------------------------------------- generation

async function stationOf(db: DeskDatabase): Promise<{ station: StationMeta; actor: string }> {
  const station = await readMeta<StationMeta>(db, 'station');
  if (!station) throw new Error('the station is not set up: complete first-run setup first');
  const manager = (await db.staff.orderBy('name').first()) as StaffMember | undefined;
  if (!manager) throw new Error('no staff member: complete first-run setup first');
  return { station, actor: manager.id };
}

/** Ticket open times over `days` days ending now, busier in the day than at night, ascending. */
function openTimes(count: number, start: number, days: number): Float64Array {
  const hourWeights = [2, 1, 1, 1, 1, 2, 4, 7, 10, 11, 10, 9, 8, 9, 10, 10, 9, 8, 9, 10, 9, 7, 5, 3];
  const hourTotal = hourWeights.reduce((a, b) => a + b, 0);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // Volume grows a little over the two years (the estate fills up).
    // Density 0.7 + 0.6x over the span: inverse of its CDF.
    const x = (-0.7 + Math.sqrt(0.49 + 1.2 * rnd())) / 0.6;
    const day = Math.floor(x * days);
    let r = rnd() * hourTotal;
    let hour = 0;
    while ((r -= hourWeights[hour]!) >= 0) hour++;
    times[i] = start + Math.max(0, Math.min(days - 1, day)) * DAY + hour * HOUR + int(HOUR);
  }
  return times.sort();
}

interface Plan {
  inProgressAt: number | null;
  closedAt: number | null;
  notes: number;
}

export async function seedStore(options: SeedOptions, progress: (line: string) => void = (l) => console.log(l)): Promise<SeedResult> {
  const began = performance.now();
  reseed(options.seed);
  const db = new DeskDatabase();
  await db.open();
  const { station, actor } = await stationOf(db);
  if ((await db.tickets.limit(1).count()) > 0) throw new Error('the store already has tickets: run with --fresh to regenerate');
  const now = Date.now() - 5 * MINUTE;
  const start = now - options.days * DAY;
  const times = openTimes(options.tickets, start, options.days);

  // Plan status changes first, then spread the notes so the total is exactly `events`.
  const plans: Plan[] = new Array(options.tickets);
  let statusEvents = 0;
  for (let i = 0; i < options.tickets; i++) {
    const opened = times[i]!;
    const inProgressAt = rnd() < 0.88 ? opened + 2 * MINUTE + int(3 * HOUR) : null;
    // Most tickets close within a day or two; about 1% stay open for a long time.
    const closeDelay = rnd() < 0.01 ? 400 * DAY : 20 * MINUTE - Math.log(1 - rnd()) * 30 * HOUR;
    let closedAt: number | null = (inProgressAt ?? opened) + closeDelay;
    if (closedAt > now) closedAt = null;
    const ip = inProgressAt !== null && inProgressAt <= now ? inProgressAt : null;
    plans[i] = { inProgressAt: ip, closedAt, notes: 0 };
    statusEvents += (ip ? 1 : 0) + (closedAt ? 1 : 0);
  }
  const noteBudget = options.events - options.tickets - statusEvents;
  if (noteBudget < 0) throw new Error('too few events for that many tickets');
  const mean = noteBudget / options.tickets;
  let notes = 0;
  for (const plan of plans) {
    plan.notes = Math.floor(rnd() * (2 * mean + 1));
    notes += plan.notes;
  }
  while (notes !== noteBudget) {
    const plan = plans[int(plans.length)]!;
    if (notes < noteBudget && plan.notes < 255) {
      plan.notes++;
      notes++;
    } else if (notes > noteBudget && plan.notes > 0) {
      plan.notes--;
      notes--;
    }
  }

  const dayOfHour = new Map<number, string>();
  const dayOf = (ms: number) => {
    // Station days change on whole hours in every zone we serve; cache by hour.
    const hour = Math.floor(ms / HOUR);
    let day = dayOfHour.get(hour);
    if (!day) dayOfHour.set(hour, (day = stationDay(hour * HOUR, station.timeZone)));
    return day;
  };
  const counters = new Map<string, number>();
  const usedMillis = new Set<number>();
  const hlcAt = (ms: number) => {
    let m = Math.floor(ms);
    while (usedMillis.has(m)) m++;
    usedMillis.add(m);
    return { hlc: formatHlc({ millis: m, counter: 0, node: station.nodeId }), millis: m };
  };
  const event = (ticketId: string, type: string, ms: number, payload: object): DeskEvent => {
    const { hlc, millis } = hlcAt(ms);
    return { id: uuidv7(millis), stream: streams.ticket(ticketId), type, hlc, station: station.stationName, actor, payload: payload as Record<string, unknown> };
  };

  let written = 0;
  let writeMs = 0;
  let foldMs = 0;
  let active = 0;
  let events: DeskEvent[] = [];
  let rows: Ticket[] = [];
  // Issue 15: the pending-deadlines projection the EventStore keeps beside the rows (the open ones' running clocks).
  let deadlineRows: DeadlineRow[] = [];
  const flush = async () => {
    if (events.length === 0) return;
    const t0 = performance.now();
    const outbox: OutboxEntry[] = events.map((e) => ({ id: e.id, hlc: e.hlc }));
    await db.transaction('rw', db.log, db.outbox, db.tickets, db.deadlines, async () => {
      await appendToLog(db, events);
      await db.outbox.bulkAdd(outbox);
      await db.tickets.bulkAdd(rows);
      if (deadlineRows.length) await db.deadlines.bulkPut(deadlineRows);
    });
    writeMs += performance.now() - t0;
    written += events.length;
    events = [];
    rows = [];
    deadlineRows = [];
  };

  let lastReport = performance.now();
  for (let i = 0; i < options.tickets; i++) {
    const opened = times[i]!;
    const plan = plans[i]!;
    const id = uuidv7(opened);
    const day = dayOf(opened);
    const seq = (counters.get(day) ?? 0) + 1;
    counters.set(day, seq);
    const values = intakeValues(opened - int(90_000));
    const building = normaliseBuilding(values.building);
    const room = normaliseRoom(values.room);
    const payload: TicketOpenedPayload = { ...values, building, room, unitKey: unitKey({ building, room }), number: ticketNumber(station.stationCode, day, seq) };
    const end = plan.closedAt ?? now;
    const own: DeskEvent[] = [event(id, TICKET_OPENED, opened, payload)];
    const later: { at: number; type: string; payload: object }[] = [];
    if (plan.inProgressAt) later.push({ at: plan.inProgressAt, type: TICKET_STATUS_CHANGED, payload: { status: 'inProgress' satisfies TicketStatus } });
    for (let n = 0; n < plan.notes; n++) later.push({ at: opened + 1000 + rnd() * Math.max(1, end - opened - 2000), type: TICKET_NOTED, payload: { text: pick(NOTES) } });
    if (plan.closedAt) {
      const reason = pick(CLOSE_REASONS);
      later.push({ at: plan.closedAt, type: TICKET_STATUS_CHANGED, payload: reason ? { status: 'closed', reason } : { status: 'closed' } });
    }
    later.sort((a, b) => a.at - b.at);
    let previous = opened;
    for (const item of later) {
      // Strictly after the previous event of the stream, so the stream's hlc order is its story.
      previous = Math.max(item.at, previous + 1000);
      own.push(event(id, item.type, previous, item.payload));
    }
    const f0 = performance.now();
    let row: Ticket | null = null;
    for (const e of own) row = foldTicket(row, e);
    foldMs += performance.now() - f0;
    if (!row) throw new Error('fold produced no ticket');
    if (row.active) {
      active++;
      deadlineRows.push(...deadlineRowsOf(row, DEFAULT_TIMINGS, now));
    }
    events.push(...own);
    rows.push(row);
    if (events.length >= options.chunkEvents) await flush();
    if (performance.now() - lastReport > 5000) {
      lastReport = performance.now();
      const secs = (performance.now() - began) / 1000;
      progress(`seed: ${i + 1}/${options.tickets} tickets, ${written} events written, ${secs.toFixed(0)} s, ${(written / Math.max(1, writeMs / 1000)).toFixed(0)} events/s in write transactions`);
    }
  }
  await flush();

  // Keep the day counters consistent, so new saves get fresh numbers. (The app's clock resumes
  // after the newest stamp through the log's hlc index: no meta to keep.)
  await db.transaction('rw', db.meta, async () => {
    for (const [day, seq] of counters) {
      const key = `ticketCounter:${day}`;
      const existing = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
      await db.meta.put({ key, value: Math.max(existing, seq) });
    }
  });
  db.close();
  const days = [...counters.keys()].sort();
  return {
    tickets: options.tickets,
    ticketEvents: written,
    activeTickets: active,
    generationMs: performance.now() - began,
    writeMs,
    foldMs,
    firstDay: days[0] ?? '',
    lastDay: days[days.length - 1] ?? '',
  };
}

// ---------------------------------------------------------------- measurements in the page

let shared: DeskDatabase | null = null;
async function database(): Promise<DeskDatabase> {
  if (!shared) {
    shared = new DeskDatabase();
    await shared.open();
  }
  return shared;
}

/** Real values to search for, sampled through indexes (never a scan). */
export async function sampleSearches(count: number, seed: number): Promise<{ units: string[]; numbers: string[] }> {
  reseed(seed);
  const db = await database();
  const first = await db.tickets.orderBy('createdAt').first();
  const last = await db.tickets.orderBy('createdAt').last();
  if (!first || !last) throw new Error('no tickets');
  const units: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = first.createdAt + rnd() * (last.createdAt - first.createdAt);
    const ticket = await db.tickets.where('createdAt').aboveOrEqual(at).first();
    if (!ticket) continue;
    units.push(ticket.unitKey);
    numbers.push(ticket.number);
  }
  return { units, numbers };
}

/** Times queryQueue itself (no React, no debounce), each filter once, in order. */
export async function timeQueries(filters: QueueFilter[]): Promise<{ ms: number; rows: number; duplicates: number }[]> {
  const db = await database();
  const out: { ms: number; rows: number; duplicates: number }[] = [];
  for (const filter of filters) {
    const t0 = performance.now();
    const { tickets: rows } = await queryQueue(db, filter);
    const ms = performance.now() - t0;
    out.push({ ms, rows: rows.length, duplicates: rows.length - new Set(rows.map((r) => r.id)).size });
  }
  return out;
}

/** `count` saves through createTicket and the real EventStore (strict durability), one at a time. */
/**
 * `gapMs` > 0 waits between saves, as at the desk (a clerk saves one request every few seconds
 * at most): then a save does not queue behind the live queue refresh the previous one caused.
 */
export async function timeSaves(count: number, seed: number, durability: 'strict' | 'relaxed' = 'strict', gapMs = 0): Promise<number[]> {
  reseed(seed);
  let db = await database();
  if (durability === 'relaxed') {
    // Diagnostic only (the app is always strict): the same schema on a connection whose
    // transactions do not wait for the flush to disk, to show what the flush costs.
    db = new DeskDatabase();
    (db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability = 'relaxed';
    await db.open();
  }
  const { station, actor } = await stationOf(db);
  const store = new EventStore(db, { name: station.stationName, code: station.stationCode, nodeId: station.nodeId }, await lastHlc(db));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    const values = intakeValues(Date.now() - int(60_000));
    const t0 = performance.now();
    await createTicket(db, store, station.timeZone, values, actor);
    out.push(performance.now() - t0);
  }
  if (durability === 'relaxed') db.close();
  return out;
}

/** The PIN check alone (PBKDF2-SHA256 at the stored iteration count). */
export async function timeKdf(pin: string, count: number): Promise<{ iterations: number; ms: number[] }> {
  const db = await database();
  const manager = (await db.staff.orderBy('name').first()) as StaffMember | undefined;
  if (!manager) throw new Error('no staff');
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    if (!(await verifyPin(pin, manager.pin))) throw new Error('PIN did not verify');
    ms.push(performance.now() - t0);
  }
  return { iterations: manager.pin.iterations, ms };
}

/** Store size as IndexedDB reports it (estimate) and exact counts, for the report only. */
export async function storeFacts(): Promise<{ usageBytes: number | null; events: number; tickets: number; outbox: number; active: number }> {
  const db = await database();
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const [events, tickets, outbox, active] = await Promise.all([
    countEvents(db),
    db.tickets.count(),
    db.outbox.count(),
    db.tickets.where('[active+createdAt]').between([1, -Infinity], [1, Infinity]).count(),
  ]);
  return { usageBytes: estimate?.usage ?? null, events, tickets, outbox, active };
}

export function closeDatabase() {
  shared?.close();
  shared = null;
}

export const deskBench = { seedStore, sampleSearches, timeQueries, timeSaves, timeKdf, storeFacts, closeDatabase, ui: uiProbe, kinds: REQUEST_KINDS, channels: CHANNELS };
export type DeskBench = typeof deskBench;
(globalThis as unknown as { deskBench: DeskBench }).deskBench = deskBench;
