import { describe, expect, it } from 'vitest';
import { byPinyin, isNameTaken, staffNameKey } from './staffNames';

describe('staff names', () => {
  it('U9: the same name in another case, width or spacing is the same name', () => {
    expect(staffNameKey(' 王芳 ')).toBe(staffNameKey('王芳'));
    expect(staffNameKey('ＴＯＭ  lee')).toBe(staffNameKey('Tom Lee'));
    const people = [{ id: 'a', name: '王芳' }, { id: 'b', name: 'Tom Lee' }];
    expect(isNameTaken('王芳 ', people)).toBe(true);
    expect(isNameTaken('tom lee', people)).toBe(true);
    expect(isNameTaken('王芳', people, 'a')).toBe(false);
    expect(isNameTaken('王方', people)).toBe(false);
  });

  it('U21: staff are listed by pinyin, not by code point', () => {
    const names = ['张伟', '王芳', '李经理', 'Tom Lee', '曾敏', '吕布'];
    // By code point 张 (U+5F20) comes before 李 (U+674E) and 王 (U+738B).
    expect(byPinyin(names.map((name) => ({ name }))).map((p) => p.name)).toEqual(['李经理', '吕布', 'Tom Lee', '王芳', '曾敏', '张伟']);
  });
});
