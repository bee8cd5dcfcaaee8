import { describe, expect, it } from 'vitest';
import { maskDigits, shownPhone } from './shownPhone';

const shenzhen = { countryCode: '86', areaCode: '755' };

describe('shownPhone (R-CONFIDENTIAL)', () => {
  it('S6: a role without phone.unmask sees every stored spelling of one number masked the same way', () => {
    for (const stored of ['+8613812345678', '13812345678', '138 1234 5678', '+86 138-1234-5678']) {
      expect(shownPhone(stored, false, shenzhen)).toEqual({ number: '138****5678', masked: true });
    }
    expect(shownPhone('0755-88881234 转 56', false, shenzhen)).toEqual({ number: '0755-****1234', masked: true });
  });

  it('S6: a role with phone.unmask sees the number in full, one spelling, with its extension', () => {
    expect(shownPhone('+8613812345678', true, shenzhen)).toEqual({ number: '13812345678', masked: false });
    expect(shownPhone('88881234转56', true, shenzhen)).toEqual({ number: '0755-88881234', extension: '56', masked: false });
  });

  it('S6: a number that cannot be read is shown as typed in full, and otherwise as stars and at most four digits', () => {
    expect(shownPhone('12345', true, shenzhen)).toEqual({ number: '12345', masked: false });
    expect(shownPhone('12345', false, shenzhen)).toEqual({ number: '***45', masked: true });
    expect(shownPhone('9999 13812345678 0', false, shenzhen).number).toBe('************6780');
    expect(maskDigits('电话未知')).toBe('***');
    expect(shownPhone('  ', false, shenzhen)).toEqual({ number: '', masked: false });
  });

  it('S6: the masked form never holds the whole number nor seven digits of it in a row', () => {
    for (const stored of ['+8613812345678', '+8675588881234', '+85221234567', '1381234567899999']) {
      const shown = shownPhone(stored, false, shenzhen).number;
      const digits = stored.replace(/\D/g, '');
      expect(shown).not.toContain(digits.slice(-7));
      expect(shown.replace(/\D/g, '').length).toBeLessThan(digits.length);
    }
  });
});
