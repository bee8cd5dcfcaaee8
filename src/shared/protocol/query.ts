// The pull query: `after` (≥ 0, default 0) and `limit` (1 to 5000, default 1000) as plain
// decimal digits of at most 15; a parameter given twice is refused; unknown ones are ignored.
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, MAX_QUERY_DIGITS } from './limits';

export interface QueryParams {
  getAll(name: string): string[];
}

export type PullQuery = { ok: true; after: number; limit: number } | { ok: false; code: 'BAD_QUERY'; message: string };

const DIGITS = new RegExp(`^[0-9]{1,${MAX_QUERY_DIGITS}}$`);

export function parsePullQuery(params: QueryParams): PullQuery {
  const after = readInteger(params, 'after', 0, Number.MAX_SAFE_INTEGER, 0);
  if (typeof after === 'string') return { ok: false, code: 'BAD_QUERY', message: after };
  const limit = readInteger(params, 'limit', 1, MAX_PULL_LIMIT, DEFAULT_PULL_LIMIT);
  if (typeof limit === 'string') return { ok: false, code: 'BAD_QUERY', message: limit };
  return { ok: true, after, limit };
}

/** The parameter's value, or why it is refused. */
function readInteger(params: QueryParams, name: string, min: number, max: number, fallback: number): number | string {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  if (values.length > 1) return `"${name}" is given more than once`;
  const raw = values[0] ?? '';
  const value = DIGITS.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) return `"${name}" must be an integer from ${min} to ${max}, in plain digits`;
  return value;
}
