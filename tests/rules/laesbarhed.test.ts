import { describe, expect, it } from 'vitest';
import { laesbarhed, lixBand, lixOfSection, pastedListItemsApart } from '../../scripts/rules/laesbarhed.js';
import { documentOf, lineOf } from '../helpers.js';
import { readDocsExamples } from './docs-examples.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText, NEUTRAL_SECTIONS } from './rule-helpers.js';

/** Plain text as a section's source text, each character at its own offset. */
function sourceOf(text: string): { text: string; offsets: number[] } {
  return { text, offsets: Array.from({ length: text.length + 1 }, (_, index) => index) };
}

/** LIX of plain text, as the rule measures a section. */
function lixOf(text: string): ReturnType<typeof lixOfSection> {
  return lixOfSection(sourceOf(text));
}

/** A lead-in and five short items, as a list pasted from Word or a web page: 6 sentences, 36 words, 11 long; LIX 37. As one sentence it would be 67. */
function pastedList(marker: (index: number) => string): string {
  const items = [
    'faste vaner om morgenen før skole',
    'sunde måltider sammen med børnene',
    'rolige sengetider på hverdage',
    'kontakt med skolen og klubben',
    'overblik over aftaler og penge',
  ];
  return `Familien kan få hjælp til det, der er svært i hverdagen:\n${items.map((item, index) => `${marker(index)}${item}`).join('\n')}`;
}

/** Dense administrative Danish: 2 sentences, 36 words, 22 of them long (counted in the table below); LIX 79. */
const DENSE =
  'Foranstaltningen iværksættes med henblik på at understøtte forældremyndighedsindehaverens varetagelse af omsorgsforpligtelsen. ' +
  'Herved tilvejebringes forudsætninger for barnets fortsatte ophold i hjemmet, idet indsatsen tilrettelægges under hensyntagen til familiens samlede ressourcer og de konkret foreliggende belastningsfaktorer i husstanden.';

/** Ordinary measure text: 3 sentences, 35 words, 10 of them long; LIX 40 (middel). */
const MIDDLE =
  'Familiekonsulenten kommer hjem til jer og hjælper med faste rutiner omkring mad, sengetid og skole. ' +
  'Hjælpen passer til det, jeres familie har brug for. Efter tre måneder ser vi sammen på, om støtten skal fortsætte.';

/** Plain Danish: 6 sentences, 45 words, 5 of them long; LIX 19. */
const PLAIN =
  'En familiekonsulent kommer hjem til jer. Hun hjælper jer med faste vaner i hverdagen. Det kan være mad, sengetid eller skole. ' +
  'Vi ser på, hvad I selv kan. Vi taler om det, der er svært. Sammen laver vi en plan, som passer til jeres familie.';

/** Dense, but 9 words: too short to be measured by default. */
const SHORT = 'Foranstaltningen iværksættes med henblik på understøttelse af forældremyndighedsindehaverens omsorgsforpligtelse.';

