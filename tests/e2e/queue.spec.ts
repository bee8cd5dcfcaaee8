import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import type { DeskApp } from './pages/DeskApp';

// The work queue as the clerk reads it at 1366×768: urgent requests first (U20), a one-line
// description column (U20), and nothing truncated or wrapped in either language (U8).

const LONG = '厨房水管漏水,水已经流到客厅和走廊,楼下住户说天花板也在滴水,请尽快派维修工上门查看并关闭总阀,住户下午三点以后在家';

async function recordNormal(app: DeskApp, room: string, description: string) {
  await app.page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('7');
  await intake.getByLabel('房号').fill(room);
  await intake.getByLabel('来电/来访人').fill('王五');
  await intake.getByLabel('事项描述').fill(description);
  await app.page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
}

/** How the text of `el` lays out: truncated (wider than its box) and the number of lines. */
function layout(el: Locator) {
  return el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return { truncated: node.scrollWidth > node.clientWidth, lines: tops.size, text: node.textContent };
  });
}

async function expectWhole(page: Page, testId: string, inner?: string) {
  const cells = page.getByTestId(testId);
  const count = await cells.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const cell = inner ? cells.nth(i).locator(inner) : cells.nth(i);
    expect(await layout(cell), `${testId} #${i}`).toMatchObject({ truncated: false, lines: 1 });
  }
}

test('U20: urgent requests are pinned above newer ones; the description shows on one line with the full text in its title', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await app.recordLeakWithKeyboard('F2');
  await recordNormal(app, '101', LONG);
  await recordNormal(app, '102', '门禁卡失灵');
  const rows = app.queueRows();
  await expect(rows).toHaveCount(3);
  // The urgent one was recorded first, yet it heads the queue; the rest newest first.
  await expect(rows.nth(0).getByTestId('queue-urgent')).toBeVisible();
  await expect(rows.nth(0)).toContainText('3-1502');
  await expect(rows.nth(1)).toContainText('7-102');
  await expect(rows.nth(2)).toContainText('7-101');
  const description = rows.nth(2).getByTestId('queue-description');
  await expect(description).toHaveAttribute('title', LONG);
  expect(await layout(description)).toMatchObject({ truncated: true, lines: 1 });
  await expect(rows.nth(1).getByTestId('queue-description')).toHaveText('门禁卡失灵');
  await app.screenshot('u20-queue-zh-CN');
  // "All" is a plain history: newest first, urgent or not.
  await page.getByText('全部', { exact: true }).click();
  await expect(rows.nth(0)).toContainText('7-102');
  await expect(rows.nth(2)).toContainText('3-1502');
});

test('U8: in English at 1366×768 no status badge, urgent badge, ticket number or age is truncated or wrapped', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await app.recordLeakWithKeyboard('F2');
  await recordNormal(app, '101', LONG);
  await recordNormal(app, '102', '门禁卡失灵');
  // One request in progress: the longest status label.
  await app.queueRows().nth(1).click();
  // The first step of its handling puts it in progress (issue 14: no generic status button).
  await page.getByRole('button', { name: '即时答复' }).click();
  await page.getByLabel('答复内容').fill('已告知处理时限');
  await page.getByRole('button', { name: '已即时答复' }).click();
  await expect(page.getByTestId('ticket-status')).toHaveText('处理中');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(app.queueRows()).toHaveCount(3);
  await app.screenshot('u8-queue-zh-CN');
  for (const [id, inner] of [['queue-number'], ['queue-age'], ['queue-status', '.mantine-Badge-label'], ['queue-urgent', '.mantine-Badge-label']] as const) {
    await expectWhole(page, id, inner);
  }

  await page.getByText('设置', { exact: true }).click();
  await page.getByLabel('我的界面语言').selectOption('en');
  await page.getByText('Work queue', { exact: true }).click();
  await expect(page.getByTestId('queue-status').filter({ hasText: 'In progress' })).toBeVisible();
  await expect(page.getByTestId('queue-urgent')).toHaveText('Urgent');
  await app.screenshot('u8-queue-en');
  await app.screenshot('u20-queue-en');
  for (const [id, inner] of [['queue-number'], ['queue-age'], ['queue-status', '.mantine-Badge-label'], ['queue-urgent', '.mantine-Badge-label']] as const) {
    await expectWhole(page, id, inner);
  }
});
