// Every SQL statement of the PostgreSQL store, in one place. Migrations are applied in order
// under an advisory lock (two hubs starting at once) and recorded in meta.schema_version; a new
// schema is a new entry at the end, never an edit.

/** Key of the transaction-scoped advisory lock taken while migrating. */
export const MIGRATION_LOCK = 7_001_001;

export const MIGRATIONS: readonly string[] = [
  // 1: sites with their seq counter, stations with hashed tokens, the event log.
  `CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE sites (
     site_id serial PRIMARY KEY,
     name text NOT NULL UNIQUE,
     last_seq bigint NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL);
   CREATE TABLE stations (
     station_id serial PRIMARY KEY,
     site_id integer NOT NULL REFERENCES sites (site_id),
     name text NOT NULL,
     token_hash text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL,
     revoked_at timestamptz,
     last_push_at timestamptz,
     last_pull_at timestamptz,
     UNIQUE (site_id, name));
   CREATE TABLE events (
     site_id integer NOT NULL REFERENCES sites (site_id),
     seq bigint NOT NULL,
     id text NOT NULL,
     stream text NOT NULL,
     type text NOT NULL,
     hlc text NOT NULL,
     station text NOT NULL,
     actor text,
     payload text NOT NULL,
     received_at timestamptz NOT NULL,
     PRIMARY KEY (site_id, seq),
     UNIQUE (site_id, id));`,
  // 2: status shows each station's last contact of any kind and the seq it last pulled.
  `ALTER TABLE stations ADD COLUMN last_seen_at timestamptz, ADD COLUMN last_pulled_seq bigint;`,
];

const EVENT_COLUMNS = 'site_id, seq, id, stream, type, hlc, station, actor, payload, received_at';

export const SQL = {
  migrationLock: `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`,
  hasMeta: `SELECT to_regclass('meta') IS NOT NULL AS present`,
  readMeta: `SELECT value FROM meta WHERE key = $1`,
  writeMeta: `INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,

  stationByToken: `SELECT st.station_id, st.name AS station, si.site_id, si.name AS site
     FROM stations st JOIN sites si USING (site_id)
     WHERE st.token_hash = $1 AND st.revoked_at IS NULL`,
  stationExists: `SELECT 1 FROM stations WHERE site_id = $1 AND name = $2`,

  // The row lock serializes pushes of a site from seq allocation to commit, so the committed
  // events of a site are always a prefix of its seq order (pulls never skip a late commit).
  lockSite: `SELECT last_seq FROM sites WHERE site_id = $1 FOR UPDATE`,
  existingEvents: `SELECT id, stream, type, hlc, station, actor, payload FROM events WHERE site_id = $1 AND id = ANY ($2::text[])`,
  // One statement for the rows and the counter: one round trip less while the site is locked.
  insertEvents: `WITH inserted AS (
       INSERT INTO events (${EVENT_COLUMNS})
       SELECT $1::int, t.*, now() FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[]) AS t)
     UPDATE sites SET last_seq = $10::bigint WHERE site_id = $1::int`,
  // One slice of a pull page: at most $3 events, and none once the payloads before it add up to
  // $4 bytes (always the first). octet_length reads a TOASTed payload's size from its header,
  // and the rows beyond the cut are dropped here, so the hub never receives them. read_bytes,
  // the payload bytes up to and including the row, tells the hub whether the budget cut it.
  pull: `SELECT seq, id, stream, type, hlc, station, actor, payload, read_bytes FROM (
       SELECT seq, id, stream, type, hlc, station, actor, payload,
         sum(octet_length(payload)) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) AS read_bytes, octet_length(payload) AS own_bytes
       FROM events WHERE site_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) slice
     WHERE read_bytes - own_bytes < $4 ORDER BY seq`,

  contact: `UPDATE stations SET last_seen_at = greatest(last_seen_at, $2::timestamptz),
       last_push_at = coalesce($3::timestamptz, last_push_at),
       last_pull_at = coalesce($4::timestamptz, last_pull_at),
       last_pulled_seq = coalesce($5::bigint, last_pulled_seq)
     WHERE station_id = $1`,

  siteByName: `SELECT site_id FROM sites WHERE name = $1`,
  insertSite: `INSERT INTO sites (name, last_seq, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING site_id`,
  stationByName: `SELECT station_id, revoked_at FROM stations WHERE site_id = $1 AND name = $2 FOR UPDATE`,
  insertStation: `INSERT INTO stations (site_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)`,
  reissueStation: `UPDATE stations SET token_hash = $1, revoked_at = NULL WHERE station_id = $2`,
  revokeStation: `UPDATE stations SET revoked_at = now()
     WHERE site_id = (SELECT site_id FROM sites WHERE name = $1) AND name = $2 AND revoked_at IS NULL`,
  stationNamed: `SELECT 1 FROM stations st JOIN sites si USING (site_id) WHERE si.name = $1 AND st.name = $2`,
  listStations: `SELECT name, created_at, revoked_at, last_seen_at, last_push_at, last_pull_at, last_pulled_seq
     FROM stations WHERE site_id = $1 ORDER BY name`,
  sites: `SELECT site_id, name, last_seq, created_at FROM sites ORDER BY name`,
  siteEventCount: `SELECT count(*)::bigint AS n FROM events WHERE site_id = $1`,
  anyRow: `SELECT EXISTS (SELECT 1 FROM sites) OR EXISTS (SELECT 1 FROM stations) OR EXISTS (SELECT 1 FROM events) AS any`,

  exportStations: `SELECT si.name AS site, st.name, st.token_hash, st.created_at, st.revoked_at, st.last_seen_at,
       st.last_push_at, st.last_pull_at, st.last_pulled_seq
     FROM stations st JOIN sites si USING (site_id) ORDER BY si.name, st.name`,
  exportEvents: `SELECT seq, id, stream, type, hlc, station, actor, payload, received_at
     FROM events WHERE site_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
  importStation: `INSERT INTO stations (site_id, name, token_hash, created_at, revoked_at, last_seen_at, last_push_at,
       last_pull_at, last_pulled_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
  importEvents: `INSERT INTO events (${EVENT_COLUMNS})
     SELECT * FROM unnest($1::int[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::timestamptz[])`,
} as const;
