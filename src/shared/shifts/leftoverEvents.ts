import type { KindSpecs } from '../events/kindSpecs';

// Issue 16, R-LEFTOVER: the leftover-issues file (遗留问题档案), one stream per issue (`leftover:<id>`). Registered from here.
export const LEFTOVER_SPECS = {} as const satisfies KindSpecs;
