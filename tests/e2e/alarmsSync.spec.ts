import { expect, test } from '@playwright/test';
import { enrolInSettings, joinEstate, openStation, startTwoStations } from './support/syncStations';
import { MINUTE, item, sound, soundPlays, urgentRepairCalledAt } from './support/alarmSteps';

// Issue 15 with two stations of one estate through a real hub (npm run hub, SQLite): an urgent
// repair recorded at the front desk rings on both stations (every station shows the alarm bar;
// both ring here, as neither holds the desk yet), and the acknowledgement given on one is an
// event that reaches the other and stops its ring there too.

test('R-REPAIR-URGENT-15MIN: an acknowledgement on one station stops the ring on the other', async ({ browser }) => {
  test.setTimeout(180_000);
  const estate = await startTwoStations();
  const { hub, tokenA, tokenB, shellA, shellB } = estate;
  try {
    const a = await openStation(browser, shellA);
    await a.completeSetup();
    await enrolInSettings(a, hub.url, tokenA, 'front-desk');
    const b = await openStation(browser, shellB);
    await joinEstate(b, hub.url, tokenB, 'control-room');
    await a.goTo('工作队列');

    // Due ~25 s from now: time for the request and its step to reach the control room.
    const dueAt = Date.now() + 25_000;
    await urgentRepairCalledAt(a, a.page, dueAt - 15 * MINUTE);
    await expect(item(b.page)).toHaveCount(1, { timeout: 15_000 });
    await expect(item(b.page)).toHaveAttribute('data-ringing', 'false');

    for (const station of [a, b]) await expect(item(station.page)).toHaveAttribute('data-ringing', 'true', { timeout: 40_000 });
    await soundPlays(a.page);
    await soundPlays(b.page);
    await b.screenshot('alarms-sync-both-ringing-control-room-zh-CN');

    // Acknowledged at the front desk: silent there at once, and at the control room once the event arrives.
    await item(a.page).getByTestId('alarm-ack').click();
    await expect(item(a.page)).toHaveAttribute('data-ringing', 'false');
    await expect(item(b.page)).toHaveAttribute('data-ringing', 'false', { timeout: 15_000 });
    await expect(sound(b.page)).toHaveAttribute('data-playing', 'false');
    expect(await sound(b.page).evaluate((el: HTMLAudioElement) => el.paused)).toBe(true);
    // Still listed on both (the technician is not on site yet), acknowledged.
    await expect(item(b.page)).toHaveCount(1);
    await item(b.page).getByRole('button', { name: /^打开 / }).click();
    await expect(b.page.getByTestId('timeline')).toContainText('确认了「紧急维修15分钟到场」的提醒');
  } finally {
    await estate.stop();
  }
});
