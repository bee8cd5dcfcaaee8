import { describe, expect, it } from 'vitest';
import { PHONE_TERM_PREFIX, phoneTerms, queryTerms, searchTerms, ticketTerms } from './searchTerms';

describe('search terms', () => {
  it('indexes CJK pairs and the last character of each run, latin words, numbers and their parts', () => {
    const terms = searchTerms(['FD-20261122-007', '厨房漏水', 'Zhang San']);
    expect(terms).toEqual(['fd-20261122-007', '20261122', '007', '厨房', '房漏', '漏水', '水', 'zhang', 'san']);
    // "FD" and "fd-2026" are found as prefixes of the whole number.
    expect(queryTerms('FD').every((q) => terms.some((t) => t.startsWith(q)))).toBe(true);
  });

  it('finds every character of a text, alone or in a pair, as a prefix of an indexed term', () => {
    const text = '楼上深夜噪音扰民，3栋漏水';
    const record = searchTerms([text]);
    for (const char of text.replace(/[^\u4e00-\u9fff]/gu, '')) {
      expect(queryTerms(char).every((q) => record.some((t) => t.startsWith(q)))).toBe(true);
    }
    for (const pair of ['深夜', '噪音', '栋漏', '扰民']) expect(queryTerms(pair).every((q) => record.includes(q))).toBe(true);
    // Two characters of the text that are not next to each other are not a match.
    expect(queryTerms('民楼').every((q) => record.some((t) => t.startsWith(q)))).toBe(false);
  });

  it('turns a query into terms that all appear in a matching record', () => {
    const record = new Set(searchTerms(['3-1502', '厨房漏水很严重']));
    for (const term of queryTerms('漏水')) expect([...record].some((t) => t.startsWith(term))).toBe(true);
    expect(queryTerms('漏水')).toEqual(['漏水']);
  });

  it('reads full-width digits as ASCII', () => {
    expect(searchTerms(['１５０２'])).toContain('1502');
  });

  it('S6: a request indexes its caller\'s number once, only under the phone prefix no query term can carry', () => {
    const fields = { number: 'FD-20261122-001', unitKey: '3-1502', building: '3', room: '1502', callerName: '张三', callerPhone: '+86 138-1234-5678 转 12', description: '漏水' };
    const terms = ticketTerms(fields);
    expect(terms.filter((t) => t.includes('1381234'))).toEqual([`${PHONE_TERM_PREFIX}8613812345678`]);
    // No more index keys than when the number was indexed as text (a save writes every key).
    expect(terms.length).toBeLessThanOrEqual(searchTerms(Object.values(fields)).length);
    for (const query of ['+8613812345678', '13812345678', '2345678', '~p:86138', 'p:86138']) {
      expect(queryTerms(query).some((q) => terms.some((t) => t.startsWith(q)))).toBe(false);
    }
    expect(phoneTerms('')).toEqual([]);
  });
});
