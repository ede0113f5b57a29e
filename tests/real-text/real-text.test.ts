import { describe, expect, it } from 'vitest';
import { checkDocuments } from '../../scripts/check/check-documents.js';
import { defaultConfig } from '../../scripts/config/load-config.js';
import { frameDocument, measureDocument, registerDocument } from '../rules/rule-helpers.js';
import { JUDGED_RULES, REAL_TEXT_CASES, type JudgedRule, type RealTextCase } from './cases.js';

/**
 * Cases where the tool does not yet say what a reviewer expects: the case's name → the findings it gives
 * today, and why. A case leaves this list only by being right; a change in what it gives fails the test.
 */
const KNOWN_MISSES: Record<string, { actual: JudgedRule[]; why: string }> = {
  'aflastning citing Serviceloven § 44, criteria as a list, age-graded days »som udgangspunkt«': {
    actual: ['individuel-vurdering', 'lovhjemmel'],
    why: 'A condition on the grant (»bevilges ud fra en konkret, individuel vurdering, når:« and the situations as a list) is read as a condition on the assessment.',
  },
};

function findingsOf(testCase: RealTextCase): JudgedRule[] {
  const config = defaultConfig();
  config.severity.laesbarhed = 'off';
  const document = measureDocument(testCase.sections, 'real-text');
  const { findings } = checkDocuments([{ document, findings: [], broken: false }], [registerDocument(), frameDocument()], config);
  const rules = findings.map((finding) => finding.rule).filter((rule): rule is JudgedRule => (JUDGED_RULES as readonly string[]).includes(rule));
  // One judgement per measure for the statement rule (see cases.ts).
  const statement = rules.includes('individuel-vurdering') ? ['individuel-vurdering' as const] : [];
  return [...statement, ...rules.filter((rule) => rule !== 'individuel-vurdering')].sort();
}

/** Per rule: findings expected and given, and how many of them agree (a finding counts once per expected one). */
function score(cases: readonly RealTextCase[]): Record<JudgedRule, { expected: number; given: number; agreed: number }> {
  const scores = Object.fromEntries(JUDGED_RULES.map((rule) => [rule, { expected: 0, given: 0, agreed: 0 }])) as Record<
    JudgedRule,
    { expected: number; given: number; agreed: number }
  >;
  for (const testCase of cases) {
    const actual = findingsOf(testCase);
    for (const rule of JUDGED_RULES) {
      const expected = testCase.expected.filter((candidate) => candidate === rule).length;
      const given = actual.filter((candidate) => candidate === rule).length;
      scores[rule].expected += expected;
      scores[rule].given += given;
      scores[rule].agreed += Math.min(expected, given);
    }
  }
  return scores;
}

describe('the rules on measures modelled on real municipal pages', () => {
  for (const testCase of REAL_TEXT_CASES) {
    it(`${testCase.source}: ${testCase.name}`, () => {
      const known = KNOWN_MISSES[testCase.name];
      expect(findingsOf(testCase)).toEqual(known ? known.actual : [...testCase.expected].sort());
    });
  }

  it('covers at least 20 measures from at least 6 kommuner, and reports precision and recall per rule', () => {
    expect(REAL_TEXT_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(REAL_TEXT_CASES.map((testCase) => testCase.source.split(':')[0])).size).toBeGreaterThanOrEqual(6);
    const scores = score(REAL_TEXT_CASES);
    for (const [rule, { expected, given, agreed }] of Object.entries(scores)) {
      const precision = given === 0 ? 1 : agreed / given;
      const recall = expected === 0 ? 1 : agreed / expected;
      console.log(`${rule}: precision ${(precision * 100).toFixed(0)} % (${agreed}/${given}), recall ${(recall * 100).toFixed(0)} % (${agreed}/${expected})`);
    }
  });
});
