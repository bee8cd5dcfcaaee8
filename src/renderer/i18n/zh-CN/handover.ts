// Issue 16 (handover).
export const handover = {} as const;
