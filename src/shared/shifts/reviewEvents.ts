import type { KindSpecs } from '../events/kindSpecs';

// Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: the supervisor's review of a shift's log (on its
// `shift:<day>|<shiftId>` stream) and the daily report (`shift:day|<YYYY-MM-DD>`). Registered from here.
export const REVIEW_SPECS = {} as const satisfies KindSpecs;
