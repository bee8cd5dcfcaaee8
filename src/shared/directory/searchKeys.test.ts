import { describe, expect, it } from 'vitest';
import { directoryQueries, residentSearchKeys, unitSearchKeys } from './searchKeys';

function finds(keys: string[], typed: string): boolean {
  return directoryQueries(typed).some((query) => keys.some((key) => key.startsWith(query)));
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
      expect(finds(keys, typed), typed).toBe(true);
    }
    expect(finds(keys, '4-1502')).toBe(false);
    expect(finds(unitSearchKeys({ building: '紫荆阁', room: '801' }), 'zjg')).toBe(true);
  });
});
