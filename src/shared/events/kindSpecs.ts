import type { z } from 'zod';
import type { Permission } from '../domain/roles';

/** A feature's event types for one stream kind: payload schema and the permission its actor needs (null: anyone, or the system). */
export type KindSpecs = Record<string, { schema: z.ZodTypeAny; permission: Permission | null }>;
