import Dexie from 'dexie';
import { uuidv7 } from '@shared/ids';
import type { EventDraft } from '@shared/events/registry';
import { DUTY_HANDOVER_SIGNED, DUTY_STREAM } from '@shared/shifts/dutyEvents';
import type { DutyRow } from '@shared/shifts/dutyFold';
import * as H from '@shared/shifts/handoverEvents';
import { refuseIncomingSignature, refuseItemStep, refuseOutgoingSignature, signedHandover, type HandoverRefusal, type ItemStep } from '@shared/shifts/handoverGuards';
import type { ShiftLogRow } from '@shared/shifts/shiftLogFold';
import type { DeskDatabase } from '../../db/database';
import { RefusedError, type EventStore } from '../../db/eventStore';
import { checkPin, type SignInResult } from '../signin/signIn';
import { itemFiling, unfiledDrafts } from '../leftovers/leftoverCommands';

// Issue 16, R-HANDOVER-READ / R-HANDOVER-SIGN: the handover's commands. Each is checked against
// the rows as they are in the save's own transaction (handoverGuards.ts); a refusal writes nothing.

/** A handover step the rules refuse now: the UI shows `handover.refused.<code>`. */
export class HandoverRefusedError extends RefusedError {
  constructor(override readonly code: HandoverRefusal) {
    super(code);
  }
}

/** The shift whose log is written: its day and id name the stream, its start orders the list. */
export interface ShiftRef {
  day: string;
  shiftId: string;
  startsAt: number;
}

const logId = (shift: ShiftRef) => `${shift.day}|${shift.shiftId}`;
const readRows = (db: DeskDatabase, shift: ShiftRef) =>
  Dexie.Promise.all([db.shifts.get(logId(shift)) as Promise<ShiftLogRow | undefined>, db.shifts.get('desk') as Promise<DutyRow | undefined>]);

async function itemStep(db: DeskDatabase, store: EventStore, shift: ShiftRef, step: ItemStep, actorId: string, also: readonly EventDraft[] = []): Promise<void> {
  const draft = { stream: H.shiftLogStream(shift.day, shift.shiftId), type: step.type, payload: step.payload } as EventDraft;
  await store.append([draft, ...also], actorId, async () => {
    const [log, duty] = await readRows(db, shift);
    const refusal = refuseItemStep(log, step, Boolean(signedHandover(duty?.forms ?? [], shift.day, shift.shiftId)));
    if (refusal) throw new HandoverRefusedError(refusal);
  });
}

/** Step 6: what this shift cannot finish goes into the log for the next shift, as it happens. */
export async function passOnItem(db: DeskDatabase, store: EventStore, shift: ShiftRef, item: { text: string; ticketId?: string; ticketNumber?: string }, actorId: string, now = Date.now()): Promise<string> {
  const itemId = uuidv7(now);
  const payload = H.handoverItemAddedPayload.parse({ at: now, startsAt: shift.startsAt, itemId, ...item });
  await itemStep(db, store, shift, { type: H.HANDOVER_ITEM_ADDED, payload }, actorId);
  return itemId;
}

/**
 * Step 2: the incoming person sorts an item by urgency. R-LEFTOVER (step 8): an item that cannot
 * be solved for now needs a long time, so it goes into the leftover-issues file in the same save
 * (once: its leftover id is derived from the item, or from the request it names: leftoverEvents.ts).
 */
export async function sortItem(db: DeskDatabase, store: EventStore, shift: ShiftRef, itemId: string, urgency: H.HandoverUrgency, actorId: string, timeZone: string, now = Date.now()) {
  const payload = H.handoverItemSortedPayload.parse({ at: now, startsAt: shift.startsAt, itemId, urgency });
  const item = urgency === 'notNow' ? (await readRows(db, shift))[0]?.items?.find((i) => i.id === itemId) : undefined;
  const filing = item ? await unfiledDrafts(db, timeZone, [itemFiling(item, shift)], now) : [];
  return itemStep(db, store, shift, { type: H.HANDOVER_ITEM_SORTED, payload }, actorId, filing);
}

/** Steps 3–5: "OK", passed to the manager, or not today with its reason. */
export function markItem(db: DeskDatabase, store: EventStore, shift: ShiftRef, itemId: string, mark: H.HandoverMark, reason: string | undefined, actorId: string, now = Date.now()) {
  const payload = H.handoverItemMarkedPayload.parse({ at: now, startsAt: shift.startsAt, itemId, mark, ...(reason?.trim() ? { reason } : {}) });
  return itemStep(db, store, shift, { type: H.HANDOVER_ITEM_MARKED, payload }, actorId);
}

export type FormContent = Omit<H.HandoverFormPayload, 'at' | 'startsAt' | 'formId'>;
export type SignResult = { ok: true; formId: string } | Exclude<SignInResult, { ok: true }>;

/**
 * R-HANDOVER-SIGN, first signature: the outgoing person's PIN, then the form's content and their
 * signature in one save (so a signed form is always in the log).
 */
export async function signAsOutgoing(db: DeskDatabase, store: EventStore, shift: ShiftRef, content: FormContent, pin: string, now = Date.now()): Promise<SignResult> {
  const duty = (await db.shifts.get('desk')) as DutyRow | undefined;
  const ref = { outgoing: content.outgoing, incoming: content.incoming, shiftDay: shift.day, shiftId: shift.shiftId };
  const early = refuseOutgoingSignature(duty?.forms ?? [], ref);
  if (early) throw new HandoverRefusedError(early);
  const checked = await checkPin(db, store, content.outgoing, pin, now);
  if (!checked.ok) return checked;
  const formId = uuidv7(now);
  const form = H.handoverFormWrittenPayload.parse({ ...content, at: now, startsAt: shift.startsAt, formId });
  const drafts: EventDraft[] = [
    { stream: H.shiftLogStream(shift.day, shift.shiftId), type: H.HANDOVER_FORM_WRITTEN, payload: form },
    { stream: DUTY_STREAM, type: DUTY_HANDOVER_SIGNED, payload: { at: now, formId, side: 'outgoing', ...ref } },
  ];
  await store.append(drafts, content.outgoing, async () => {
    const [, again] = await readRows(db, shift);
    const refusal = refuseOutgoingSignature(again?.forms ?? [], ref);
    if (refusal) throw new HandoverRefusedError(refusal);
  });
  return { ok: true, formId };
}

/** R-HANDOVER-SIGN, second signature: only the person the form names, with their PIN; then they hold the desk (dutyFold). */
export async function signAsIncoming(db: DeskDatabase, store: EventStore, formId: string, signerId: string, pin: string, now = Date.now()): Promise<SignResult> {
  const formOf = async () => ((await db.shifts.get('desk')) as DutyRow | undefined)?.forms.find((f) => f.formId === formId);
  // The wrong person is refused before the PIN is tried: it is not their PIN that is wrong.
  const early = refuseIncomingSignature(await formOf(), signerId);
  if (early) throw new HandoverRefusedError(early);
  const checked = await checkPin(db, store, signerId, pin, now);
  if (!checked.ok) return checked;
  const form = (await formOf())!;
  const payload = { at: now, formId, side: 'incoming' as const, outgoing: form.outgoing, incoming: form.incoming, shiftId: form.shiftId, shiftDay: form.shiftDay };
  await store.append([{ stream: DUTY_STREAM, type: DUTY_HANDOVER_SIGNED, payload }], signerId, async () => {
    const refusal = refuseIncomingSignature(await formOf(), signerId);
    if (refusal) throw new HandoverRefusedError(refusal);
  });
  return { ok: true, formId };
}
