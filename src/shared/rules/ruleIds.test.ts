import { describe, expect, it } from 'vitest';
import {
  citedRules,
  definedRuleIds,
  isTestFile,
  ruleCitations,
  ruleStatus,
  testCitationText,
  unknownCitations,
} from './ruleIds';

// Made-up ids, so this file cites no rule of the real rulebook.
const R = 'R-';
const rulebook = [
  '# Rules',
  'Rule ids (`R-…`) are stable.',
  '- R-ALPHA-ONE: first; see R-BETA (mentioned, not defined here).',
  '- R-ALPHA-TWO (中文): second.',
  '  continues, citing R-GAMMA-5MIN in passing.',
  'R-DELTA-READ (steps 1–7) and R-DELTA-LEFT (step 8):',
  '- R-GAMMA-5MIN: third.',
  '- R-ALPHA-ONE: repeated, still one rule.',
].join('\n');

describe('rule ids in the rulebook', () => {
  it('finds the ids each defining line opens with, in the rulebook order', () => {
    expect(definedRuleIds(rulebook)).toEqual(['R-ALPHA-ONE', 'R-ALPHA-TWO', 'R-DELTA-READ', 'R-DELTA-LEFT', 'R-GAMMA-5MIN']);
  });

  it('reads whole ids only, with a trailing wildcard kept', () => {
    expect(ruleCitations('R-ALPHA-ONE, R-ALPHA-*: X-R-NOPE R-alpha R-ALPHA-ONEs (R-GAMMA-5MIN)')).toEqual([
      'R-ALPHA-ONE',
      'R-ALPHA-*',
      'R-GAMMA-5MIN',
    ]);
  });
});

describe('citations', () => {
  const rules = definedRuleIds(rulebook);

  it('names a rule exactly, not by prefix, and a wildcard names the whole family', () => {
    expect(citedRules(['R-ALPHA'], rules)).toEqual([]);
    expect(citedRules(['R-ALPHA-*'], rules)).toEqual(['R-ALPHA-ONE', 'R-ALPHA-TWO']);
    expect(citedRules(['R-DELTA-LEFT', 'R-GAMMA-5MIN'], rules)).toEqual(['R-DELTA-LEFT', 'R-GAMMA-5MIN']);
  });

  it('reports citations that name no rule', () => {
    expect(unknownCitations(['R-ALPHA-ONE', 'R-BETA', 'R-BETA', 'R-OMEGA-*'], rules)).toEqual(['R-BETA', 'R-OMEGA-*']);
  });

  it('counts in a test file only test names and comments', () => {
    // Spelled `${R}…` so the map does not count this sample as this file citing those ids.
    const source = [
      `describe('${R}ALPHA-ONE: things', () => {`,
      `  it.each([[1], [2]])("${R}ALPHA-TWO: case %i", () => {`,
      `    const data = { rule: '${R}DELTA-READ' };`,
      '  });',
      '  test(',
      `    \`${R}DELTA-LEFT: a title on its own line\`,`,
      '    () => {},',
      '  );',
      `  /${'*'} ${R}GAMMA-5MIN: why *${'/'}`,
      '});',
    ].join('\n');
    expect(citedRules(ruleCitations(testCitationText(source)), rules)).toEqual([
      'R-ALPHA-ONE',
      'R-ALPHA-TWO',
      'R-DELTA-LEFT',
      'R-GAMMA-5MIN',
    ]);
  });

  it('tells test files from code', () => {
    expect(['a/b.test.ts', 'tests/e2e/x.spec.ts', 'c/D.test.tsx', 'tests/e2e/pages/DeskApp.ts', 'e.ts'].map(isTestFile)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('status', () => {
  it('classifies by where a rule is cited', () => {
    expect([ruleStatus(2, 1), ruleStatus(1, 0), ruleStatus(0, 3), ruleStatus(0, 0)]).toEqual([
      'behaviour + test',
      'code only',
      'test only',
      'none',
    ]);
  });
});
