import { test, expect } from './support/fixtures';
import { CLERK, MANAGER, type DeskApp } from './pages/DeskApp';

// Issue 14 at intake: where (a unit or a place without a room, R-RECORD), back-fill (补单,
// R-NIGHT-TRANSFER), the four checks (R-FOUR-CLEAR), a repair's own fields (R-REPAIR-FIELDS),
// and the estate's common areas kept by a manager in settings. zh-CN, 1366×768.

const MANAGER_OPTION = `${MANAGER.name} · 管理处经理`;

/** A screenshot once the modal's transitions have finished (nothing half faded in). */
async function shot(app: DeskApp, name: string) {
  await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await app.screenshot(name);
}


/** `epochMs` as a datetime-local text on the station's clock (the setup's Asia/Shanghai). */
function stationInput(epochMs: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(epochMs)
    .replace(' ', 'T');
}

test('R-RECORD, R-FOUR-CLEAR: a patrol report at a common area (no room) is saved and found in the queue by the place', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('来源渠道').selectOption('patrol');
  await intake.getByLabel('公共区域或其他地点').check();
  await expect(intake.getByLabel('楼号')).toHaveCount(0);
  const place = intake.getByRole('combobox', { name: '地点' });
  await place.click();
  // The estate's common areas are offered; the clerk picks one (or types any place).
  await page.getByRole('option', { name: '停车场' }).click();
  await expect(place).toHaveValue('停车场');
  await intake.getByLabel('求助类别').selectOption('security');
  await intake.getByLabel('事项描述').fill('B2 停车场入口栏杆被撞断');
  for (const check of ['听清楚', '问清楚', '复述清楚', '记录清楚']) await intake.getByLabel(check).check();
  await intake.getByLabel('一报告(已报告给)').fill('保安部张班长');
  await expect(intake.getByLabel('发生时间')).not.toHaveValue('');
  await shot(app, 'intake-place-zh-CN');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();

  const row = app.queueRows().first();
  await expect(row.getByTestId('queue-place')).toHaveText('停车场');
  await expect(row).toContainText('治安与意外事件');
  // Searched by the place as shown.
  await page.keyboard.press('F2');
  await intake.getByLabel('楼号').fill('3');
  await intake.getByLabel('房号').fill('1502');
  await intake.getByLabel('事项描述').fill('厨房水管漏水');
  await page.keyboard.press('Control+Enter');
  await expect(app.queueRows()).toHaveCount(2);
  await page.getByPlaceholder('搜索单号、房号或内容').fill('停车场');
  await expect(app.queueRows()).toHaveCount(1);
  await expect(app.queueRows().first()).toContainText('栏杆被撞断');
});

test('R-RECORD, R-VISIT: a place is required when there is no room; the unit typed before is kept; a visitor is told the time it takes', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await expect(intake.getByTestId('visit-hint')).toHaveCount(0);
  await intake.getByLabel('来源渠道').selectOption('visit');
  await expect(intake.getByTestId('visit-hint')).toHaveText('来访:请告知住户答复所需的时间,办妥后回访。');
  await intake.getByLabel('楼号').fill('3');
  await intake.getByLabel('公共区域或其他地点').check();
  await intake.getByLabel('事项描述').fill('楼道灯不亮');
  await page.keyboard.press('Control+Enter');
  await expect(intake.getByText('请选择或填写地点')).toBeVisible();
  await intake.getByLabel('公共区域或其他地点').uncheck();
  await expect(intake.getByLabel('楼号')).toHaveValue('3');
});

test('R-NIGHT-TRANSFER (补单): a future time is refused with nothing typed lost; a past time with a reason is saved and marked 补单', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('6');
  await intake.getByLabel('房号').fill('302');
  await intake.getByLabel('来电/来访人').fill('陈先生');
  await intake.getByLabel('事项描述').fill('夜间卫生间水管爆裂,中控室已派维修工关阀');
  await intake.getByLabel('补单').check();
  const at = intake.getByLabel('实际受理时间');
  await at.fill(stationInput(Date.now() + 2 * 3600_000));
  await page.keyboard.press('Control+Enter');
  await expect(intake.getByText('时间不能晚于现在')).toBeVisible();
  await expect(intake.getByText('请填写补单原因')).toBeVisible();
  await shot(app, 'intake-backfill-zh-CN');
  // Refused, and everything typed is still there.
  await expect(intake.getByLabel('事项描述')).toHaveValue('夜间卫生间水管爆裂,中控室已派维修工关阀');
  await expect(intake.getByLabel('来电/来访人')).toHaveValue('陈先生');
  await expect(intake.getByLabel('房号')).toHaveValue('302');
  await expect(app.queueRows()).toHaveCount(0);

  await at.fill(stationInput(Date.now() - (6 * 60 + 30) * 60_000));
  await intake.getByLabel('补单原因').fill('夜间电话转中控室,次日早班补录');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  const row = app.queueRows().first();
  await expect(row.getByTestId('queue-backfilled')).toHaveText('补单');
  // The age counts from the real received time, not from when it was entered.
  await expect(row.getByTestId('queue-age')).toHaveText('6 小时');
});