describe('lix', () => {
  // `counted` is the hand count: one string per sentence, its words separated by spaces, a * after each long word.
  const cases: { name: string; text: string; counted: string[]; lix: number }[] = [
    {
      name: 'sentences starting with Æ, Ø and Å are sentences of their own, and "kl. 8-15" ends none',
      text: 'Ældre søskende kan også deltage. Øvrige familiemedlemmer er velkomne. Åbningstiden i Familiehuset er kl. 8-15.',
      counted: ['Ældre søskende* kan også deltage*', 'Øvrige familiemedlemmer* er velkomne*', 'Åbningstiden* i Familiehuset* er kl'],
      lix: 47.52, // 14/3 + 100 × 6/14
    },
    {
      name: '"jf. § 32, stk. 1" and "f.eks." do not split a sentence, and "f.eks." is one short word',
      text: 'Sagsbehandleren træffer afgørelse, jf. Barnets Lov § 32, stk. 1. Familien kan f.eks. få besøg to gange om ugen. Vi følger op efter tre måneder.',
      counted: ['Sagsbehandleren* træffer* afgørelse* jf Barnets* Lov stk', 'Familien* kan f.eks få besøg to gange om ugen', 'Vi følger op efter tre måneder*'],
      lix: 34.61, // 22/3 + 100 × 6/22
    },
    {
      name: 'the lead-in and each bullet of a list are sentences',
      text: 'Familien kan få hjælp til:\n- faste rutiner om morgenen\n- måltider og sengetider\n- kontakt med skolen',
      counted: ['Familien* kan få hjælp til', 'faste rutiner* om morgenen*', 'måltider* og sengetider*', 'kontakt* med skolen'],
      lix: 43.75, // 15/4 + 100 × 6/15
    },
    {
      name: 'Word bullets »•« with a tab are list items, each its own sentence, like Markdown items',
      text: 'Støtten kan bestå af:\n•\tfaste rutiner om morgenen\n•\thjælp til måltider og sengetid\n•\tkontakt med skolen',
      counted: ['Støtten* kan bestå af', 'faste rutiner* om morgenen*', 'hjælp til måltider* og sengetid*', 'kontakt* med skolen'],
      lix: 41.5, // 16/4 + 100 × 6/16
    },
    {
      name: 'indented »◦« and »▪« items from a web page are list items too',
      text: 'Vi tilbyder:\n  ◦ samtaler med familien\n  ▪ besøg i hjemmet',
      counted: ['Vi tilbyder*', 'samtaler* med familien*', 'besøg i hjemmet*'],
      lix: 52.67, // 8/3 + 100 × 4/8
    },
    {
      name: 'an »–« item with a no-break space, and a »-« alone on its line before its item, as lovguiden.dk pastes them',
      text: 'Hjælpen skal:\n–\u00A0styrke familien\n-\nsikre ro i hverdagen',
      counted: ['Hjælpen* skal', 'styrke familien*', 'sikre ro i hverdagen*'],
      lix: 40.17, // 8/3 + 100 × 3/8
    },
    {
      name: 'items numbered »1)« and lettered »a)« or »(b)« are list items, and the letter is not a word',
      text: 'Sagsbehandleren ser på:\n1) barnets behov\n2) familiens ressourcer\na) i hjemmet\n(b) i skolen',
      counted: ['Sagsbehandleren* ser på', 'barnets* behov', 'familiens* ressourcer*', 'i hjemmet*', 'i skolen'],
      lix: 47.65, // 11/5 + 100 × 5/11
    },
    {
      name: 'Word’s plain-text bullets »\uF0B7« and »o« before a tab are list items',
      text: 'Forældrene får:\n\uF0B7\tvejledning\no\tom søvn\no\tom mad',
      counted: ['Forældrene* får', 'vejledning*', 'om søvn', 'om mad'],
      lix: 30.32, // 7/4 + 100 × 2/7
    },
    {
      name: 'a wrapped line is not a list item, even when it starts with »om« or »§«',
      text: 'Vi hjælper med faste rutiner\nom morgenen og om aftenen, som det er aftalt efter\n§ 32 i Barnets Lov.',
      counted: ['Vi hjælper* med faste rutiner* om morgenen* og om aftenen* som det er aftalt efter i Barnets* Lov'],
      lix: 45.78, // 18/1 + 100 × 5/18
    },
    {
      name: 'markers inside a line are text: »a) og b)« and »•« between words do not end a sentence',
      text: 'Vi hjælper med punkt a) og b) samt rutiner • måltider • sengetid',
      counted: ['Vi hjælper* med punkt a og b samt rutiner* måltider* sengetid*'],
      lix: 47.36, // 11/1 + 100 × 4/11
    },
    {
      name: 'paragraphs end sentences even without a full stop, and bold lead-ins are ordinary words',
      text: '**Tidlig indsats.** Vi hjælper tidligt\n\nMed venlig hilsen\n\nLene Holm, borgmester',
      counted: ['Tidlig indsats*', 'Vi hjælper* tidligt*', 'Med venlig hilsen', 'Lene Holm borgmester*'],
      lix: 39.11, // 11/4 + 100 × 4/11
    },
    {
      name: 'numbers, ages, dates and paragraph signs are not words',
      text: 'Barnet er 0-18 år. Der følges op hver 3. måned fra 1. marts 2025, jf. § 32.',
      counted: ['Barnet er år', 'Der følges op hver måned fra marts jf'],
      lix: 5.5, // 11/2 + 100 × 0/11
    },
    {
      name: 'the parts of "Børne- og Ungeudvalget" are counted as words of their own',
      text: 'Børne- og Ungeudvalget vedtager serviceniveauet.',
      counted: ['Børne og Ungeudvalget* vedtager* serviceniveauet*'],
      lix: 65, // 5/1 + 100 × 3/5
    },
    {
      name: 'the address of a link is not read, its text is',
      text: 'Læs mere i [vejledningen](https://example.org/vejledning-om-stoette) eller på www.example.dk/familie.',
      counted: ['Læs mere i vejledningen* eller på'],
      lix: 22.67, // 6/1 + 100 × 1/6
    },
    {
      name: 'dense administrative Danish has long sentences and many long words',
      text: DENSE,
      counted: [
        'Foranstaltningen* iværksættes* med henblik* på at understøtte* forældremyndighedsindehaverens* varetagelse* af omsorgsforpligtelsen*',
        'Herved tilvejebringes* forudsætninger* for barnets* fortsatte* ophold i hjemmet* idet indsatsen* tilrettelægges* under hensyntagen* til familiens* samlede* ressourcer* og de konkret* foreliggende* belastningsfaktorer* i husstanden*',
      ],
      lix: 79.11, // 36/2 + 100 × 22/36
    },
    {
      name: 'ordinary measure text is in the middle band',
      text: MIDDLE,
      counted: [
        'Familiekonsulenten* kommer hjem til jer og hjælper* med faste rutiner* omkring* mad sengetid* og skole',
        'Hjælpen* passer til det jeres familie* har brug for',
        'Efter tre måneder* ser vi sammen på om støtten* skal fortsætte*',
      ],
      lix: 40.24, // 35/3 + 100 × 10/35
    },
    {
      name: 'plain Danish has short sentences and few long words',
      text: PLAIN,
      counted: [
        'En familiekonsulent* kommer hjem til jer',
        'Hun hjælper* jer med faste vaner i hverdagen*',
        'Det kan være mad sengetid* eller skole',
        'Vi ser på hvad I selv kan',
        'Vi taler om det der er svært',
        'Sammen laver vi en plan som passer til jeres familie*',
      ],
      lix: 18.61, // 45/6 + 100 × 5/45
    },
    {
      name: 'a short dense section',
      text: SHORT,
      counted: ['Foranstaltningen* iværksættes* med henblik* på understøttelse* af forældremyndighedsindehaverens* omsorgsforpligtelse*'],
      lix: 75.67, // 9/1 + 100 × 6/9
    },
  ];

  for (const testCase of cases) {
    it(`counts as by hand: ${testCase.name}`, () => {
      const words = testCase.counted.flatMap((sentence) => sentence.split(' '));
      const longWords = words.filter((word) => word.endsWith('*')).length;
      const measure = lixOf(testCase.text);
      expect({ words: measure.words, sentences: measure.sentences, longWords: measure.longWords }).toEqual({
        words: words.length,
        sentences: testCase.counted.length,
        longWords,
      });
      expect(measure.lix).toBeCloseTo(words.length / testCase.counted.length + (100 * longWords) / words.length, 6);
      expect(measure.lix).toBeCloseTo(testCase.lix, 2);
    });
  }

  for (const text of ['', '   ', '\n\n', '- ', '•', '• \n◦\n▪ ', 'a)\n(b)\n(3)', '1. 2. 3.', '§ 32, 1-2', '| 3 | 5 |', '<!-- note -->', '»«', '...']) {
    it(`gives LIX 0 without throwing for text without words: ${JSON.stringify(text)}`, () => {
      expect(lixOf(text)).toMatchObject({ lix: 0, words: 0, longWords: 0 });
    });
  }
});

