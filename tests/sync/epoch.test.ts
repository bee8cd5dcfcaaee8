import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { addNote } from '../../src/renderer/features/ticket/ticketCommands';
import { cli } from '../hub/support/cli';
import { Station as RawStation } from '../hub/support/client';
import { startHub } from '../hub/support/hubProcess';
import { createStore } from '../hub/support/stores';
import { joinedEstate, useSyncHub } from './support/estate';
import { snapshot } from './support/snapshot';
import { loggedCount, loggedEvent } from '../../src/renderer/testing/testStation';

// F19 (sync-research.md §3.1): the hub goes back in time. `npm run hub:backup`, more work, the
// hub lost, `npm run hub:restore` of the backup elsewhere: a new epoch; the stations (same
// tokens) re-push everything they hold with relay, pull from 0, and converge with no duplicates.

const values = { channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: Date.now() } as const;

describe('hub epochs', () => {
  const hub = useSyncHub();

  it('F19: a hub restored from an older backup has a new epoch; both stations re-push what they hold (relay), pull from 0 and converge; nothing duplicated here or there', { timeout: 120_000 }, async () => {
    const estate = await joinedEstate(hub, 19, { names: ['front-desk', 'control-room'], pageLimit: 7 });
    const [fd, cr] = estate.stations;
    const dir = mkdtempSync(join(tmpdir(), 'dutydesk-sync-backup-'));
    const target = await createStore('sqlite', { init: false });
    let restored: Awaited<ReturnType<typeof startHub>> | null = null;
    try {
      const { id } = await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', values, estate.manager);
      await fd!.syncUntilQuiet();
      await cr!.syncUntilQuiet();
      const file = join(dir, 'hub.ndjson');
      const backup = await cli('backup', ['--out', file], hub.store.env);
      expect(backup.code, backup.stderr).toBe(0);
      // After the backup: work both stations pushed (cr pulled fd's), and one event only fd holds.
      await addNote(cr!.store!, id, '维修工已出发', estate.manager);
      await cr!.syncUntilQuiet();
      await createTicket(fd!.db, fd!.store!, 'Asia/Shanghai', { ...values, description: '门禁坏了' }, estate.manager);
      await fd!.syncUntilQuiet();
      const [late] = await fd!.store!.append([{ stream: `ticket:${id}`, type: 'ticket.noted', payload: { text: '住户不在家' } }], estate.manager);
      await fd!.syncUntilQuiet();
      const heldBefore = [await loggedCount(fd!.db), await loggedCount(cr!.db)];

      const restore = await cli('restore', ['--from', file], target.env);
      expect(restore.code, restore.stderr).toBe(0);
      restored = await startHub(target.env);
      expect(restored.epoch).not.toBe(hub.hub.epoch);
      for (const station of estate.stations) station.retarget(restored.url);

      for (let pass = 0; pass < 2; pass++) for (const station of estate.stations) await station.syncUntilQuiet();
      for (const station of estate.stations) {
        expect(station.engine.status().hubEpoch).toBe(restored.epoch);
        expect(station.net.pushLog.some((p) => p.relay)).toBe(true);
      }
      expect(await loggedEvent(cr!.db, late!.id)).toBeDefined();
      const [a, b] = [await snapshot(fd!.db), await snapshot(cr!.db)];
      expect(b).toEqual(a);
      expect(a.events.length).toBe(heldBefore[0]);
      const onHub = await new RawStation(restored.url, estate.tokens[0]!).pullAll();
      const ids = onHub.map((e) => e.id as string);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(a.events.map((e) => (e as { id: string }).id));
    } finally {
      estate.close();
      await restored?.stop();
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
