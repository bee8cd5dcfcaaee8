import type { KindSpecs } from '../events/kindSpecs';

// Issue 16, R-KEYS: the key register, one stream per key (`key:<id>`): deposit, borrow, return. Registered from here.
export const KEY_SPECS = {} as const satisfies KindSpecs;
