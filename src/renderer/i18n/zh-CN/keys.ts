// Issue 16 (keys).
export const keys = {} as const;
