import { describe, expect, it } from 'vitest';
import { formatPhone } from './formatPhone';
import { maskPhone } from './maskPhone';
import { parsePhoneList } from './phoneList';

const shenzhen = { countryCode: '86', areaCode: '755' };

describe('showing numbers (R-CONFIDENTIAL)', () => {
  it('formats numbers the way staff dial them', () => {
    expect(formatPhone('+8613800138000', shenzhen)).toBe('13800138000');
    expect(formatPhone('+8675588881234', shenzhen)).toBe('0755-88881234');
    expect(formatPhone('+861062345678', shenzhen)).toBe('010-62345678');
    expect(formatPhone('+85221234567', shenzhen)).toBe('+852 21234567');
  });

  it('masks mobiles as 138****8000 and keeps the area code of landlines', () => {
    expect(maskPhone('+8613800138000', shenzhen)).toBe('138****8000');
    expect(maskPhone('+8675588881234', shenzhen)).toBe('0755-****1234');
    expect(maskPhone('+869112345678', shenzhen)).toBe('0911-****678');
    expect(maskPhone('+85221234567', shenzhen)).toBe('+852 ****4567');
    expect(maskPhone('+864008001234', shenzhen)).toBe('400***1234');
  });

  it('never shows the whole number when masked', () => {
    for (const e164 of ['+8613800138000', '+8675588881234', '+85221234567', '+16502530000']) {
      const digits = maskPhone(e164, shenzhen).replace(/\D/g, '');
      expect(e164.endsWith(digits)).toBe(false);
    }
  });
});

describe('parsePhoneList', () => {
  it('reads several numbers from one cell and reports the bad ones', () => {
    expect(parsePhoneList('13800138000/0755-88881234 转 56；13800138000、abc', shenzhen)).toEqual({
      phones: [{ e164: '+8613800138000' }, { e164: '+8675588881234', extension: '56' }],
      problems: [{ text: 'abc', problem: 'invalidCharacters' }],
    });
  });
});
