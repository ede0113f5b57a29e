import { describe, expect, it } from 'vitest';
import { ramme } from '../../scripts/rules/ramme.js';
import { documentOf, lineOf } from '../helpers.js';
import { examplePolicyDocuments, findingsOf, measureDocument, measureText } from './rule-helpers.js';

/** A `ramme` block as the frontmatter value after »ramme:«. */
function frameYaml(frame: Record<string, Record<string, string | number>>): string {
  const lines = [''];
  for (const [part, values] of Object.entries(frame)) {
    lines.push(`  ${part}:`);
    for (const [key, value] of Object.entries(values)) lines.push(`    ${key}: ${value}`);
  }
  return lines.join('\n');
}

const CONTACT_PERSON = {
  omfang: { enhed: 'timer om ugen', fra: 2, til: 5 },
  varighed: { fra: 6, til: 12 },
  opfoelgning: { foerste: 3, derefter: 6 },
};

const CONTACT_PERSON_TEXT =
  'Støtten er som udgangspunkt 2-5 timer om ugen i 6-12 måneder. Der følges op efter 3 måneder og derefter hver 6. måned. Mod slutningen trappes støtten typisk ned.\n\nEfter en konkret og individuel vurdering kan støtten være større eller mindre. Når den unge fylder 18 år, kan støtten fortsætte som ungestøtte.';

interface Case {
  name: string;
  frame: Record<string, Record<string, string | number>>;
  omfang: string;
  expected: string[];
  /** Where the first finding starts: a text in the file, found from `after` on (the frame's number, or the prose's). */
  needle?: string;
  after?: string;
}

