import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { zhCN } from '../../i18n/zh-CN';
import { formatDateTime } from '../../i18n/format';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { registerKey, takeKeyStep } from './keyCommands';
import { readWholeKeyRegister } from './keyQueries';
import { keyGroups, keySheetRows } from './keyRegisterSheet';

// R-KEYS: the printed register and its xlsx, from keys saved through the commands: filed as the
// rulebook files them (owners' by unit, common areas by floor/area, plant rooms by equipment),
// each with its state, who has it and since when.

const T0 = Date.parse('2026-12-06T09:00:00+08:00');
const drawn = { kind: 'drawn' as const, png: 'data:image/png;base64,iVBORw0KGgo=' };

async function translator() {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'zh-CN', fallbackLng: false, resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as unknown as (key: string, values?: Record<string, unknown>) => string;
}

describe('the key register printout (R-KEYS)', () => {
  it('R-KEYS: grouped owners / common areas / plant rooms, each by where it is filed; a key out names its borrower, since when and what for', async () => {
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const clerk = { id: await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId), role: 'clerk' as const };
    const reg = (label: string, category: 'owner' | 'commonArea' | 'plantRoom', filedUnder: string) => registerKey(db, store, { at: T0, label, category, filedUnder }, clerk, T0);
    const pump10 = await reg('10号水泵房', 'plantRoom', '10号水泵');
    const pump2 = await reg('2号水泵房', 'plantRoom', '2号水泵');
    const roof = await reg('天台门', 'commonArea', '屋顶');
    const unit1502 = await reg('3栋-1502', 'owner', '3-1502');
    await reg('3栋-902', 'owner', '3-902');
    await takeKeyStep(db, store, unit1502, 'key.deposited', { at: T0 + 60_000, owner: '张三', signature: drawn }, clerk, T0 + 60_000);
    const lentAt = T0 + 3_600_000;
    await takeKeyStep(db, store, pump2, 'key.lent', { at: lentAt, borrower: '王工', identity: 'staffCard', purpose: 'work', purposeText: '检修', signature: drawn }, clerk, lentAt);

    const { keys, truncated } = await readWholeKeyRegister(db);
    expect(truncated).toBe(false);
    const t = await translator();
    const time = (ms: number) => formatDateTime(ms, TEST_STATION.timeZone, 'zh-CN');
    const groups = keyGroups(keys, t, time);
    expect(groups.map((g) => [g.category, g.rows.map((r) => r.cells[0])])).toEqual([
      ['owner', ['3-902', '3-1502']],
      ['commonArea', ['屋顶']],
      ['plantRoom', ['2号水泵', '10号水泵']],
    ]);
    const [owner, , plant] = groups;
    expect(owner!.rows[1]!.cells).toEqual(['3-1502', '3栋-1502', '在前台', '张三', time(T0 + 60_000), '']);
    expect(owner!.rows[0]!.cells.slice(2, 4)).toEqual(['未存放', '']);
    expect(plant!.rows[0]).toMatchObject({ id: pump2, out: true, cells: ['2号水泵', '2号水泵房', '借出', '王工', time(lentAt), '工作 · 检修'] });
    expect(plant!.rows[1]).toMatchObject({ id: pump10, out: false });
    expect(groups[1]!.rows[0]!.id).toBe(roof);

    const rows = keySheetRows(groups, t);
    expect(rows[0]).toEqual(['类别', '归档', '标签', '状态', '借用人 / 业主', '借出 / 最后记录时间', '用途']);
    expect(rows).toHaveLength(6);
    expect(rows[4]).toEqual(['机房', '2号水泵', '2号水泵房', '借出', '王工', time(lentAt), '工作 · 检修']);
  });
});
