// Reads a resident list (客户状况一览表) from .xlsx or .csv bytes into text cells. Pure: the
// renderer hands in the bytes of the chosen file; tests hand in generated files.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { decodeText } from './decodeText';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type SheetResult, type SheetRows } from './sheetTypes';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The file's format is read from its bytes; the name only tells a `.xls` apart. */
export async function readSpreadsheet(data: ArrayBuffer, fileName: string): Promise<SheetResult> {
  const bytes = new Uint8Array(data);
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  let rows: SheetRows;
  if (startsWith(bytes, ZIP)) {
    const sheet = await readXlsx(data);
    if (!sheet.ok) return sheet;
    rows = sheet.rows;
  } else if (startsWith(bytes, OLE2) || /\.xls$/i.test(fileName)) {
    return { ok: false, problem: 'xlsNotSupported' };
  } else {
    const text = decodeText(bytes);
    if (text === null) return { ok: false, problem: 'unsupportedType' };
    rows = readCsv(text);
  }
  const trimmed = dropTrailingBlankRows(rows);
  if (trimmed.length === 0) return { ok: false, problem: 'empty' };
  if (trimmed.length > MAX_IMPORT_ROWS + 10) return { ok: false, problem: 'tooManyRows' };
  return { ok: true, rows: trimmed };
}

async function readXlsx(data: ArrayBuffer): Promise<SheetResult> {
  try {
    // Numbers as their stored text: 13800138000 stays 13800138000, 1502 stays 1502.
    const sheet = await readSheet<string>(data, { parseNumber: (text) => text, trim: true });
    return { ok: true, rows: sheet.map((row) => row.map(cellText)) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'NO_DATA') return { ok: false, problem: 'empty' };
    if (code === 'FILE_NOT_SUPPORTED' || code === 'XLS_FILE_NOT_SUPPORTED') return { ok: false, problem: 'unsupportedType' };
    return { ok: false, problem: 'unreadable' };
  }
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function readCsv(text: string): SheetRows {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  // Excel's "Unicode text" is tab-separated; Papa cannot guess a delimiter from one line.
  const delimiter = count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter });
  // Undo the CSV-injection guard of writeCsv: `'+852 …` is the text `+852 …`.
  return parsed.data.map((row) => row.map((cell) => cell.trim().replace(/^'(?=[=+\-@])/, '')));
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function dropTrailingBlankRows(rows: SheetRows): SheetRows {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every((cell) => cell === '')) end -= 1;
  return rows.slice(0, end);
}
