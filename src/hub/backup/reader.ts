// Reads a backup file back as store records, refusing anything that is not a complete,
// intact backup: a wrong header, a record out of place, an event whose payload is not a JSON
// object, or counts that differ from the end record (a truncated file).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isJsonObject } from '../../shared/protocol';
import { StoreRefusal } from '../store/errors';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine, type BackupRecord, type EndRecord, type EventRecord } from './format';

export async function* readBackup(file: string): AsyncGenerator<BackupRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const counts: EndRecord = { kind: 'end', sites: 0, stations: 0, events: 0 };
  let header = false;
  let end: EndRecord | undefined;
  let n = 0;
  for await (const text of lines) {
    n++;
    if (end) throw new StoreRefusal(`line ${n}: data after the end record`);
    const line = JSON.parse(text) as BackupLine;
    if (!header) {
      if (line.kind !== 'header' || line.format !== BACKUP_FORMAT || line.version !== BACKUP_VERSION) {
        throw new StoreRefusal(`not a ${BACKUP_FORMAT} version ${BACKUP_VERSION} file`);
      }
      header = true;
    } else if (line.kind === 'end') {
      end = line;
    } else if (line.kind === 'site' || line.kind === 'station' || line.kind === 'event') {
      if (line.kind === 'event') checkPayload(line, n);
      counts[line.kind === 'site' ? 'sites' : line.kind === 'station' ? 'stations' : 'events']++;
      yield line;
    } else {
      throw new StoreRefusal(`line ${n}: unknown record`);
    }
  }
  if (!end || end.sites !== counts.sites || end.stations !== counts.stations || end.events !== counts.events) {
    throw new StoreRefusal('the backup is incomplete: its end record is missing or its counts differ');
  }
}

function checkPayload(e: EventRecord, n: number): void {
  if (typeof e.payload !== 'string' || !isJsonObject(JSON.parse(e.payload))) {
    throw new StoreRefusal(`line ${n}: event ${e.id} has no JSON object as its payload`);
  }
}
