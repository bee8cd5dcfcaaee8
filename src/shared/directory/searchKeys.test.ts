import { describe, expect, it } from 'vitest';
import { directoryQueries, residentSearchKeys, unitSearchKeys } from './searchKeys';

/** A resident's or unit's keys found by what was typed, as a role that may see numbers (or not). */
function finds(keys: string[], typed: string, phones = true, table: 'units' | 'residents' = 'residents'): boolean {
  return directoryQueries(typed, phones)[table].some((query) => keys.some((key) => key.startsWith(query)));
}

describe('directory search keys', () => {
  const zhangsan = residentSearchKeys({ name: '张三', phoneNumbers: [{ e164: '+8613800138000' }, { e164: '+8675588881234' }] });

  it('finds 张三 by name, pinyin, pinyin start and initials', () => {
    for (const typed of ['张三', '张', '三', 'zs', 'ZS', 'zhangsan', 'zhang', 'zhang san', 'Zhang San', 'san', 'ｚｓ']) {
      expect(finds(zhangsan, typed), typed).toBe(true);
    }
    for (const typed of ['李', 'ls', 'zhangsi', 'sz']) expect(finds(zhangsan, typed), typed).toBe(false);
  });

  it('reads surnames with their surname pronunciation and ü as v', () => {
    const shan = residentSearchKeys({ name: '单雄信', phoneNumbers: [] });
    expect(finds(shan, 'shanxiongxin')).toBe(true);
    expect(finds(shan, 'sxx')).toBe(true);
    expect(finds(residentSearchKeys({ name: '吕布', phoneNumbers: [] }), 'lvbu')).toBe(true);
    const ouyang = residentSearchKeys({ name: '欧阳娜娜', phoneNumbers: [] });
    expect(finds(ouyang, 'oynn')).toBe(true);
    expect(finds(ouyang, 'nana')).toBe(true);
  });

  it('finds latin names by any word', () => {
    const keys = residentSearchKeys({ name: 'John Smith', phoneNumbers: [] });
    expect(finds(keys, 'smith')).toBe(true);
    expect(finds(keys, 'john smith')).toBe(true);
  });

  it('finds residents by the numbers as dialled at home', () => {
    expect(finds(zhangsan, '138 0013')).toBe(true);
    expect(finds(zhangsan, '0755-8888')).toBe(true);
  });

  it('finds units by key in every spelling, by room and by building', () => {
    const keys = unitSearchKeys({ building: '3栋', room: '1502' });
    for (const typed of ['3-1502', '3栋-1502', '3栋1502室', '３－１５０２', '3-15', '1502', '3栋', '31502']) {
      expect(finds(keys, typed, false, 'units'), typed).toBe(true);
    }
    expect(finds(keys, '4-1502', false, 'units')).toBe(false);
    expect(finds(unitSearchKeys({ building: '紫荆阁', room: '801' }), 'zjg', false, 'units')).toBe(true);
  });

  it('U6: finds a unit saved from A座 as typed: A座, A座1001, A栋, ａ座１００１, 3栋1502室', () => {
    const a1001 = unitSearchKeys({ building: 'A', room: '1001' });
    for (const typed of ['A座', 'A座1001', 'A栋', 'a座 1001', 'ａ座１００１', 'A座1001室', 'A-1001']) {
      expect(finds(a1001, typed, false, 'units'), typed).toBe(true);
    }
    for (const typed of ['B座', 'A座1002', '3栋1502室']) expect(finds(a1001, typed, false, 'units'), typed).toBe(false);
    expect(finds(unitSearchKeys({ building: '3', room: '1502' }), '3栋1502室', false, 'units')).toBe(true);
    expect(finds(unitSearchKeys({ building: '2单元', room: '1502' }), '2单元1502', false, 'units')).toBe(true);
  });

  it('U18: finds a number by its last digits and a Hong Kong number by its local digits, only for a role that may see numbers', () => {
    const keys = residentSearchKeys({ name: '陈大文', phoneNumbers: [{ e164: '+8613812345678' }, { e164: '+85221234567' }] });
    for (const typed of ['5678', '45678', '2345678', '13812345678', '21234567', '2123 4567', '+852 2123 4567', '4567']) {
      expect(finds(keys, typed), typed).toBe(true);
      // R-CONFIDENTIAL: a role without phone.unmask finds nobody by a number, whole or in part.
      expect(finds(keys, typed, false), `masked ${typed}`).toBe(false);
    }
    expect(finds(keys, '9999')).toBe(false);
    expect(finds(keys, 'cdw', false)).toBe(true);
  });

  it('U18: ü typed as u finds 吕布 and 女 names too', () => {
    const lvbu = residentSearchKeys({ name: '吕布', phoneNumbers: [] });
    for (const typed of ['lubu', 'lvbu', 'LuBu', 'lb', 'bu']) expect(finds(lvbu, typed, false), typed).toBe(true);
    expect(finds(residentSearchKeys({ name: '张绿', phoneNumbers: [] }), 'zhanglu', false)).toBe(true);
  });
});
