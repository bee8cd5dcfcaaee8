import { KEY_DEPOSITED, KEY_LENT, KEY_REGISTERED, KEY_RETURNED, type KeyEventType, type KeyPayload } from './keyEvents';
import type { KeyRow } from './keyFold';
import { drawnSignatureProblem, type Signature } from './signature';

// R-KEYS, the command's side: what the desk refuses before anything is written (the UI shows
// `keys.refused.<code>`). Checked on the row as it is inside the save's transaction.

export const KEY_REFUSALS = [
  'unknownKey', 'alreadyRegistered', 'duplicateLabel', 'future',
  'notOwnerKey', 'alreadyHeld', 'notHeld', 'alreadyOut', 'notOut', 'stillOut',
  'workOnly', 'signatureMissing', 'signatureTooLarge',
] as const;
export type KeyRefusal = (typeof KEY_REFUSALS)[number];

/** A key step's time may run a minute ahead of this station's clock (two stations' clocks), no more. */
const FUTURE_SLACK_MS = 60_000;

export type KeyStep = { [T in KeyEventType]: { type: T; payload: KeyPayload<T> } }[KeyEventType];

function signatureProblem(signature: Signature): KeyRefusal | null {
  return signature.kind === 'drawn' ? drawnSignatureProblem(signature.png) : null;
}

export function refuseKeyStep(row: KeyRow | null | undefined, step: KeyStep, now: number): KeyRefusal | null {
  if (step.payload.at > now + FUTURE_SLACK_MS) return 'future';
  if (step.type === KEY_REGISTERED) return row ? 'alreadyRegistered' : null;
  if (!row) return 'unknownKey';
  switch (step.type) {
    case KEY_DEPOSITED:
      // R-KEYS: only an owner's key is deposited; the estate's own keys are at the desk from the start.
      if (row.category !== 'owner') return 'notOwnerKey';
      if (row.held || row.out) return 'alreadyHeld';
      return signatureProblem(step.payload.signature);
    case KEY_LENT:
      if (row.out) return 'alreadyOut';
      if (!row.held) return 'notHeld';
      // R-KEYS: common-area and plant-room keys are lent only for work.
      if (row.category !== 'owner' && step.payload.purpose !== 'work') return 'workOnly';
      return signatureProblem(step.payload.signature);
    case KEY_RETURNED:
      if (step.payload.kind === 'borrowed') {
        if (!row.out) return 'notOut';
      } else {
        // R-KEYS: handed back to its owner, who signs again; it must be here to be handed back.
        if (row.category !== 'owner') return 'notOwnerKey';
        if (row.out) return 'stillOut';
        if (!row.held) return 'notHeld';
      }
      return signatureProblem(step.payload.signature);
  }
}
