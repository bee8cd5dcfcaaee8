// Search terms for an index with prefix lookups (Dexie `*terms` + startsWith): whole latin
// words and digit runs, and every CJK character pair plus the last character of each CJK run,
// so 漏水 finds 厨房漏水 and a single 漏 is a prefix of 漏水 (or is the run's last character).
// Every term is an index key written with the record, and each key costs the save time on a
// large store (docs/benchmarks.md): singles that are a prefix of a pair are not indexed.

import { unitQueryKey } from '../domain/units';

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
  // The last character of a CJK run starts no pair: it is indexed on its own.
  const endRun = () => {
    if (previousCjk) out.push(previousCjk);
    previousCjk = '';
  };
  for (const char of lower) {
    if (CJK.test(char)) {
      flush();
      if (previousCjk) out.push(previousCjk + char);
      previousCjk = char;
      continue;
    }
    endRun();
    if (/[\p{L}\p{N}]/u.test(char)) {
      word += char;
    } else if (char === '-' && word) {
      // Keep ticket numbers (FD-20261122-007) and unit keys (3-1502) whole as well as in parts.
      word += char;
    } else {
      flush();
    }
  }
  endRun();
  flush();
  const withParts: string[] = [];
  for (const term of out) {
    withParts.push(term);
    // The first part is a prefix of the whole term, which a prefix lookup already finds.
    if (term.includes('-')) withParts.push(...term.split('-').slice(1).filter(Boolean));
  }
  return withParts;
}

/**
 * The terms of a query: the longest one drives the index lookup, the rest filter. U6: a word
 * spelled as a unit (`A座1001`, `3栋1502室`, `A座`) becomes the unit key a ticket is indexed
 * under (`a-1001`, `3-1502`, the prefix `a-`): parsed here, so a ticket needs no extra key.
 */
export function queryTerms(query: string): string[] {
  const words = query.normalize('NFKC').split(/\s+/u).filter(Boolean);
  const terms = [...new Set(words.flatMap((word) => tokenize(unitQueryKey(word) ?? word)))];
  // A CJK run ends with a single; its pairs alone are enough to match and more selective.
  const pairs = terms.filter((t) => CJK.test(t) && [...t].length === 2);
  const singlesCovered = new Set(pairs.flatMap((p) => [...p]));
  return terms.filter((t) => !(CJK.test(t) && [...t].length === 1 && singlesCovered.has(t)));
}

/**
 * Terms of a ticket that needs work are indexed under this prefix instead of plain, so the
 * queue's default view (open requests) searches only open tickets through the index instead of
 * walking every closed ticket that shares a common word; "all" looks under both. (Schema v5
 * indexed open tickets under both; v6 keeps one copy, half the index keys per save.)
 */
export const ACTIVE_TERM_PREFIX = '~a:';

/** A record's terms without the open-ticket prefix. */
export function plainTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => (t.startsWith(ACTIVE_TERM_PREFIX) ? t.slice(ACTIVE_TERM_PREFIX.length) : t)))];
}

export function withActiveTerms(terms: readonly string[], active: boolean): string[] {
  const base = plainTerms(terms);
  return active ? base.map((t) => ACTIVE_TERM_PREFIX + t) : base;
}

/**
 * R-CONFIDENTIAL (S6): a resident's number is indexed under this prefix, never plain, so a
 * query of a role without `phone.unmask` (its terms never hold "~" or ":") cannot reach it, as
 * a key or as the prefix of one. Roles that may see numbers look here too (queueQuery). One key
 * per number, as before: a save writes no more keys than it did.
 */
export const PHONE_TERM_PREFIX = '~p:';

/** The number's digits (an extension after 转, ext, x or # left out) under PHONE_TERM_PREFIX. */
export function phoneTerms(phone: string): string[] {
  const main = phone.normalize('NFKC').split(/转|分机|ext|x|#/iu)[0] ?? '';
  const digits = main.replace(/\D/g, '');
  return digits ? [PHONE_TERM_PREFIX + digits] : [];
}

/** The fields of a request a search finds it by; the caller's number only under its prefix. */
export interface TicketSearchFields {
  number: string;
  unitKey: string;
  building: string;
  room: string;
  /** Issue 14: where, when not a unit (a common area). */
  place?: string;
  callerName: string;
  callerPhone: string;
  description: string;
}

export function ticketTerms(t: TicketSearchFields): string[] {
  return [...searchTerms([t.number, t.unitKey, t.building, t.room, t.place ?? '', t.callerName, t.description]), ...phoneTerms(t.callerPhone)];
}
