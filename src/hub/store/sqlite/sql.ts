// Every SQL statement of the SQLite store, in one place. Migrations are applied in order and
// recorded in meta.schema_version; a new schema is a new entry at the end, never an edit.

export const MIGRATIONS: readonly string[] = [
  // 1: sites with their seq counter, stations with hashed tokens, the event log.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE sites (
     site_id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     last_seq INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL);
   CREATE TABLE stations (
     station_id INTEGER PRIMARY KEY,
     site_id INTEGER NOT NULL REFERENCES sites (site_id),
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     revoked_at TEXT,
     last_push_at TEXT,
     last_pull_at TEXT,
     UNIQUE (site_id, name));
   CREATE TABLE events (
     site_id INTEGER NOT NULL REFERENCES sites (site_id),
     seq INTEGER NOT NULL,
     id TEXT NOT NULL,
     stream TEXT NOT NULL,
     type TEXT NOT NULL,
     hlc TEXT NOT NULL,
     station TEXT NOT NULL,
     actor TEXT,
     payload TEXT NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (site_id, seq),
     UNIQUE (site_id, id));`,
  // 2: status shows each station's last contact of any kind and the seq it last pulled.
  `ALTER TABLE stations ADD COLUMN last_seen_at TEXT;
   ALTER TABLE stations ADD COLUMN last_pulled_seq INTEGER;`,
];

export const SQL = {
  readMeta: `SELECT value FROM meta WHERE key = ?`,
  writeMeta: `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  tableCount: `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meta'`,

  stationByToken: `SELECT st.station_id, st.name AS station, si.site_id, si.name AS site
     FROM stations st JOIN sites si USING (site_id)
     WHERE st.token_hash = ? AND st.revoked_at IS NULL`,
  stationExists: `SELECT 1 FROM stations WHERE site_id = ? AND name = ?`,

  siteLastSeq: `SELECT last_seq FROM sites WHERE site_id = ?`,
  eventById: `SELECT id, stream, type, hlc, station, actor, payload FROM events WHERE site_id = ? AND id = ?`,
  insertEvent: `INSERT INTO events (site_id, seq, id, stream, type, hlc, station, actor, payload, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  setSiteLastSeq: `UPDATE sites SET last_seq = ? WHERE site_id = ?`,
  pull: `SELECT seq, id, stream, type, hlc, station, actor, payload FROM events
     WHERE site_id = ? AND seq > ? ORDER BY seq LIMIT ?`,

  contact: `UPDATE stations SET last_seen_at = max(coalesce(last_seen_at, ''), @lastSeenAt),
       last_push_at = coalesce(@lastPushAt, last_push_at),
       last_pull_at = coalesce(@lastPullAt, last_pull_at),
       last_pulled_seq = coalesce(@lastPulledSeq, last_pulled_seq)
     WHERE station_id = @stationId`,

  siteByName: `SELECT site_id FROM sites WHERE name = ?`,
  insertSite: `INSERT INTO sites (name, last_seq, created_at) VALUES (?, ?, ?)`,
  stationByName: `SELECT station_id, revoked_at FROM stations WHERE site_id = ? AND name = ?`,
  insertStation: `INSERT INTO stations (site_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)`,
  reissueStation: `UPDATE stations SET token_hash = ?, revoked_at = NULL WHERE station_id = ?`,
  revokeStation: `UPDATE stations SET revoked_at = ? WHERE station_id = ? AND revoked_at IS NULL`,
  listStations: `SELECT name, created_at, revoked_at, last_seen_at, last_push_at, last_pull_at, last_pulled_seq
     FROM stations WHERE site_id = ? ORDER BY name`,
  sites: `SELECT site_id, name, last_seq, created_at FROM sites ORDER BY name`,
  siteEventCount: `SELECT count(*) AS n FROM events WHERE site_id = ?`,
  anyRow: `SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM stations) + (SELECT count(*) FROM events) AS n`,

  exportStations: `SELECT si.name AS site, st.name, st.token_hash, st.created_at, st.revoked_at, st.last_seen_at,
       st.last_push_at, st.last_pull_at, st.last_pulled_seq
     FROM stations st JOIN sites si USING (site_id) ORDER BY si.name, st.name`,
  exportEvents: `SELECT seq, id, stream, type, hlc, station, actor, payload, received_at
     FROM events WHERE site_id = ? ORDER BY seq`,
  importStation: `INSERT INTO stations (site_id, name, token_hash, created_at, revoked_at, last_seen_at, last_push_at,
       last_pull_at, last_pulled_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;
