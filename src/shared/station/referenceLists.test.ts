import { describe, expect, it } from 'vitest';
import { REFERENCE_LIMITS } from '../tickets/handling/references';
import { hasReferenceListProblems, referenceListProblems } from './referenceLists';
import { deskSettingsSchema, defaultDeskSettings } from './stationEvents';

describe('reference lists (departments, common areas)', () => {
  it('accepts the default lists', () => {
    expect(hasReferenceListProblems(referenceListProblems(defaultDeskSettings.commonAreas))).toBe(false);
    expect(hasReferenceListProblems(referenceListProblems(defaultDeskSettings.departments))).toBe(false);
  });

  it('keeps at least one entry', () => {
    expect(referenceListProblems([])).toEqual({ list: 'listEmpty', entries: {} });
  });

  it('names the entry that is empty, too long or listed twice (spaces and case do not make it new)', () => {
    expect(referenceListProblems(['大堂', ' ', '3号楼架空层', ' 大堂 ', 'x'.repeat(REFERENCE_LIMITS.entry + 1), 'Gym', 'gym'])).toEqual({
      entries: { 1: 'entryMissing', 3: 'duplicate', 4: 'entryTooLong', 6: 'duplicate' },
    });
  });

  it('refuses more entries than the settings schema stores, and agrees with it at the boundary', () => {
    const full = Array.from({ length: REFERENCE_LIMITS.entries }, (_, i) => `区域${i}`);
    expect(hasReferenceListProblems(referenceListProblems(full))).toBe(false);
    expect(deskSettingsSchema.shape.commonAreas.safeParse(full).success).toBe(true);
    expect(referenceListProblems([...full, '再一个']).list).toBe('tooMany');
    expect(deskSettingsSchema.shape.commonAreas.safeParse([...full, '再一个']).success).toBe(false);
    const longest = 'x'.repeat(REFERENCE_LIMITS.entry);
    expect(referenceListProblems([longest]).entries).toEqual({});
    expect(deskSettingsSchema.shape.commonAreas.safeParse([longest]).success).toBe(true);
  });
});
