// The log and the daily report as xlsx files, the same cells as the paper; each export logged on
// its stream before the file is handed over (reviewCommands.logExport; R-CONFIDENTIAL: numbers in
// the log are masked for everyone).
import { writeXlsx } from '@shared/directory/sheet/writeSheet';
import { downloadFile } from '../../components/downloadFile';
import type { EventStore } from '../../db/eventStore';
import { documentFileName } from '../registers/print/usePrint';
import { logExport, type ShiftExport } from './reviewCommands';

export interface ExportRequest {
  store: EventStore;
  actor: string;
  stream: string;
  startsAt: number;
  what: ShiftExport;
  /** Header row first. */
  rows: string[][];
  /** Counted in the log: the data rows. */
  count: number;
  sheetName: string;
  fileName: string[];
}

export async function exportSheet(req: ExportRequest): Promise<void> {
  const blob = await writeXlsx(req.rows, req.sheetName.slice(0, 31));
  await logExport(req.store, req.actor, req.stream, req.startsAt, req.what, req.count);
  downloadFile(blob, `${documentFileName(...req.fileName)}.xlsx`);
}
