// Writes a backup next to its final name and renames it into place only when complete and
// flushed to disk, so a file named by --out is never a partial backup.
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import type { HubStore } from '../store/types';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine, type EndRecord } from './format';

const FLUSH_BYTES = 1 << 20;

export async function writeBackup(store: HubStore, out: string): Promise<EndRecord> {
  const partial = `${out}.partial`;
  // S13: a backup holds token hashes and residents' data: 0600, also over a leftover .partial.
  const fd = openSync(partial, 'w', 0o600);
  fchmodSync(fd, 0o600);
  let buffer: string[] = [];
  let buffered = 0;
  const put = (line: BackupLine) => {
    const text = `${JSON.stringify(line)}\n`;
    buffer.push(text);
    buffered += text.length;
    if (buffered >= FLUSH_BYTES) flush();
  };
  const flush = () => {
    writeSync(fd, buffer.join(''));
    buffer = [];
    buffered = 0;
  };
  const end: EndRecord = { kind: 'end', sites: 0, stations: 0, events: 0 };
  try {
    put({
      kind: 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(),
      hubEpoch: store.hubEpoch, store: store.kind, schemaVersion: store.schemaVersion,
    });
    await store.exportAll((record) => {
      if (record.kind === 'site') end.sites++;
      else if (record.kind === 'station') end.stations++;
      else end.events++;
      put(record);
    });
    put(end);
    flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, out);
  return end;
}
