// U8: in either language at 1366×768, numbers, badges, names and ages never wrap or shrink (a
// column of width 1% takes its content's width); the description takes the width left and is
// cut to one line (U20).
export const NO_WRAP = { whiteSpace: 'nowrap', width: '1%' } as const;
/** A badge clips its label when squeezed: it is never narrower than its text. */
export const WHOLE = { minWidth: 'max-content' } as const;
export const DESCRIPTION = { maxWidth: 0, width: '100%' } as const;
