// Issue 16 (shiftLog).
export const shiftLog = {} as const;
