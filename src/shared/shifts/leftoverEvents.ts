import { z } from 'zod';
import { MAX_TIME } from '../tickets/handling/stepEvents';
import type { KindSpecs } from '../events/kindSpecs';
import { wallParts } from '../time/zoneClock';

// Issue 16, R-LEFTOVER: the leftover-issues file (遗留问题档案), one stream per issue
// (`leftover:<id>`): filed from a shift or a request, its progress noted, marked "OK" once fully
// solved, and while still open at month end carried into next month's file. Registered from here.

const at = z.number().int().nonnegative().max(MAX_TIME);
/** A month's file, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const text = z.string().trim().min(1).max(2000);

export const leftoverStream = (id: string) => `leftover:${id}`;

/**
 * R-LEFTOVER: the id of the leftover filed from a handover item, or from a request. Derived, not
 * drawn, so filing the same item or request twice, or on two stations, names one issue (the fold
 * keeps the first `leftover.filed`).
 */
export const itemLeftoverId = (itemId: string) => `h-${itemId}`;
export const ticketLeftoverId = (ticketId: string) => `t-${ticketId}`;
/**
 * A handover item's leftover: the request's own when the item names one, so a request filed from a
 * handover and again from the long-open list (or the other way round) is one issue in the file.
 */
export const handoverItemLeftoverId = (item: { id: string; ticketId?: string | undefined }) => (item.ticketId ? ticketLeftoverId(item.ticketId) : itemLeftoverId(item.id));

export const LEFTOVER_FILED = 'leftover.filed';
export const leftoverFiledPayload = z.object({
  at,
  month: monthSchema,
  text,
  /** The shift log it was passed on in (`<day>|<shiftId>`), if any. */
  fromShift: z.string().min(1).max(40).optional(),
  /** The request it comes from, if any. */
  fromTicket: z.object({ id: z.string().min(1).max(64), number: z.string().max(40) }).optional(),
});

export const LEFTOVER_PROGRESSED = 'leftover.progressed';
export const leftoverProgressedPayload = z.object({ at, text });

/** "OK": fully solved (R-LEFTOVER). */
export const LEFTOVER_RESOLVED = 'leftover.resolved';
export const leftoverResolvedPayload = z.object({ at, text: z.string().trim().max(2000).optional() });

/** Still open at month end: copied into a later month's file (the month-end job, any station). */
export const LEFTOVER_CARRIED = 'leftover.carried';
export const leftoverCarriedPayload = z.object({ at, fromMonth: monthSchema, toMonth: monthSchema });

export const LEFTOVER_PAYLOADS = {
  [LEFTOVER_FILED]: leftoverFiledPayload,
  [LEFTOVER_PROGRESSED]: leftoverProgressedPayload,
  [LEFTOVER_RESOLVED]: leftoverResolvedPayload,
  [LEFTOVER_CARRIED]: leftoverCarriedPayload,
} as const;
export type LeftoverEventType = keyof typeof LEFTOVER_PAYLOADS;
export type LeftoverPayload<T extends LeftoverEventType> = z.output<(typeof LEFTOVER_PAYLOADS)[T]>;

export const LEFTOVER_SPECS = {
  [LEFTOVER_FILED]: { schema: leftoverFiledPayload, permission: 'ticket.update' },
  [LEFTOVER_PROGRESSED]: { schema: leftoverProgressedPayload, permission: 'ticket.update' },
  [LEFTOVER_RESOLVED]: { schema: leftoverResolvedPayload, permission: 'ticket.update' },
  // Written by the station's month-end job whoever is signed in, or nobody; the fold makes a second carry harmless.
  [LEFTOVER_CARRIED]: { schema: leftoverCarriedPayload, permission: null },
} as const satisfies KindSpecs;

/** The month's file an instant belongs to, in the station's zone. */
export function monthOf(instant: number, timeZone: string): string {
  const { year, month } = wallParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
