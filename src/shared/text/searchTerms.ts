// Search terms for an index with prefix lookups (Dexie `*terms` + startsWith): whole latin
// words and digit runs, and every CJK character and character pair, so 漏水 finds 厨房漏水.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const MAX_TERMS = 400;

export function searchTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const term of tokenize(text)) {
      terms.add(term);
      if (terms.size >= MAX_TERMS) return [...terms];
    }
  }
  return [...terms];
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.normalize('NFKC').toLowerCase();
  let word = '';
  let previousCjk = '';
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const char of lower) {
    if (CJK.test(char)) {
      flush();
      out.push(char);
      if (previousCjk) out.push(previousCjk + char);
      previousCjk = char;
    } else if (/[\p{L}\p{N}]/u.test(char)) {
      word += char;
      previousCjk = '';
    } else if (char === '-' && word) {
      // Keep ticket numbers (FD-20261122-007) and unit keys (3-1502) whole as well as in parts.
      word += char;
      previousCjk = '';
    } else {
      flush();
      previousCjk = '';
    }
  }
  flush();
  const withParts: string[] = [];
  for (const term of out) {
    withParts.push(term);
    if (term.includes('-')) withParts.push(...term.split('-').filter(Boolean));
  }
  return withParts;
}

/** The terms of a query: the longest one drives the index lookup, the rest filter. */
export function queryTerms(query: string): string[] {
  const terms = [...new Set(tokenize(query))];
  // A CJK run yields singles and pairs; the pairs alone are enough to match and more selective.
  const pairs = terms.filter((t) => CJK.test(t) && [...t].length === 2);
  const singlesCovered = new Set(pairs.flatMap((p) => [...p]));
  return terms.filter((t) => !(CJK.test(t) && [...t].length === 1 && singlesCovered.has(t)));
}

/**
 * Terms of a ticket that needs work are indexed twice, once plain and once under this prefix,
 * so the queue's default view (open requests) searches only open tickets through the index
 * instead of walking every closed ticket that shares a common word.
 */
export const ACTIVE_TERM_PREFIX = '~a:';

export function withActiveTerms(terms: readonly string[], active: boolean): string[] {
  const base = terms.filter((t) => !t.startsWith(ACTIVE_TERM_PREFIX));
  return active ? [...base, ...base.map((t) => ACTIVE_TERM_PREFIX + t)] : base;
}
