// Staff type names in pinyin on the desk keyboard: full (zhangsan), its start (zhang) and
// initials (zs). Surname readings first (单 is shan, 曾 is zeng), ü typed as v (lv for 吕).
import { pinyin } from 'pinyin-pro';

export interface PinyinForms {
  /** One entry per syllable or latin/digit run: ['zhang', 'san']. */
  syllables: string[];
  /** One letter per syllable or run: ['z', 's']. */
  initials: string[];
}

export function hasChinese(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/u.test(text);
}

export function pinyinForms(text: string, asName: boolean): PinyinForms {
  const syllables: string[] = [];
  let run = '';
  const flush = () => {
    if (run) syllables.push(run);
    run = '';
  };
  const chars = pinyin(text, { toneType: 'none', type: 'all', v: true, ...(asName ? { mode: 'surname', surname: 'head' } : {}) });
  for (const char of chars) {
    if (char.isZh && char.pinyin) {
      flush();
      syllables.push(char.pinyin.toLowerCase());
    } else if (/[\p{L}\p{N}]/u.test(char.origin)) {
      run += char.origin.toLowerCase();
    } else {
      flush();
    }
  }
  flush();
  return { syllables, initials: syllables.map((s) => s.charAt(0)) };
}
