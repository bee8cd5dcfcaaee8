// The connection pool and what to make of its failures. When PostgreSQL goes away the pool's
// clients die; every request meanwhile fails fast with StoreUnavailableError (503), and new
// connections are made once the server is back, so the hub recovers without a restart.
import pg from 'pg';
import { StoreUnavailableError } from '../errors';

export type Client = pg.PoolClient;

const int8AsNumber: pg.CustomTypesConfig = {
  // seq stays far below 2^53, so a number is exact and keeps answers free of quoted integers.
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(connectionString: string, onIdleError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 8,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 60_000,
    application_name: 'dutydesk-hub',
    // Durable before the answer, whatever the server's default is.
    options: '-c synchronous_commit=on',
    types: int8AsNumber,
  });
  // An idle client losing its server emits here; without a listener the process would crash.
  pool.on('error', onIdleError);
  return pool;
}

/** SQLSTATE classes that mean the database, not the statement, is failing. */
const UNAVAILABLE_CLASSES = /^(08|53|57|58|XX)/;

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // A socket error (ECONNREFUSED, EPIPE…); no SQLSTATE class starts with E.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_CLASSES.test(code);
  // pg's own words for a lost or slow server.
  return /connection|terminated|timeout|not queryable/i.test(error.message);
}

/**
 * S10: the database was dropped (3D000 on connect) or its tables were (42P01). The store is
 * gone, not the request: 503, and the schema must be found again before serving.
 */
export function isStoreLost(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '3D000' || code === '42P01') return true;
  }
  return false;
}

export function translate(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailable(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`the hub's PostgreSQL database is unreachable (${reason})`, { cause: error });
}

/** Runs work in one transaction; a failed client is destroyed, not returned to the pool. */
export async function inTransaction<T>(pool: pg.Pool, work: (c: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  let client: Client;
  try {
    client = await pool.connect();
  } catch (error) {
    throw translate(error);
  }
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw translate(error);
  }
}

export async function query<R extends pg.QueryResultRow>(pool: pg.Pool, text: string, values: unknown[] = []): Promise<R[]> {
  try {
    return (await pool.query<R>(text, values)).rows;
  } catch (error) {
    throw translate(error);
  }
}

/** The connection string with its password hidden, for logs. */
export function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres';
  }
}
