import { describe, expect, it } from 'vitest';
import { addPhone, checkResidentForm, checkUnitForm } from './directoryForms';

const shenzhen = { countryCode: '86', areaCode: '755' };

describe('directory forms', () => {
  it('checks a unit and reads the floor', () => {
    expect(checkUnitForm({ building: '3栋', room: '1502室', floor: '15', notes: ' 独居老人 ' })).toEqual({ ok: true, value: { building: '3', room: '1502', floor: 15, notes: '独居老人' } });
    expect(checkUnitForm({ building: '', room: '15 02', floor: 'x', notes: '' })).toEqual({ ok: false, errors: { building: 'buildingMissing', room: 'roomInvalid', floor: 'floorInvalid' } });
    expect(checkUnitForm({ building: 'A', room: '101', floor: 'B1', notes: '' })).toMatchObject({ ok: true, value: { floor: -1 } });
  });

  it('adds numbers one by one with the reason when one is refused', () => {
    const first = addPhone([], '138 0013 8000', shenzhen);
    expect(first).toEqual({ ok: true, phones: [{ e164: '+8613800138000' }] });
    expect(addPhone(first.ok ? first.phones : [], '+86 13800138000', shenzhen)).toEqual({ ok: false, problem: 'phoneDuplicate' });
    expect(addPhone([], '8888', shenzhen)).toEqual({ ok: false, problem: 'tooShort' });
  });

  it('takes a number still in the input on save, and keeps errors per field', () => {
    const values = { name: ' 张三 ', relation: 'owner' as const, phones: [], newPhone: '0755-88881234 转 56', notes: '' };
    expect(checkResidentForm(values, '3-1502', shenzhen)).toEqual({
      ok: true, value: { unitId: '3-1502', name: '张三', relation: 'owner', phones: [{ e164: '+8675588881234', extension: '56' }], notes: '' },
    });
    expect(checkResidentForm({ ...values, name: '', newPhone: 'abc' }, '3-1502', shenzhen)).toEqual({ ok: false, errors: { name: 'nameMissing', newPhone: 'invalidCharacters' } });
  });
});
