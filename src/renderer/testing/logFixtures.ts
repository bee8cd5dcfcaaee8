// Events for the log's tests (db/eventLog.ts): seeded, out of hlc order, a few sharing a stamp.
import type { DeskEvent } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import { seededRandom } from './seededRandom';

export const STREAMS = ['ticket:a', 'ticket:b', 'ticket:c', 'staff:m1', 'staff:m2', 'shift:desk', 'key:k1'];

export function events(seed: number, count: number): DeskEvent[] {
  const { next } = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `e-${seed}-${i}`,
    stream: STREAMS[Math.floor(next() * STREAMS.length)]!,
    type: 'ticket.noted',
    // Stamps out of order and a few shared (two nodes in the same millisecond, F20).
    hlc: formatHlc({ millis: 1_800_000_000_000 + Math.floor(next() * 500), counter: 0, node: next() < 0.5 ? '00000000000000aa' : '00000000000000bb' }),
    station: next() < 0.5 ? 'front-desk' : 'control-room',
    actor: null,
    payload: { text: `note ${i}` },
  }));
}

