import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pladsholder } from '../../scripts/rules/pladsholder.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText } from './rule-helpers.js';
import { lineOf } from '../helpers.js';

describe('pladsholder', () => {
  const cases: { name: string; overrides: Record<string, string>; expected: string[]; needle?: string }[] = [
    {
      name: '"XX Kommune" from the template',
      overrides: { formaal: 'XX Kommune vil styrke familierne.' },
      expected: ['Pladsholderen »XX« står stadig i teksten'],
      needle: 'XX Kommune',
    },
    {
      name: 'a bracketed instruction',
      overrides: { indhold: 'Støtten gives i hjemmet. [tilpasses den enkelte kommunes ønsker og situation]' },
      expected: ['Skabelonens instruktion »[tilpasses den enkelte kommunes ønsker og situation]« står stadig i teksten'],
      needle: '[tilpasses',
    },
    {
      name: 'the template guidance in brackets',
      overrides: { tildeling: '[Her beskrives bl.a., hvem der kan tildele.]' },
      expected: ['Skabelonens instruktion »[Her beskrives bl.a., hvem der kan tildele.]« står stadig i teksten'],
      needle: '[Her beskrives',
    },
    {
      name: 'a blank to fill in',
      overrides: { levering: 'Ydelsen leveres af ______________.' },
      expected: ['En tom skriveplads »____« står stadig i teksten'],
      needle: '____',
    },
    {
      name: 'a TODO note',
      overrides: { kvalitetskrav: 'TODO: aftal krav med leverandøren.' },
      expected: ['Arbejdsnoten »TODO« står stadig i teksten'],
      needle: 'TODO',
    },
    {
      name: 'Lorem ipsum filler',
      overrides: { omfang: 'Lorem ipsum dolor sit amet.' },
      expected: ['Fyldteksten »Lorem ipsum« står stadig i teksten'],
      needle: 'Lorem',
    },
    {
      name: 'a placeholder in the frontmatter',
      overrides: { titel: '"[Skriv foranstaltningens titel]"' },
      expected: ['Skabelonens instruktion »[Skriv foranstaltningens titel]« står stadig i teksten'],
      needle: '[Skriv',
    },
    {
      name: 'a short bracketed instruction after a footnote marker, and only the instruction',
      overrides: { omfang: 'Op til 10 timer om ugen[1] [tilpasses lokalt].' },
      expected: ['Skabelonens instruktion »[tilpasses lokalt]« står stadig i teksten'],
      needle: '[tilpasses lokalt]',
    },
    {
      name: 'the template guidance with an ellipsis',
      overrides: { maalgruppe: 'Børn og unge 0-18 år. [Her beskrives …]' },
      expected: ['Skabelonens instruktion »[Her beskrives …]« står stadig i teksten'],
      needle: '[Her beskrives',
    },
    {
      name: 'a bracketed instruction that starts with a number',
      overrides: { omfang: 'Støtten gives i [2 eller 3] måneder ad gangen.' },
      expected: ['Skabelonens instruktion »[2 eller 3]« står stadig i teksten'],
      needle: '[2 eller 3]',
    },
  ];

  for (const testCase of cases) {
    it(`finds ${testCase.name}, at its line and column`, () => {
      const document = measureDocument(testCase.overrides);
      const findings = findingsOf(pladsholder, [document]);
      expect(findings.map((finding) => finding.message)).toEqual(testCase.expected);
      const text = measureText(testCase.overrides);
      const line = lineOf(text, testCase.needle!);
      const column = text.split('\n')[line - 1]!.indexOf(testCase.needle!) + 1;
      expect(findings[0]).toMatchObject({ line, column });
    });
  }

  it('stays silent on ordinary Danish text with Markdown links, task boxes and a horizontal rule', () => {
    const document = measureDocument({
      indhold:
        'Se [vejledningen](https://example.org/vejledning) og [Barnets Lov][bl].\n\n- [x] Aftale indgået\n- [ ] Opfølgning\n\n____\n\n[bl]: https://example.org/bl',
      formaal: 'Børne- og Ungeudvalget XXL-projekt? Nej: at styrke familien.',
    });
    expect(findingsOf(pladsholder, [document])).toEqual([]);
  });

  const footnotes: { name: string; overrides: Record<string, string> }[] = [
    { name: 'a footnote marker right after a word', overrides: { indhold: 'Familien får praktisk pædagogisk støtte i hjemmet[1].' } },
    { name: 'footnote markers after a space and with two digits', overrides: { lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2 [2], jf. vejledningen [12].' } },
    { name: 'a marker for several footnotes', overrides: { omfang: 'Som udgangspunkt 3-5 timer om ugen [1, 2] i højst et år [3–5].' } },
    {
      name: 'the footnotes themselves at the end of the section, as Word pastes them',
      overrides: { levering: 'Familiehuset leverer ydelsen.[1]\n\n[1] Jf. Barnets Lov § 32, stk. 1, nr. 2.\n[2] Se også kommunens kvalitetsstandard.' },
    },
    { name: 'Markdown footnotes', overrides: { tildeling: 'Sagsbehandleren træffer afgørelse.[^1] Se også [^vejledning].\n\n[^1]: Barnets Lov § 32.' } },
  ];

  for (const testCase of footnotes) {
    it(`stays silent on ${testCase.name}`, () => {
      expect(findingsOf(pladsholder, [measureDocument(testCase.overrides)])).toEqual([]);
    });
  }

  it('finds every leftover in seed 003, the template itself', () => {
    const frame = frameDocument({
      forord:
        'Serviceniveau – et vigtigt redskab på børne- og ungeområdet\n\n[tilpasses den enkelte kommunes ønsker og situation]\n\nJeg er glad for at kunne præsentere XX Kommunes serviceniveau.\n\nMed venlig hilsen\n\nXX\nBorgmester',
      principper:
        '[Her beskrives kommunens principper for indsatsen i forhold til børn og unge med særlige behov. Eksempelvis tidlig indsats og sammenhæng på tværs.]\n\nForanstaltning/indsats: __________________________________',
    });
    const messages = findingsOf(pladsholder, [frame]).map((finding) => finding.message);
    expect(messages).toHaveLength(5);
    expect(messages.filter((message) => message.includes('»XX«'))).toHaveLength(2);
  });

  it('trips on the whole template (seed 003) as a foreword, and on every kind of leftover in it', () => {
    const template = readFileSync(new URL('../fixtures/seeds/skabelon-serviceniveau.txt', import.meta.url), 'utf8');
    const messages = findingsOf(pladsholder, [frameDocument({ forord: template })]).map((finding) => finding.message);
    expect(messages.filter((message) => message.includes('»XX«')).length).toBeGreaterThanOrEqual(3);
    expect(messages).toContain('Skabelonens instruktion »[tilpasses den enkelte kommunes ønsker og situation]« står stadig i teksten');
    expect(messages).toContain('En tom skriveplads »____« står stadig i teksten');
  });

  it('accepts extra patterns from the config', () => {
    const document = measureDocument({ formaal: 'Formålet er UDFYLDES SENERE.' });
    expect(findingsOf(pladsholder, [document], { patterns: ['udfyldes senere'] }).map((finding) => finding.message)).toEqual([
      'Pladsholderen »UDFYLDES SENERE« står stadig i teksten',
    ]);
  });
});

describe('pladsholder on the example kommune', () => {
  it('finds nothing', () => {
    const documents = examplePolicyDocuments();
    expect(documents.length).toBeGreaterThan(10);
    expect(findingsOf(pladsholder, documents)).toEqual([]);
  });
});
