import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { foldDeskSettings } from './settingsFold';

const change = (hlc: string, payload: object): DeskEvent => ({
  id: hlc, stream: 'settings', type: 'settings.changed', hlc, station: 'FD', actor: 'm1', payload: payload as Record<string, unknown>,
});

describe('desk settings fold', () => {
  it('starts from the defaults and keeps the last writer per key, whatever the arrival order', () => {
    const early = change('2026-11-22T08:00:00.000Z-0000-0000000000000001', { idleLockMinutes: 10, defaultLanguage: 'en' });
    const late = change('2026-11-22T09:00:00.000Z-0000-0000000000000002', { idleLockMinutes: 3 });
    const inOrder = [early, late].reduce(foldDeskSettings, null);
    expect(inOrder).toMatchObject({ key: 'desk', idleLockMinutes: 3, defaultLanguage: 'en' });
    expect([late, early].reduce(foldDeskSettings, null)).toEqual(inOrder);
  });

  it('refuses an out-of-range value', () => {
    expect(() => foldDeskSettings(null, change('2026-11-22T08:00:00.000Z-0000-0000000000000001', { idleLockMinutes: 0 }))).toThrow();
  });
});
