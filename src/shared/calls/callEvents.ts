import { z } from 'zod';

// The call log: every call the caller-ID box reported, and what became of it (linked to a
// request or dismissed; docs/architecture.md "The incoming call").

export const CALL_RECEIVED = 'call.received';
export const CALL_LINKED = 'call.linked';
export const CALL_DISMISSED = 'call.dismissed';

export const callReceivedPayload = z.object({
  /** Digits and a leading + only; null when withheld or unavailable. */
  number: z.string().max(32).nullable(),
  e164: z.string().max(32).nullable(),
  name: z.string().max(80).nullable(),
  withheld: z.boolean(),
  numberStatus: z.enum(['present', 'private', 'unavailable', 'absent']),
  /** Ring time by the host clock, epoch ms. */
  at: z.number().int().nonnegative(),
  /** Unit keys the directory matched when the call came in. */
  unitKeys: z.array(z.string().max(40)).max(20),
});
export type CallReceivedPayload = z.infer<typeof callReceivedPayload>;

export const callLinkedPayload = z.object({ ticketId: z.string().max(64), ticketNumber: z.string().max(40) });
export const callDismissedPayload = z.object({});
