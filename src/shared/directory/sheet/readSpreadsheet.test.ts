import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './readSpreadsheet';
import { MAX_IMPORT_BYTES } from './sheetTypes';

const utf8 = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const hex = (text: string) => new Uint8Array(text.match(/../g)!.map((b) => parseInt(b, 16))).buffer as ArrayBuffer;

/** An .xlsx as an office makes it: title row, header on row 2, numbers stored as numbers. */
async function officeWorkbook(): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户状况一览表');
  sheet.getCell('A1').value = '翠苑花园客户状况一览表';
  sheet.mergeCells('A1:F1');
  sheet.getRow(2).values = ['楼号', '房号', '姓名', '身份(业主/租户/家属)', '手机', '备注'];
  sheet.getRow(3).values = ['3栋', 1502, '张三', '业主', 13800138000, '独居老人'];
  // Row 4 left empty, as people do between blocks.
  sheet.getRow(5).values = ['A座', '0801', 'Li Lei', 'tenant', '0755-8888 1234 转 56', null];
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return bytes.slice().buffer;
}

describe('readSpreadsheet', () => {
  it('reads an .xlsx with numbers as their text and rows where the sheet has them', async () => {
    const result = await readSpreadsheet(await officeWorkbook(), '客户状况一览表.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]?.[0]).toBe('翠苑花园客户状况一览表');
    expect(result.rows[2]).toEqual(['3栋', '1502', '张三', '业主', '13800138000', '独居老人']);
    expect(result.rows[3]?.every((c) => c === '')).toBe(true);
    expect(result.rows[4]).toEqual(['A座', '0801', 'Li Lei', 'tenant', '0755-8888 1234 转 56', '']);
  });

  it('reads UTF-8 CSV with a BOM, GBK CSV from Chinese Excel, and UTF-16 text', async () => {
    const bom = await readSpreadsheet(utf8('\uFEFF楼号,房号,姓名\r\n3,1502,"张三, 李四"\r\n'), 'a.csv');
    expect(bom).toEqual({ ok: true, rows: [['楼号', '房号', '姓名'], ['3', '1502', '张三, 李四']] });
    const gbk = await readSpreadsheet(hex('c2a5bac52cb7bfbac52cd0d5c3fb2cb5e7bbb00d0a332c313530322cd5c5c8fd2c31333830303133383030300d0a'), 'gbk.csv');
    expect(gbk).toEqual({ ok: true, rows: [['楼号', '房号', '姓名', '电话'], ['3', '1502', '张三', '13800138000']] });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'楼号\t姓名\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(await readSpreadsheet(utf16.buffer, 'a.txt')).toEqual({ ok: true, rows: [['楼号', '姓名']] });
  });

  it('gives a problem code for files that are not a resident list', async () => {
    expect(await readSpreadsheet(new ArrayBuffer(0), 'a.csv')).toEqual({ ok: false, problem: 'empty' });
    expect(await readSpreadsheet(utf8('\r\n , \r\n'), 'a.csv')).toEqual({ ok: false, problem: 'empty' });
    expect(await readSpreadsheet(hex('d0cf11e0a1b11ae1000000000000'), 'old.xls')).toEqual({ ok: false, problem: 'xlsNotSupported' });
    expect(await readSpreadsheet(hex('89504e470d0a1a0a0000000d49484452'), 'photo.png')).toEqual({ ok: false, problem: 'unsupportedType' });
    expect(await readSpreadsheet(hex('504b0304140000000000ffffffff'), 'broken.xlsx')).toMatchObject({ ok: false });
    expect(await readSpreadsheet(new ArrayBuffer(MAX_IMPORT_BYTES + 1), 'huge.csv')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(await readSpreadsheet(utf8('a\n'.repeat(40_000)), 'long.csv')).toEqual({ ok: false, problem: 'tooManyRows' });
  });
});
