// A two-year estate's event log for `npm run bench:sync`: what the hub of a real estate holds
// after two years of a front desk (FD-1, the founding station) and a control room (CR-1, nights).
// Deterministic for a seed, streamed in hlc order (a million events never sit in memory at once),
// every event valid against the event registry (the bench checks each one) and folding: the
// founding station's setup events come first (S7: the first manager adds themself), then the
// staff, then the tickets (opened, notes, status changes) of ordinary people with Chinese text.
// Sizes: notes and status changes 400–450 bytes of compact JSON, tickets opened as the app writes
// them (about 540: twelve payload fields); the mean is near the PouchDB anchor's 447 bytes.
import type { DeskEvent } from '../../src/shared/events/envelope';
import { streams } from '../../src/shared/events/envelope';
import { formatHlc } from '../../src/shared/hlc';
import type { Channel, RequestKind, TicketStatus } from '../../src/shared/domain/requestKinds';
import type { Role } from '../../src/shared/domain/roles';
import { normaliseBuilding, normaliseRoom, unitKey } from '../../src/shared/domain/units';
import type { PinHash } from '../../src/shared/staff/staffEvents';
import { STAFF_ADDED, STAFF_SIGNED_IN } from '../../src/shared/staff/staffEvents';
import { SETTINGS_CHANGED, STATION_CONFIGURED, type StationConfiguredPayload } from '../../src/shared/station/stationEvents';
import { TICKET_NOTED, TICKET_OPENED, TICKET_STATUS_CHANGED, type TicketOpenedPayload } from '../../src/shared/tickets/ticketEvents';
import { stationDay, ticketNumber } from '../../src/shared/tickets/ticketNumber';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
export const EVENT_BYTES = { min: 330, max: 450 } as const;
/**
 * Notes and status changes grow to at least this: with the opened events (the app's own, about
 * 540 bytes: the payload has twelve fields) the log averages near the anchor's 447 bytes.
 */
const FREE_TEXT_MIN_BYTES = 400;

export const ESTATE = {
  site: 'cuihu',
  estateName: '翠湖花园',
  timeZone: 'Asia/Shanghai',
  countryCode: '86',
  areaCode: '755',
  /** The PINs people sign in with (the manager's: 6 digits, docs/pins.md). */
  managerPin: '246813',
  staffPin: '1357',
} as const;

export interface EstateStation { name: string; code: string; nodeId: string }
export const FOUNDING: EstateStation = { name: 'FD-1', code: 'FD', nodeId: 'a1b2c3d4e5f60708' };
export const CONTROL_ROOM: EstateStation = { name: 'CR-1', code: 'CR', nodeId: 'c0ffee0000000001' };

export interface EstateStaff { id: string; name: string; role: Role }

export interface EstateOptions {
  /** Events in the whole log (founding events included). */
  events: number;
  days: number;
  seed: number;
  /** The newest event's time; the log spans `days` before it. */
  endAt: number;
}

export interface EstatePlan {
  founding: DeskEvent[];
  staff: EstateStaff[];
  tickets: number;
  /** Every event after the founding ones, in hlc order. */
  ticketEvents: () => Generator<DeskEvent>;
}

// ---------------------------------------------------------------- seeded randomness

