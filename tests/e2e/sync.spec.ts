import { expect, test } from '@playwright/test';
import { MANAGER } from './pages/DeskApp';
import { MANAGER_OPTION, enrolInSettings, header, joinEstate, openStation, queue, record, startTwoStations, toQueue } from './support/syncStations';
import { Station } from '../hub/support/client';
import { makeEvents } from '../hub/support/events';

// Issue 13, end to end: a real hub (npm run hub, SQLite in a temp folder) and TWO web shells
// (two data folders, two ports: two origins, two IndexedDBs) in Chromium. A is set up as a new
// estate and connected in Settings; B joins the estate with its own token and signs in with A's
// manager PIN. Then: saves cross (within 5 s), the hub goes away and comes back, and a hub
// restored from a backup (new epoch) gets back everything from the stations.

test('issue 13: two stations through a real hub: saves cross, an outage and a restored hub lose nothing', async ({ browser }) => {
  test.setTimeout(300_000);
  const estate = await startTwoStations();
  const { hub, tokenA, tokenB, shellA, shellB } = estate;
  try {
    const a = await openStation(browser, shellA);
    await a.completeSetup();
    // Not connected yet: a quiet standalone state.
    await expect(header(a)).toHaveAttribute('data-state', 'standalone');
    await a.screenshot('sync-header-standalone-zh-CN');
    await enrolInSettings(a, hub.url, tokenA, 'front-desk');
    await a.page.getByTestId('hub-settings').scrollIntoViewIfNeeded();
    await a.screenshot('sync-settings-card-zh-CN');
    await expect(header(a)).toHaveAttribute('data-state', 'synced');
    await expect(a.page.getByTestId('sync-main')).toHaveText('刚刚同步');
    await a.screenshot('sync-header-synced-zh-CN');

    const b = await openStation(browser, shellB);
    await joinEstate(b, hub.url, tokenB, 'control-room');
    await expect(header(b)).toHaveAttribute('data-state', 'synced');

    // A request saved on A shows in B's queue within 5 s, with its timeline.
    await toQueue(a);
    await record(a.page, '101', '楼道灯不亮');
    await expect(queue(b).filter({ hasText: '楼道灯不亮' })).toHaveCount(1, { timeout: 5_000 });
    await queue(b).filter({ hasText: '楼道灯不亮' }).click();
    await expect(b.page.getByTestId('timeline')).toContainText(`${MANAGER.name} 受理登记`);

    // A note added on B shows on A.
    const note = b.page.getByRole('textbox', { name: '添加记录' });
    await note.fill('已通知电工');
    await note.press('Control+Enter');
    await expect(b.page.getByTestId('timeline')).toContainText('已通知电工');
    await queue(a).filter({ hasText: '楼道灯不亮' }).click();
    await expect(a.page.getByTestId('timeline')).toContainText('已通知电工', { timeout: 5_000 });

    // The hub goes away: both keep working; the header says unreachable and counts what waits.
    await hub.stop();
    await toQueue(a);
    await record(a.page, '102', '电梯异响');
    await toQueue(b);
    await record(b.page, '201', '门禁卡失灵');
    for (const app of [a, b]) {
      await expect(header(app)).toHaveAttribute('data-state', 'unreachable', { timeout: 15_000 });
      await expect(app.page.getByTestId('sync-waiting')).toHaveAttribute('aria-label', /^待发送 [1-9]/);
    }
    await expect(queue(a).filter({ hasText: '电梯异响' })).toHaveCount(1);
    await expect(queue(b).filter({ hasText: '门禁卡失灵' })).toHaveCount(1);
    await a.screenshot('sync-header-unreachable-zh-CN');
    await a.page.getByTestId('sync-indicator').click();
    await expect(a.page.getByTestId('sync-screen')).toBeVisible();
    await a.page.mouse.move(600, 600);
    await expect(a.page.getByTestId('sync-reachable')).toContainText('无法连接');
    await a.screenshot('sync-screen-unreachable-zh-CN');

    // The hub is back (same address): the hosts notice by themselves and both converge.
    await hub.start();
    await toQueue(a);
    for (const app of [a, b]) {
      await expect(queue(app).filter({ hasText: '电梯异响' })).toHaveCount(1, { timeout: 90_000 });
      await expect(queue(app).filter({ hasText: '门禁卡失灵' })).toHaveCount(1, { timeout: 90_000 });
      await expect(app.page.getByTestId('sync-waiting')).toHaveCount(0, { timeout: 30_000 });
      await expect(header(app)).toHaveAttribute('data-state', 'synced');
    }

    // A backup, then a save the backup does not hold (it reaches the hub and B)...
    const backup = await hub.backup();
    const epochBefore = hub.epoch;
    await record(a.page, '103', '水表漏水');
    await expect(queue(b).filter({ hasText: '水表漏水' })).toHaveCount(1, { timeout: 15_000 });
    // ...the hub's disk is lost and it is restored from the backup: a new epoch.
    await hub.stop();
    await hub.restoreInto(backup);
    await hub.start();
    expect(hub.epoch).not.toBe(epochBefore);
    // Both re-push everything they hold; a save after the restore crosses too; nothing is lost.
    await record(b.page, '202', '停车场积水');
    await expect(queue(a).filter({ hasText: '停车场积水' })).toHaveCount(1, { timeout: 90_000 });
    const descriptions = ['楼道灯不亮', '电梯异响', '门禁卡失灵', '水表漏水', '停车场积水'];
    for (const app of [a, b]) {
      await toQueue(app);
      for (const text of descriptions) await expect(queue(app).filter({ hasText: text })).toHaveCount(1, { timeout: 60_000 });
      await expect(queue(app)).toHaveCount(descriptions.length);
    }
    // The restored hub holds every ticket again, each once (read as a third program would).
    await expect
      .poll(async () => {
        const events = await new Station(hub.url, tokenA).pullAll();
        const opened = events.filter((e) => e.type === 'ticket.opened').map((e) => (e.payload as { description?: string }).description);
        return [...opened].sort();
      }, { timeout: 60_000 })
      .toEqual([...descriptions].sort());
    await a.page.locator('a', { hasText: /^同步$/ }).first().click();
    await expect(a.page.getByTestId('sync-history')).toBeVisible();
    await a.screenshot('sync-screen-zh-CN');
  } finally {
    await estate.stop();
  }
});

