import { test, expect } from './support/fixtures';
import { startWebShell } from './support/webShell';
import { MANAGER, type StaffToAdd } from './pages/DeskApp';
import { MINUTE, item, sound, soundPlays, urgentRepairCalledAt } from './support/alarmSteps';

// Issue 15: deadlines that ring, in Chromium through the web shell with the autoplay policy the
// desktop shell uses (the sound may start without a click). An urgent repair whose technician
// was called (the step's time set back so R-REPAIR-URGENT-15MIN falls due seconds ahead) rings
// on the host's alarm clock: the bar shows it, the sound plays, acknowledging stops it.

const SUPERVISOR: StaffToAdd = { name: '陈主管', role: 'supervisor', pin: '135790', option: '陈主管 · 客服主管' };
test.describe('deadlines that ring (issue 15)', () => {
  test('R-REPAIR-URGENT-15MIN: the technician not on site in time rings; acknowledging stops the sound and shows in the timeline', async ({ app, page }) => {
    await app.open();
    await app.completeSetup();
    // The 15 minutes end ~6 s from now; the record can only be set back to before now.
    const dueAt = Date.now() + 8000;
    await urgentRepairCalledAt(app, page, dueAt - 15 * MINUTE);
    await expect(item(page)).toHaveAttribute('data-level', 'warn');
    await expect(item(page)).toHaveAttribute('data-ringing', 'false');
    await expect(item(page)).toHaveAttribute('data-ringing', 'true', { timeout: 20_000 });
    // The host's clock fired it, not a renderer timer: within a couple of seconds of its due time.
    expect(Date.now() - dueAt).toBeLessThan(5000);
    await expect(item(page)).toHaveAttribute('data-level', 'due');
    await soundPlays(page);
    await expect(sound(page)).toHaveAttribute('data-level', 'due');
    await expect(item(page)).toContainText('应维修人员到场');
    await expect(page.getByTestId('alarm-sound-blocked')).toHaveCount(0);
    await app.screenshot('alarms-bar-ringing-zh-CN');

    // A snooze asks why and says how many are left; cancelled here.
    await item(page).getByTestId('alarm-snooze').click();
    const modal = page.getByRole('dialog');
    await expect(modal.getByTestId('snooze-left')).toHaveText('本轮还可暂缓 3 次');
    await modal.getByLabel('暂缓原因').fill('工程部正在赶往现场');
    await app.screenshot('alarms-snooze-modal-zh-CN');
    await modal.getByRole('button', { name: '取消' }).click();

    await item(page).getByTestId('alarm-ack').click();
    await expect(item(page)).toHaveAttribute('data-ringing', 'false');
    await expect(sound(page)).toHaveAttribute('data-playing', 'false');
    expect(await sound(page).evaluate((el: HTMLAudioElement) => el.paused)).toBe(true);
    await expect(page.getByTestId('timeline')).toContainText(`${MANAGER.name} 确认了「紧急维修15分钟到场」的提醒`);
  });

  test('R-REPAIR-URGENT-15MIN: a web shell restarted during the countdown still rings on time, and the lock screen acknowledges with a PIN', async ({ app, page, shell }) => {
    test.setTimeout(90_000);
    await app.open();
    await app.completeSetup();
    const dueAt = Date.now() + 20_000;
    await urgentRepairCalledAt(app, page, dueAt - 15 * MINUTE);
    await expect(item(page)).toHaveAttribute('data-ringing', 'false');
    // The desk stops and starts again on the same data folder and port (the same origin, so the same store).
    const port = Number(new URL(shell.url).port);
    await shell.stop();
    const again = await startWebShell({ dataDir: shell.dataDir, port });
    try {
      // A new launch has a new token: the page loads afresh (a hash-only change would not reload it).
      await page.goto('about:blank');
      await page.goto(again.url);
      await expect(page.getByRole('heading', { name: '值班签到' })).toBeVisible();
      await expect(item(page)).toHaveAttribute('data-ringing', 'true', { timeout: 25_000 });
      expect(Date.now() - dueAt).toBeLessThan(5000);
      await soundPlays(page);
      await expect(item(page)).toHaveAttribute('data-level', 'due');
      await app.screenshot('alarms-lock-screen-zh-CN');
      // Nobody is signed in: acknowledging asks who, and their PIN; a wrong one counts as an attempt.
      await item(page).getByTestId('alarm-ack').click();
      const modal = page.getByRole('dialog');
      await modal.getByLabel('确认人').selectOption({ label: '李经理 · 管理处经理' });
      await modal.getByLabel('PIN 码').fill('111111');
      await modal.getByRole('button', { name: '确认报警' }).click();
      await expect(modal.getByRole('alert')).toContainText('PIN 码错误');
      await modal.getByLabel('PIN 码').fill(MANAGER.pin);
      await modal.getByRole('button', { name: '确认报警' }).click();
      await expect(modal).toBeHidden();
      await expect(item(page)).toHaveAttribute('data-ringing', 'false');
      await expect(sound(page)).toHaveAttribute('data-playing', 'false');
    } finally {
      await again.stop();
    }
  });

  test('R-REPAIR-URGENT-15MIN: unacknowledged past its escalation time, the alarm escalates to the supervisor, shown first for them', async ({ app, page }) => {
    // The request was entered 6 minutes ago (the page's clock set back while it is recorded): its
    // 15 minutes from the call ran out after it was entered, so it rings (a back-filled request
    // entered after its deadline had passed would be late and silent), and the 5 more minutes
    // before escalation end ~8 s from now. The host's clock is the real one throughout.
    const escalateAt = Date.now() + 8000;
    await page.clock.install({ time: Date.now() - 6 * MINUTE });
    await page.clock.resume();
    await app.open();
    await app.completeSetup();
    await app.addStaff(SUPERVISOR);
    await app.goTo('工作队列');
    await urgentRepairCalledAt(app, page, escalateAt - 20 * MINUTE);
    await page.clock.setSystemTime(Date.now());
    await expect(item(page)).toHaveAttribute('data-ringing', 'true');
    await expect(item(page)).toHaveAttribute('data-escalated', 'true', { timeout: 20_000 });
    await expect(item(page).getByTestId('alarm-escalated')).toHaveText('已上报主管');
    await expect(sound(page)).toHaveAttribute('data-level', 'escalated');
    await soundPlays(page);
    // The clock moved on 6 minutes: the desk locked itself meanwhile (idle); the bar rings on the lock screen.
    if (await page.getByTestId('on-duty').count()) await page.keyboard.press('Control+L');
    await app.signIn(SUPERVISOR.option, SUPERVISOR.pin);
    await app.expectOnDuty(SUPERVISOR.name);
    await expect(page.getByTestId('alarm-escalated-for-me')).toContainText('已上报主管');
    await expect(item(page)).toHaveAttribute('data-escalated', 'true');
    await app.screenshot('alarms-escalated-supervisor-zh-CN');
    // One click on the alarm opens its request; the timeline says who escalated it to whom.
    await item(page).getByRole('button', { name: /^打开 / }).click();
    await expect(page.getByTestId('timeline')).toContainText('到期无人确认,已升级至主管');
  });
});
