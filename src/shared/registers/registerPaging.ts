// A register lists its requests in received order (the order they were written on the paper
// form), a page at a time. A register of several kinds reads one `[kind+receivedAt]` range per
// kind (never a whole table, never a count) and merges them here.

/** Where a page ends: the last row's received time and id (the index orders ties by id). */
export interface RegisterCursor {
  receivedAt: number;
  id: string;
}

interface Received {
  receivedAt: number;
  id: string;
}

export function receivedOrder(a: Received, b: Received): number {
  return a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** True when the row comes after the cursor in received order. */
export function isAfter(row: Received, cursor: RegisterCursor | null): boolean {
  return cursor === null || receivedOrder(row, cursor) > 0;
}

export interface MergedPage<T> {
  rows: T[];
  /** The cursor of the next page, null when this is the last. */
  next: RegisterCursor | null;
}

/**
 * `lists`: for each kind, up to `limit + 1` rows after the cursor in received order. The first
 * `limit` rows of their union are among those, and one more row anywhere says there is a next page.
 */
export function mergePage<T extends Received>(lists: readonly T[][], limit: number): MergedPage<T> {
  const seen = new Set<string>();
  const merged = lists.flat().filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true))).sort(receivedOrder);
  const rows = merged.slice(0, limit);
  const last = rows[rows.length - 1];
  return { rows, next: merged.length > limit && last ? { receivedAt: last.receivedAt, id: last.id } : null };
}
