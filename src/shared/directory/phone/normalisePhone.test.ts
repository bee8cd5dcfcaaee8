import { describe, expect, it } from 'vitest';
import { normalisePhone } from './normalisePhone';
import type { PhoneContext } from './phoneTypes';

const shenzhen: PhoneContext = { countryCode: '86', areaCode: '755' };

function e164(text: string, context = shenzhen): string | null {
  const result = normalisePhone(text, context);
  return result.ok ? result.phone.e164 : null;
}

describe('normalisePhone: Chinese numbers as residents give them', () => {
  it('reads mobiles in every spelling', () => {
    for (const text of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '+8613800138000', '008613800138000', '１３８００１３８０００', '(+86)13800138000']) {
      expect(e164(text), text).toBe('+8613800138000');
    }
    expect(normalisePhone('19212345678', shenzhen)).toMatchObject({ ok: true, kind: 'mobile' });
  });

  it('reads landlines with trunk 0 and area code, with the area code but no 0, and local numbers', () => {
    expect(e164('0755-88881234')).toBe('+8675588881234');
    expect(e164('0755 8888 1234')).toBe('+8675588881234');
    expect(e164('(0755)88881234')).toBe('+8675588881234');
    expect(e164('75588881234')).toBe('+8675588881234');
    expect(e164('8888-1234')).toBe('+8675588881234');
    expect(e164('010-62345678')).toBe('+861062345678');
    expect(e164('+86 10 6234 5678')).toBe('+861062345678');
    expect(e164('+86 (0)755 8888 1234')).toBe('+8675588881234');
    expect(normalisePhone('88881234', shenzhen)).toMatchObject({ ok: true, kind: 'landline' });
  });

  it('prefixes a 7-digit local number with the station area code', () => {
    expect(e164('2345678', { countryCode: '86', areaCode: '911' })).toBe('+869112345678');
  });

  it('keeps extensions apart from the number', () => {
    for (const text of ['0755-8888 1234 转 56', '0755-88881234转56', '0755-88881234 ext. 56', '0755-88881234 EXT56', '0755-88881234#56', '0755-88881234 x56', '0755-88881234 分机 56', '０７５５－８８８８１２３４ 转 ５６']) {
      expect(normalisePhone(text, shenzhen), text).toEqual({ ok: true, kind: 'landline', phone: { e164: '+8675588881234', extension: '56' } });
    }
  });

  it('takes 400 numbers and numbers abroad', () => {
    expect(normalisePhone('400-800-1234', shenzhen)).toMatchObject({ ok: true, kind: 'other', phone: { e164: '+864008001234' } });
    expect(e164('+852 2123 4567')).toBe('+85221234567');
    expect(e164('00852 2123 4567')).toBe('+85221234567');
  });

  it('gives a problem code for unusable input', () => {
    expect(normalisePhone('', shenzhen)).toEqual({ ok: false, problem: 'empty' });
    expect(normalisePhone('   ', shenzhen)).toEqual({ ok: false, problem: 'empty' });
    expect(normalisePhone('张三', shenzhen)).toEqual({ ok: false, problem: 'invalidCharacters' });
    expect(normalisePhone('138001380OO', shenzhen)).toEqual({ ok: false, problem: 'invalidCharacters' });
    expect(normalisePhone('110', shenzhen)).toEqual({ ok: false, problem: 'tooShort' });
    expect(normalisePhone('1380013800012345678', shenzhen)).toEqual({ ok: false, problem: 'tooLong' });
    expect(normalisePhone('88881234', { countryCode: '86', areaCode: '' })).toEqual({ ok: false, problem: 'areaCodeMissing' });
    // Shenzhen subscriber numbers have 8 digits; Beijing's too.
    expect(normalisePhone('8888123', shenzhen)).toEqual({ ok: false, problem: 'invalidNumber' });
    expect(normalisePhone('010-1234567', shenzhen)).toEqual({ ok: false, problem: 'invalidNumber' });
    expect(normalisePhone('12345678901', shenzhen)).toEqual({ ok: false, problem: 'invalidNumber' });
  });

  it('follows the station country for national numbers elsewhere', () => {
    const nanp: PhoneContext = { countryCode: '1', areaCode: '650' };
    expect(e164('(650) 253-0000', nanp)).toBe('+16502530000');
    expect(e164('1 650 253 0000', nanp)).toBe('+16502530000');
    expect(e164('011 86 138 0013 8000', nanp)).toBe('+8613800138000');
  });
});
