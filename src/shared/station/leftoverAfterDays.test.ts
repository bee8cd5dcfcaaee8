import { describe, expect, it } from 'vitest';
import { formatHlc } from '../hlc';
import { foldDeskSettings } from './settingsFold';
import { LEFTOVER_AFTER_DAYS, SETTINGS_CHANGED, defaultDeskSettings, deskSettingsSchema, settingsChangedPayload } from './stationEvents';

// R-LEFTOVER: the estate's "open for long" threshold, a desk setting of whole days 1..90 (default 7).

describe('desk setting leftoverAfterDays', () => {
  it('R-LEFTOVER: whole days from 1 to 90 are taken; 0, 91, a fraction or text are refused', () => {
    for (const days of [1, 7, 90]) expect(settingsChangedPayload.safeParse({ leftoverAfterDays: days }).success).toBe(true);
    for (const days of [0, 91, 7.5, -1, '7', null]) expect(settingsChangedPayload.safeParse({ leftoverAfterDays: days }).success).toBe(false);
  });

  it('R-LEFTOVER: settings stored before the setting still parse and fold; unset it reads as 7 days', () => {
    expect('leftoverAfterDays' in defaultDeskSettings).toBe(false);
    expect(deskSettingsSchema.safeParse(defaultDeskSettings).success).toBe(true);
    const event = { id: 'e1', stream: 'settings', type: SETTINGS_CHANGED, hlc: formatHlc({ millis: 1, counter: 0, node: '00000000000000aa' }), station: 'front-desk', actor: 'm', payload: { idleLockMinutes: 10 } };
    const row = foldDeskSettings(null, event);
    expect(row?.leftoverAfterDays ?? LEFTOVER_AFTER_DAYS.default).toBe(7);
    const changed = foldDeskSettings(row, { ...event, id: 'e2', hlc: formatHlc({ millis: 2, counter: 0, node: '00000000000000aa' }), payload: { leftoverAfterDays: 14 } });
    expect(changed?.leftoverAfterDays).toBe(14);
  });
});
