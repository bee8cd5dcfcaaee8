import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { LANGUAGES } from '../station/stationEvents';

export const STAFF_ADDED = 'staff.added';
export const STAFF_UPDATED = 'staff.updated';
export const STAFF_PIN_SET = 'staff.pinSet';
export const STAFF_SIGNED_IN = 'staff.signedIn';
export const STAFF_SIGNED_OUT = 'staff.signedOut';
export const STAFF_LOCKED_OUT = 'staff.lockedOut';
/** U10: a manager lifts a PIN lock-out; sign-in honours it from its hlc on. */
export const STAFF_LOCKOUT_LIFTED = 'staff.lockoutLifted';

/** A PIN verifier, format v1 (docs/pins.md); verifiers written before `v` existed are v1. */
export const pinHashSchema = z.object({
  v: z.literal(1).optional(),
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(100_000),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PinHash = z.infer<typeof pinHashSchema>;

export const staffName = z.string().trim().min(1).max(40);

export const staffAddedPayload = z.object({
  name: staffName,
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES),
  pin: pinHashSchema,
});
export type StaffAddedPayload = z.infer<typeof staffAddedPayload>;

export const staffUpdatedPayload = z.object({
  name: staffName.optional(),
  role: z.enum(ROLES).optional(),
  language: z.enum(LANGUAGES).optional(),
  active: z.boolean().optional(),
});
export type StaffUpdatedPayload = z.infer<typeof staffUpdatedPayload>;

export const staffPinSetPayload = z.object({ pin: pinHashSchema });
export const staffSignInPayload = z.object({ reason: z.enum(['signIn', 'unlock', 'switch', 'setup']) });
export const staffSignedOutPayload = z.object({ reason: z.enum(['lock', 'idle', 'switch']) });
export const staffLockedOutPayload = z.object({ failures: z.number().int(), until: z.number().int() });
export const staffLockoutLiftedPayload = z.object({}).strict();
