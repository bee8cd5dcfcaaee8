// print:toPdf in the desktop shell, with Electron's WebContents stood in for.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../host/logging/logger';
import { createPrintToPdf, PDF_FOLDER, type PrintableContents } from './printToPdf';

let dir: string;
const logger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutydesk-print-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function contents(calls: unknown[] = []): PrintableContents {
  return {
    printToPDF: async (options) => {
      calls.push(options);
      return new TextEncoder().encode('%PDF-1.7 register');
    },
  };
}

describe('print to PDF (desktop shell)', () => {
  it('writes the PDF under Documents/DutyDesk and answers its path; a second print keeps the first', async () => {
    const calls: unknown[] = [];
    const print = createPrintToPdf({ contents: () => contents(calls), documentsDir: () => dir, logger });
    const first = await print({ fileName: '报修记录 2026-12-06', landscape: true });
    expect(first).toEqual({ ok: true, path: join(dir, PDF_FOLDER, '报修记录 2026-12-06.pdf') });
    expect(readFileSync(join(dir, PDF_FOLDER, '报修记录 2026-12-06.pdf'), 'utf8')).toBe('%PDF-1.7 register');
    expect(calls[0]).toMatchObject({ landscape: true, pageSize: 'A4' });
    const second = await print({ fileName: '报修记录 2026-12-06', landscape: true });
    expect(second).toEqual({ ok: true, path: join(dir, PDF_FOLDER, '报修记录 2026-12-06 (2).pdf') });
  });

  it('refuses a name that is a path, whatever reached it', async () => {
    const print = createPrintToPdf({ contents: () => contents(), documentsDir: () => dir, logger });
    for (const fileName of ['../outside', 'a/b', 'a\\b', '.hidden', 'C:x', '']) {
      expect(await print({ fileName, landscape: false })).toMatchObject({ ok: false, failure: 'failed' });
    }
  });

  it('answers noWindow without a window, failed when printing fails', async () => {
    expect(await createPrintToPdf({ contents: () => null, documentsDir: () => dir, logger })({ fileName: 'x', landscape: false })).toMatchObject({ ok: false, failure: 'noWindow' });
    const broken: PrintableContents = { printToPDF: async () => { throw new Error('printing failed'); } };
    expect(await createPrintToPdf({ contents: () => broken, documentsDir: () => dir, logger })({ fileName: 'x', landscape: false })).toMatchObject({ ok: false, failure: 'failed', message: 'Error: printing failed' });
  });
});
