// Runs in Chromium (bench/directory.ts builds and drives it): 20,000 residents in real
// IndexedDB through the app's own folds, tables and queries, then timed searches.
import { foldResident } from '../src/shared/directory/residentFold';
import { foldUnit, type Unit } from '../src/shared/directory/unitFold';
import type { Resident } from '../src/shared/directory/residentFold';
import type { DeskEvent } from '../src/shared/events/envelope';
import { DeskDatabase } from '../src/renderer/db/database';
import { findUnitsByPhone, searchDirectory } from '../src/renderer/features/directory/directoryQueries';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建国宇浩然子涵欣怡梓轩雨泽思远嘉'];

// mulberry32: a seeded generator, so every run builds the same directory.
let seed = 42;
function random(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return (((x ^ (x >>> 14)) >>> 0) / 4294967296) * n | 0;
}
const hlc = (i: number) => `2026-11-22T08:00:00.000Z-${(i % 0xffff).toString(16).padStart(4, '0')}-a1b2c3d4e5f60708`;
const event = (stream: string, type: string, payload: object, i: number): DeskEvent => ({ id: `e${i}`, stream, type, payload: payload as Record<string, unknown>, hlc: hlc(i), station: 'FD', actor: null });

function directory(count: number): { units: Unit[]; residents: Resident[] } {
  const units = new Map<string, Unit>();
  const residents: Resident[] = [];
  for (let i = 0; i < count; i++) {
    const building = String(1 + random(40));
    const room = `${1 + random(33)}${String(1 + random(8)).padStart(2, '0')}`;
    const unit = foldUnit(null, event(`unit:${building}-${room}`, 'unit.added', { building, room, floor: null, notes: '' }, i))!;
    units.set(unit.id, unit);
    const name = SURNAMES[random(SURNAMES.length)]! + GIVEN[random(GIVEN.length)]! + (random(2) ? GIVEN[random(GIVEN.length)]! : '');
    const phone = `+861${3 + random(7)}${String(random(1e9)).padStart(9, '0')}`;
    residents.push(foldResident(null, event(`resident:r${i}`, 'resident.added', { unitId: unit.id, name, relation: 'owner', phones: [{ e164: phone }], notes: '' }, i))!);
  }
  return { units: [...units.values()], residents };
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95) };
}

export async function run(count: number): Promise<string[]> {
  const lines: string[] = [];
  const db = new DeskDatabase(`bench-directory-${Date.now()}`);
  const foldStart = performance.now();
  const { units, residents } = directory(count);
  const storeStart = performance.now();
  await db.units.bulkPut(units);
  await db.residents.bulkPut(residents);
  lines.push(`${count} residents in ${units.length} units: folded in ${Math.round(storeStart - foldStart)} ms, stored in ${Math.round(performance.now() - storeStart)} ms`);
  const someone = residents[1234]!;
  for (const query of ['zs', 'zhang', 'zhangwei', 'wang', '张', '李娜', 'lina', '12-15', '3-1', '138', someone.name]) {
    const hits = await searchDirectory(db, query, 30, true);
    const { p50, p95 } = await timed(50, () => searchDirectory(db, query, 30, true));
    lines.push(`search ${JSON.stringify(query).padEnd(12)} ${String(hits.length).padStart(2)} units   p50 ${p50} ms   p95 ${p95} ms`);
  }
  const { p50, p95 } = await timed(200, () => findUnitsByPhone(db, someone.phones[0]!));
  lines.push(`findUnitsByPhone                  p50 ${p50} ms   p95 ${p95} ms`);
  db.close();
  await db.delete();
  return lines;
}

(globalThis as unknown as { benchDirectory: typeof run }).benchDirectory = run;
