import { describe, expect, it } from 'vitest';
import { parseUnitText, unitKey, validateUnit } from './units';

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
});
