// Import and export of the resident list (客户状况一览表) against the store. The checking is
// in shared (readSpreadsheet → previewImport → planImport); this file reads what exists and
// appends the events in one transaction, so an import is saved whole or not at all.
import { uuidv7 } from '@shared/ids';
import { exportRows, CHINESE_EXPORT_LABELS, type ExportLabels } from '@shared/directory/sheet/exportSheet';
import { planImport, type ExistingDirectory, type ImportMode, type ImportPlan, type PhoneChoices } from '@shared/directory/sheet/importPlan';
import type { ImportPreview } from '@shared/directory/sheet/importPreview';
import { writeCsv, writeXlsx } from '@shared/directory/sheet/writeSheet';
import { unitIdFor } from '@shared/directory/unitFold';
import type { PhoneContext } from '@shared/directory/phone/phoneTypes';
import type { DeskDatabase } from '../../db/database';
import { logExport, type AppendEvents } from './directoryCommands';
import { residentsOfUnits } from './directoryQueries';

/** The units the file names and their residents, as the directory holds them now. */
export async function existingFor(db: DeskDatabase, preview: ImportPreview): Promise<ExistingDirectory> {
  const unitIds = [...new Set(preview.rows.flatMap((r) => (r.resident ? [unitIdFor(r.resident.unit)] : [])))];
  return db.transaction('r', db.units, db.residents, async () => {
    const units = (await db.units.bulkGet(unitIds)).filter((u) => u !== undefined);
    const residents = await residentsOfUnits(db, unitIds);
    return { units: new Map(units.map((u) => [u.id, u])), residents };
  });
}

/** Plans against the directory as it is now and saves; a refused plan saves nothing. */
export async function importDirectory(db: DeskDatabase, store: AppendEvents, preview: ImportPreview, mode: ImportMode, actor: string, choices?: PhoneChoices): Promise<ImportPlan> {
  const plan = planImport(preview, mode, await existingFor(db, preview), uuidv7, choices);
  if (plan.ok && plan.drafts.length > 0) await store.append(plan.drafts, actor);
  return plan;
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  blob: Blob;
  fileName: string;
  residents: number;
}

/** R-CONFIDENTIAL: the caller checks `phone.unmask`; the export is logged before the file exists. */
export async function exportDirectory(
  db: DeskDatabase, store: AppendEvents, format: ExportFormat, context: PhoneContext, actor: string,
  options: { labels?: ExportLabels; sheetName: string; baseName: string },
): Promise<ExportFile> {
  const [units, residents] = await db.transaction('r', db.units, db.residents, () => Promise.all([db.units.toArray(), db.residents.toArray()]));
  const rows = exportRows(units.filter((u) => u.added), residents.filter((r) => r.added), context, options.labels ?? CHINESE_EXPORT_LABELS);
  // A unit nobody lives in has a row without a name (U17): it is not a resident.
  const count = rows.slice(1).filter((row) => row[3]).length;
  await logExport(store, { format, residents: count }, actor);
  const blob = format === 'csv' ? new Blob([writeCsv(rows)], { type: 'text/csv;charset=utf-8' }) : await writeXlsx(rows, options.sheetName);
  return { blob, fileName: `${options.baseName}.${format}`, residents: count };
}
