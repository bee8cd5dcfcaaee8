import type { KindSpecs } from '../events/kindSpecs';

// Issue 16, R-HANDOVER-READ / R-HANDOVER-SIGN: the events of a shift's log (`shift:<day>|<shiftId>`):
// items passed on, sorted, marked; the work-transfer form's content. Registered from here.
export const HANDOVER_SPECS = {} as const satisfies KindSpecs;
