/** A sheet as text cells, row by row; index 0 is the spreadsheet's row 1. */
export type SheetRows = string[][];

/**
 * Why a file cannot be read as a resident list; each is an i18n key under
 * `directory:import.fileProblem`.
 */
export const FILE_PROBLEMS = ['unsupportedType', 'xlsNotSupported', 'unreadable', 'empty', 'tooLarge', 'tooManyRows', 'headersNotFound', 'noRows'] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

export type SheetResult = { ok: true; rows: SheetRows } | { ok: false; problem: FileProblem };

/** A whole estate is a few thousand units; ten times that is not a resident list. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 30_000;
