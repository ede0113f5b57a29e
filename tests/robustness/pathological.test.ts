/*
 * Pathological input: every case must finish (vitest's per-test timeout is the hang guard) and say
 * what it should. Elapsed time is never asserted; speed belongs in `npm run bench`.
 *
 * Regex audit, per file the rules run (the worst case of each is a test below):
 * - rules/individuel-vurdering.ts: the default phrases are anchored at ^ with three (?=.*…) lookaheads, each
 *   one scan of the sentence; the statute phrase is a literal. The negations' (?: [^ ]+){0,3} repeats a run that
 *   cannot hold its own delimiter, so a start backtracks over at most three words. Linear per sentence.
 * - rules/lovhjemmel.ts with law/parse-citations.ts: readGroup and readNumbers match 12–20-character slices;
 *   law names are literals joined by \s+. The »[\p{L}-]+lovens?« pattern starts after any non-letter, also after
 *   »-«, so »a-a-a-…« gives a start at every letter and each scans the rest: quadratic when no »loven« follows
 *   (100 KB take seconds; reported). mentionBefore walks the mentions backwards for each »§« (about 10^8 steps
 *   for 10,000 citations).
 * - rules/pladsholder.ts: the instruction pattern is bounded ([^\]\n]{1,300}), the others are literals or one
 *   greedy class. But isHorizontalRule re-reads the whole normalised line for each »____« match: quadratic in
 *   matches on one line (10,000 matches on a 70 KB line take seconds; reported).
 * - rules/personoplysninger.ts: flat patterns with bounded repeats ({2}, {4}, {0,63}, {0,252}); the context
 *   patterns run on 30-character slices. Linear.
 * - rules/skoen-under-regel.ts: flat; NUMBER's \d+(?:[.,]\d+)* is unambiguous (each repeat needs a separator);
 *   the lookbehinds are bounded. Linear per sentence.
 * - rules/laesbarhed.ts: ADDRESS's \]\([^)\n]*\) scans to the line end from every »](« without »)«: quadratic on
 *   one paragraph (reported). The Intl.Segmenter behind sentencesOf and wordsOf is slow on long paragraphs.
 * - rules/suppressions.ts: the directive's lazy [^>]*? scans to the next »>« from every unclosed directive:
 *   quadratic (reported).
 * Shared by all rules and the loader:
 * - text/normalize.ts: its regexes read 5–40-character slices, but emitSpace reads the last character of the
 *   string being built, which flattens it each time: quadratic in the whitespace runs of a field. That is why a
 *   10 MB or 100,000-line section of ordinary prose is not a case here yet (reported; each takes hours).
 * - text/sentences.ts: ABBREVIATION is tested on a sentence that grows while segments are joined (quadratic).
 * - load/headings.ts: /[\s:.]+$/ backtracks from every position of a long run of spaces, colons or full stops
 *   that does not end the heading: quadratic (reported).
 * - load/yaml-tree.ts: yaml's uniqueKeys check compares each key with all before it (100,000 keys: over a minute;
 *   reported). load/json-tree.ts recurses per nesting level and overflows the stack (reported).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../scripts/commands/check.js';
import { FRAME_MARKDOWN } from '../../scripts/tools/fuzz.js';
import { makeTree, measureMarkdown, REPO_ROOT } from '../helpers.js';

const HANG_GUARD = 60_000;
const MEASURE = 'policies/boern-og-unge/foranstaltninger/praktisk-paedagogisk-stoette.md';
const REGISTER = readFileSync(join(REPO_ROOT, 'policies/lovregister.json'));
const STATEMENT = 'Der foretages altid en konkret og individuel vurdering af barnets behov.';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Runs `check --format json` in-process on the measure with the real register and a frame; its findings in the measure. */
function check(measure: string | Uint8Array): JsonFinding[] {
  const root = makeTree({ 'policies/lovregister.json': REGISTER, 'policies/boern-og-unge/serviceniveau.md': FRAME_MARKDOWN, [MEASURE]: measure });
  try {
    const outcome = runCheck({ paths: [], format: 'json', cwd: root, color: false });
    const findings = JSON.parse(outcome.output) as JsonFinding[];
    for (const finding of findings) expect(finding.file).toBe(MEASURE);
    return findings;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A measure with one section replaced. */
function measureWith(heading: string, text: string): string {
  return measureMarkdown({ sections: { [heading]: text } });
}

function ofRule(findings: readonly JsonFinding[], rule: string): JsonFinding[] {
  return findings.filter((finding) => finding.rule === rule);
}

/** The 1-based line of the first line of `text` that starts with `prefix`. */
function lineStartingWith(text: string, prefix: string): number {
  return text.split('\n').findIndex((line) => line.startsWith(prefix)) + 1;
}

describe('huge files are read to the end', () => {
  it(
    'a 10 MB measure with a picture pasted inline as a data: URL is checked and passes',
    () => {
      const picture = Buffer.alloc(7_500_000, 'Familien får støtte i hjemmet hver uge').toString('base64');
      const text = measureWith('Indhold', `En familiekonsulent kommer i hjemmet. ![Billede fra Word](data:image/png;base64,${picture})`);
      expect(text.length).toBeGreaterThan(10_000_000);
      expect(check(text)).toEqual([]);
    },
    HANG_GUARD,
  );

  it(
    'a measure followed by 100,000 empty lines passes',
    () => {
      expect(check(`${measureMarkdown()}${'\n'.repeat(100_000)}`)).toEqual([]);
    },
    HANG_GUARD,
  );

  it(
    'an appendix of 25,000 unknown sections (100,000 lines) gives one warning per heading, on its line',
    () => {
      const text = `${measureMarkdown()}\n${Array.from({ length: 25_000 }, (_, index) => `## Bilag ${index + 1}\n\nSe bilaget i sagen.\n`).join('\n')}`;
      expect(text.split('\n').length).toBeGreaterThan(100_000);
      const findings = check(text);
      expect(findings).toHaveLength(25_000);
      expect(findings.every((finding) => finding.rule === 'schema' && finding.severity === 'warning' && finding.message.startsWith('Ukendt overskrift »Bilag '))).toBe(true);
      expect(findings.at(-1)).toMatchObject({ line: lineStartingWith(text, '## Bilag 25000'), column: 4, message: 'Ukendt overskrift »Bilag 25000«; afsnittet bliver ikke læst' });
    },
    HANG_GUARD,
  );

  it(
    'a 200 KB line without spaces is read as one long word',
    () => {
      expect(check(measureWith('Indhold', `En familiekonsulent kommer i hjemmet: ${'a'.repeat(200_000)}`))).toEqual([]);
    },
    HANG_GUARD,
  );

  it(
    'a list nested 5,000 levels deep is read',
    () => {
      expect(check(measureWith('Indhold', `En familiekonsulent kommer i hjemmet.\n\n${'- '.repeat(5_000)}Faste rutiner.`))).toEqual([]);
    },
    HANG_GUARD,
  );

  it(
    'all 10,000 citations in one Lovhjemmel section are read: the ten unknown ones are reported on their lines',
    () => {
      const citations = Array.from({ length: 10_000 }, (_, index) => `- Barnets Lov § ${index % 1_000 === 999 ? 999 : 32}, stk. 1, nr. 2`);
      const text = measureWith('Lovhjemmel', citations.join('\n'));
      const findings = check(text);
      const firstCitation = lineStartingWith(text, '- Barnets Lov');
      expect(findings.map((finding) => [finding.rule, finding.line, finding.column])).toEqual(Array.from({ length: 10 }, (_, index) => ['lovhjemmel', firstCitation + index * 1_000 + 999, 3]));
      expect(findings[0]?.message).toBe('»Barnets Lov § 999, stk. 1, nr. 2« findes ikke i lovregistret');
    },
    HANG_GUARD,
  );

  it(
    'a YAML alias bomb in the frontmatter is refused with one finding, not expanded',
    () => {
      const bomb = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
        const previous = index === 0 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g', 'h'][index - 1];
        bomb.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
      }
      const text = measureMarkdown({ frontmatter: `id: praktisk-paedagogisk-stoette\n${bomb.join('\n')}` });
      expect(check(text)).toEqual([expect.objectContaining({ rule: 'schema', severity: 'error', line: 2, column: 1, message: 'Frontmatter kan ikke læses som YAML' })]);
    },
    HANG_GUARD,
  );

  it(
    'frontmatter nested 5,000 levels deep is refused with a finding',
    () => {
      const findings = check(measureMarkdown({ frontmatter: `id: praktisk-paedagogisk-stoette\ntitel: ${'['.repeat(5_000)}${']'.repeat(5_000)}` }));
      expect(findings).toContainEqual(expect.objectContaining({ rule: 'schema', severity: 'error', message: 'Frontmatter kan ikke læses som YAML' }));
    },
    HANG_GUARD,
  );

  it(
    'a heading followed by 50 KB of spaces and colons is reported as unknown',
    () => {
      const text = measureMarkdown().replace('## Indhold', `## Indhold${' :'.repeat(25_000)} x`);
      expect(check(text)).toContainEqual(expect.objectContaining({ rule: 'schema', line: lineStartingWith(text, '## Indhold'), column: 4, message: expect.stringMatching(/^Ukendt overskrift »Indhold :/) as string }));
    },
    HANG_GUARD,
  );
});

/** One worst case for a rule: where it goes, and how many findings of the rule it must give. */
interface WorstCase {
  name: string;
  rule: string;
  heading: string;
  text: string;
  findings: number;
}

const WORST_CASES: WorstCase[] = [
  { name: '»Altid individuel« and 50,000 letters without an end', rule: 'individuel-vurdering', heading: 'Målgruppe og tildelingskriterier', text: `${STATEMENT} Altid individuel ${'a'.repeat(50_000)}!`, findings: 0 },
  { name: 'a negation after 10,000 »ikke«', rule: 'individuel-vurdering', heading: 'Målgruppe og tildelingskriterier', text: `${STATEMENT} Der foretages altid en individuel vurdering, ${'ikke '.repeat(10_000)}konkret.`, findings: 1 },
  { name: '50,000 »§« without a number', rule: 'lovhjemmel', heading: 'Lovhjemmel', text: `Barnets Lov § 32, stk. 1, nr. 2. ${'§'.repeat(50_000)}`, findings: 1 },
  { name: '20,000 »§ « without a number', rule: 'lovhjemmel', heading: 'Lovhjemmel', text: `Barnets Lov § 32, stk. 1, nr. 2. ${'§ '.repeat(20_000)}`, findings: 20_000 },
  { name: '50 KB of »a-« before »lov §«, which starts a law name at every letter', rule: 'lovhjemmel', heading: 'Indhold', text: `${'a-'.repeat(25_000)}lov § 1`, findings: 0 },
  { name: '10,000 »stk.« numbers after one paragraph', rule: 'lovhjemmel', heading: 'Lovhjemmel', text: `Barnets Lov § 32, stk. ${'1, '.repeat(10_000)}nr. 2.`, findings: 0 },
  { name: '100,000 »[«', rule: 'pladsholder', heading: 'Indhold', text: '['.repeat(100_000), findings: 0 },
  { name: 'a 50,000-letter »[instruction« that never closes in time', rule: 'pladsholder', heading: 'Indhold', text: `[${'a'.repeat(50_000)}]`, findings: 0 },
  { name: '5,000 blanks »____« on one line', rule: 'pladsholder', heading: 'Indhold', text: '____ x '.repeat(5_000), findings: 5_000 },
  { name: '100,000 »X« in a row', rule: 'pladsholder', heading: 'Indhold', text: 'X'.repeat(100_000), findings: 0 },
  { name: '50,000 digits in a row', rule: 'personoplysninger', heading: 'Indhold', text: '1'.repeat(50_000), findings: 0 },
  { name: '30,000 digit pairs in a row', rule: 'personoplysninger', heading: 'Indhold', text: '12 '.repeat(30_000), findings: 0 },
  { name: '50,000 digits after »tlf.«', rule: 'personoplysninger', heading: 'Indhold', text: `tlf. ${'2'.repeat(50_000)}`, findings: 0 },
  { name: 'a 50,000-letter e-mail local part', rule: 'personoplysninger', heading: 'Indhold', text: `${'a'.repeat(50_000)}@eksempel.dk`, findings: 0 },
  { name: '10,000 »+45 « country codes', rule: 'personoplysninger', heading: 'Indhold', text: '+45 '.repeat(10_000), findings: 0 },
  { name: '»ikke « 10,000 times', rule: 'skoen-under-regel', heading: 'Omfang og varighed', text: `Som udgangspunkt 3 timer. ${'ikke '.repeat(10_000)}`, findings: 0 },
  { name: '»gives ikke« 10,000 times', rule: 'skoen-under-regel', heading: 'Omfang og varighed', text: 'gives ikke '.repeat(10_000), findings: 10_000 },
  { name: '»højst« before 50,000 digits and a letter', rule: 'skoen-under-regel', heading: 'Omfang og varighed', text: `Der gives højst ${'1'.repeat(50_000)}a timer.`, findings: 0 },
  { name: '»højst« before a number with 25,000 decimal points', rule: 'skoen-under-regel', heading: 'Omfang og varighed', text: `Der gives højst ${'1.'.repeat(25_000)}a.`, findings: 1 },
  { name: '25,000 »](« link ends without »)«', rule: 'laesbarhed', heading: 'Indhold', text: ']('.repeat(25_000), findings: 0 },
  { name: '20,000 »http://« in a row', rule: 'laesbarhed', heading: 'Indhold', text: 'http://'.repeat(20_000), findings: 0 },
  { name: 'one sentence of 10,000 words', rule: 'laesbarhed', heading: 'Indhold', text: `${'Familien '.repeat(10_000)}får støtte.`, findings: 1 },
  { name: '8,000 short exclamations joined into one sentence', rule: 'skoen-under-regel', heading: 'Omfang og varighed', text: 'Som udgangspunkt nej! '.repeat(8_000), findings: 0 },
  {
    name: '5,000 suppression comments that are never closed, in the last section',
    rule: 'schema',
    heading: 'Lovhjemmel',
    text: `Barnets Lov § 32, stk. 1, nr. 2.\n\n${'<!-- serviceniveau-disable-next-line skoen-under-regel -- grund '.repeat(5_000)}`,
    findings: 0,
  },
];

describe('long runs that could make a rule backtrack or loop', () => {
  for (const { name, rule, heading, text, findings } of WORST_CASES) {
    it(
      `${rule}: ${name} gives ${findings} ${findings === 1 ? 'finding' : 'findings'}`,
      () => {
        expect(ofRule(check(measureWith(heading, text)), rule)).toHaveLength(findings);
      },
      HANG_GUARD,
    );
  }
});
