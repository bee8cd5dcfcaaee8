// The event envelope: every change to the desk's data is one immutable event, and sync protocol
// v1 (docs/hub.md) carries exactly these seven fields, all required.

export interface DeskEvent<P extends object = Record<string, unknown>> {
  id: string;
  stream: string;
  type: string;
  hlc: string;
  station: string;
  actor: string | null;
  payload: P;
}

/** What a feature hands to the store, typed by the event registry (type → payload). */
export type { EventDraft } from './registry';

/** The one place a stream's name is made (P2): kind, a colon, the id. */
export const streams = {
  ticket: (id: string) => `ticket:${id}`,
  staff: (id: string) => `staff:${id}`,
  unit: (id: string) => `unit:${id}`,
  resident: (id: string) => `resident:${id}`,
  call: (id: string) => `call:${id}`,
  settings: 'settings',
  station: (code: string) => `station:${code}`,
  directoryExports: 'directory:exports',
} as const;

export function streamKind(stream: string): string {
  const colon = stream.indexOf(':');
  return colon === -1 ? stream : stream.slice(0, colon);
}