test('R-REPAIR-FIELDS, U5: a repair with its own fields; they survive a reload as a draft', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('5');
  await intake.getByLabel('房号').fill('803');
  await intake.getByLabel('来电/来访人').fill('刘女士');
  await intake.getByLabel('联系电话').fill('13912345678');
  await expect(intake.getByLabel('求助类别')).toHaveValue('repair');
  await intake.getByLabel('事项描述').fill('厨房水槽下水管漏水');
  await intake.getByLabel('故障部位').fill('厨房水槽下');
  await intake.getByLabel('家中是否有人').selectOption('no');
  await intake.getByLabel('管理处备用钥匙').selectOption('mayUse');
  await intake.getByLabel('可上门时间').fill('今天 14:00 以后');
  await intake.getByLabel('重大事项(立即上报)').check();
  await intake.getByLabel('听清楚').check();
  await expect(intake.getByTestId('draft-kept')).toBeVisible();
  await shot(app, 'intake-repair-fields-zh-CN');

  await page.reload();
  await app.signIn(MANAGER_OPTION, MANAGER.pin);
  await expect(intake.getByTestId('draft-restored')).toBeVisible();
  await expect(intake.getByLabel('故障部位')).toHaveValue('厨房水槽下');
  await expect(intake.getByLabel('家中是否有人')).toHaveValue('no');
  await expect(intake.getByLabel('管理处备用钥匙')).toHaveValue('mayUse');
  await expect(intake.getByLabel('可上门时间')).toHaveValue('今天 14:00 以后');
  await expect(intake.getByLabel('重大事项(立即上报)')).toBeChecked();
  await expect(intake.getByLabel('听清楚')).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows().first()).toContainText('5-803');
  // The ticket shows what was asked (R-REPAIR-FIELDS).
  await app.queueRows().first().click();
  const details = page.getByTestId('repair-details');
  for (const text of ['厨房水槽下', '无人', '已存放,可使用', '今天 14:00 以后']) await expect(details).toContainText(text);
});

test('R-MEDICAL-REPORT: a medical request asks for the phone first and is refused without it', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('楼号').fill('2');
  await intake.getByLabel('房号').fill('601');
  await intake.getByLabel('求助类别').selectOption('medical');
  await expect(intake.getByTestId('medical-hint')).toHaveText('急救:先问清地址和联系电话。');
  await intake.getByLabel('事项描述').fill('老人在家中摔倒,意识清醒');
  await page.keyboard.press('Control+Enter');
  await expect(intake.getByText('急救求助须先问清联系电话')).toBeVisible();
  await intake.getByLabel('联系电话').fill('13800138000');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows().first()).toContainText('急救病人求助');
});

test('the manager adds a common area in settings and the intake offers it; a clerk does not see the lists', async ({ app, page }) => {
  await app.open();
  await app.completeSetup();
  await page.getByText('设置', { exact: true }).click();
  const areas = page.getByTestId('reference-list-commonAreas');
  await areas.getByLabel('新增公共区域').fill('大堂');
  await areas.getByRole('button', { name: '添加' }).click();
  // Listed twice: said at the entry, and the list cannot be saved.
  await expect(areas.getByText('与其他项目重复')).toBeVisible();
  await expect(areas.getByRole('button', { name: '保存公共区域' })).toBeDisabled();
  await areas.getByRole('button', { name: '删除 大堂' }).last().click();
  await areas.getByLabel('新增公共区域').fill('3号楼架空层');
  await areas.getByLabel('新增公共区域').press('Enter');
  await areas.getByRole('button', { name: '上移 3号楼架空层' }).click();
  await areas.getByRole('button', { name: '保存公共区域' }).click();
  await expect(page.getByText('公共区域已保存')).toBeVisible();
  // The card's top just under the desk's header bar.
  await page.getByTestId('reference-lists').evaluate((card) => window.scrollBy(0, card.getBoundingClientRect().top - 72));
  await page.mouse.move(0, 0);
  await shot(app, 'settings-lists-zh-CN');

  await page.keyboard.press('F2');
  const intake = app.intake();
  await intake.getByLabel('公共区域或其他地点').check();
  await intake.getByRole('combobox', { name: '地点' }).fill('架空');
  await page.getByRole('option', { name: '3号楼架空层' }).click();
  await intake.getByLabel('事项描述').fill('架空层地面积水');
  await page.keyboard.press('Control+Enter');
  await expect(intake).toBeHidden();
  await expect(app.queueRows().first().getByTestId('queue-place')).toHaveText('3号楼架空层');

  await app.addStaff(CLERK);
  await page.keyboard.press('Control+L');
  await app.signIn(CLERK.option, CLERK.pin);
  await app.expectOnDuty(CLERK.name);
  await page.getByText('设置', { exact: true }).click();
  await expect(page.getByText('只有主管或经理可以修改值班台设置。')).toBeVisible();
  await expect(page.getByTestId('reference-lists')).toHaveCount(0);
});
