import { describe, expect, it } from 'vitest';
import { zhCN } from '../../src/renderer/i18n/zh-CN';
import { en } from '../../src/renderer/i18n/en';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const zh = leaves(zhCN as unknown as Tree);
  const english = leaves(en as unknown as Tree);

  it('en has exactly the keys of zh-CN, none empty', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of english) expect(text.trim(), key).not.toBe('');
  });

  it('every string uses the same interpolation variables in both languages', () => {
    for (const [key, text] of zh) expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
  });
});
