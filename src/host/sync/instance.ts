// F14: the station identity kept beside the data, `<dataDir>/sync/instance.json`. A browser
// store that was wiped or swapped comes back with another instance id (or with no station while
// the host still knows one): the host answers `reset` with what it kept, and the renderer
// refills from the journal and the hub before adopting the new id.
import { readFile } from 'node:fs/promises';
import { instanceRecord, type InstanceAnswer, type InstanceRecord } from '../../shared/sync/syncContract';
import type { Logger } from '../logging/logger';
import { replaceFileDurably } from '../durableFile';

export interface InstanceStore {
  claim(record: InstanceRecord, adopt: boolean): Promise<InstanceAnswer>;
}

export function instanceStore(path: string, logger?: Logger): InstanceStore {
  async function read(): Promise<InstanceRecord | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const parsed = instanceRecord.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Falls through.
    }
    // An unreadable record cannot prove a reset; the store in hand is kept as the instance.
    logger?.warn('sync: the instance record is corrupt and is replaced by this store', { path });
    return null;
  }
  const write = (record: InstanceRecord) => replaceFileDurably(path, `${JSON.stringify(record)}\n`, 0o600);

  return {
    async claim(record, adopt) {
      const kept = await read();
      if (!kept) {
        await write(record);
        return { status: 'new', previous: null };
      }
      const lostStation = record.station === null && kept.station !== null;
      if (kept.instanceId === record.instanceId && !lostStation) {
        // Same store: its station record may have changed (renamed, first configured).
        if (JSON.stringify(kept.station) !== JSON.stringify(record.station)) await write(record);
        return { status: 'same', previous: null };
      }
      if (adopt) {
        await write(record);
        return { status: 'same', previous: null };
      }
      return { status: 'reset', previous: kept };
    },
  };
}
