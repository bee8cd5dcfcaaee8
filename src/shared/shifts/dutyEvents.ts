import { z } from 'zod';
import { MAX_TIME } from '../tickets/handling/stepEvents';
import { nameSchema } from '../protocol/names';
import type { KindSpecs } from '../events/kindSpecs';

// Issue 16: who holds the front desk, as events on the one stream `shift:desk`, folded the same way
// on every station of the estate (dutyFold.ts). The handover (R-HANDOVER-SIGN) is two signatures,
// two events, each by the signer (their PIN on the station); the night transfer to the control
// room and the morning's taking back (R-NIGHT-TRANSFER) move the desk between stations.

const at = z.number().int().nonnegative().max(MAX_TIME);
const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The desk's holder lives on one stream of the shift kind (a shift's own log is `shift:<day>|<shiftId>`). */
export const DUTY_STREAM = 'shift:desk';

export const DUTY_HANDOVER_SIGNED = 'duty.handoverSigned';
export const dutyHandoverSignedPayload = z.object({
  at,
  /** One work-transfer form (工作移交表), signed twice. */
  formId: id,
  side: z.enum(['outgoing', 'incoming']),
  outgoing: id,
  incoming: id,
  shiftId: z.string().max(20),
  shiftDay: day,
});

export const DUTY_TRANSFERRED = 'duty.transferred';
export const dutyTransferredPayload = z.object({ at, toStation: nameSchema, text: z.string().trim().max(2000).optional() });

/** The desk takes the phone back in the morning, having read what the night handled. */
export const DUTY_TAKEN_BACK = 'duty.takenBack';
export const dutyTakenBackPayload = z.object({ at, fromStation: nameSchema, readConfirmed: z.literal(true) });

export const DUTY_PAYLOADS = {
  [DUTY_HANDOVER_SIGNED]: dutyHandoverSignedPayload,
  [DUTY_TRANSFERRED]: dutyTransferredPayload,
  [DUTY_TAKEN_BACK]: dutyTakenBackPayload,
} as const;
export type DutyEventType = keyof typeof DUTY_PAYLOADS;

/** The registry's entries (events/registry.ts): each signer signs for themselves; moving the desk is ordinary work. */
export const DUTY_SPECS = {
  [DUTY_HANDOVER_SIGNED]: { schema: dutyHandoverSignedPayload, permission: 'ticket.update' },
  [DUTY_TRANSFERRED]: { schema: dutyTransferredPayload, permission: 'ticket.update' },
  [DUTY_TAKEN_BACK]: { schema: dutyTakenBackPayload, permission: 'ticket.update' },
} as const satisfies KindSpecs;
