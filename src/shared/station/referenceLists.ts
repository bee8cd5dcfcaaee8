import { REFERENCE_LIMITS } from '../tickets/handling/references';

// A manager's lists (departments, common areas): what the settings card checks before saving,
// the same bounds as the settings schema, said entry by entry so the manager sees which to fix.

export type ReferenceEntryProblem = 'entryMissing' | 'entryTooLong' | 'duplicate';
export type ReferenceListProblem = 'listEmpty' | 'tooMany';

export interface ReferenceListProblems {
  list?: ReferenceListProblem;
  /** By position in the list. */
  entries: Record<number, ReferenceEntryProblem>;
}

/** Two entries are the same when they read the same: spaces around and letter case do not count. */
const sameKey = (text: string) => text.trim().toLocaleLowerCase();

/** `shown`: the entries as the manager reads them (a known id already translated). */
export function referenceListProblems(shown: readonly string[]): ReferenceListProblems {
  const problems: ReferenceListProblems = { entries: {} };
  if (shown.length === 0) problems.list = 'listEmpty';
  else if (shown.length > REFERENCE_LIMITS.entries) problems.list = 'tooMany';
  const seen = new Set<string>();
  shown.forEach((text, i) => {
    const key = sameKey(text);
    if (!key) problems.entries[i] = 'entryMissing';
    else if (text.trim().length > REFERENCE_LIMITS.entry) problems.entries[i] = 'entryTooLong';
    else if (seen.has(key)) problems.entries[i] = 'duplicate';
    seen.add(key);
  });
  return problems;
}

export function hasReferenceListProblems(problems: ReferenceListProblems): boolean {
  return Boolean(problems.list) || Object.keys(problems.entries).length > 0;
}
