// Rule ids (`R-…`) of the rulebook (/work/shared/domain.md) and where the project cites them.
// Pure: scripts/ruleCoverage.ts reads the files and prints the map.

/** An id as cited: a whole rule id, or a prefix ending in `-*` for every rule under it. */
const CITATION = /(?<![A-Za-z0-9-])R-[A-Z0-9]+(?:-[A-Z0-9]+)*(?:-\*)?(?![A-Za-z0-9]|-[A-Za-z0-9])/g;

/** Every citation in a text, in order, repeats kept. */
export function ruleCitations(text: string): string[] {
  return text.match(CITATION) ?? [];
}

/**
 * The ids the rulebook defines, in its order: a rule is defined by a line that starts with its
 * id (after an optional list marker), and every id before that line's first colon is defined
 * there (`R-… (steps 1–7) and R-… (step 8):`). Ids further on are mentions.
 */
export function definedRuleIds(markdown: string): string[] {
  const ids: string[] = [];
  for (const line of markdown.split('\n')) {
    const head = /^\s*(?:[-*]\s+)?(R-[A-Z0-9][^:]*):/.exec(line)?.[1];
    if (!head) continue;
    for (const id of ruleCitations(head)) if (!id.endsWith('*') && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The rules a set of citations names; a `-*` citation stands for every rule with that prefix. */
export function citedRules(citations: readonly string[], rules: readonly string[]): string[] {
  return rules.filter((rule) =>
    citations.some((c) => (c.endsWith('-*') ? rule.startsWith(c.slice(0, -1)) : c === rule)),
  );
}

/** Citations that name no rule of the rulebook (a typo or a rule that was renamed). */
export function unknownCitations(citations: readonly string[], rules: readonly string[]): string[] {
  return [...new Set(citations)].filter((c) => citedRules([c], rules).length === 0);
}

export function isTestFile(path: string): boolean {
  return /\.(?:test|spec)\.tsx?$/.test(path);
}

// A test title: the first string argument of it/test/describe (and chains such as
// `test.describe`, `it.skip`), or of the call `it.each([...])` returns.
const TITLE = /(?:\b(?:it|test|describe)(?:\.[A-Za-z]+)*|\))\s*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
const COMMENT = /\/\/[^\n]*|\/\*[\s\S]*?\*\//g;

/**
 * The part of a test file that can cite a rule: test names and comments. A rule id used as
 * data inside a test body is not a citation.
 */
export function testCitationText(source: string): string {
  const titles = [...source.matchAll(TITLE)].map((m) => m[2] ?? '');
  return [...titles, ...(source.match(COMMENT) ?? [])].join('\n');
}

export type RuleStatus = 'behaviour + test' | 'code only' | 'test only' | 'none';

/** Code cites it and a test names it; whether that test would fail if the rule broke is a reviewer's call. */
export function ruleStatus(codeFiles: number, testFiles: number): RuleStatus {
  if (codeFiles > 0) return testFiles > 0 ? 'behaviour + test' : 'code only';
  return testFiles > 0 ? 'test only' : 'none';
}
