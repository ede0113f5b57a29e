/*
 * Pathological input: every case must finish (vitest's per-test timeout is the hang guard) and say
 * what it should. Elapsed time is never asserted; speed belongs in `npm run bench`.
 *
 * Regex audit, per file the rules run (the worst case of each is a test below):
 * - rules/individuel-vurdering.ts with text/clauses.ts: the default phrase is anchored at ^ with two (?=.*…)
 *   lookaheads, each one scan of the sentence; the negations are plain words and phrases. A sentence that mentions
 *   the assessment is split into words and clause marks once, and each clause is read once. Linear per sentence.
 * - rules/lovhjemmel.ts with law/parse-citations.ts: readGroup and readNumbers match 12–20-character slices;
 *   law names are literals joined by \s+. A name that only looks like a law (»…loven §«) must end where its word of
 *   letters and hyphens ends, so findLawLikeNames reads each word once, from its first possible start, instead of
 *   the old /[\p{L}-]+lovens?/ restarting after every »-« (»a-a-a-…« was quadratic); »lov om …« reads at most five
 *   words after its start. The », jf.« between a name and a »§« is read once per name (reachOf), the »§« signs find
 *   the last name before them with a pointer that only moves forward, and a name after the number is looked up
 *   by its start in a Map. Linear.
 * - rules/pladsholder.ts: the instruction pattern is bounded ([^\]\n]{1,300}), the others are literals or one
 *   greedy class. Whether a »____« stands on a horizontal rule is decided once per line (the matches come in
 *   order), not once per match. Linear.
 * - rules/personoplysninger.ts: flat patterns with bounded repeats ({2}, {4}, {0,63}, {0,252}); the context
 *   patterns run on 30-character slices. Linear.
 * - rules/skoen-under-regel.ts: flat; NUMBER's \d+(?:[.,]\d+)* is unambiguous (each repeat needs a separator);
 *   the lookbehinds are bounded. Linear per sentence.
 * - rules/laesbarhed.ts: ADDRESS's \]\([^)\]\n]*\) stops at the next »]«, so a run of »](« without »)« is read once;
 *   the bare-address branch is one greedy class. wordsOf is one flat regex. Linear.
 * - rules/suppressions.ts: a directive is found by its fixed start and ends at the first »>« after it; comments
 *   that are never closed share one search for that »>«, so the text after them is read once. Linear.
 * Shared by all rules and the loader:
 * - text/normalize.ts: its regexes read 5–40-character slices; the output is collected as parts joined once, and
 *   plain runs are copied whole. Linear.
 * - text/sentences.ts: one pass instead of Intl.Segmenter; ABBREVIATION is tested on the 8 characters before a
 *   full stop, and the look for the next letter stops at the next stop, which the pass reads next anyway. Linear.
 * - load/headings.ts: the spaces, colons and full stops at the end are dropped by a loop from the end, not by
 *   /[\s:.]+$/, which retried from every one of a long run that does not end the heading. Linear.
 * - load/yaml-tree.ts: yaml's uniqueKeys check (each key against every key before it) is off; findDuplicateKeys
 *   keeps one Set per map and walks the tree with its own stack, and a repeated key's name is its own source range
 *   (it used to be read up to the next »:« or the line's end, in a flow map of keys without values the whole rest
 *   of the line for each). Linear; yaml's parse is most of the time. load/json-tree.ts stops at 100 levels of
 *   nesting with a finding.
 * - load/markdown-document.ts: remark's list handling is cubic in the nesting depth of indented lists (600 levels
 *   take seconds, 2,000 minutes). A list item indented 120 columns or more is refused with a finding before remark
 *   runs; the check is one multiline regex whose ^ starts only at a line. More than 30 list or quote markers opening
 *   one line are refused the same way. Over many lines micromark is quadratic in nested openings (»- - a«) and setext
 *   headings and slow in lines, block markers and inline markers: hostile-markdown.ts counts each in one pass
 *   over the lines and refuses a file over its budget with a finding at the line where the budget ran out.
 * - config/load-config.ts: patterns from the config are checked with scslre before any rule runs them.
 * Every regex literal in scripts/ is also analysed with scslre by regex-audit.test.ts; it found four more (the
 * redline's /^(\s*)([\s\S]*?)(\s*)$/ and /(\s*\n\s*)/, the amendment's /[\p{L}\p{N}]+\s*$/ and its kin, the CLI's
 * error-message pattern), now loops or unambiguous patterns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINES } from '../../scripts/load/hostile-markdown.js';
import { formatJson } from '../../scripts/report/format-json.js';
import { FRAME_MARKDOWN } from '../../scripts/tools/fuzz/seeds.js';
import { checkFiles, measureMarkdown, REPO_ROOT } from '../helpers.js';

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

/** Runs the check core on the measure, with the real register and a frame as context; its findings as `check --format json` gives them. */
function check(measure: string | Uint8Array): JsonFinding[] {
  const findings = JSON.parse(
    formatJson(checkFiles({ [MEASURE]: measure }, { 'policies/lovregister.json': REGISTER, 'policies/boern-og-unge/serviceniveau.md': FRAME_MARKDOWN })),
  ) as JsonFinding[];
  for (const finding of findings) expect(finding.file).toBe(MEASURE);
  return findings;
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
    'a measure followed by 10,000 empty lines passes; 100,000 are one finding at the line past the budget',
    () => {
      expect(check(`${measureMarkdown()}${'\n'.repeat(10_000)}`)).toEqual([]);
      const text = `${measureMarkdown()}${'\n'.repeat(100_000)}`;
      const findings = check(text);
      expect(findings).toEqual([
        expect.objectContaining({ rule: 'schema', severity: 'error', message: 'Filen har over 20.000 linjer, så den kan ikke læses sikkert' }),
      ]);
      // counted from the first line after the frontmatter, which the YAML parser reads with its own limits
      expect(findings[0]!.line).toBe(MAX_LINES + 1 + text.split('\n').indexOf('---', 1) + 1);
    },
    HANG_GUARD,
  );

  it(
    'an appendix of 2,500 unknown sections (10,000 lines) gives one warning per heading, on its line',
    () => {
      const text = `${measureMarkdown()}\n${Array.from({ length: 2_500 }, (_, index) => `## Bilag ${index + 1}\n\nSe bilaget i sagen.\n`).join('\n')}`;
      expect(text.split('\n').length).toBeGreaterThan(10_000);
      const findings = check(text);
      expect(findings).toHaveLength(2_500);
      expect(
        findings.every((finding) => finding.rule === 'schema' && finding.severity === 'warning' && finding.message.startsWith('Ukendt overskrift »Bilag ')),
      ).toBe(true);
      expect(findings.at(-1)).toMatchObject({
        line: lineStartingWith(text, '## Bilag 2500'),
        column: 4,
        message: 'Ukendt overskrift »Bilag 2500«; afsnittet bliver ikke læst',
      });
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
    'a list nested 5,000 levels deep on one line (»- - - …«) is refused with a finding at that line; a few levels are read',
    () => {
      const text = measureWith('Indhold', `En familiekonsulent kommer i hjemmet.\n\n${'- '.repeat(5_000)}Faste rutiner.`);
      expect(check(text)).toEqual([
        expect.objectContaining({
          rule: 'schema',
          line: lineStartingWith(text, '- - -'),
          message: 'Listen er indlejret alt for dybt (over 30 punkt- eller citattegn i starten af én linje), så filen kan ikke læses',
        }),
      ]);
      expect(check(measureWith('Indhold', `En familiekonsulent kommer i hjemmet.\n\n${'- '.repeat(3)}Faste rutiner.`))).toEqual([]);
    },
    HANG_GUARD,
  );

  // The shapes that were slowest per byte (30 KB: »1. « 34 s, »*_« 24 s, »*a_« 15 s; »> « 38 s at 120 KB), each at about
  // 1 MB and at the size the audit used: refused from a linear scan, before the parser sees them.
  const NESTING = /^Listen er indlejret alt for dybt/;
  const CROWDED = /^Et afsnit har over 2\.000 tegn til fremhævning og links/;
  for (const [unit, message] of [
    ['*a_', CROWDED],
    ['*_', CROWDED],
    ['[a]', CROWDED],
    ['**a', CROWDED],
    ['1. ', NESTING],
    ['> ', NESTING],
  ] as const) {
    for (const bytes of [62_000, 1_000_000]) {
      it(
        `»${unit}« repeated to ${bytes.toLocaleString('en')} bytes is one finding on its first line, not a stalled parser`,
        () => {
          const text = measureWith('Indhold', `En familiekonsulent kommer i hjemmet.\n\n${unit.repeat(Math.ceil(bytes / unit.length))}`);
          expect(check(text)).toEqual([
            expect.objectContaining({
              rule: 'schema',
              severity: 'error',
              line: lineStartingWith(text, unit),
              message: expect.stringMatching(message) as string,
            }),
          ]);
        },
        HANG_GUARD,
      );
    }
  }

  // Shapes micromark is quadratic or slow in over many lines (issue 14's audit and a survey after it): each over its
  // budget is one finding on the line where the budget ran out; just under it the file is read as usual.
  const budgets: { name: string; unit: string; over: number; under: number; message: string }[] = [
    { name: 'lines of short words', unit: 'ord\n', over: 60_000, under: 15_000, message: 'Filen har over 20.000 linjer, så den kan ikke læses sikkert' },
    {
      name: 'lines nesting two lists (»- - a«)',
      unit: '- - Punkt\n',
      over: 2_000,
      under: 90,
      message: 'Over 100 linjer åbner flere punkter eller citater på én gang (fx »- - tekst« eller »> - tekst«), så filen kan ikke læses',
    },
    {
      name: 'lines of ten nested lists (»* * * … a«)',
      unit: `${'* '.repeat(10)}Punkt\n`,
      over: 4_000,
      under: 90,
      message: 'Over 100 linjer åbner flere punkter eller citater på én gang (fx »- - tekst« eller »> - tekst«), så filen kan ikke læses',
    },
    {
      name: 'quoted lists (»> - > - a«)',
      unit: '> - > - Punkt\n',
      over: 20_000,
      under: 90,
      message: 'Over 100 linjer åbner flere punkter eller citater på én gang (fx »- - tekst« eller »> - tekst«), så filen kan ikke læses',
    },
    {
      name: 'setext headings',
      unit: 'Overskrift\n=\n',
      over: 4_000,
      under: 90,
      message: 'Over 100 linjer består kun af »=« eller »-« under en tekstlinje, så filen kan ikke læses',
    },
    {
      name: 'quotes with lazy lines',
      unit: '> Citat\nfortsat\n',
      over: 60_000,
      under: 2_500,
      message: 'Filen har over 3.000 punkter, citater og overskrifter, så den kan ikke læses sikkert',
    },
    {
      name: 'list items',
      unit: '- Punkt\n\n',
      over: 20_000,
      under: 2_500,
      message: 'Filen har over 3.000 punkter, citater og overskrifter, så den kan ikke læses sikkert',
    },
    {
      name: 'entities and HTML',
      unit: 'Børne- &amp; Ungeudvalget <b>x</b>\n\n',
      over: 5_000,
      under: 3_000,
      message: 'Filen har over 10.000 tegn til fremhævning, links, kode og HTML (*, _, [, ], `, <, &), så den kan ikke læses sikkert',
    },
  ];
  for (const budget of budgets) {
    it(
      `${budget.over.toLocaleString('en')} ${budget.name} are one finding where the budget ran out; ${budget.under.toLocaleString('en')} are read`,
      () => {
        const prefix = 'En familiekonsulent kommer i hjemmet.\n\n';
        const over = check(measureWith('Indhold', `${prefix}${budget.unit.repeat(budget.over)}`));
        expect(over).toEqual([expect.objectContaining({ rule: 'schema', severity: 'error', message: budget.message })]);
        expect(over[0]!.line).toBeGreaterThan(lineStartingWith(measureWith('Indhold', prefix), 'En familiekonsulent'));
        expect(ofRule(check(measureWith('Indhold', `${prefix}${budget.unit.repeat(budget.under)}`)), 'schema')).toEqual([]);
      },
      HANG_GUARD,
    );
  }

  it('ordinary emphasis, links and footnotes are read: 300 bold words and 100 footnote marks in one paragraph', () => {
    const paragraph = `${Array.from({ length: 300 }, (_, index) => `**ord ${index}**`).join(' ')} ${Array.from({ length: 100 }, (_, index) => `[${index + 1}]`).join(' ')}`;
    expect(ofRule(check(measureWith('Indhold', `En familiekonsulent kommer i hjemmet. ${paragraph}`)), 'schema')).toEqual([]);
  });

  it(
    'a JSON measure is guarded the same way: its texts are Markdown to the renderers',
    () => {
      const json = JSON.stringify({
        ...JSON.parse(readFileSync(join(REPO_ROOT, 'policies/boern-og-unge/foranstaltninger/netvaerksplejefamilie.json'), 'utf8')),
        indhold: '*a_'.repeat(20_000),
      });
      const findings = JSON.parse(
        formatJson(checkFiles({ 'policies/boern-og-unge/foranstaltninger/netvaerksplejefamilie.json': json }, { 'policies/lovregister.json': REGISTER })),
      ) as JsonFinding[];
      expect(findings).toEqual([expect.objectContaining({ rule: 'schema', message: expect.stringMatching(CROWDED) as string })]);
    },
    HANG_GUARD,
  );

  it(
    'a list indented 2,000 levels deep (remark would take minutes) is refused with a finding on the first line too deep',
    () => {
      const list = Array.from({ length: 2_000 }, (_, level) => `${'  '.repeat(level)}- Punkt ${level}`).join('\n');
      const text = measureWith('Indhold', `En familiekonsulent kommer i hjemmet.\n\n${list}`);
      expect(check(text)).toEqual([
        expect.objectContaining({
          rule: 'schema',
          line: lineStartingWith(text, `${' '.repeat(120)}- Punkt 60`),
          message: 'Listen er indlejret alt for dybt (punktet er rykket mere end 120 tegn ind), så filen kan ikke læses',
        }),
      ]);
      const shallow = Array.from({ length: 5 }, (_, level) => `${'  '.repeat(level)}- Punkt ${level}`).join('\n');
      expect(check(measureWith('Indhold', `En familiekonsulent kommer i hjemmet.\n\n${shallow}`))).toEqual([]);
    },
    HANG_GUARD,
  );

  it(
    'all 2,500 citations in one Lovhjemmel section are read: the ten unknown ones are reported on their lines',
    () => {
      const citations = Array.from({ length: 2_500 }, (_, index) => `- Barnets Lov § ${index % 250 === 249 ? 999 : 32}, stk. 1, nr. 2`);
      const text = measureWith('Lovhjemmel', citations.join('\n'));
      const findings = check(text);
      const firstCitation = lineStartingWith(text, '- Barnets Lov');
      expect(findings.map((finding) => [finding.rule, finding.line, finding.column])).toEqual(
        Array.from({ length: 10 }, (_, index) => ['lovhjemmel', firstCitation + index * 250 + 249, 3]),
      );
      expect(findings[0]?.message).toBe('»Barnets Lov § 999, stk. 1, nr. 2« findes ikke i LBK nr 890 af 19/06/2024 — loven slutter ved § 214');
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
      expect(check(text)).toEqual([
        expect.objectContaining({ rule: 'schema', severity: 'error', line: 2, column: 1, message: 'Frontmatter kan ikke læses som YAML' }),
      ]);
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
    'a heading followed by 100 KB of spaces and colons is reported as unknown',
    () => {
      const text = measureMarkdown().replace('## Indhold', `## Indhold${' :'.repeat(50_000)} x`);
      expect(check(text)).toContainEqual(
        expect.objectContaining({
          rule: 'schema',
          line: lineStartingWith(text, '## Indhold'),
          column: 4,
          message: expect.stringMatching(/^Ukendt overskrift »Indhold :/) as string,
        }),
      );
    },
    HANG_GUARD,
  );

  it(
    'frontmatter with a map of 100,000 fields reports the one field written twice, on its line',
    () => {
      const fields = Array.from({ length: 100_000 }, (_, index) => `  felt${index}: x`);
      const text = measureMarkdown({
        frontmatter: `id: praktisk-paedagogisk-stoette\ntitel: Praktisk pædagogisk støtte i hjemmet\nkategori: Støttende indsatser\nalder:\n  fra: 0\n  til: 17\nbilag:\n${fields.join('\n')}\n  felt5: y`,
      });
      expect(ofRule(check(text), 'schema')).toEqual([
        expect.objectContaining({ line: lineStartingWith(text, 'bilag:'), column: 1, message: 'Ukendt felt »bilag« i frontmatter' }),
        expect.objectContaining({
          severity: 'error',
          line: lineStartingWith(text, '  felt5: y'),
          column: 3,
          endColumn: 8,
          message: 'Feltet »felt5« står to gange i frontmatter',
        }),
      ]);
    },
    HANG_GUARD,
  );

  it(
    'a flow map that repeats one name 100,000 times on one line reports each repeat by its name, not by the rest of the line',
    () => {
      const text = measureMarkdown({
        frontmatter: `id: praktisk-paedagogisk-stoette\ntitel: Praktisk pædagogisk støtte i hjemmet\nkategori: Støttende indsatser\nalder:\n  fra: 0\n  til: 17\nbilag: {felt${', felt'.repeat(100_000)}}`,
      });
      const findings = ofRule(check(text), 'schema');
      expect(findings).toHaveLength(100_001);
      expect(findings[0]).toMatchObject({ line: lineStartingWith(text, 'bilag:'), column: 1, message: 'Ukendt felt »bilag« i frontmatter' });
      expect(
        findings
          .slice(1)
          .every((finding) => finding.line === lineStartingWith(text, 'bilag:') && finding.message === 'Feltet »felt« står to gange i frontmatter'),
      ).toBe(true);
      expect(findings.at(-1)).toMatchObject({
        column: 'bilag: {felt'.length + 100_000 * ', felt'.length - 3,
        endColumn: 'bilag: {felt'.length + 100_000 * ', felt'.length + 1,
      });
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
  {
    name: '»Altid individuel« and 50,000 letters without an end',
    rule: 'individuel-vurdering',
    heading: 'Målgruppe og tildelingskriterier',
    text: `${STATEMENT} Altid individuel ${'a'.repeat(50_000)}!`,
    findings: 0,
  },
  {
    name: 'a negation after 10,000 »ikke«',
    rule: 'individuel-vurdering',
    heading: 'Målgruppe og tildelingskriterier',
    text: `${STATEMENT} Der foretages altid en individuel vurdering, ${'ikke '.repeat(10_000)}konkret.`,
    findings: 1,
  },
  {
    name: '50,000 »§« without a number',
    rule: 'lovhjemmel',
    heading: 'Lovhjemmel',
    text: `Barnets Lov § 32, stk. 1, nr. 2. ${'§'.repeat(50_000)}`,
    findings: 1,
  },
  {
    name: '20,000 »§ « without a number',
    rule: 'lovhjemmel',
    heading: 'Lovhjemmel',
    text: `Barnets Lov § 32, stk. 1, nr. 2. ${'§ '.repeat(20_000)}`,
    findings: 20_000,
  },
  {
    name: '50 KB of »a-« before »lov §«, which starts a law name at every letter',
    rule: 'lovhjemmel',
    heading: 'Indhold',
    text: `${'a-'.repeat(25_000)}lov § 1`,
    findings: 0,
  },
  { name: '200 KB of »a-« that never ends in »loven«', rule: 'lovhjemmel', heading: 'Indhold', text: `${'a-'.repeat(100_000)} § 32`, findings: 0 },
  { name: '50,000 »§« before 50,000 law names', rule: 'lovhjemmel', heading: 'Indhold', text: `${'§ 32 '.repeat(50_000)}${'BL '.repeat(50_000)}`, findings: 0 },
  { name: '50,000 »§ 32 i BL«, each naming its law after the number', rule: 'lovhjemmel', heading: 'Indhold', text: '§ 32 i BL, '.repeat(50_000), findings: 0 },
  {
    name: '10,000 »stk.« numbers after one paragraph',
    rule: 'lovhjemmel',
    heading: 'Lovhjemmel',
    text: `Barnets Lov § 32, stk. ${'1, '.repeat(10_000)}nr. 2.`,
    findings: 0,
  },
  { name: '100,000 »[«', rule: 'pladsholder', heading: 'Indhold', text: '['.repeat(100_000), findings: 0 },
  { name: 'a 50,000-letter »[instruction« that never closes in time', rule: 'pladsholder', heading: 'Indhold', text: `[${'a'.repeat(50_000)}]`, findings: 0 },
  { name: '5,000 blanks »____« on one line', rule: 'pladsholder', heading: 'Indhold', text: '____ x '.repeat(5_000), findings: 5_000 },
  { name: '20,000 blanks »____« on one 140 KB line', rule: 'pladsholder', heading: 'Indhold', text: '____ x '.repeat(20_000), findings: 20_000 },
  { name: '100,000 »X« in a row', rule: 'pladsholder', heading: 'Indhold', text: 'X'.repeat(100_000), findings: 0 },
  { name: '50,000 digits in a row', rule: 'personoplysninger', heading: 'Indhold', text: '1'.repeat(50_000), findings: 0 },
  { name: '30,000 digit pairs in a row', rule: 'personoplysninger', heading: 'Indhold', text: '12 '.repeat(30_000), findings: 0 },
  { name: '50,000 digits after »tlf.«', rule: 'personoplysninger', heading: 'Indhold', text: `tlf. ${'2'.repeat(50_000)}`, findings: 0 },
  { name: 'a 50,000-letter e-mail local part', rule: 'personoplysninger', heading: 'Indhold', text: `${'a'.repeat(50_000)}@eksempel.dk`, findings: 0 },
  { name: '10,000 »+45 « country codes', rule: 'personoplysninger', heading: 'Indhold', text: '+45 '.repeat(10_000), findings: 0 },
  {
    name: '»ikke « 10,000 times',
    rule: 'skoen-under-regel',
    heading: 'Omfang og varighed',
    text: `Som udgangspunkt 3 timer. ${'ikke '.repeat(10_000)}`,
    findings: 0,
  },
  { name: '»gives ikke« 10,000 times', rule: 'skoen-under-regel', heading: 'Omfang og varighed', text: 'gives ikke '.repeat(10_000), findings: 10_000 },
  {
    name: '»højst« before 50,000 digits and a letter',
    rule: 'skoen-under-regel',
    heading: 'Omfang og varighed',
    text: `Der gives højst ${'1'.repeat(50_000)}a timer.`,
    findings: 0,
  },
  {
    name: '»højst« before a number with 25,000 decimal points',
    rule: 'skoen-under-regel',
    heading: 'Omfang og varighed',
    text: `Der gives højst ${'1.'.repeat(25_000)}a.`,
    findings: 1,
  },
  { name: '25,000 »](« link ends without »)«', rule: 'laesbarhed', heading: 'Indhold', text: ']('.repeat(25_000), findings: 0 },
  { name: '20,000 »http://« in a row', rule: 'laesbarhed', heading: 'Indhold', text: 'http://'.repeat(20_000), findings: 0 },
  { name: 'one sentence of 10,000 words', rule: 'laesbarhed', heading: 'Indhold', text: `${'Familien '.repeat(10_000)}får støtte.`, findings: 1 },
  {
    name: '8,000 short exclamations joined into one sentence',
    rule: 'skoen-under-regel',
    heading: 'Omfang og varighed',
    text: 'Som udgangspunkt nej! '.repeat(8_000),
    findings: 0,
  },
  {
    name: '5,000 suppression comments that are never closed, in the last section',
    rule: 'schema',
    heading: 'Lovhjemmel',
    text: `Barnets Lov § 32, stk. 1, nr. 2.\n\n${'<!-- serviceniveau-disable-next-line skoen-under-regel -- grund '.repeat(5_000)}`,
    findings: 0,
  },
  {
    // 9,000: above 10,000 »<« the file is over its budget of inline markers and refused before any rule runs
    name: '9,000 suppression comments without »-->« and no »>« after them',
    rule: 'schema',
    heading: 'Lovhjemmel',
    text: `Barnets Lov § 32, stk. 1, nr. 2.\n\n${'<!-- serviceniveau-disable-next-line '.repeat(9_000)}`,
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
