import { z } from 'zod';
import { MAX_TIME } from '../tickets/handling/stepEvents';
import type { KindSpecs } from '../events/kindSpecs';
import { signatureSchema } from './signature';

// Issue 16, R-KEYS: the key register, one stream per key (`key:<id>`): a key is registered
// (labelled and filed by its category), an owner's key deposited (the owner signs), lent
// (identity and purpose checked; common-area and plant-room keys only for work; the borrower
// signs) and returned (the borrower, or for a deposited key handed back, the owner signs again).
// The guards (keyGuards.ts) refuse in the command; the fold records what arrives.

const at = z.number().int().nonnegative().max(MAX_TIME);
const personName = z.string().trim().min(1).max(40);

/** 业主钥匙 filed by unit, 公共区域 by floor/area, 机房 by equipment (domain.md "Keys"). */
export const KEY_CATEGORIES = ['owner', 'commonArea', 'plantRoom'] as const;
export type KeyCategory = (typeof KEY_CATEGORIES)[number];

/** Why a key is borrowed; `work` is the only one a common-area or plant-room key is lent for. */
export const LEND_PURPOSES = ['work', 'owner', 'other'] as const;
export type LendPurpose = (typeof LEND_PURPOSES)[number];

/** How the borrower's identity was checked (R-KEYS: confirm identity). */
export const IDENTITY_CHECKS = ['staffCard', 'idCard', 'knownResident', 'ownerAuthorised'] as const;

export const keyStream = (id: string) => `key:${id}`;

export const KEY_REGISTERED = 'key.registered';
export const keyRegisteredPayload = z.object({
  at,
  label: z.string().trim().min(1).max(40),
  category: z.enum(KEY_CATEGORIES),
  /** The unit (owner), the floor/area (common area) or the equipment (plant room) it is filed under. */
  filedUnder: z.string().trim().min(1).max(60),
  note: z.string().trim().max(200).optional(),
});

export const KEY_DEPOSITED = 'key.deposited';
export const keyDepositedPayload = z.object({ at, owner: personName, signature: signatureSchema });

export const KEY_LENT = 'key.lent';
export const keyLentPayload = z.object({
  at,
  borrower: personName,
  identity: z.enum(IDENTITY_CHECKS),
  purpose: z.enum(LEND_PURPOSES),
  purposeText: z.string().trim().min(1).max(200),
  signature: signatureSchema,
});

export const KEY_RETURNED = 'key.returned';
export const keyReturnedPayload = z.object({
  at,
  /** `borrowed`: a lent key back at the desk; `toOwner`: a deposited key handed back to its owner. */
  kind: z.enum(['borrowed', 'toOwner']),
  by: personName,
  signature: signatureSchema,
});

export const KEY_PAYLOADS = {
  [KEY_REGISTERED]: keyRegisteredPayload,
  [KEY_DEPOSITED]: keyDepositedPayload,
  [KEY_LENT]: keyLentPayload,
  [KEY_RETURNED]: keyReturnedPayload,
} as const;
export type KeyEventType = keyof typeof KEY_PAYLOADS;
export type KeyPayload<T extends KeyEventType> = z.output<(typeof KEY_PAYLOADS)[T]>;
export const KEY_EVENT_TYPES = Object.keys(KEY_PAYLOADS) as KeyEventType[];

export const KEY_SPECS = {
  [KEY_REGISTERED]: { schema: keyRegisteredPayload, permission: 'keys.manage' },
  [KEY_DEPOSITED]: { schema: keyDepositedPayload, permission: 'keys.manage' },
  [KEY_LENT]: { schema: keyLentPayload, permission: 'keys.manage' },
  [KEY_RETURNED]: { schema: keyReturnedPayload, permission: 'keys.manage' },
} as const satisfies KindSpecs;