describe('ramme', () => {
  const firing: Case[] = [
    {
      name: 'a scope range that ends at 4 in the text and at 5 in the frame',
      frame: CONTACT_PERSON,
      omfang: CONTACT_PERSON_TEXT.replace('2-5 timer', '2-4 timer'),
      expected: ['Teksten siger »2-4 timer om ugen«, men rammen siger 2-5 timer om ugen'],
      needle: '2-4 timer om ugen',
    },
    {
      name: 'a scope the text does not state at all',
      frame: CONTACT_PERSON,
      omfang: CONTACT_PERSON_TEXT.replace('2-5 timer om ugen i ', ''),
      expected: ['Omfanget i rammen, 2-5 timer om ugen, står ikke i afsnittet »Omfang og varighed«'],
      needle: 'omfang:',
    },
    {
      name: 'a scope stated in another unit than the frame’s',
      frame: { omfang: { enhed: 'døgn om måneden', fra: 2, til: 4 } },
      omfang: 'Støtteophold er som udgangspunkt 2-4 timer om måneden, typisk en weekend.',
      expected: ['Omfanget i rammen, 2-4 døgn om måneden, står ikke i afsnittet »Omfang og varighed«'],
      needle: 'omfang:',
    },
    {
      name: 'a duration in the text longer than the frame’s',
      frame: CONTACT_PERSON,
      omfang: CONTACT_PERSON_TEXT.replace('6-12 måneder', '6-18 måneder'),
      expected: ['Teksten siger »6-18 måneder«, men rammen siger 6-12 måneder'],
      needle: '6-18 måneder',
    },
    {
      name: 'a duration the text does not state (the frame’s 12 months)',
      frame: CONTACT_PERSON,
      omfang: CONTACT_PERSON_TEXT.replace('i 6-12 måneder', 'i mindst 6 måneder'),
      expected: ['Varigheden »ramme.varighed.til« (12 måneder) står ikke i afsnittet »Omfang og varighed«'],
      needle: '12',
      after: 'varighed:',
    },
    {
      name: 'a duration in years that is not the frame’s months',
      frame: { varighed: { fra: 12, til: 12 } },
      omfang: 'Støtteophold er som udgangspunkt 2-4 døgn om måneden. Det bevilges normalt for 2 år ad gangen.',
      expected: ['Teksten siger »2 år ad gangen«, men rammen siger 12 måneder'],
      needle: '2 år ad gangen',
    },
    {
      name: 'a first follow-up after 4 months where the frame says 3',
      frame: CONTACT_PERSON,
      omfang: CONTACT_PERSON_TEXT.replace('efter 3 måneder', 'efter 4 måneder'),
      expected: ['Teksten siger »efter 4 måneder«, men rammen siger første opfølgning efter 3 måneder'],
      needle: 'efter 4 måneder',
    },
    {
      name: 'a later follow-up every 3rd month where the frame says every 6th',
      frame: CONTACT_PERSON,
      omfang: CONTACT_PERSON_TEXT.replace('hver 6. måned', 'hver 3. måned'),
      expected: ['Teksten siger »hver 3. måned«, men rammen siger derefter hver 6. måned'],
      needle: 'hver 3. måned',
    },
    {
      name: 'a later follow-up in the text that the frame leaves out',
      frame: { opfoelgning: { foerste: 3 } },
      omfang: 'Der følges som udgangspunkt op efter 3 måneder og derefter hver 6. måned.',
      expected: ['Teksten siger »hver 6. måned«, men rammen har ingen »ramme.opfoelgning.derefter«'],
      needle: 'hver 6. måned',
    },
    {
      name: 'a follow-up in the frame that the text never mentions',
      frame: { opfoelgning: { foerste: 3, derefter: 6 } },
      omfang: 'Anbringelsen varer, så længe barnet har behov for den. Der følges som udgangspunkt op efter 3 måneder.',
      expected: ['Opfølgningen »ramme.opfoelgning.derefter« (hver 6. måned) står ikke i afsnittet »Omfang og varighed«'],
      needle: '6',
      after: 'derefter:',
    },
    {
      name: 'an upper bound »op til 6 måneder« where the frame says 4',
      frame: { varighed: { til: 4 } },
      omfang: 'Støtten er som udgangspunkt 3-5 timer om ugen i op til 6 måneder.',
      expected: ['Teksten siger »op til 6 måneder«, men rammen siger op til 4 måneder'],
      needle: 'op til 6 måneder',
    },
  ];

  for (const testCase of firing) {
    it(`fires on ${testCase.name}, at its line and column`, () => {
      const overrides = { ramme: frameYaml(testCase.frame), omfang: testCase.omfang };
      const findings = findingsOf(ramme, [measureDocument(overrides)]);
      expect(findings.map((finding) => finding.message)).toEqual(testCase.expected);
      expect(findings[0]?.hint).toMatch(/ramme/);
      const text = measureText(overrides);
      const offset = text.indexOf(testCase.needle!, testCase.after ? text.indexOf(testCase.after) : 0);
      const line = text.slice(0, offset).split('\n').length;
      const column = offset - text.lastIndexOf('\n', offset - 1);
      expect(findings[0]).toMatchObject({ line, column });
    });
  }

  const silent: { name: string; frame: Record<string, Record<string, string | number>>; omfang: string }[] = [
    { name: 'prose and frame that say the same', frame: CONTACT_PERSON, omfang: CONTACT_PERSON_TEXT },
    {
      name: 'an en dash, »til« and a no-break space',
      frame: CONTACT_PERSON,
      omfang: 'Støtten er som udgangspunkt 2–5\u00a0timer om ugen i 6 til 12 måneder. Der følges op efter 3 måneder og derefter hver 6. måned.',
    },
    {
      name: 'a soft hyphen inside a number’s unit',
      frame: CONTACT_PERSON,
      omfang: 'Støtten er som udgangspunkt 2-5 ti\u00admer om ugen i 6-12 må\u00adneder. Der følges op efter 3 måneder og derefter hver 6. måned.',
    },
    {
      name: '»1 år« for a frame of 12 months, and follow-up every 6th month after the first',
      frame: { omfang: { enhed: 'døgn om måneden', fra: 2, til: 4 }, varighed: { fra: 12, til: 12 }, opfoelgning: { foerste: 3, derefter: 6 } },
      omfang:
        'Støtteophold er som udgangspunkt 2-4 døgn om måneden, typisk en weekend. Det bevilges normalt for 1 år ad gangen. Der følges op efter 3 måneder og derefter hver 6. måned.',
    },
    {
      name: '»op til 6 måneder« for a frame whose longest is 6',
      frame: { omfang: { enhed: 'timer om ugen', fra: 3, til: 5 }, varighed: { til: 6 }, opfoelgning: { foerste: 3 } },
      omfang:
        'Støtten er som udgangspunkt 3-5 timer om ugen i op til 6 måneder. Der følges op efter 3 måneder. Timerne er ofte flere i starten og færre mod slutningen.',
    },
    {
      name: 'an extension and a session’s length, which are neither scope nor duration',
      frame: { omfang: { enhed: 'sessioner om ugen', fra: 1, til: 2 }, varighed: { fra: 6, til: 6 }, opfoelgning: { foerste: 3 } },
      omfang:
        'Behandlingen er som udgangspunkt 1-2 sessioner om ugen i 6 måneder. En session varer typisk 1-2 timer. Der følges op efter 3 måneder.\n\nForløbet kan typisk forlænges med 3-6 måneder ad gangen.',
    },
    {
      name: 'conversations in all over »typisk 3 måneder«, with a length of »1-1½ time«',
      frame: { omfang: { enhed: 'samtaler i alt', fra: 4, til: 8 }, varighed: { fra: 3, til: 3 } },
      omfang: 'Et forløb er som udgangspunkt 4-8 samtaler over typisk 3 måneder. En samtale varer normalt 1-1½ time.',
    },
    {
      name: 'a plain »hver 6. måned« for a frame whose first follow-up is at 6',
      frame: { omfang: { enhed: 'timer om ugen', fra: 2, til: 4 }, opfoelgning: { foerste: 6 } },
      omfang: 'En fast kontaktperson er som udgangspunkt 2-4 timer om ugen. Der følges som udgangspunkt op hver 6. måned, til den unge fylder 23 år.',
    },
    {
      name: 'a »hver 3. måned« status report that is not about follow-up, and ages in years',
      frame: { varighed: { fra: 6, til: 12 } },
      omfang: 'Støtten varer typisk 6-12 måneder. Leverandøren sender status hver 3. måned. Børn under 18 år kan få støtten, til de fylder 23 år.',
    },
    {
      name: 'number words and »mellem … og …«',
      frame: { omfang: { enhed: 'timer om ugen', fra: 2, til: 5 }, varighed: { fra: 6, til: 12 } },
      omfang: 'Støtten er mellem 2 og 5 timer om ugen i seks til tolv måneder.',
    },
    {
      name: '»hver tredje måned« for a frame that follows up every 3 months',
      frame: { opfoelgning: { foerste: 3 } },
      omfang: 'Der følges op hver tredje måned, så længe støtten varer.',
    },
    {
      name: 'a first follow-up after a year and then every quarter',
      frame: { opfoelgning: { foerste: 12, derefter: 3 } },
      omfang: 'Der følges op efter 1 år og derefter hvert kvartal, så længe støtten varer.',
    },
    {
      name: 'a frame that states only what the text says, and the text says more',
      frame: { opfoelgning: { foerste: 3, derefter: 6 } },
      omfang: CONTACT_PERSON_TEXT,
    },
  ];

  for (const testCase of silent) {
    it(`stays silent on ${testCase.name}`, () => {
      const document = measureDocument({ ramme: frameYaml(testCase.frame), omfang: testCase.omfang });
      expect(findingsOf(ramme, [document])).toEqual([]);
    });
  }

  it('a deliberate exception in the text can be suppressed with a reason', () => {
    const omfang = `${CONTACT_PERSON_TEXT}\n\n<!-- serviceniveau-disable-next-line ramme -- Særlige tilfælde, aftalt med udvalget -->\nI særlige tilfælde kan støtten være op til 10 timer om ugen.`;
    const overrides = { ramme: frameYaml(CONTACT_PERSON), omfang };
    expect(findingsOf(ramme, [measureDocument({ ...overrides, omfang: omfang.replace(/<!--.*-->\n/, '') })]).map((finding) => finding.message)).toEqual([
      'Teksten siger »op til 10 timer om ugen«, men rammen siger 2-5 timer om ugen',
    ]);
    expect(findingsOf(ramme, [measureDocument(overrides)])).toEqual([]);
  });

  it('stays silent on a measure without ramme, however its text reads', () => {
    expect(findingsOf(ramme, [measureDocument({ omfang: CONTACT_PERSON_TEXT.replace('2-5', '2-4') })])).toEqual([]);
  });

  it('reads a JSON measure and points into its string for a contradiction, and at the key for what is missing', () => {
    const data = {
      id: 'praktisk-stoette',
      titel: 'Praktisk pædagogisk støtte i hjemmet',
      ramme: { omfang: { enhed: 'timer om ugen', fra: 3, til: 5 }, opfoelgning: { foerste: 3 } },
      formaal: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen.',
      indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner.',
      maalgruppe: 'Familier med børn, hvor forældrene har brug for støtte til den daglige omsorg.',
      omfang: 'Støtten er som udgangspunkt 3-6 timer om ugen.',
      tildeling: 'Sagsbehandleren i Familieafdelingen træffer afgørelse.',
      levering: 'Kommunens familiehus leverer ydelsen.',
      kvalitetskrav: 'Leverandøren sender en statusrapport hver tredje måned.',
      lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
    };
    const text = JSON.stringify(data, null, 2);
    const findings = findingsOf(ramme, [documentOf('policies/boern-og-unge/foranstaltninger/praktisk-stoette.json', 'foranstaltning', text)]);
    expect(findings.map((finding) => finding.message)).toEqual([
      'Opfølgningen »ramme.opfoelgning.foerste« (efter 3 måneder) står ikke i afsnittet »Omfang og varighed«',
      'Teksten siger »3-6 timer om ugen«, men rammen siger 3-5 timer om ugen',
    ]);
    expect(findings[1]).toMatchObject({ line: lineOf(text, '3-6 timer'), column: text.split('\n')[lineOf(text, '3-6 timer') - 1]!.indexOf('3-6') + 1 });
    expect(findings[0]?.line).toBe(lineOf(text, '"foerste"'));
  });
});

