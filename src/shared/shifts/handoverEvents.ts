import { z } from 'zod';
import { MAX_TIME } from '../tickets/handling/stepEvents';
import type { KindSpecs } from '../events/kindSpecs';

// Issue 16, R-HANDOVER-READ / R-HANDOVER-SIGN: the events of a shift's log (`shift:<day>|<shiftId>`):
// items passed on to the next shift, the incoming person's sorting and marking of each, and the
// work-transfer form's content (工作移交表). The form's two signatures are `duty.handoverSigned`
// on `shift:desk` (dutyEvents.ts), linked by `formId`. Registered from here.

const at = z.number().int().nonnegative().max(MAX_TIME);
const id = z.string().min(1).max(64);
/** Every event names its shift's start, so whichever event of the stream folds first can make the row. */
const startsAt = at;

export const HANDOVER_LIMITS = {
  itemText: 500,
  reason: 300,
  formText: 2000,
  requests: 100,
  alarms: 50,
  calls: 50,
  keys: 60,
  keyLabel: 40,
} as const;

/** R-HANDOVER-READ step 2: urgent (紧急), normal (一般), cannot be solved for now (一时无法解决). */
export const HANDOVER_URGENCIES = ['urgent', 'normal', 'notNow'] as const;
export type HandoverUrgency = (typeof HANDOVER_URGENCIES)[number];
/** Steps 3–5: done ("OK"), passed to the manager, not today (with its reason). */
export const HANDOVER_MARKS = ['ok', 'toManager', 'notToday'] as const;
export type HandoverMark = (typeof HANDOVER_MARKS)[number];

export const HANDOVER_ITEM_ADDED = 'handover.itemAdded';
export const handoverItemAddedPayload = z.object({
  at,
  startsAt,
  itemId: id,
  text: z.string().trim().min(1).max(HANDOVER_LIMITS.itemText),
  ticketId: id.optional(),
  ticketNumber: z.string().max(32).optional(),
});

export const HANDOVER_ITEM_SORTED = 'handover.itemSorted';
export const handoverItemSortedPayload = z.object({ at, startsAt, itemId: id, urgency: z.enum(HANDOVER_URGENCIES) });

export const HANDOVER_ITEM_MARKED = 'handover.itemMarked';
export const handoverItemMarkedPayload = z
  .object({ at, startsAt, itemId: id, mark: z.enum(HANDOVER_MARKS), reason: z.string().trim().max(HANDOVER_LIMITS.reason).optional() })
  // Step 5: what cannot be done today gets its reason written.
  .refine((p) => p.mark !== 'notToday' || Boolean(p.reason), { message: 'notToday needs a reason', path: ['reason'] });

const formRequest = z.object({
  ticketId: id,
  number: z.string().max(32),
  kind: z.string().max(20),
  status: z.string().max(20),
  nextDueAt: at.optional(),
  nextRule: z.string().max(40).optional(),
});
const formAlarm = z.object({ ticketId: id, number: z.string().max(32), rule: z.string().max(40), dueAt: at });
/** A call with no request: the number masked whatever the writer's role (the form is read and printed by every role, R-CONFIDENTIAL). */
const formCall = z.object({ callId: id, at, number: z.string().max(40).nullable(), outcome: z.enum(['pending', 'none']) });
const formKey = z.object({ keyId: id, label: z.string().max(HANDOVER_LIMITS.keyLabel) });
const more = z.number().int().nonnegative().max(1_000_000);

export const HANDOVER_FORM_WRITTEN = 'handover.formWritten';
export const handoverFormWrittenPayload = z.object({
  at,
  startsAt,
  formId: id,
  outgoing: id,
  incoming: id,
  /** Open requests with their state and next deadline (R-HANDOVER-SIGN "unfinished work"). */
  requests: z.array(formRequest).max(HANDOVER_LIMITS.requests),
  alarms: z.array(formAlarm).max(HANDOVER_LIMITS.alarms),
  calls: z.array(formCall).max(HANDOVER_LIMITS.calls),
  keys: z.array(formKey).max(HANDOVER_LIMITS.keys),
  /** How many of each list did not fit (the lists keep the payload under the protocol's 64 KiB). */
  more: z.object({ requests: more, alarms: more, calls: more, keys: more }),
  equipment: z.string().trim().max(HANDOVER_LIMITS.formText),
  notes: z.string().trim().max(HANDOVER_LIMITS.formText),
});
export type HandoverFormPayload = z.infer<typeof handoverFormWrittenPayload>;

export const HANDOVER_PAYLOADS = {
  [HANDOVER_ITEM_ADDED]: handoverItemAddedPayload,
  [HANDOVER_ITEM_SORTED]: handoverItemSortedPayload,
  [HANDOVER_ITEM_MARKED]: handoverItemMarkedPayload,
  [HANDOVER_FORM_WRITTEN]: handoverFormWrittenPayload,
} as const;
export type HandoverEventType = keyof typeof HANDOVER_PAYLOADS;
export type HandoverPayload<T extends HandoverEventType> = z.infer<(typeof HANDOVER_PAYLOADS)[T]>;

/** Ordinary desk work: whoever is on duty passes items on, sorts and marks them, writes the form. */
export const HANDOVER_SPECS = {
  [HANDOVER_ITEM_ADDED]: { schema: handoverItemAddedPayload, permission: 'ticket.update' },
  [HANDOVER_ITEM_SORTED]: { schema: handoverItemSortedPayload, permission: 'ticket.update' },
  [HANDOVER_ITEM_MARKED]: { schema: handoverItemMarkedPayload, permission: 'ticket.update' },
  [HANDOVER_FORM_WRITTEN]: { schema: handoverFormWrittenPayload, permission: 'ticket.update' },
} as const satisfies KindSpecs;

/** A shift's log stream, `shift:<YYYY-MM-DD>|<shiftId>`. */
export const shiftLogStream = (day: string, shiftId: string) => `shift:${day}|${shiftId}`;