describe('lixBand', () => {
  const cases: [number, string][] = [
    [0, 'meget let'],
    [24, 'meget let'],
    [25, 'let'],
    [34, 'let'],
    [35, 'middel'],
    [44, 'middel'],
    [45, 'svær'],
    [54, 'svær'],
    [55, 'meget svær'],
    [86, 'meget svær'],
  ];
  for (const [value, band] of cases) {
    it(`names LIX ${value} »${band}«`, () => {
      expect(lixBand(value)).toBe(band);
    });
  }
});

describe('laesbarhed', () => {
  const cases: { name: string; overrides: Record<string, string>; options?: { max?: number; minWords?: number }; expected: string[]; heading?: string }[] = [
    {
      name: 'dense administrative Danish in Indhold is reported at its heading',
      overrides: { indhold: DENSE },
      expected: ['LIX 79 i afsnittet »Indhold« er over grænsen 50 (meget svær tekst)'],
      heading: '## Indhold',
    },
    {
      name: 'the same text in Målgruppe names that section',
      overrides: { maalgruppe: DENSE },
      expected: ['LIX 79 i afsnittet »Målgruppe og tildelingskriterier« er over grænsen 50 (meget svær tekst)'],
      heading: '## Målgruppe og tildelingskriterier',
    },
    {
      name: 'two hard sections give one finding each, in document order',
      overrides: { kvalitetskrav: DENSE, formaal: DENSE },
      expected: [
        'LIX 79 i afsnittet »Formål« er over grænsen 50 (meget svær tekst)',
        'LIX 79 i afsnittet »Kvalitetskrav til leverandør« er over grænsen 50 (meget svær tekst)',
      ],
      heading: '## Formål',
    },
    { name: 'plain Danish passes', overrides: { indhold: PLAIN }, expected: [] },
    { name: 'ordinary measure text passes the default limit', overrides: { indhold: MIDDLE }, expected: [] },
    { name: 'a short section is not measured, however dense', overrides: { indhold: SHORT }, expected: [] },
    {
      name: 'a short section is measured when minWords is lowered',
      overrides: { indhold: SHORT },
      options: { minWords: 9 },
      expected: ['LIX 76 i afsnittet »Indhold« er over grænsen 50 (meget svær tekst)'],
      heading: '## Indhold',
    },
    {
      name: 'Lovhjemmel is citations, not prose, and is never measured',
      overrides: { lovhjemmel: `Barnets Lov § 32, stk. 1, nr. 2. ${DENSE}` },
      expected: [],
    },
    {
      name: 'a max of 35 reports ordinary measure text',
      overrides: { indhold: MIDDLE },
      options: { max: 35 },
      expected: ['LIX 40 i afsnittet »Indhold« er over grænsen 35 (middel tekst)'],
      heading: '## Indhold',
    },
    {
      name: 'a section exactly at the limit, once rounded, is not over it',
      overrides: { indhold: MIDDLE },
      options: { max: 40 },
      expected: [],
    },
    {
      name: 'a max with decimals is written with a Danish decimal comma',
      overrides: { indhold: MIDDLE },
      options: { max: 37.5 },
      expected: ['LIX 40 i afsnittet »Indhold« er over grænsen 37,5 (middel tekst)'],
      heading: '## Indhold',
    },
    { name: 'a max of 80 lets even dense text pass', overrides: { indhold: DENSE }, options: { max: 80 }, expected: [] },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const findings = findingsOf(laesbarhed, [measureDocument(testCase.overrides)], testCase.options);
      expect(findings.map((finding) => finding.message)).toEqual(testCase.expected);
      if (testCase.heading) {
        const text = measureText(testCase.overrides);
        const line = lineOf(text, testCase.heading);
        expect(findings[0]).toMatchObject({ line, column: 1, endLine: line, endColumn: testCase.heading.length + 1 });
      }
    });
  }

  it('says in the hint how long the sentences are, how many words are long, and what to do', () => {
    const [finding] = findingsOf(laesbarhed, [measureDocument({ indhold: DENSE })]);
    expect(finding?.hint).toBe(
      'Sætningerne har i gennemsnit 18 ord, og 61 % af ordene har mere end seks bogstaver. ' +
        'Del lange sætninger op (sigt efter 10-15 ord), skift lange ord ud med kortere hverdagsord, og sæt opremsninger op som en punktopstilling.',
    );
  });

  it('is a warning by default, with max 50 and minWords 25', () => {
    expect(laesbarhed).toMatchObject({ id: 'laesbarhed', defaultSeverity: 'warning', defaultOptions: { max: 50, minWords: 25 } });
  });

  it('measures the frame’s Forord and reports it at its heading', () => {
    const frame = frameDocument({ forord: DENSE });
    const findings = findingsOf(laesbarhed, [frame]);
    expect(findings.map((finding) => finding.message)).toEqual(['LIX 79 i afsnittet »Forord« er over grænsen 50 (meget svær tekst)']);
    expect(findings[0]).toMatchObject({ line: lineOf(frame.text, '## Forord'), column: 1 });
  });

  it('measures the frame’s Principper with each bullet as a sentence, so a list without full stops is not one long sentence', () => {
    const principper = [
      '- Vi hjælper tidligt, før problemerne vokser', // 6 words, 3 long
      '- Børn skal helst vokse op i egen familie', // 8 words, 1 long
      '- Barnet og forældrene er med hele vejen', // 7 words, 1 long
      '- Vi arbejder sammen med skole og dagtilbud', // 7 words, 2 long
      '- Vi vælger den mindste hjælp, der virker', // 7 words, 1 long
      '- Vi vurderer altid det enkelte barns behov', // 7 words, 2 long
    ].join('\n');
    expect(lixOf(principper)).toMatchObject({ words: 42, sentences: 6, longWords: 10 }); // LIX 42/6 + 100 × 10/42 = 31; as one sentence it would be 66
    expect(findingsOf(laesbarhed, [frameDocument({ principper })])).toEqual([]);
    expect(findingsOf(laesbarhed, [frameDocument({ principper: DENSE })]).map((finding) => finding.message)).toEqual([
      'LIX 79 i afsnittet »Principper« er over grænsen 50 (meget svær tekst)',
    ]);
  });

  const pastedLists: { name: string; marker: (index: number) => string }[] = [
    { name: '»•« bullets pasted from Word', marker: () => '• ' },
    { name: '»•« bullets with a tab, indented, as Word’s plain text has them', marker: () => '  •\t' },
    { name: 'Word’s Symbol-font bullet »\uF0B7«', marker: () => '\uF0B7\t' },
    { name: '»◦« bullets', marker: () => '◦ ' },
    { name: '»▪« bullets', marker: () => '▪ ' },
    { name: '»–« dashes from a web page', marker: () => '– ' },
    { name: 'Markdown »-« items', marker: () => '- ' },
    { name: 'Markdown »*« items', marker: () => '* ' },
    { name: 'items numbered »1)«', marker: (index) => `${index + 1}) ` },
    { name: 'items lettered »a)«', marker: (index) => `${'abcde'[index]}) ` },
  ];

  for (const { name, marker } of pastedLists) {
    it(`reads a list of five short items as five sentences: ${name}`, () => {
      const indhold = pastedList(marker);
      expect(lixOf(indhold)).toMatchObject({ words: 36, sentences: 6, longWords: 11 });
      expect(findingsOf(laesbarhed, [measureDocument({ indhold })])).toEqual([]);
    });
  }

  it('still reports the same five items run together on one line: LIX 67', () => {
    const indhold = pastedList(() => '').replaceAll('\n', ' ');
    const findings = findingsOf(laesbarhed, [measureDocument({ indhold })]);
    expect(findings.map((finding) => finding.message)).toEqual(['LIX 67 i afsnittet »Indhold« er over grænsen 50 (meget svær tekst)']);
    const line = lineOf(measureText({ indhold }), '## Indhold');
    expect(findings[0]).toMatchObject({ line, column: 1 });
  });

  it('reads pasted bullets in a JSON measure as list items too', () => {
    const json = JSON.stringify(
      {
        id: 'praktisk-stoette',
        titel: 'Praktisk pædagogisk støtte i hjemmet',
        kategori: 'Støttende indsatser',
        ...NEUTRAL_SECTIONS,
        indhold: pastedList(() => '•\t'),
      },
      null,
      2,
    );
    expect(json).toContain('\\n•\\t');
    const document = documentOf('policies/boern-og-unge/foranstaltninger/praktisk-stoette.json', 'foranstaltning', json);
    expect(findingsOf(laesbarhed, [document])).toEqual([]);
  });

  it('keeps every character of a section with pasted items pointing into the file, the added break at the line break', () => {
    const text = 'Vi tilbyder:\n• samtaler\n• besøg';
    const apart = pastedListItemsApart(sourceOf(text));
    expect(apart.text).toBe('Vi tilbyder:\n\n  samtaler\n\n  besøg');
    expect(Array.from(apart.offsets)).toEqual([
      ...Array.from({ length: 13 }, (_, i) => i),
      12,
      ...Array.from({ length: 11 }, (_, i) => 13 + i),
      23,
      ...Array.from({ length: 8 }, (_, i) => 24 + i),
    ]);
  });

  it('hands back the section itself when it has no pasted items, so its normalised text is shared', () => {
    const source = sourceOf('Familien kan få hjælp til:\n- faste rutiner\n- måltider');
    expect(pastedListItemsApart(source)).toBe(source);
  });

  it('reads 50,000 pasted bullets and a line of 200,000 spaces without trouble', () => {
    expect(lixOf('• familien\n'.repeat(50_000))).toMatchObject({ words: 50_000, sentences: 50_000 });
    expect(lixOf(`${' '.repeat(200_000)}Familien får støtte.`)).toMatchObject({ words: 3, sentences: 1 });
  });

  it('reports a JSON measure at the section’s value', () => {
    const json = JSON.stringify(
      { id: 'praktisk-stoette', titel: 'Praktisk pædagogisk støtte i hjemmet', kategori: 'Støttende indsatser', ...NEUTRAL_SECTIONS, omfang: DENSE },
      null,
      2,
    );
    const document = documentOf('policies/boern-og-unge/foranstaltninger/praktisk-stoette.json', 'foranstaltning', json);
    const findings = findingsOf(laesbarhed, [document]);
    expect(findings.map((finding) => finding.message)).toEqual(['LIX 79 i afsnittet »Omfang og varighed« er over grænsen 50 (meget svær tekst)']);
    const line = lineOf(json, '"omfang": ');
    expect(findings[0]).toMatchObject({ line, column: json.split('\n')[line - 1]!.indexOf('"omfang": ') + '"omfang": '.length + 1 });
  });

  it('does not throw on empty or odd sections, even with minWords 1', () => {
    const odd = measureDocument({
      formaal: '—',
      indhold: '| 3 | 5 |\n| - | - |',
      omfang: '1. 2. 3.',
      tildeling: '<!-- udkast -->',
      levering: '[](https://example.org)',
    });
    expect(() => findingsOf(laesbarhed, [odd], { minWords: 1 })).not.toThrow();
  });
});

describe('laesbarhed docs examples', () => {
  for (const example of readDocsExamples('laesbarhed')) {
    it(`docs/rules/laesbarhed.md:${example.line} ${example.expectFindings ? 'is reported' : 'passes'}, with at least 25 words`, () => {
      const document = example.target === 'frame' ? frameDocument({ [example.field]: example.text }) : measureDocument({ [example.field]: example.text });
      const findings = findingsOf(laesbarhed, [document]);
      expect(lixOf(example.text).words).toBeGreaterThanOrEqual(25);
      if (example.expectFindings) expect(findings.length).toBeGreaterThan(0);
      else expect(findings).toEqual([]);
    });
  }
});

describe('laesbarhed on the example kommune', () => {
  it('finds nothing: every section is below LIX 50', () => {
    const documents = examplePolicyDocuments();
    expect(documents.length).toBeGreaterThan(10);
    expect(findingsOf(laesbarhed, documents)).toEqual([]);
  });
});