export function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  // mulberry32, as bench/seedStore.ts.
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUIDv7 for `ms` whose random part comes from the seeded generator (a log is reproducible). */
export function seededUuidv7(ms: number, random: () => number): string {
  const bytes = new Uint8Array(16);
  let t = Math.max(0, Math.floor(ms));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  for (let i = 6; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------- content

const KINDS = [['repair', 38], ['inquiry', 20], ['complaint', 16], ['security', 9], ['other', 10], ['medical', 5], ['disaster', 2]] as const satisfies readonly (readonly [RequestKind, number])[];
const CHANNELS = [['phone', 55], ['visit', 20], ['written', 4], ['staffReport', 9], ['patrol', 8], ['controlRoom', 4]] as const satisfies readonly (readonly [Channel, number])[];
const PROBLEMS: Record<RequestKind, readonly string[]> = {
  repair: ['厨房水管漏水', '卫生间下水道堵塞', '客厅灯不亮', '电梯按钮失灵', '门禁卡无法刷开单元门', '阳台推拉门卡住', '热水器不出热水', '墙面渗水发霉', '天花板漏水', '入户门锁坏了', '地漏返臭味'],
  complaint: ['楼上深夜噪音扰民', '邻居装修噪音过大', '有人乱停车堵住通道', '垃圾清运不及时有异味', '楼道堆放杂物', '广场舞音乐太吵', '快递柜长期被占满'],
  inquiry: ['咨询物业费缴纳方式', '询问停车位月租价格', '咨询装修申请流程', '咨询门禁卡补办', '询问停水通知时间', '询问小区充电桩安装'],
  security: ['发现陌生人在楼道徘徊', '地下车库车辆被刮', '单元门被撬', '电动车在楼道充电', '有人翻越围墙', '快递包裹被盗'],
  medical: ['老人在家中摔倒需要帮助', '住户突发胸痛已拨打120', '业主晕倒在电梯口', '住户被狗咬伤'],
  disaster: ['暴雨导致地下车库进水', '台风吹倒小区树木', '楼道内发现烟雾', '燃气泄漏气味明显', '水管爆裂楼道积水'],
  other: ['拾到钥匙一串', '寻找走失的宠物猫', '借用会议室', '临时存放行李', '申请搬家车辆进入'],
};
const SUFFIXES = ['', '，请尽快派人处理', '，住户要求今天上门', '，已持续两天', '，请回电告知处理时间'];
const NOTES = ['已通知维修师傅，预计一小时内到达现场', '维修师傅已上门查看，需要更换配件', '住户来电催促处理进度，已安抚并告知预计时间', '已电话回访住户，住户表示满意', '已转交工程部处理，工程部今天下午安排人员', '已联系楼上住户协商，对方同意晚上十点后停止施工', '保安已到现场查看并拍照留档', '住户不在家，改约明天上午九点上门', '已报告管理处经理，等待批复', '已联系保洁清理，并在业主群发布通知'];
const NOTE_DETAILS = ['，已在系统中登记', '，并提醒住户注意安全', '，相关照片已存档', '，下次巡查时再确认一次', '，住户留了备用电话', '，费用按物业收费标准执行'];
const REASONS: Record<'inProgress' | 'closed', readonly string[]> = {
  inProgress: ['已派维修师傅前往处理，预计三十分钟内到达现场', '已转工程部，工程部已确认今天安排人员上门', '保安已前往现场核实情况并保持联系', '已联系第三方维修单位，对方已确认上门时间'],
  closed: ['已处理完毕，住户确认问题已经解决', '维修完成并回访，住户表示满意', '重复受理，已合并到同一单元的前一张工单', '住户来电取消，已记录取消原因并告知经理'],
};
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彬鹏辉建国宇浩然'];
const BUILDINGS = [...Array.from({ length: 30 }, (_, i) => `${i + 1}栋`), 'A座', 'B座', 'C座'];
const MOBILE = ['138', '139', '137', '150', '158', '186', '188', '189', '177', '199'];

const encoder = new TextEncoder();
/** Compact-JSON size in UTF-8 bytes, as the hub and the issue count it. */
export const eventBytes = (event: DeskEvent) => encoder.encode(JSON.stringify(event)).length;

// ---------------------------------------------------------------- the founding and the staff

const STAFF_PLAN: readonly [Role, string][] = [
  ['manager', '李经理'], ['supervisor', '王主管'],
  ['clerk', '陈晓燕'], ['clerk', '刘芳'], ['clerk', '张伟'], ['clerk', '赵敏'], ['clerk', '孙丽'], ['clerk', '周杰'],
  ['controlRoom', '吴强'], ['controlRoom', '郑磊'], ['controlRoom', '黄军'],
];

/**
 * FD-1's setup exactly as setupStation.ts writes it (the first manager adds themself: S7),
 * CR-1 configured when it joined, then the staff, all at `at` and just after.
 */
function founding(at: number, random: () => number, pins: { manager: PinHash; staff: PinHash }, clocks: Clocks): { events: DeskEvent[]; staff: EstateStaff[] } {
  const staff = STAFF_PLAN.map(([role, name], i) => ({ id: seededUuidv7(at + i, random), name, role }));
  const manager = staff[0]!;
  const events: DeskEvent[] = [];
  const add = (station: EstateStation, ms: number, stream: string, type: string, payload: object) =>
    events.push({ id: seededUuidv7(ms, random), stream, type, hlc: clocks.stamp(station, ms), station: station.name, actor: manager.id, payload: payload as Record<string, unknown> });
  const configured = (station: EstateStation): StationConfiguredPayload => ({
    estateName: ESTATE.estateName, stationName: station.name, stationCode: station.code, timeZone: ESTATE.timeZone,
    countryCode: ESTATE.countryCode, areaCode: ESTATE.areaCode, nodeId: station.nodeId,
  });
  add(FOUNDING, at, streams.staff(manager.id), STAFF_ADDED, { name: manager.name, role: 'manager', language: 'zh-CN', pin: pins.manager });
  add(FOUNDING, at + 1, streams.staff(manager.id), STAFF_SIGNED_IN, { reason: 'setup' });
  add(FOUNDING, at + 2, streams.station(FOUNDING.code), STATION_CONFIGURED, configured(FOUNDING));
  add(FOUNDING, at + 3, streams.settings, SETTINGS_CHANGED, { idleLockMinutes: 5, defaultLanguage: 'zh-CN' });
  staff.slice(1).forEach((member, i) =>
    add(FOUNDING, at + MINUTE + i * 1000, streams.staff(member.id), STAFF_ADDED, { name: member.name, role: member.role, language: 'zh-CN', pin: pins.staff }));
  add(CONTROL_ROOM, at + HOUR, streams.station(CONTROL_ROOM.code), STATION_CONFIGURED, configured(CONTROL_ROOM));
  return { events, staff };
}

/** Each station's HLC: strictly increasing stamps (the generator emits in time order). */
class Clocks {
  private last = new Map<string, number>();
  stamp(station: EstateStation, ms: number): string {
    const millis = Math.max(Math.floor(ms), (this.last.get(station.nodeId) ?? -1) + 1);
    this.last.set(station.nodeId, millis);
    return formatHlc({ millis, counter: 0, node: station.nodeId });
  }
}

// ---------------------------------------------------------------- tickets

interface Pending { at: number; ticket: number; type: string; payload: Record<string, unknown> }

/** A min-heap of pending ticket events by time: a stream's later events wait here in order. */
class Schedule {
  private items: Pending[] = [];
  get size() { return this.items.length; }
  peek(): Pending | undefined { return this.items[0]; }
  push(item: Pending) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.at <= a[i]!.at) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): Pending | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** Tickets per event in a two-year log of the desk bench (150k tickets, 1M events). */
const TICKETS_PER_EVENT = 0.15;

export async function planEstate(options: EstateOptions, pins: { manager: PinHash; staff: PinHash }): Promise<EstatePlan> {
  const random = rng(options.seed);
  const int = (n: number) => Math.floor(random() * n);
  const weighted = <T extends string>(table: readonly (readonly [T, number])[]): T => {
    let r = random() * table.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1]![0];
  };
  const clocks = new Clocks();
  const start = options.endAt - options.days * DAY;
  const { events: foundingEvents, staff } = founding(start - 2 * DAY, random, pins, clocks);
  const budget = options.events - foundingEvents.length;
  if (budget < 10) throw new Error(`an estate needs more than ${foundingEvents.length + 10} events`);
  const tickets = Math.max(1, Math.round(budget * TICKETS_PER_EVENT));

  // Open times over the span, busier by day, growing a little (as bench/seedStore.ts), sorted.
  const hourWeights = [2, 1, 1, 1, 1, 2, 4, 7, 10, 11, 10, 9, 8, 9, 10, 10, 9, 8, 9, 10, 9, 7, 5, 3];
  const hourTotal = hourWeights.reduce((a, b) => a + b, 0);
  const opens = new Float64Array(tickets);
  for (let i = 0; i < tickets; i++) {
    const x = (-0.7 + Math.sqrt(0.49 + 1.2 * random())) / 0.6;
    let r = random() * hourTotal;
    let hour = 0;
    while ((r -= hourWeights[hour]!) >= 0) hour++;
    opens[i] = start + Math.min(options.days - 1, Math.floor(x * options.days)) * DAY + hour * HOUR + int(HOUR);
  }
  opens.sort();
  // Status changes per ticket, then notes so the total is exact.
  const inProgress = new Float64Array(tickets);
  const closed = new Float64Array(tickets);
  const notes = new Uint16Array(tickets);
  const end = options.endAt - MINUTE;
  let statusEvents = 0;
  for (let i = 0; i < tickets; i++) {
    const opened = opens[i]!;
    const ip = random() < 0.88 ? opened + 2 * MINUTE + int(3 * HOUR) : 0;
    const close = (ip || opened) + (random() < 0.01 ? 400 * DAY : 20 * MINUTE - Math.log(1 - random()) * 30 * HOUR);
    inProgress[i] = ip && ip < end ? ip : 0;
    closed[i] = close < end ? close : 0;
    statusEvents += (inProgress[i] ? 1 : 0) + (closed[i] ? 1 : 0);
  }
  let noteBudget = budget - tickets - statusEvents;
  // A tiny log may have more status changes than room: drop closings until it fits.
  for (let i = 0; noteBudget < 0 && i < tickets; i++) {
    if (closed[i]) {
      closed[i] = 0;
      noteBudget++;
    }
  }
  for (let i = 0; noteBudget < 0 && i < tickets; i++) {
    if (inProgress[i]) {
      inProgress[i] = 0;
      noteBudget++;
    }
  }
  const mean = noteBudget / tickets;
  let placed = 0;
  for (let i = 0; i < tickets; i++) placed += notes[i] = Math.floor(random() * (2 * mean + 1));
  while (placed !== noteBudget) {
    const i = int(tickets);
    const step = placed < noteBudget && notes[i]! < 400 ? 1 : placed > noteBudget && notes[i]! > 0 ? -1 : 0;
    notes[i] = notes[i]! + step;
    placed += step;
  }
  const seed = random();

  function* ticketEvents(): Generator<DeskEvent> {
    const r = rng(Math.floor(seed * 2 ** 32));
    const ri = (n: number) => Math.floor(r() * n);
    const rp = <T>(items: readonly T[]): T => items[ri(items.length)]!;
    const schedule = new Schedule();
    const ids: string[] = [];
    const dayOfHour = new Map<number, string>();
    const dayOf = (ms: number) => {
      const hour = Math.floor(ms / HOUR);
      let day = dayOfHour.get(hour);
      if (!day) dayOfHour.set(hour, (day = stationDay(hour * HOUR, ESTATE.timeZone)));
      return day;
    };
    const counters = new Map<string, number>();
    const onShift = (ms: number) => {
      // The control room takes the desk from 22:00 to 08:00 (station time, UTC+8).
      const hour = new Date(ms + 8 * HOUR).getUTCHours();
      const night = hour >= 22 || hour < 8;
      const people = staff.filter((s) => (night ? s.role === 'controlRoom' : s.role === 'clerk' || s.role === 'supervisor'));
      return { station: night ? CONTROL_ROOM : FOUNDING, actor: rp(people).id };
    };
    const envelope = (ticket: number, at: number, type: string, payload: Record<string, unknown>): DeskEvent => {
      const { station, actor } = onShift(at);
      return { id: seededUuidv7(at, r), stream: streams.ticket(ids[ticket]!), type, hlc: clocks.stamp(station, at), station: station.name, actor, payload };
    };
    const fitted = (make: (extra: number) => DeskEvent): DeskEvent => {
      // Grow the free text a clause at a time until the event is in range.
      for (let extra = 0; extra < 6; extra++) {
        const event = make(extra);
        const size = eventBytes(event);
        if (size >= FREE_TEXT_MIN_BYTES || extra === 5) return event;
      }
      throw new Error('unreachable');
    };
    const note = (base: string, extra: number) => base + Array.from({ length: extra }, (_, k) => NOTE_DETAILS[(k + base.length) % NOTE_DETAILS.length]).join('');
    const emit = (item: Pending): DeskEvent => {
      const payload = item.payload;
      if (item.type === TICKET_NOTED) return fitted((extra) => envelope(item.ticket, item.at, TICKET_NOTED, { text: note(payload.text as string, extra) }));
      return fitted((extra) => envelope(item.ticket, item.at, TICKET_STATUS_CHANGED, { ...payload, reason: note(payload.reason as string, extra) }));
    };

    for (let i = 0; i < tickets; i++) {
      const opened = opens[i]!;
      while (schedule.size && schedule.peek()!.at <= opened) yield emit(schedule.pop()!);
      ids.push(seededUuidv7(opened, r));
      const { station } = onShift(opened);
      const day = dayOf(opened);
      const counterKey = `${station.code}:${day}`;
      const seq = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, seq);
      const kind = weighted(KINDS);
      const building = rp(BUILDINGS);
      const room = `${1 + ri(33)}${String(1 + ri(4)).padStart(2, '0')}`;
      const urgent = kind === 'medical' || kind === 'disaster' ? r() < 0.85 : r() < 0.06;
      const payload: TicketOpenedPayload = {
        number: ticketNumber(station.code, day, seq),
        channel: weighted(CHANNELS), kind, urgency: urgent ? 'urgent' : 'normal',
        building: normaliseBuilding(building), room: normaliseRoom(room), unitKey: unitKey({ building, room }),
        callerName: r() < 0.9 ? rp(SURNAMES) + rp(GIVEN) + (r() < 0.6 ? rp(GIVEN) : '') : '',
        callerPhone: r() < 0.85 ? `+86${rp(MOBILE)}${String(ri(1e8)).padStart(8, '0')}` : '',
        description: rp(PROBLEMS[kind]) + rp(SUFFIXES),
        paid: kind === 'repair' && r() < 0.2,
        receivedAt: Math.floor(opened - ri(90_000)),
      };
      yield envelope(i, opened, TICKET_OPENED, payload as unknown as Record<string, unknown>);
      // Later events of this stream, strictly after each other (a stream's hlc order is its story).
      const close = closed[i] || end;
      const times: { at: number; type: string; payload: Record<string, unknown> }[] = [];
      if (inProgress[i]) times.push({ at: inProgress[i]!, type: TICKET_STATUS_CHANGED, payload: { status: 'inProgress' satisfies TicketStatus, reason: rp(REASONS.inProgress) } });
      for (let n = 0; n < notes[i]!; n++) times.push({ at: opened + 1000 + r() * Math.max(1, close - opened - 2000), type: TICKET_NOTED, payload: { text: rp(NOTES) } });
      if (closed[i]) times.push({ at: closed[i]!, type: TICKET_STATUS_CHANGED, payload: { status: 'closed' satisfies TicketStatus, reason: rp(REASONS.closed) } });
      times.sort((a, b) => a.at - b.at);
      let previous = opened;
      for (const t of times) schedule.push({ ...t, ticket: i, at: (previous = Math.max(t.at, previous + 1000)) });
    }
    while (schedule.size) yield emit(schedule.pop()!);
  }

  return { founding: foundingEvents, staff, tickets, ticketEvents };
}

