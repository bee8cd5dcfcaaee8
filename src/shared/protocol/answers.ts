// The hub's answers, as schemas a station can check them with. Every answer carries the hub's
// clock (`hubTime`) and the identity of its store (`hubEpoch`).
import { z } from 'zod';
import { REJECTION_CODES } from './codes';
import { wireEventSchema } from './wireEvent';

const HUB_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const hubStamp = {
  hubTime: z.string().regex(HUB_TIME),
  hubEpoch: z.string().min(1),
};

export const errorAnswerSchema = z.object({ error: z.string(), message: z.string(), ...hubStamp });
export const healthAnswerSchema = z.object({ ok: z.literal(true), ...hubStamp });
export const whoamiAnswerSchema = z.object({ site: z.string(), station: z.string(), ...hubStamp });

export const pushResultSchema = z.object({
  id: z.string().nullable(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  code: z.enum(REJECTION_CODES).optional(),
  message: z.string().optional(),
});

export const pushAnswerSchema = z.object({
  results: z.array(pushResultSchema),
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  ...hubStamp,
});

export const pulledEventSchema = wireEventSchema.extend({ seq: z.number().int().positive() }).strict();

export const pullAnswerSchema = z.object({
  events: z.array(pulledEventSchema),
  last: z.number().int().nonnegative(),
  more: z.boolean(),
  ...hubStamp,
});

export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;
export type PushResult = z.infer<typeof pushResultSchema>;
export type PushAnswer = z.infer<typeof pushAnswerSchema>;
export type PulledEvent = z.infer<typeof pulledEventSchema>;
export type PullAnswer = z.infer<typeof pullAnswerSchema>;
