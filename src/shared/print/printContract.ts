// The bridge's print method (issue 14): the desktop shell prints the page's print media (a
// register, a work order, a reply letter) to a PDF in the user's documents folder and answers
// its path; the web shell answers `unsupported` and the renderer uses the browser's print.
import { z } from 'zod';

/**
 * A file name, not a path: no separators, no `..`, nothing Windows refuses, at most 120 characters.
 * The host adds `.pdf` and keeps it in its own folder.
 */
export const pdfFileName = z.string().trim().min(1).max(120)
  .refine((name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32) && !name.startsWith('.') && !name.endsWith('.'), { message: 'not a plain file name' });

export const printRequest = z.object({
  fileName: pdfFileName,
  /** Registers are A4 landscape, a work order or a letter A4 portrait. */
  landscape: z.boolean(),
});
export type PrintRequest = z.infer<typeof printRequest>;

export const PRINT_FAILURES = ['unsupported', 'noWindow', 'failed'] as const;
export const printAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), path: z.string().max(1000) }),
  z.object({ ok: z.literal(false), failure: z.enum(PRINT_FAILURES), message: z.string().max(500) }),
]);
export type PrintAnswer = z.infer<typeof printAnswer>;

export const printMethods = {
  'print:toPdf': { args: z.tuple([printRequest]), result: printAnswer },
} as const;
