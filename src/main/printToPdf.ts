// Issue 14 (print:toPdf): the desktop shell prints the window's print media — the register or
// document the renderer has laid out for paper, nothing of the desk around it — to a PDF in
// the user's documents folder (`Documents/DutyDesk/<name>.pdf`) and answers where it is.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../host/logging/logger';
import { printRequest, type PrintAnswer, type PrintRequest } from '../shared/print/printContract';

/** The part of Electron's WebContents printing needs (a stand-in in tests). */
export interface PrintableContents {
  printToPDF(options: { landscape: boolean; pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
}

export interface PrintDeps {
  /** The main window's contents, null while there is none. */
  contents(): PrintableContents | null;
  /** `app.getPath('documents')`. */
  documentsDir(): string;
  logger: Logger;
  write?: (path: string, data: Uint8Array, flag: 'wx') => Promise<void>;
}

export const PDF_FOLDER = 'DutyDesk';
const MAX_SAME_NAME = 100;

export function createPrintToPdf(deps: PrintDeps): (request: PrintRequest) => Promise<PrintAnswer> {
  const write = deps.write ?? ((path, data, flag) => writeFile(path, data, { flag }));
  return async (request) => {
    // Checked again here: the hook is the shell's own door to the file system.
    const parsed = printRequest.safeParse(request);
    if (!parsed.success) return { ok: false, failure: 'failed', message: 'not a plain file name' };
    const contents = deps.contents();
    if (!contents) return { ok: false, failure: 'noWindow', message: 'no window to print' };
    try {
      // The CSS decides the paper (A4, its orientation, the margins and the page numbers);
      // the orientation is passed too for a stylesheet that does not say.
      const pdf = await contents.printToPDF({ landscape: parsed.data.landscape, pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      const folder = join(deps.documentsDir(), PDF_FOLDER);
      await mkdir(folder, { recursive: true });
      const path = await writeNew(folder, parsed.data.fileName, pdf, write);
      deps.logger.info('printed to PDF', { path, bytes: pdf.byteLength });
      return { ok: true, path };
    } catch (error) {
      deps.logger.error('print to PDF failed', { error: String(error) });
      return { ok: false, failure: 'failed', message: String(error).slice(0, 500) };
    }
  };
}

/** A register printed twice the same day keeps both: `name.pdf`, `name (2).pdf`, … */
async function writeNew(folder: string, name: string, data: Uint8Array, write: NonNullable<PrintDeps['write']>): Promise<string> {
  for (let n = 1; n <= MAX_SAME_NAME; n++) {
    const path = join(folder, n === 1 ? `${name}.pdf` : `${name} (${n}).pdf`);
    try {
      await write(path, data, 'wx');
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`more than ${MAX_SAME_NAME} files named ${name}`);
}
