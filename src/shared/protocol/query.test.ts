import { describe, expect, it } from 'vitest';
import { parsePullQuery } from './query';

const q = (s: string) => parsePullQuery(new URLSearchParams(s));

describe('parsePullQuery', () => {
  it('uses the defaults and ignores unknown parameters', () => {
    expect(q('x=1')).toEqual({ ok: true, after: 0, limit: 1000 });
    expect(q('after=999999999999999&limit=5000')).toEqual({ ok: true, after: 999999999999999, limit: 5000 });
  });
  it.each(['after=-1', 'after=%2B1', 'after=1e3', 'after=1.0', 'after=', 'after=1000000000000000', 'limit=0', 'limit=5001', 'after=1&after=1', 'limit=1&limit=2', 'after=%EF%BC%91', 'after= 1'])(
    'refuses %s',
    (s) => expect(q(s)).toMatchObject({ ok: false, code: 'BAD_QUERY' }),
  );
});
