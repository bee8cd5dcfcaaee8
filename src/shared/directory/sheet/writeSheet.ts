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

/** Every cell as text, so 0755-88881234 and room 0801 stay as written. */
export async function writeXlsx(rows: SheetRows, sheetName: string): Promise<Blob> {
  const data = rows.map((row, index) => row.map((value) => ({ value, type: String, ...(index === 0 ? { fontWeight: 'bold' as const } : {}) })));
  return writeXlsxFile(data, { sheet: sheetName, stickyRowsCount: 1 }).toBlob();
}
