import { isKnownCommonArea, isKnownDepartment } from '@shared/tickets/handling/references';

// The estate's lists (departments, common areas: desk settings, issue 14) hold the rulebook's
// ids until a manager types their own entries: the one way an entry is shown.

export type ReferenceListName = 'departments' | 'commonAreas';

/** An entry as shown: a known id in the reader's language (`handling.<list>.<id>`), anything else as typed. */
export function referenceLabel(t: (key: never) => unknown, list: ReferenceListName, entry: string): string {
  const known = list === 'departments' ? isKnownDepartment(entry) : isKnownCommonArea(entry);
  return known ? String(t(`handling.${list}.${entry}` as never)) : entry;
}
