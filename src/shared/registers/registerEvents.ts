import { z } from 'zod';
import { MAX_TIME } from '../tickets/handling/stepEvents';
import { REGISTER_IDS } from './registerKinds';

// R-CONFIDENTIAL: a register exported to a file leaves the desk with residents' names and, for a
// role with `phone.unmask`, their full numbers; like a directory export, each export is logged
// (who: the envelope's actor; when: its hlc) on the exports stream.

export const REGISTER_EXPORTED = 'register.exported';

export const registerExportedPayload = z.object({
  register: z.enum(REGISTER_IDS),
  /** The dates exported, [from, to) in epoch ms. */
  from: z.number().int().nonnegative().max(MAX_TIME),
  to: z.number().int().nonnegative().max(MAX_TIME),
  rows: z.number().int().min(0),
  /** Whether the file holds full numbers (the exporter's role may see them). */
  unmasked: z.boolean(),
});
export type RegisterExportedPayload = z.infer<typeof registerExportedPayload>;
