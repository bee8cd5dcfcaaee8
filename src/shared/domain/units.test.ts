import { describe, expect, it } from 'vitest';
import { parseUnitText, unitKey, unitQueryKey, validateUnit } from './units';

describe('units', () => {
  it('keys a unit the same however the building and room are written', () => {
    expect(unitKey({ building: '3栋', room: '1502' })).toBe('3-1502');
    expect(unitKey({ building: '３', room: '１５０２室' })).toBe('3-1502');
    expect(unitKey({ building: 'a座', room: '1203' })).toBe('A-1203');
  });

  it('names what is wrong with a unit', () => {
    expect(validateUnit({ building: '', room: '1502' })).toEqual(['buildingMissing']);
    expect(validateUnit({ building: '3', room: '' })).toEqual(['roomMissing']);
    expect(validateUnit({ building: '3?', room: '15 02' })).toEqual(['buildingInvalid', 'roomInvalid']);
  });

  it('reads the usual written forms', () => {
    expect(parseUnitText('3栋-1502')).toEqual({ building: '3', room: '1502' });
    expect(parseUnitText('3-1502')).toEqual({ building: '3', room: '1502' });
    expect(parseUnitText('3栋1502室')).toEqual({ building: '3', room: '1502' });
    expect(parseUnitText('A座 1203')).toEqual({ building: 'A', room: '1203' });
    expect(parseUnitText('nonsense')).toBeNull();
  });

  it('U6: reads a search box\'s unit spelling as the unit key, or a building\'s prefix', () => {
    const cases: [string, string | null][] = [
      ['A座1001', 'A-1001'], ['a座 1001', 'A-1001'], ['ａ座１００１室', 'A-1001'], ['3栋1502室', '3-1502'], ['3幢1502', '3-1502'],
      ['3号楼1502', '3-1502'], ['3-1502', '3-1502'], ['３－１５０２', '3-1502'], ['3栋-1502', '3-1502'], ['2单元1502', '2单元-1502'],
      ['A座', 'A-'], ['A栋', 'A-'], ['3号楼', '3-'], ['2单元', '2单元-'],
      ['zhang san', null], ['张三', null], ['1502', null], ['漏水', null], ['3栋漏水', null],
    ];
    for (const [typed, key] of cases) expect(unitQueryKey(typed), typed).toBe(key);
  });
});
