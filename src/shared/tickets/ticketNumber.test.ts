import { describe, expect, it } from 'vitest';
import { stationDay, ticketNumber } from './ticketNumber';

describe('ticket numbers', () => {
  it('are the station code, the day and a three-digit sequence', () => {
    expect(ticketNumber('FD', '20261122', 7)).toBe('FD-20261122-007');
    expect(ticketNumber('CR', '20261122', 1234)).toBe('CR-20261122-1234');
  });

  it('take the day in the station time zone, not UTC', () => {
    const lateUtc = Date.parse('2026-11-22T17:30:00Z'); // 01:30 on the 23rd in Shanghai
    expect(stationDay(lateUtc, 'Asia/Shanghai')).toBe('20261123');
    expect(stationDay(lateUtc, 'UTC')).toBe('20261122');
  });
});