describe('ramme on the example kommune', () => {
  it('finds nothing, and every measure whose text gives numbers has a frame', () => {
    const documents = examplePolicyDocuments();
    expect(findingsOf(ramme, documents)).toEqual([]);
    const framed = documents.filter((document) => (document.data as { ramme?: unknown }).ramme !== undefined).map((document) => document.file);
    expect(framed.length).toBeGreaterThanOrEqual(10);
    expect(framed.some((file) => file.includes('merudgifter'))).toBe(false);
  });
});

describe('ramme on long pasted text', () => {
  const frame = frameYaml({ omfang: { enhed: 'timer om ugen', fra: 2, til: 5 }, opfoelgning: { foerste: 3, derefter: 6 } });
  const cases: { name: string; omfang: string; findings: number }[] = [
    {
      name: '10,000 follow-ups in one sentence without a full stop',
      omfang: `Støtten er 2-5 timer om ugen. Der følges op ${'efter 3 måneder og derefter hver 6. måned og '.repeat(10_000)}til sidst`,
      findings: 0,
    },
    { name: '50,000 numbers joined by dashes', omfang: `Støtten er 2-5 timer om ugen. ${'1-'.repeat(50_000)}1 måneder`, findings: 1 },
    { name: '20,000 scopes in another unit', omfang: `Støtten er 2-5 timer om ugen. ${'3 døgn om måneden, '.repeat(20_000)}`, findings: 1 },
    { name: '30,000 extensions', omfang: `Støtten er 2-5 timer om ugen, og forlænges ${'med 3 måneder, '.repeat(30_000)}`, findings: 1 },
  ];
  for (const testCase of cases) {
    it(`reads ${testCase.name} in linear time`, () => {
      const started = performance.now();
      const findings = findingsOf(ramme, [measureDocument({ ramme: frame, omfang: testCase.omfang })]);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(findings.length).toBeGreaterThanOrEqual(testCase.findings);
    });
  }
});
