import { describe, expect, it } from 'vitest';
import { previewImport } from './importPreview';
import { findHeader, mapHeaders } from './importHeaders';

const shenzhen = { countryCode: '86', areaCode: '755' };

describe('header mapping', () => {
  it('reads Chinese and English headings, with hints in brackets and several phone columns', () => {
    const map = mapHeaders(['栋', '房号', '业主姓名', '身份(业主/租户/家属)', '手机', '固话', '备注', '车牌']);
    expect(map.columns).toMatchObject({ building: 0, room: 1, name: 2, relation: 3, notes: 6 });
    expect(map.phoneColumns).toEqual([4, 5]);
    expect(map.ignored).toEqual(['车牌']);
    expect(mapHeaders(['Building', 'Room No.', 'Name', 'Relation', 'Phone', 'Remarks']).columns).toMatchObject({ building: 0, room: 1, name: 2, relation: 3, notes: 5 });
  });

  it('finds the header under a title row, or says which columns are missing', () => {
    expect(findHeader([['XX花园客户状况一览表'], ['楼号', '房号', '姓名']])).toMatchObject({ ok: true, headerIndex: 1 });
    expect(findHeader([['楼号', '姓名', '电话']])).toEqual({ ok: false, missing: ['room'] });
    expect(findHeader([['a', 'b']])).toEqual({ ok: false, missing: ['building', 'room', 'name'] });
  });
});

describe('previewImport', () => {
  const sheet = [
    ['翠苑花园客户状况一览表'],
    ['楼号', '房号', '姓名', '身份', '电话', '备注'],
    ['3栋', '1502', '张三', '业主', '13800138000 / 0755-88881234 转 56', '独居老人'],
    ['3栋', '1502', '李四', '家属', '', ''],
    ['', '', '', '', '', ''],
    ['', '1503', '王五', '房东', '12345', ''],
    ['3', '1502室', '张三', '', '', ''],
    ['4', '201', '', '租户', '138001380001', ''],
  ];

  it('checks every row and reports problems by spreadsheet row number', () => {
    const result = previewImport(sheet, shenzhen);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { preview } = result;
    expect(preview.headerRowNumber).toBe(2);
    expect(preview.validCount).toBe(2);
    expect(preview.invalidCount).toBe(3);
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([3, 4, 6, 7, 8]);
    expect(preview.rows[0]?.resident).toEqual({
      unit: { building: '3', room: '1502' }, floor: 15, unitNotes: null, name: '张三', relation: 'owner', notes: '独居老人',
      phones: [{ e164: '+8613800138000' }, { e164: '+8675588881234', extension: '56' }],
    });
    expect(preview.rows[2]?.problems).toEqual([
      { field: 'building', code: 'buildingMissing', value: '' },
      { field: 'relation', code: 'relationUnknown', value: '房东' },
      { field: 'phone', code: 'phoneInvalid', value: '12345', phoneProblem: 'invalidNumber' },
    ]);
    expect(preview.rows[3]?.problems).toEqual([{ field: 'name', code: 'duplicateRow', value: '张三' }]);
    expect(preview.rows[4]?.problems.map((p) => p.code)).toEqual(['nameMissing', 'phoneInvalid']);
  });

  it('reads a single unit column such as 3栋-1502', () => {
    const result = previewImport([['房屋编号', '姓名'], ['3栋-1502', '张三'], ['楼下', '李四']], shenzhen);
    expect(result.ok && result.preview.rows.map((r) => r.resident?.unit ?? r.problems[0]?.code)).toEqual([{ building: '3', room: '1502' }, 'unitUnreadable']);
  });

  it('refuses a sheet with the wrong headers or no rows', () => {
    expect(previewImport([['序号', '金额']], shenzhen)).toEqual({ ok: false, problem: 'headersNotFound', missing: ['building', 'room', 'name'] });
    expect(previewImport([['楼号', '房号', '姓名'], ['', '', '']], shenzhen)).toEqual({ ok: false, problem: 'noRows' });
  });
});
