// Random desk work through the real feature code, as people at a station would do it: requests
// opened, noted and closed, staff roles changed, units and residents added and edited (the same
// unit on two stations at once: one stream, concurrent writes), desk settings changed (last
// writer wins) and calls logged. All choices come from the seeded generator.
import { streams } from '@shared/events/envelope';
import { uuidv7 } from '@shared/ids';
import { CALL_RECEIVED, callReceivedPayload } from '@shared/calls/callEvents';
import { CHANNELS, REQUEST_KINDS, TICKET_STATUSES, URGENCIES } from '@shared/domain/requestKinds';
import { RELATIONS } from '@shared/directory/directoryEvents';
import { unitIdFor } from '@shared/directory/unitFold';
import type { Role } from '@shared/domain/roles';
import { readMeta } from '../../../src/renderer/db/meta';
import type { StationRecord } from '../../../src/renderer/desk/boot';
import { createTicket } from '../../../src/renderer/features/intake/createTicket';
import { addNote, changeStatus } from '../../../src/renderer/features/ticket/ticketCommands';
import { addStaff, updateStaff } from '../../../src/renderer/features/staff/staffCommands';
import { addResident, addUnit, updateResident, updateUnit } from '../../../src/renderer/features/directory/directoryCommands';
import { changeDeskSettings } from '../../../src/renderer/features/settings/settingsCommands';
import type { Random } from '../../hub/support/random';
import type { SimStation } from './station';

const BUILDINGS = ['1', '2', '3'];
const ROOMS = ['101', '1502', '2201'];
const WORDS = ['漏水', '门禁坏了', '噪音投诉', '电梯停了', '快递', 'noise at night', '停车位'];
const ROLES: Role[] = ['clerk', 'supervisor', 'controlRoom'];

/** The first manager of the estate (created by the first station's setup). */
export async function managerOf(station: SimStation): Promise<string> {
  const managers = await station.db.staff.filter((m) => m.role === 'manager').toArray();
  const first = managers.sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  if (!first) throw new Error(`${station.name}: no manager has arrived`);
  return first.id;
}

/** Performs one random command on a configured station; returns its name for the log. */
export async function randomCommand(station: SimStation, random: Random, actor: string): Promise<string> {
  const { db } = station;
  const store = station.store;
  if (!store) throw new Error(`${station.name} is not set up`);
  const record = (await readMeta<StationRecord>(db, 'station'))!;
  const tickets = await db.tickets.toCollection().primaryKeys();
  const roll = random.int(100);
  if (roll < 30 || tickets.length === 0) {
    await createTicket(db, store, record.timeZone, {
      channel: random.pick(CHANNELS), kind: random.pick(REQUEST_KINDS), urgency: random.pick(URGENCIES),
      building: random.pick(BUILDINGS), room: random.pick(ROOMS), callerName: '张三', callerPhone: '13800138000',
      description: random.pick(WORDS), paid: random.next() < 0.2, receivedAt: station.now() - random.int(600_000),
    }, actor, station.now());
    return 'createTicket';
  }
  if (roll < 50) {
    await addNote(store, random.pick(tickets), random.pick(WORDS), actor);
    return 'addNote';
  }
  if (roll < 62) {
    await changeStatus(store, random.pick(tickets), random.pick(TICKET_STATUSES), actor);
    return 'changeStatus';
  }
  if (roll < 72) {
    const input = { building: random.pick(BUILDINGS), room: random.pick(ROOMS), floor: random.int(30), notes: random.pick(WORDS) };
    // The same unit added on two stations is one stream with two `unit.added` events.
    if (await db.units.get(unitIdFor(input))) await updateUnit(store, unitIdFor(input), { notes: random.pick(WORDS), floor: random.int(30) }, actor);
    else await addUnit(store, input, actor);
    return 'unit';
  }
  if (roll < 80) {
    const units = await db.units.toCollection().primaryKeys();
    const residents = await db.residents.toCollection().primaryKeys();
    if (residents.length && random.next() < 0.5) {
      await updateResident(store, random.pick(residents), random.next() < 0.3 ? { active: false } : { notes: random.pick(WORDS) }, actor);
      return 'updateResident';
    }
    if (!units.length) return 'none';
    await addResident(store, { unitId: random.pick(units), name: random.pick(['王芳', '李雷', 'Zhang Wei']), relation: random.pick(RELATIONS), phones: [{ e164: `+86138${String(random.int(1e8)).padStart(8, '0')}` }], notes: '' }, actor);
    return 'addResident';
  }
  if (roll < 87) {
    await changeDeskSettings(store, random.next() < 0.5 ? { idleLockMinutes: 1 + random.int(60) } : { defaultLanguage: random.pick(['zh-CN', 'en'] as const) }, actor);
    return 'settings';
  }
  if (roll < 95) {
    const at = station.now();
    await store.append([{ stream: streams.call(uuidv7(at)), type: CALL_RECEIVED, payload: callReceivedPayload.parse({ number: '13800138000', e164: '+8613800138000', name: null, withheld: false, numberStatus: 'present', at, unitKeys: [] }) }], null);
    return 'call';
  }
  const staff = (await db.staff.toArray()).filter((m) => m.role !== 'manager');
  if (staff.length && random.next() < 0.8) {
    await updateStaff(db, store, random.pick(staff).id, { role: random.pick(ROLES) }, actor);
    return 'updateStaff';
  }
  // A PIN hash costs ~0.1 s: rare.
  await addStaff(db, store, { name: `clerk-${station.name}-${random.int(1e9)}`, role: random.pick(ROLES), language: 'zh-CN', pin: '135792' }, actor);
  return 'addStaff';
}
