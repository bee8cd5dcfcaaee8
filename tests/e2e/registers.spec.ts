import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readSpreadsheet } from '../../src/shared/directory/sheet/readSpreadsheet';
import { test, expect } from './support/fixtures';
import { CONTROL_ROOM, type DeskApp } from './pages/DeskApp';

// R-RECORD: the paper forms as screens — help register, complaint record, repair record, daily
// affairs register — listing the day's requests of their kinds, printed as the form (only the
// form, with its signature lines) and exported to xlsx; R-CONFIDENTIAL: numbers masked for the
// control room in the register and in the file.

interface Request {
  kind: 'medical' | 'repair' | 'complaint' | 'inquiry' | 'security' | 'other';
  building: string;
  room: string;
  caller: string;
  phone: string;
  description: string;
}

const REQUESTS: Request[] = [
  { kind: 'repair', building: '3', room: '1502', caller: '张三', phone: '13800138000', description: '厨房水管漏水' },
  { kind: 'complaint', building: '5', room: '201', caller: '李四', phone: '13900139000', description: '投诉保安态度恶劣' },
  { kind: 'medical', building: '2', room: '301', caller: '王五', phone: '13700137000', description: '老人在家中晕倒' },
  { kind: 'security', building: '1', room: '101', caller: '赵六', phone: '13600136000', description: '车辆在小区内被刮' },
  { kind: 'inquiry', building: '6', room: '101', caller: '钱七', phone: '13500135000', description: '咨询停车月卡办理' },
  { kind: 'other', building: '7', room: '801', caller: '孙八', phone: '13400134000', description: '借用梯子' },
];

const REGISTERS = [
  { id: 'help', name: '住户求助登记表', has: ['老人在家中晕倒', '车辆在小区内被刮'] },
  { id: 'complaint', name: '投诉记录表', has: ['投诉保安态度恶劣'] },
  { id: 'repair', name: '报修记录', has: ['厨房水管漏水'] },
  { id: 'daily', name: '日常事务登记表', has: ['咨询停车月卡办理', '借用梯子'] },
] as const;



/** Today in the station's time zone (the fixture's setup says Asia/Shanghai). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());

/** One request through the intake (F2), with the labels the intake form keeps. */
async function record(app: DeskApp, page: Page, r: Request) {
  await page.keyboard.press('F2');
  const intake = app.intake();
  await expect(intake).toBeVisible();
  await intake.getByLabel('求助类别').selectOption(r.kind);
  await intake.getByLabel('楼号').fill(r.building);
  await intake.getByLabel('房号').fill(r.room);
  await intake.getByLabel('来电/来访人').fill(r.caller);
  await intake.getByLabel('联系电话').fill(r.phone);
  await intake.getByLabel('事项描述').fill(r.description);
  await intake.getByLabel('事项描述').press('Control+Enter');
  await expect(intake).toBeHidden();
}

async function chooseRegister(page: Page, name: string) {
  await page.getByTestId('register-choice').getByText(name, { exact: true }).click();
}

async function exportRows(page: Page, name: string): Promise<{ fileName: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export').click()]);
  const path = await download.path();
  const bytes = readFileSync(path);
  const sheet = await readSpreadsheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), download.suggestedFilename());
  if (!sheet.ok) throw new Error(`${name}: the export cannot be read back (${sheet.problem})`);
  return { fileName: download.suggestedFilename(), rows: sheet.rows };
}

