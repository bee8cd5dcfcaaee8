// The register as an xlsx file: every request of the dates (read page by page through the
// index), the same cells as the screen with the year in every time, numbers masked per role.
import { registerColumns, registerRow, type RegisterLabels } from '@shared/registers/registerColumns';
import type { RegisterId } from '@shared/registers/registerKinds';
import { writeXlsx } from '@shared/directory/sheet/writeSheet';
import type { Ticket } from '@shared/tickets/ticketFold';
import { DIRECTORY_EXPORTS_STREAM } from '@shared/directory/directoryEvents';
import { REGISTER_EXPORTED, registerExportedPayload, type RegisterExportedPayload } from '@shared/registers/registerEvents';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { readWholeRegister, staffNames, type Span } from './registerQuery';

export interface RegisterExport {
  blob: Blob;
  count: number;
  truncated: boolean;
}

export async function exportRegister(
  db: DeskDatabase, register: RegisterId, span: Span,
  labelsFor: (names: Map<string, string>) => RegisterLabels, headers: (column: string) => string, sheetName: string,
): Promise<RegisterExport> {
  const { tickets, truncated } = await readWholeRegister(db, register, span);
  const labels = labelsFor(await staffNames(db, tickets));
  const rows = [registerColumns(register).map(headers), ...tickets.map((ticket: Ticket) => registerRow(ticket, register, labels))];
  return { blob: await writeXlsx(rows, sheetName), count: tickets.length, truncated };
}


/**
 * R-CONFIDENTIAL: logs the export (who, when, which register and dates, how many rows, whether
 * with full numbers) before the file is handed over: if the log cannot be saved, no file leaves.
 */
export async function logRegisterExport(store: EventStore, actor: string, exported: RegisterExportedPayload): Promise<void> {
  await store.append([{ stream: DIRECTORY_EXPORTS_STREAM, type: REGISTER_EXPORTED, payload: registerExportedPayload.parse(exported) }], actor);
}
