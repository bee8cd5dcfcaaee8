// Well-formed events as a station would make them; tests spoil one field at a time.
import { randomBytes } from 'node:crypto';

let counter = 0;

export type TestEvent = {
  id: string;
  stream: string;
  type: string;
  hlc: string;
  station: string;
  actor: string | null;
  payload: Record<string, unknown>;
};

export function hlcNow(node = 'a1b2c3d4e5f60708'): string {
  counter = (counter + 1) % 0x10000;
  return `${new Date().toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function newId(): string {
  return `ev-${randomBytes(12).toString('hex')}`;
}

export function makeEvent(station: string, overrides: Partial<TestEvent> = {}): TestEvent {
  return {
    id: newId(),
    stream: 'ticket:0190f6b2',
    type: 'ticket.created',
    hlc: hlcNow(),
    station,
    actor: 'staff-017',
    payload: { note: '3号楼 1201 漏水', urgent: true, floor: 12 },
    ...overrides,
  };
}

export function makeEvents(station: string, n: number): TestEvent[] {
  return Array.from({ length: n }, () => makeEvent(station));
}

/** The seven fields a pulled event must carry besides seq. */
export function sevenOf(e: Record<string, unknown>): TestEvent {
  const { id, stream, type, hlc, station, actor, payload } = e as unknown as TestEvent;
  return { id, stream, type, hlc, station, actor, payload };
}