/**
 * `count` new events of another station, now: tickets opened (the last one urgent, so it tops
 * the queue), notes and status changes on them. The incremental pull's batch.
 */
export function freshEvents(count: number, station: EstateStation, staff: EstateStaff[], at: number, seed: number, numberFrom = 900): { events: DeskEvent[]; lastNumber: string; lastId: string } {
  const r = rng(seed);
  const clocks = new Clocks();
  const people = staff.filter((s) => s.role === 'controlRoom' || s.role === 'clerk');
  const day = stationDay(at, ESTATE.timeZone);
  const opened = Math.ceil(count / 4);
  const events: DeskEvent[] = [];
  const ids: string[] = [];
  let lastNumber = '';
  for (let i = 0; i < count; i++) {
    const ms = at - count + i;
    const actor = people[i % people.length]!.id;
    const base = { hlc: clocks.stamp(station, ms), station: station.name, actor };
    if (i < opened - 1 || i === count - 1) {
      const id = seededUuidv7(ms, r);
      ids.push(id);
      // Numbers from `numberFrom` up: clear of the day's numbers of the seeded log and of other rounds.
      lastNumber = ticketNumber(station.code, day, numberFrom + ids.length);
      const payload: TicketOpenedPayload = {
        number: lastNumber, channel: 'phone', kind: 'repair', urgency: i === count - 1 ? 'urgent' : 'normal',
        building: '12', room: '1502', unitKey: '12-1502', callerName: '钱多多', callerPhone: '+8613800138000',
        description: `厨房水管漏水（${ids.length}）`, paid: false, receivedAt: ms - 30_000,
      };
      events.push({ id, stream: streams.ticket(id), type: TICKET_OPENED, ...base, payload: payload as unknown as Record<string, unknown> });
    } else {
      const ticket = ids[i % ids.length]!;
      const text = `${NOTES[i % NOTES.length]}${NOTE_DETAILS[i % NOTE_DETAILS.length]}${NOTE_DETAILS[(i + 1) % NOTE_DETAILS.length]}`;
      events.push({ id: seededUuidv7(ms, r), stream: streams.ticket(ticket), type: TICKET_NOTED, ...base, payload: { text } });
    }
  }
  return { events, lastNumber, lastId: ids[ids.length - 1]! };
}
