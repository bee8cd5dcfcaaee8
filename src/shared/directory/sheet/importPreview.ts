// What the import wizard shows before anything is saved: the mapped columns, every row with
// its problems, and the counts that decide whether "import all" is allowed.
import { unitKey } from '../../domain/units';
import type { PhoneContext } from '../phone/phoneTypes';
import { compact } from '../searchKeys';
import { findHeader, type HeaderMap, type ImportField } from './importHeaders';
import { readRow, type ImportRow } from './importRows';
import type { FileProblem, SheetRows } from './sheetTypes';

export interface ImportPreview {
  headerRowNumber: number;
  headings: string[];
  map: HeaderMap;
  rows: ImportRow[];
  validCount: number;
  invalidCount: number;
}

export type PreviewResult =
  | { ok: true; preview: ImportPreview }
  | { ok: false; problem: FileProblem; missing?: ImportField[] };

export function previewImport(sheet: SheetRows, context: PhoneContext): PreviewResult {
  const header = findHeader(sheet);
  if (!header.ok) return { ok: false, problem: 'headersNotFound', missing: header.missing };
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  for (let i = header.headerIndex + 1; i < sheet.length; i++) {
    const cells = sheet[i]!;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const row = readRow(cells, i + 1, header.map, context);
    if (row.resident?.name) {
      // The same person twice in one unit is a copy-paste slip; the first row counts.
      const identity = `${unitKey(row.resident.unit)}|${compact(row.resident.name)}`;
      if (seen.has(identity)) {
        row.problems.push({ field: 'name', code: 'duplicateRow', value: row.resident.name });
        row.resident = null;
      } else seen.add(identity);
    }
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, problem: 'noRows' };
  const validCount = rows.filter((r) => r.resident).length;
  return {
    ok: true,
    preview: { headerRowNumber: header.headerIndex + 1, headings: sheet[header.headerIndex]!, map: header.map, rows, validCount, invalidCount: rows.length - validCount },
  };
}
