// An event on the wire: exactly seven fields, validated in the contract's order
// (INVALID_EVENT, then TOO_LARGE). The station check (WRONG_STATION) and the id check
// (ID_CONFLICT) need the hub's state and happen there.
import { z } from 'zod';
import { isValidHlc } from '../hlc';
import { MAX_ID_LENGTH, MAX_PAYLOAD_BYTES, MAX_TEXT_LENGTH } from './limits';
import { isValidName } from './names';
import { isJsonObject, payloadProblem } from './payload';
import { codePointLength, hasForbiddenChars, utf8ByteLength } from './text';

const ID = new RegExp(`^[A-Za-z0-9_.:-]{1,${MAX_ID_LENGTH}}$`);

const text = z
  .string()
  .refine((s) => !hasForbiddenChars(s), 'holds U+0000 or an unpaired surrogate')
  .refine((s) => s.length >= 1 && codePointLength(s) <= MAX_TEXT_LENGTH, `must be 1 to ${MAX_TEXT_LENGTH} characters`);

export const wireEventSchema = z.object({
  id: z.string().regex(ID, `must be 1 to ${MAX_ID_LENGTH} characters from A-Z a-z 0-9 _ . : -`),
  stream: text,
  type: text,
  hlc: z.string().refine(isValidHlc, 'must be <UTC time with ms>Z-<4 hex>-<16 hex>, lowercase, a real time'),
  station: z.string().refine(isValidName, 'must be 1 to 32 characters from A-Z a-z 0-9 _ -'),
  actor: text.nullable(),
  payload: z.custom<Record<string, unknown>>(isJsonObject, 'must be a JSON object'),
});

export type WireEvent = z.infer<typeof wireEventSchema>;

export type EventCheck =
  | { ok: true; event: WireEvent; payloadJson: string }
  | { ok: false; code: 'INVALID_EVENT' | 'TOO_LARGE'; message: string };

/** Checks one pushed item; extra fields are dropped without being looked at. */
export function checkWireEvent(raw: unknown): EventCheck {
  if (!isJsonObject(raw)) return invalid('the event is not a JSON object');
  // A `__proto__` key is a prototype-poisoning vector wherever it appears in an event.
  if (Object.prototype.hasOwnProperty.call(raw, '__proto__')) return invalid('an object key is __proto__');
  const parsed = wireEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'event';
    return invalid(`${field}: ${issue?.message ?? 'invalid'}`);
  }
  const problem = payloadProblem(parsed.data.payload);
  if (problem) return invalid(`payload: ${problem}`);
  const payloadJson = JSON.stringify(parsed.data.payload);
  const size = utf8ByteLength(payloadJson);
  if (size > MAX_PAYLOAD_BYTES) {
    return { ok: false, code: 'TOO_LARGE', message: `payload is ${size} bytes, over ${MAX_PAYLOAD_BYTES}` };
  }
  return { ok: true, event: parsed.data, payloadJson };
}

function invalid(message: string): EventCheck {
  return { ok: false, code: 'INVALID_EVENT', message };
}
