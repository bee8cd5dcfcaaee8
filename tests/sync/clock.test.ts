import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseHlc } from '@shared/hlc';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { joinedEstate, useSyncHub } from './support/estate';
import { pushRaw, rawTicket, stampAt } from './support/rawEvents';
import { loggedEvent, loggedEvents } from '../../src/renderer/testing/testStation';

// Station clocks (sync-research.md §3.1 F1, F2) against the real hub's hubTime.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const values = { channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: Date.now() } as const;
const millisOf = (hlc: string) => parseHlc(hlc)!.millis;

describe('station clocks', () => {
  const hub = useSyncHub();

  it('F1: stations whose clocks are off by −1 day, −1 h, +10 min and +1 year learn the offset from the hub (over a minute: the header warns), save normally, and stamp with the hub\'s time, also after a restart before any sync', async () => {
    const offsets = [0, -DAY, -60 * MINUTE, 10 * MINUTE, 365 * DAY];
    const names = ['front-desk', 'night-desk', 'control-room', 'supervisor', 'gate'];
    const estate = await joinedEstate(hub, 101, { names, clockOffsets: offsets });
    try {
      for (const [i, station] of estate.stations.entries()) {
        const offset = offsets[i]!;
        const measured = station.engine.status().clockOffsetMs!;
        expect(Math.abs(measured + offset)).toBeLessThan(5_000);
        expect(Math.abs(measured) > MINUTE).toBe(offset !== 0);
        // The intake takes the received time from the station's own clock, as the save's `now`.
        const saved = await createTicket(station.db, station.store!, 'Asia/Shanghai', { ...values, receivedAt: station.now() }, estate.manager, station.now());
        const { hlc } = (await loggedEvents(station.db).then((es) => es.find((e) => e.stream === `ticket:${saved.id}`)))!;
        expect(Math.abs(millisOf(hlc) - Date.now()), `${station.name} saves with the hub's time`).toBeLessThan(10_000);
        // The offset is kept: after a restart, before any sync, the stamps are still right.
        await station.restart();
        const [again] = await station.store!.append([{ stream: `ticket:${saved.id}`, type: 'ticket.noted', payload: { text: '复查' } }], estate.manager);
        expect(Math.abs(millisOf(again!.hlc) - Date.now()), `${station.name} after a restart`).toBeLessThan(10_000);
      }
    } finally {
      estate.close();
    }
  });

  it('F2: a remote stamp a year ahead is kept and folded but drags no station\'s clock, neither when it arrives nor after a restart', async () => {
    const estate = await joinedEstate(hub, 102, { names: ['front-desk', 'control-room'] });
    const [fd, cr] = estate.stations;
    try {
      const ahead = rawTicket(fd!.name, estate.manager, stampAt(Date.now() + 365 * DAY, 0));
      await pushRaw(estate.raw[0]!, [ahead]);
      await cr!.syncUntilQuiet();
      expect(await loggedEvent(cr!.db, ahead.id)).toBeDefined();
      expect(await cr!.db.tickets.get(ahead.stream.slice(7))).toBeDefined();
      const [next] = await cr!.store!.append([{ stream: ahead.stream, type: 'ticket.noted', payload: { text: '已处理' } }], estate.manager);
      expect(Math.abs(millisOf(next!.hlc) - Date.now())).toBeLessThan(10_000);
      await cr!.restart();
      const [later] = await cr!.store!.append([{ stream: ahead.stream, type: 'ticket.noted', payload: { text: '回访' } }], estate.manager);
      expect(Math.abs(millisOf(later!.hlc) - Date.now())).toBeLessThan(10_000);
      expect(later!.hlc > next!.hlc).toBe(true);
    } finally {
      estate.close();
    }
  });
});
