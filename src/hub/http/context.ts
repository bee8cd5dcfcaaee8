// What the request handlers share, and the fields Fastify requests carry for them.
import type { LogFields } from '../log';
import type { ContactLog } from '../store/contacts';
import type { HubStore, StationIdentity } from '../store/types';

export interface HubContext {
  store: HubStore;
  contacts: ContactLog;
  /** A request body silent this long is answered 408 (S16). */
  bodyTimeoutMs: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: StationIdentity | null;
    rawBody: Buffer | null;
    logFields: LogFields;
  }
}
