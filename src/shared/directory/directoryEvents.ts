// Directory events (every change is an event; docs/directory.md "Data"): units in `unit:<id>` streams,
// residents and every reveal of their numbers in `resident:<id>` streams.
import { z } from 'zod';
import { streams } from '../events/envelope';

export const UNIT_ADDED = 'unit.added';
export const UNIT_UPDATED = 'unit.updated';
export const RESIDENT_ADDED = 'resident.added';
export const RESIDENT_UPDATED = 'resident.updated';
/** R-CONFIDENTIAL: who saw a resident's full number, and when (the envelope's actor and hlc). */
export const PHONE_REVEALED = 'directory.phoneRevealed';
/** R-CONFIDENTIAL: an export writes every number out in full, so it is logged too. */
export const DIRECTORY_EXPORTED = 'directory.exported';
export const DIRECTORY_EXPORTS_STREAM = streams.directoryExports;

export const RELATIONS = ['owner', 'tenant', 'family'] as const;
export type Relation = (typeof RELATIONS)[number];

export const phoneNumberSchema = z.object({
  e164: z.string().regex(/^\+[1-9]\d{4,14}$/),
  extension: z.string().regex(/^\d{1,6}$/).optional(),
});

const notes = z.string().trim().max(500);
const floor = z.number().int().min(-9).max(300).nullable();

// Building and room are the unit's identity (its stream id is derived from them), so they are
// set once; a typo is corrected by adding the right unit and moving the residents.
export const unitAddedPayload = z.object({
  building: z.string().trim().min(1).max(16),
  room: z.string().trim().min(1).max(16),
  floor,
  notes,
});
export type UnitAddedPayload = z.infer<typeof unitAddedPayload>;

export const unitUpdatedPayload = z.object({ floor: floor.optional(), notes: notes.optional() });
export type UnitUpdatedPayload = z.infer<typeof unitUpdatedPayload>;

export const residentName = z.string().trim().min(1).max(40);

export const residentAddedPayload = z.object({
  unitId: z.string().min(1).max(40),
  name: residentName,
  relation: z.enum(RELATIONS),
  phones: z.array(phoneNumberSchema).max(10),
  notes,
});
export type ResidentAddedPayload = z.infer<typeof residentAddedPayload>;

/** Only the fields that changed; `active: false` when the resident moves out. */
export const residentUpdatedPayload = residentAddedPayload.partial().extend({ active: z.boolean().optional() });
export type ResidentUpdatedPayload = z.infer<typeof residentUpdatedPayload>;

export const phoneRevealedPayload = z.object({ e164: phoneNumberSchema.shape.e164 });
export type PhoneRevealedPayload = z.infer<typeof phoneRevealedPayload>;

export const directoryExportedPayload = z.object({ format: z.enum(['csv', 'xlsx']), residents: z.number().int().min(0) });
export type DirectoryExportedPayload = z.infer<typeof directoryExportedPayload>;
