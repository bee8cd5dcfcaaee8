// CSV and .xlsx bytes of a sheet, both openable by Excel and WPS as staff have them.
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/universal';
import type { SheetRows } from './sheetTypes';

// A cell that starts like a formula (=, +, -, @) would run as one when the CSV is opened
// (CSV injection); a leading apostrophe keeps it text. readSpreadsheet strips it again.
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** UTF-8 with a BOM: without it Excel on a Chinese Windows reads the file as GBK. */
export function writeCsv(rows: SheetRows): string {
  return `\uFEFF${Papa.unparse(rows.map((row) => row.map(escapeCsvCell)), { newline: '\r\n' })}`;
}

/** Every cell as text, so 0755-88881234 and room 0801 stay as written; columns as wide as their text (U17). */
export async function writeXlsx(rows: SheetRows, sheetName: string): Promise<Blob> {
  const data = rows.map((row, index) => row.map((value) => ({ value, type: String, ...(index === 0 ? { fontWeight: 'bold' as const } : {}) })));
  return writeXlsxFile(data, { sheet: sheetName, stickyRowsCount: 1, columns: columnWidths(rows) }).toBlob();
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

/** Excel widths in characters: a CJK character takes two, the widest cell of a column decides. */
export function columnWidths(rows: SheetRows): { width: number }[] {
  const count = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: count }, (_, i) => {
    const widest = Math.max(0, ...rows.map((row) => textWidth(row[i] ?? '')));
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)) };
  });
}

function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}
