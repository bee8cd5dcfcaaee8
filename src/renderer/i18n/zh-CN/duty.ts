// Issue 16 (duty).
export const duty = {} as const;
