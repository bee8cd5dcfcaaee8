// Issue 14: the registers (help, complaint, repair and work orders, daily affairs), printed and exported.
export const registers = {} as const;
