import { expect, type Browser, type Page } from '@playwright/test';
import { DeskApp, MANAGER } from '../pages/DeskApp';
import { startWebShell, type WebShell } from './webShell';
import { E2eHub, SITE } from './hubForE2e';

// Two or more web shells of one estate through a real hub (issue 13's e2e, issue 15's alarms on
// two stations): open a station, connect it in Settings, join the estate from the first-run screen.

export const MANAGER_OPTION = `${MANAGER.name} · 管理处经理`;

export async function openStation(browser: Browser, shell: WebShell): Promise<DeskApp> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const app = new DeskApp(page, shell);
  await app.open();
  return app;
}

/** Settings → sync hub: address and token, "connect"; the card then names estate and station. */
export async function enrolInSettings(app: DeskApp, hubUrl: string, token: string, station: string) {
  const p = app.page;
  await p.getByText('设置', { exact: true }).click();
  const card = p.getByTestId('hub-settings');
  await card.getByLabel('中心地址').fill(hubUrl);
  await card.getByLabel('工作站令牌').fill(token);
  await card.getByRole('button', { name: '连接同步中心' }).click();
  await expect(card.getByTestId('hub-enrolment')).toHaveText(`已连接:小区 ${SITE} · 工作站 ${station}`);
  // The token was handed to the host and is not kept on screen.
  await expect(card.getByLabel('工作站令牌')).toHaveValue('');
}

export async function joinEstate(app: DeskApp, hubUrl: string, token: string, station: string) {
  const p = app.page;
  await p.getByRole('button', { name: '加入已有小区' }).click();
  await p.getByLabel('中心地址').fill(hubUrl);
  await p.getByLabel('工作站令牌').fill(token);
  await p.getByRole('button', { name: '连接', exact: true }).click();
  await expect(p.getByTestId('join-whoami')).toHaveText(`小区:${SITE} · 工作站:${station}`);
  await expect(p.getByLabel('工作站代码')).not.toHaveValue('');
  await app.screenshot('sync-join-ready-zh-CN');
  await p.getByRole('button', { name: '完成加入' }).click();
  await expect(p.getByRole('heading', { name: '值班签到' })).toBeVisible();
  await app.signIn(MANAGER_OPTION, MANAGER.pin);
  await app.expectOnDuty(MANAGER.name);
}

export async function record(page: Page, room: string, description: string) {
  await page.keyboard.press('F2');
  const intake = page.getByRole('dialog', { name: '新建受理' });
  await intake.getByLabel('楼号').fill('7');
  await intake.getByLabel('房号').fill(room);
  await intake.getByLabel('来电/来访人').fill('王五');
  await intake.getByLabel('事项描述').fill(description);
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
}

export const queue = (app: DeskApp) => app.page.getByTestId('queue-row');
export const toQueue = (app: DeskApp) => app.page.locator('a', { hasText: '工作队列' }).first().click();
export const header = (app: DeskApp) => app.page.getByTestId('sync-indicator');


/**
 * A real hub with two station tokens (front-desk, control-room) and two web shells, started; `stop`
 * ends all three. `more`: further stations of the estate with a token and no shell (a raw client's);
 * `hubEnv`: the hub process's environment (a shifted clock).
 */
export async function startTwoStations({ more = [], hubEnv }: { more?: readonly string[]; hubEnv?: Record<string, string> } = {}) {
  const hub = await E2eHub.create(hubEnv);
  const tokenA = await hub.station('front-desk');
  const tokenB = await hub.station('control-room');
  const tokens: Record<string, string> = {};
  for (const name of more) tokens[name] = await hub.station(name);
  await hub.start();
  const shellA = await startWebShell();
  const shellB = await startWebShell();
  return {
    hub, tokenA, tokenB, tokens, shellA, shellB,
    async stop() {
      await shellA.stop();
      await shellB.stop();
      await hub.stop();
    },
  };
}
