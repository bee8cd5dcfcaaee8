import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportRows } from './exportSheet';
import { previewImport } from './importPreview';
import { readSpreadsheet } from './readSpreadsheet';
import { writeCsv, writeXlsx } from './writeSheet';

const shenzhen = { countryCode: '86', areaCode: '755' };
const units = [
  { id: 'A-0801', building: 'A', room: '0801', floor: 8, notes: '' },
  { id: '3-1502', building: '3', room: '1502', floor: 15, notes: '独居老人' },
  { id: '9-0901', building: '9', room: '0901', floor: 9, notes: '空置,钥匙在前台' },
];
const residents = [
  { unitId: '3-1502', name: '张三', relation: 'owner' as const, phoneNumbers: [{ e164: '+8613800138000' }, { e164: '+8675588881234', extension: '56' }], notes: '=SUM(A1)', active: 1 as const },
  { unitId: 'A-0801', name: 'Li Lei', relation: 'tenant' as const, phoneNumbers: [{ e164: '+85221234567' }], notes: '', active: 1 as const },
  { unitId: 'A-0801', name: '搬走了', relation: 'family' as const, phoneNumbers: [], notes: '', active: 0 as const },
];

describe('export', () => {
  const rows = exportRows(units, residents, shenzhen);

  it('writes the resident list in the import columns, by building and room, without people who moved out', () => {
    expect(rows).toEqual([
      ['楼号', '房号', '楼层', '姓名', '身份', '电话', '备注', '房屋备注'],
      ['3', '1502', '15', '张三', '业主', '13800138000; 0755-88881234 转 56', '=SUM(A1)', '独居老人'],
      ['9', '0901', '9', '', '', '', '', '空置,钥匙在前台'],
      ['A', '0801', '8', 'Li Lei', '租户', '+852 21234567', '', ''],
    ]);
  });

  it('U17: every unit, with its notes, comes back from the exported .xlsx, with its columns as wide as their text', async () => {
    const xlsx = await (await writeXlsx(rows, '客户状况一览表')).arrayBuffer();
    const sheet = await readSpreadsheet(xlsx, 'list.xlsx');
    const preview = sheet.ok ? previewImport(sheet.rows, shenzhen) : null;
    const units = preview?.ok ? preview.preview.rows.map((r) => [r.resident?.unit.building, r.resident?.unit.room, r.resident?.unitNotes]) : [];
    expect(units).toEqual([['3', '1502', '独居老人'], ['9', '0901', '空置,钥匙在前台'], ['A', '0801', null]]);
    const files = unzipSync(new Uint8Array(xlsx));
    const sheetXml = strFromU8(files[Object.keys(files).find((f) => /worksheets\/sheet\d*\.xml$/.test(f))!]!);
    const widths = [...sheetXml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(8);
    // The phone column holds `13800138000; 0755-88881234 转 56`: wider than Excel's default 8.43.
    expect(widths[5]).toBeGreaterThanOrEqual(33);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
  });

  it('round-trips through CSV (with the formula guard) and .xlsx', async () => {
    const csv = writeCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain("'=SUM(A1)");
    expect(csv).toContain("'+852 21234567");
    const xlsx = await (await writeXlsx(rows, '客户状况一览表')).arrayBuffer();
    for (const [bytes, name] of [[new TextEncoder().encode(csv).buffer as ArrayBuffer, 'list.csv'], [xlsx, 'list.xlsx']] as const) {
      const sheet = await readSpreadsheet(bytes, name);
      expect(sheet).toEqual({ ok: true, rows });
      const preview = sheet.ok ? previewImport(sheet.rows, shenzhen) : null;
      expect(preview?.ok && preview.preview.invalidCount).toBe(0);
      expect(preview?.ok && preview.preview.rows[0]?.resident?.phones).toEqual(residents[0]!.phoneNumbers);
    }
  });
});