test('R-RECORD: each register lists its kinds for the dates, and prints as the form with signature lines', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.open();
  await app.completeSetup();
  for (const r of REQUESTS) await record(app, page, r);
  await expect(app.queueRows()).toHaveCount(REQUESTS.length);

  await app.goTo('登记簿');
  mkdirSync('test-results/registers', { recursive: true });
  for (const register of REGISTERS) {
    await chooseRegister(page, register.name);
    const rows = page.getByTestId('register-row');
    await expect(rows).toHaveCount(register.has.length);
    for (const text of register.has) await expect(page.getByTestId('register-table')).toContainText(text);
    // In received order, as written on the paper form.
    await expect(rows.first()).toContainText(register.has[0]);
    await app.screenshot(`registers-${register.id}-zh-CN`);

    await page.getByRole('button', { name: '打印预览' }).click();
    const sheet = page.getByTestId('print-root');
    await expect(page.getByTestId('paper-preview').getByRole('heading', { name: register.name })).toBeVisible();
    await app.screenshot(`registers-${register.id}-preview-zh-CN`);
    await page.emulateMedia({ media: 'print' });
    // Only the form goes on paper: the desk's header and navigation are hidden.
    await expect(page.getByTestId('on-duty')).toBeHidden();
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(sheet.getByRole('heading', { name: register.name })).toBeVisible();
    await expect(sheet).toContainText('翠湖花园');
    await expect(sheet).toContainText(today());
    await expect(sheet.getByTestId('sheet-row')).toHaveCount(register.has.length);
    for (const text of register.has) await expect(sheet).toContainText(text);
    await expect(sheet.getByTestId('signature-lines')).toBeVisible();
    await expect(sheet.getByTestId('signature-lines')).toContainText('值班员签字');
    await expect(sheet.getByTestId('signature-lines')).toContainText('主管签字');
    await page.pdf({ path: `test-results/registers/${register.id}.pdf`, format: 'A4', landscape: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '返回列表' }).click();
  }

  // Another day's register has none of today's requests.
  await page.getByLabel('起始日期').fill('2020-01-01');
  await page.getByLabel('截止日期').fill('2020-01-31');
  await expect(page.getByTestId('register-empty')).toBeVisible();
  await expect(page.getByTestId('register-row')).toHaveCount(0);
  await page.getByRole('button', { name: '今天' }).click();
  await expect(page.getByTestId('register-row')).toHaveCount(2);
});

test('R-CONFIDENTIAL: the export holds what the register shows; the control room sees masked numbers in both', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  await app.completeSetup();
  await record(app, page, REQUESTS[0]!);
  await record(app, page, { ...REQUESTS[0]!, room: '1503', caller: '周九', phone: '13300133000', description: '阳台灯不亮' });

  await app.goTo('登记簿');
  await chooseRegister(page, '报修记录');
  await expect(page.getByTestId('register-row')).toHaveCount(2);
  await expect(page.getByTestId('register-table')).toContainText('13800138000');
  const full = await exportRows(page, 'manager');
  expect(full.fileName).toBe(`报修记录 ${today()}.xlsx`);
  expect(full.rows[0]).toEqual(expect.arrayContaining(['编号', '受理时间', '房号/地点', '来电/来访人', '联系电话', '故障部位', '维修单号']));
  expect(full.rows.slice(1).map((row) => row[3])).toEqual(['张三', '周九']);
  expect(full.rows.flat()).toContain('13800138000');

  await app.addStaff(CONTROL_ROOM);
  await page.getByRole('button', { name: '锁屏' }).click();
  await app.signIn(CONTROL_ROOM.option, CONTROL_ROOM.pin);
  await app.expectOnDuty(CONTROL_ROOM.name);

  await app.goTo('登记簿');
  await chooseRegister(page, '报修记录');
  await expect(page.getByTestId('register-row')).toHaveCount(2);
  await expect(page.getByTestId('register-table')).toContainText('138****8000');
  await expect(page.getByTestId('register-table')).not.toContainText('13800138000');
  await app.screenshot('registers-repair-controlroom-zh-CN');
  const masked = await exportRows(page, 'control room');
  expect(masked.rows.flat()).toContain('138****8000');
  expect(masked.rows.flat().join(' ')).not.toContain('13800138000');
  expect(masked.rows.flat().join(' ')).not.toContain('13300133000');
});
