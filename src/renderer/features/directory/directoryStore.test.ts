import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { PHONE_REVEALED } from '@shared/directory/directoryEvents';
import { maskPhone } from '@shared/directory/phone/maskPhone';
import { readSpreadsheet } from '@shared/directory/sheet/readSpreadsheet';
import { previewImport, type ImportPreview } from '@shared/directory/sheet/importPreview';
import { DeskDatabase } from '../../db/database';
import { EventStore } from '../../db/eventStore';
import { project } from '../../db/projections';
import { addResident, addUnit, revealPhone, updateResident } from './directoryCommands';
import { findUnitsByCallerNumber, findUnitsByPhone, searchDirectory, unitDetail } from './directoryQueries';
import { exportDirectory, importDirectory } from './directoryTransfer';
import { loggedCount, loggedEvents } from '../../testing/testStation';
import { streamEvents } from '../../db/eventLog';

const shenzhen = { countryCode: '86', areaCode: '755' };
const clerk = 'staff-clerk';
const databases: DeskDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

function fresh() {
  const db = new DeskDatabase(`directory-${Math.random()}`);
  databases.push(db);
  // S7: folds apply an event only if its actor holds the permission; these are the actors here.
  db.on('populate', (tx) => tx.table('staff').bulkAdd([[clerk, 'clerk'], ['other', 'clerk'], ['staff-supervisor', 'supervisor']].map(([id, role]) => (
    { id, name: id, role, language: 'zh-CN', active: 1, fieldHlc: {}, lastHlc: '', history: [{ hlc: '', role, active: true }] }
  ))));
  return { db, store: new EventStore(db, { name: 'front-desk', code: 'FD', nodeId: 'a1b2c3d4e5f60708' }, null) };
}

const LIST_CSV = [
  '翠湖花园客户状况一览表,,,,,',
  '楼号,房号,姓名,身份,电话,备注',
  '3栋,1502,张三,业主,13800138000,独居老人',
  '3栋,1502,李四,家属,0755-8888 1234 转 56,',
  '5栋,0801,张三,业主,138 0013 8000,两套房',
  '5栋,0802,王小明,租户,88881235,',
  ',0803,赵六,租户,12345,',
].join('\r\n');

async function csvPreview(text = LIST_CSV): Promise<ImportPreview> {
  const sheet = await readSpreadsheet(new TextEncoder().encode(text).buffer as ArrayBuffer, 'list.csv');
  if (!sheet.ok) throw new Error(sheet.problem);
  const result = previewImport(sheet.rows, shenzhen);
  if (!result.ok) throw new Error(result.problem);
  return result.preview;
}

