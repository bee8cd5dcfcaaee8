import { describe, expect, it } from 'vitest';
import { queryTerms, searchTerms } from './searchTerms';

describe('search terms', () => {
  it('indexes CJK characters and pairs, latin words, numbers and their parts', () => {
    const terms = searchTerms(['FD-20261122-007', '厨房漏水', 'Zhang San']);
    expect(terms).toEqual(expect.arrayContaining(['fd-20261122-007', '20261122', '007', '漏水', '厨', 'zhang', 'san']));
  });

  it('turns a query into terms that all appear in a matching record', () => {
    const record = new Set(searchTerms(['3-1502', '厨房漏水很严重']));
    for (const term of queryTerms('漏水')) expect([...record].some((t) => t.startsWith(term))).toBe(true);
    expect(queryTerms('漏水')).toEqual(['漏水']);
  });

  it('reads full-width digits as ASCII', () => {
    expect(searchTerms(['１５０２'])).toContain('1502');
  });
});
