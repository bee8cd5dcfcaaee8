import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { zhCN } from './zh-CN';
import { en } from './en';
import { spanText } from './spanText';

// Issue 15: countdowns and tunings read at a glance, in two units at most.

async function translator(language: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { [language]: { translation: language === 'en' ? en : zhCN } }, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as unknown as (key: string, values?: Record<string, unknown>) => string;
}

describe('spanText', () => {
  it('says a span in its two largest units, seconds only under an hour', async () => {
    const t = await translator('zh-CN');
    const MIN = 60_000;
    expect(spanText(t, 4 * MIN + 12_000)).toBe('4分钟12秒');
    expect(spanText(t, 5 * MIN)).toBe('5分钟');
    expect(spanText(t, 90 * MIN + 30_000)).toBe('1小时30分钟');
    expect(spanText(t, 36 * 60 * MIN)).toBe('1天12小时');
    expect(spanText(t, 3 * 24 * 60 * MIN)).toBe('3天');
    expect(spanText(t, 999)).toBe('0秒');
    expect(spanText(t, -65_000)).toBe('1分钟5秒');
  });

  it('in English too', async () => {
    const t = await translator('en');
    expect(spanText(t, 36 * 3_600_000)).toBe('1 d 12 h');
    expect(spanText(t, 42_000)).toBe('42s');
  });
});