describe('directory in the store', () => {
  it('imports nothing from a file with errors, then only the valid rows when asked', async () => {
    const { db, store } = fresh();
    const preview = await csvPreview();
    expect(preview.rows.find((r) => r.problems.length > 0)?.rowNumber).toBe(7);
    expect(await importDirectory(db, store, preview, 'all', clerk)).toEqual({ ok: false, problem: 'hasErrors' });
    expect(await loggedCount(db)).toBe(0);
    const plan = await importDirectory(db, store, preview, 'validOnly', clerk);
    expect(plan.ok && plan.counts).toMatchObject({ unitsAdded: 3, residentsAdded: 4, skippedRows: 1 });
    expect(await db.units.count()).toBe(3);
    expect(await db.residents.count()).toBe(4);
    // The same list again changes nothing: units by key, residents by name in the unit.
    const again = await importDirectory(db, store, preview, 'validOnly', clerk);
    expect(again.ok && again.drafts).toEqual([]);
    expect(await db.residents.count()).toBe(4);
  });

  it('U18: finds a number by its last digits only for a role that may see numbers (R-CONFIDENTIAL); U6: A座 as typed', async () => {
    const { db, store } = fresh();
    await importDirectory(db, store, await csvPreview(), 'validOnly', clerk);
    const unitsFor = async (q: string, phones: boolean) => (await searchDirectory(db, q, 20, phones)).map((h) => h.unit.key).sort();
    expect(await unitsFor('1234', true)).toEqual(['3-1502']);
    expect(await unitsFor('8000', true)).toEqual(['3-1502', '5-0801']);
    for (const q of ['1234', '8000', '13800138000', '138 0013']) expect(await unitsFor(q, false), q).toEqual([]);
    expect(await unitsFor('zs', false)).toEqual(['3-1502', '5-0801']);
    const a = await addUnit(store, { building: 'A座', room: '1001', floor: null, notes: '' }, clerk);
    expect(a).toBe('A-1001');
    for (const q of ['A座', 'A座1001', 'A栋']) expect(await unitsFor(q, false), q).toEqual(['A-1001']);
  });

  it('U7: moving a resident to another unit: search and caller ID find them there, not in the old unit', async () => {
    const { db, store } = fresh();
    await addUnit(store, { building: '3', room: '1502', floor: null, notes: '' }, clerk);
    const target = await addUnit(store, { building: '5', room: '201', floor: null, notes: '' }, clerk);
    const id = await addResident(store, { unitId: '3-1502', name: '王五', relation: 'owner', phones: [{ e164: '+8613700137000' }], notes: '' }, clerk);
    await updateResident(store, id, { unitId: target }, clerk);
    expect((await findUnitsByPhone(db, '+8613700137000')).map((m) => m.unit.key)).toEqual(['5-201']);
    expect((await searchDirectory(db, 'ww')).map((h) => [h.unit.key, h.matchedIds])).toEqual([['5-201', [id]]]);
    expect((await unitDetail(db, '3-1502'))?.residents).toEqual([]);
    expect((await unitDetail(db, '5-201'))?.residents.map((r) => r.name)).toEqual(['王五']);
  });

  it('finds residents by pinyin, initials, name, unit and number', async () => {
    const { db, store } = fresh();
    await importDirectory(db, store, await csvPreview(), 'validOnly', clerk);
    const unitsFor = async (q: string) => (await searchDirectory(db, q, 20, true)).map((h) => h.unit.key).sort();
    expect(await unitsFor('zs')).toEqual(['3-1502', '5-0801']);
    expect(await unitsFor('zhangsan')).toEqual(['3-1502', '5-0801']);
    expect(await unitsFor('zhang')).toEqual(['3-1502', '5-0801']);
    expect(await unitsFor('张三')).toEqual(['3-1502', '5-0801']);
    expect(await unitsFor('wxm')).toEqual(['5-0802']);
    expect(await unitsFor('3栋1502')).toEqual(['3-1502']);
    expect(await unitsFor('5-08')).toEqual(['5-0801', '5-0802']);
    expect(await unitsFor('0755-8888 1234')).toEqual(['3-1502']);
    expect(await unitsFor('qian')).toEqual([]);
    const [hit] = await searchDirectory(db, 'ls');
    expect(hit?.residents.map((r) => r.name).sort()).toEqual(['张三', '李四']);
    expect(hit?.residents.filter((r) => hit.matchedIds.includes(r.id)).map((r) => r.name)).toEqual(['李四']);
  });

  it('finds both units of a number that belongs to two flats', async () => {
    const { db, store } = fresh();
    await importDirectory(db, store, await csvPreview(), 'validOnly', clerk);
    const matches = await findUnitsByPhone(db, '+8613800138000');
    expect(matches.map((m) => m.unit.key).sort()).toEqual(['3-1502', '5-0801']);
    expect(matches.find((m) => m.unit.key === '3-1502')?.unit.notes).toBe('');
    expect(matches.flatMap((m) => m.residents.map((r) => r.name))).toEqual(['张三', '张三']);
    expect((await findUnitsByCallerNumber(db, '88881234', shenzhen)).map((m) => m.unit.key)).toEqual(['3-1502']);
    expect(await findUnitsByCallerNumber(db, '13900139000', shenzhen)).toEqual([]);
    expect(await findUnitsByCallerNumber(db, 'P', shenzhen)).toEqual([]);
  });

  it('stops matching a resident who moved out, but keeps them in the unit record', async () => {
    const { db, store } = fresh();
    const unitId = await addUnit(store, { building: '3栋', room: '1502', floor: 15, notes: '独居老人' }, clerk);
    const id = await addResident(store, { unitId, name: '张三', relation: 'owner', phones: [{ e164: '+8613800138000' }], notes: '' }, clerk);
    await updateResident(store, id, { active: false }, clerk);
    expect(await findUnitsByPhone(db, '+8613800138000')).toEqual([]);
    expect(await searchDirectory(db, 'zs')).toEqual([]);
    expect((await unitDetail(db, unitId))?.residents).toMatchObject([{ name: '张三', active: 0 }]);
  });

  it('keeps the later edit per field when a remote edit arrives late', async () => {
    const { db, store } = fresh();
    const unitId = await addUnit(store, { building: '3', room: '1502', floor: null, notes: '' }, clerk);
    const id = await addResident(store, { unitId, name: '张三', relation: 'owner', phones: [], notes: '' }, clerk);
    await updateResident(store, id, { notes: '本地备注' }, clerk);
    const local = (await streamEvents(db, `resident:${id}`).then((es) => es.at(-1)))!;
    const remote: DeskEvent = {
      id: 'remote-1', stream: `resident:${id}`, type: 'resident.updated', actor: 'other', station: 'control-room',
      hlc: local.hlc.replace(/[0-9a-f]{16}$/, '0000000000000000'), payload: { notes: '远程备注', phones: [{ e164: '+8613900139000' }] },
    };
    expect(remote.hlc < local.hlc).toBe(true);
    await db.transaction('rw', db.tables, async () => {
      await db.events.add(remote);
      await project(db, remote);
    });
    // The older remote note loses to the local one; its number (no later local edit) wins.
    expect(await db.residents.get(id)).toMatchObject({ notes: '本地备注', phones: ['+8613900139000'] });
    expect((await findUnitsByPhone(db, '+8613900139000')).map((m) => m.unit.id)).toEqual([unitId]);
  });

  it('logs every reveal of a number with who and when, and masks it otherwise', async () => {
    const { db, store } = fresh();
    const unitId = await addUnit(store, { building: '3', room: '1502', floor: null, notes: '' }, clerk);
    const id = await addResident(store, { unitId, name: '张三', relation: 'owner', phones: [{ e164: '+8613800138000' }], notes: '' }, clerk);
    const resident = await db.residents.get(id);
    expect(maskPhone(resident!.phones[0]!, shenzhen)).toBe('138****8000');
    await revealPhone(store, id, '+8613800138000', 'staff-supervisor');
    const reveals = await loggedEvents(db).then((es) => es.filter((e) => e.type === PHONE_REVEALED));
    expect(reveals).toMatchObject([{ stream: `resident:${id}`, actor: 'staff-supervisor', station: 'front-desk', payload: { e164: '+8613800138000' } }]);
    expect(reveals[0]!.hlc).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Revealing changes nothing in the resident's record.
    expect(await db.residents.get(id)).toEqual(resident);
  });

  it('exports what it imported, and logs the export', async () => {
    const { db, store } = fresh();
    await importDirectory(db, store, await csvPreview(), 'validOnly', clerk);
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportDirectory(db, store, format, shenzhen, clerk, { sheetName: '客户状况一览表', baseName: 'list' });
      expect(file.fileName).toBe(`list.${format}`);
      const sheet = await readSpreadsheet(await file.blob.arrayBuffer(), file.fileName);
      const preview = sheet.ok ? previewImport(sheet.rows, shenzhen) : null;
      expect(preview?.ok && [preview.preview.validCount, preview.preview.invalidCount]).toEqual([4, 0]);
    }
    expect(await loggedEvents(db).then((es) => es.filter((e) => e.type === 'directory.exported').length)).toBe(2);
  });
});
