// Reads a backup file back as store records, refusing anything that is not a complete,
// intact backup: a wrong header, a record out of place, an event whose content does not match
// its hash, or counts that differ from the end record (a truncated file).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { canonicalJson } from '../../shared/protocol';
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
      if (line.kind === 'event') checkHash(line, n);
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

function checkHash(e: EventRecord, n: number): void {
  const seven = { id: e.id, stream: e.stream, type: e.type, hlc: e.hlc, station: e.station, actor: e.actor, payload: JSON.parse(e.payload) };
  if (createHash('sha256').update(canonicalJson(seven)).digest('hex') !== e.hash) {
    throw new StoreRefusal(`line ${n}: event ${e.id} does not match its hash`);
  }
}
