import type { HandoverForm } from './dutyFold';
import { HANDOVER_ITEM_ADDED, HANDOVER_ITEM_MARKED, HANDOVER_ITEM_SORTED, type HandoverPayload } from './handoverEvents';
import { isSettled, type ShiftLogRow } from './shiftLogFold';

// Issue 16: what the handover commands refuse, decided on the rows as they are in the save's own
// transaction (the folds never refuse: a peer's event that slipped past is still folded). Pure.

export type HandoverRefusal =
  | 'unknownItem' | 'notSorted' | 'settled' | 'handedOver'
  | 'samePerson' | 'noForm' | 'notSignedByOutgoing' | 'wrongSigner' | 'alreadySigned';

export type ItemStep =
  | { type: typeof HANDOVER_ITEM_ADDED; payload: HandoverPayload<typeof HANDOVER_ITEM_ADDED> }
  | { type: typeof HANDOVER_ITEM_SORTED; payload: HandoverPayload<typeof HANDOVER_ITEM_SORTED> }
  | { type: typeof HANDOVER_ITEM_MARKED; payload: HandoverPayload<typeof HANDOVER_ITEM_MARKED> };

/** The shift's handover signed by both sides, if any (the log is then handed over). */
export function signedHandover(forms: readonly HandoverForm[], day: string, shiftId: string): HandoverForm | undefined {
  return forms.find((f) => f.shiftDay === day && f.shiftId === shiftId && f.outgoingSignedAt !== undefined && f.incomingSignedAt !== undefined);
}

export function refuseItemStep(row: ShiftLogRow | null | undefined, step: ItemStep, handedOver: boolean): HandoverRefusal | null {
  // Step 6: items are passed on while the shift runs; a signed handover closes its list.
  if (step.type === HANDOVER_ITEM_ADDED) return handedOver ? 'handedOver' : null;
  const item = row?.items?.find((i) => i.id === step.payload.itemId);
  if (!item) return 'unknownItem';
  // Steps 3–5: an item done ("OK") is finished; nothing is sorted or marked after it.
  if (isSettled(item)) return 'settled';
  // R-HANDOVER-READ: sorted by urgency (step 2) before it is handled and marked (steps 3–5).
  if (step.type === HANDOVER_ITEM_MARKED && !item.urgency) return 'notSorted';
  return null;
}

/** R-HANDOVER-SIGN: the outgoing person signs a form naming someone else, for a shift not yet handed over. */
export function refuseOutgoingSignature(forms: readonly HandoverForm[], form: { outgoing: string; incoming: string; shiftDay: string; shiftId: string }): HandoverRefusal | null {
  if (form.outgoing === form.incoming) return 'samePerson';
  if (signedHandover(forms, form.shiftDay, form.shiftId)) return 'handedOver';
  return null;
}

/** R-HANDOVER-SIGN: only the person the outgoing one named signs second, once. */
export function refuseIncomingSignature(form: HandoverForm | undefined, signer: string): HandoverRefusal | null {
  if (!form) return 'noForm';
  if (form.outgoingSignedAt === undefined) return 'notSignedByOutgoing';
  if (form.incomingSignedAt !== undefined) return 'alreadySigned';
  if (signer !== form.incoming) return 'wrongSigner';
  return null;
}