test('issue 13 screens: a station off the hub\'s clock, a new station\'s first pull, events not understood (zh-CN and en)', async ({ browser }) => {
  test.setTimeout(240_000);
  // The hub's clock runs 3 minutes ahead of both stations'.
  const estate = await startTwoStations({
    more: ['newer-version'],
    hubEnv: { NODE_OPTIONS: `--import ${new URL('./support/clockAhead.mjs', import.meta.url).pathname}`, HUB_CLOCK_SHIFT_MS: String(3 * 60_000) },
  });
  const { hub, tokenA, tokenB, shellA, shellB } = estate;
  const tokenNewer = estate.tokens['newer-version']!;
  try {
    const a = await openStation(browser, shellA);
    await a.completeSetup();
    await enrolInSettings(a, hub.url, tokenA, 'front-desk');
    await expect(a.page.getByTestId('sync-clock')).toHaveAttribute('aria-label', /^本机时钟与中心相差 3 分钟/);
    await a.screenshot('sync-header-clock-zh-CN');

    // A station of a newer version wrote many events of a type this version does not know (F12):
    // B's first pull has them to get through after the estate's settings and staff.
    const newer = new Station(hub.url, tokenNewer);
    for (let i = 0; i < 40; i++) expect((await newer.push(makeEvents('newer-version', 1000))).status).toBe(200);

    const b = await openStation(browser, shellB);
    await b.page.getByRole('button', { name: '加入已有小区' }).click();
    await b.screenshot('sync-join-form-zh-CN');
    await b.page.getByLabel('中心地址').fill(hub.url);
    await b.page.getByLabel('工作站令牌').fill(tokenB);
    await b.page.getByRole('button', { name: '连接', exact: true }).click();
    await expect(b.page.getByTestId('join-progress')).toContainText(/已接收 [1-9]/);
    await b.screenshot('sync-join-progress-zh-CN');
    await b.page.getByRole('button', { name: '完成加入' }).click();
    await b.signIn(MANAGER_OPTION, MANAGER.pin);
    await b.expectOnDuty(MANAGER.name);
    // Usable while the first pull runs; the header shows its progress, then the count not understood.
    await expect(header(b)).toHaveAttribute('data-state', 'firstPull');
    await b.screenshot('sync-header-first-pull-zh-CN');
    // Counts stop at 1000 (a count walks its rows); the Sync screen's list by type says how many.
    await expect(b.page.getByTestId('sync-not-understood')).toHaveAttribute('aria-label', '无法识别 1000+', { timeout: 120_000 });
    await b.screenshot('sync-header-not-understood-zh-CN');
    await b.page.getByText('同步', { exact: true }).click();
    // The first pull goes on meanwhile (its pace is the machine's): the list counts up to all of them.
    await expect(b.page.getByTestId('sync-not-understood-list')).toContainText('40000', { timeout: 120_000 });
    await b.screenshot('sync-screen-not-understood-zh-CN');

    await b.page.getByText('设置', { exact: true }).click();
    await b.page.getByLabel('我的界面语言').selectOption('en');
    await expect(b.page.getByTestId('sync-clock')).toHaveAttribute('aria-label', /^Clock 3 min off the hub/);
    await b.page.getByTestId('hub-settings').scrollIntoViewIfNeeded();
    await b.screenshot('sync-settings-card-en');
    await b.page.getByText('Sync', { exact: true }).click();
    await expect(b.page.getByTestId('sync-screen')).toBeVisible();
    await b.screenshot('sync-screen-en');
  } finally {
    await estate.stop();
  }
});
