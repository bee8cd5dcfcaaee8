import { test, expect } from './support/fixtures';
import { MANAGER } from './pages/DeskApp';

test('U11: choosing English in first-run setup translates the form at once, and the setup completes in English', async ({ app, page }) => {
  await app.open();
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  await app.screenshot('u11-setup-zh-CN');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'First-run setup' })).toBeVisible();
  await expect(page.getByLabel('Station code')).toBeVisible();
  await page.getByLabel('Estate (management office) name').fill('Green Lake Gardens');
  await page.getByLabel('Time zone').fill('Asia/Shanghai');
  await page.getByLabel("Manager's name").fill('Tom Lee');
  await page.getByLabel('Personal PIN').fill(MANAGER.pin);
  await page.getByLabel('PIN again').fill('111111');
  await page.getByRole('button', { name: 'Finish setup' }).click();
  // An inline error in the chosen language, too.
  await expect(page.getByText('The two PINs differ')).toBeVisible();
  await app.screenshot('u11-setup-en');
  await page.getByLabel('PIN again').fill(MANAGER.pin);
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await expect(page.getByTestId('on-duty')).toContainText('On duty: Tom Lee');
  await app.screenshot('u21-header-en');
});

test('U21: the time zone is saved as the IANA database spells it; an unknown zone is refused; the code hint says it starts with a letter', async ({ app, page }) => {
  await app.open();
  await expect(page.getByText('以字母开头,用于单号前缀')).toBeVisible();
  await page.getByLabel('时区').fill('Mars/Olympus');
  await page.getByLabel('时区').blur();
  await expect(page.getByText('无效的时区')).toBeVisible();
  await page.getByLabel('时区').fill('asia/shanghai');
  await page.getByLabel('时区').blur();
  await expect(page.getByLabel('时区')).toHaveValue('Asia/Shanghai');
  await page.getByLabel('小区(管理处)名称').fill('翠湖花园');
  await page.getByLabel('经理姓名').fill(MANAGER.name);
  await page.getByLabel('个人 PIN 码').fill(MANAGER.pin);
  await page.getByLabel('再次输入 PIN 码').fill(MANAGER.pin);
  // Hints under their inputs: the station's name and code inputs, side by side, stay in line.
  const [nameBox, codeBox] = await Promise.all([page.getByLabel('工作站名称').boundingBox(), page.getByLabel('工作站代码').boundingBox()]);
  expect(nameBox!.y).toBe(codeBox!.y);
  await page.getByRole('button', { name: '完成设置' }).click();
  await app.expectOnDuty(MANAGER.name);
  await page.getByText('设置', { exact: true }).click();
  await expect(page.getByText('时区: Asia/Shanghai')).toBeVisible();
});

test('U21: the header shows a name as written, not upper-cased', async ({ app, page }) => {
  await app.open();
  await page.getByLabel('小区(管理处)名称').fill('翠湖花园');
  await page.getByLabel('时区').fill('Asia/Shanghai');
  await page.getByLabel('经理姓名').fill('Tom Lee');
  await page.getByLabel('个人 PIN 码').fill(MANAGER.pin);
  await page.getByLabel('再次输入 PIN 码').fill(MANAGER.pin);
  await page.getByRole('button', { name: '完成设置' }).click();
  // innerText is the text as rendered, after text-transform.
  await expect.poll(() => page.getByTestId('on-duty').evaluate((el) => (el as HTMLElement).innerText)).toContain('Tom Lee');
  await app.screenshot('u21-header-zh-CN');
});
