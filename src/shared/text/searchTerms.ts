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

/**
 * A closed ticket's terms are indexed under the month it was opened in (UTC), `~m202612:水管`,
 * so the index grows at one end as the log does: a term written scattered over a big index (a
 * request's words fall all over a two-year one) cost about ten times one written near the last
 * (bench:sync rawCosts, docs/benchmarks.md), and a new station's first pull writes them by the
 * hundred thousand. A search reads the months newest first (queueQuery.ts). Tickets closed
 * before this kept their plain terms; searches still read those.
 */
export const CLOSED_TERM_PREFIX = '~m';
const MONTH_PREFIX = /^~m\d{6}:/;
const MONTH_PREFIX_LENGTH = '~m202612:'.length;

/** `~m202612:` for a ticket opened at `createdAt` (ms), the month in UTC. */
export function closedTermPrefix(createdAt: number): string {
  return `${CLOSED_TERM_PREFIX}${monthKey(createdAt)}:`;
}

/** yyyymm (UTC) of a time; a time outside years 0–9999 (or none) counts as its nearest bound, so the key is always six digits. */
const FIRST_MS = Date.parse('0000-01-01T00:00:00Z');
const LAST_MS = Date.parse('9999-12-31T00:00:00Z');

export function monthKey(at: number): string {
  const d = new Date(Number.isFinite(at) ? Math.min(Math.max(at, FIRST_MS), LAST_MS) : 0);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Where a stored term's own text starts: after the open-ticket or the month prefix, if any. */
export function termTextStart(term: string): number {
  if (term.startsWith(ACTIVE_TERM_PREFIX)) return ACTIVE_TERM_PREFIX.length;
  if (MONTH_PREFIX.test(term)) return MONTH_PREFIX_LENGTH;
  return 0;
}

/** A record's terms without the open-ticket or month prefix. */
export function plainTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => t.slice(termTextStart(t))))];
}

/** The terms as indexed: under ACTIVE_TERM_PREFIX while open, under the opening month once closed. */
export function withActiveTerms(terms: readonly string[], active: boolean, createdAt: number): string[] {
  const base = plainTerms(terms);
  const prefix = active ? ACTIVE_TERM_PREFIX : closedTermPrefix(createdAt);
  return base.map((t) => prefix + t);
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
