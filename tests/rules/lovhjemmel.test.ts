import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../scripts/law/parse-citations.js';
import { lovhjemmel } from '../../scripts/rules/lovhjemmel.js';
import type { PolicyDocument } from '../../scripts/model/document.js';
import type { Aendring, Lovregister } from '../../scripts/model/generated-types.js';
import { documentOf, frameText } from '../helpers.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText, registerDocument } from './rule-helpers.js';

const LAWS = [
  { id: 'BL', names: ['Barnets Lov', 'barnets lov', 'BL'] },
  { id: 'SEL', names: ['Serviceloven', 'lov om social service', 'SEL'] },
];

describe('reading citations', () => {
  const cases: [string, string, [string | undefined, string, number?, number?][]][] = [
    ['law, paragraph, stk. and nr.', 'Barnets Lov § 32, stk. 1, nr. 2.', [['BL', '32', 1, 2]]],
    [
      'the law after the paragraph, and "jf." inheriting it',
      'Efter § 46, stk. 1, i barnets lov, jf. § 43, stk. 1, nr. 1, nr. 2 og nr. 3.',
      [
        ['BL', '46', 1],
        ['BL', '43', 1, 1],
        ['BL', '43', 1, 2],
        ['BL', '43', 1, 3],
      ],
    ],
    [
      '"§§" with a range and with "og"',
      '§§ 32-33 i serviceloven og §§ 46 og 47 i Barnets Lov',
      [
        ['SEL', '32'],
        ['SEL', '33'],
        ['BL', '46'],
        ['BL', '47'],
      ],
    ],
    [
      'a genitive law name, a lettered paragraph and a "pkt."',
      'Servicelovens § 52, stk. 3, nr. 5 og BL § 52 a, stk. 2, 1. pkt.',
      [
        ['SEL', '52', 3, 5],
        ['BL', '52 a', 2],
      ],
    ],
    [
      'a law named after »jf.« right before the next »§« belongs to that one',
      'Barnets Lov § 32, stk. 1, nr. 2, jf. serviceloven § 84, stk. 1',
      [
        ['BL', '32', 1, 2],
        ['SEL', '84', 1],
      ],
    ],
    [
      'a range of numbers',
      'Barnets Lov § 114, stk. 1, nr. 1-3',
      [
        ['BL', '114', 1, 1],
        ['BL', '114', 1, 2],
        ['BL', '114', 1, 3],
      ],
    ],
    [
      '"stk. 1 og 2"',
      'Barnets Lov § 10, stk. 1 og 2',
      [
        ['BL', '10', 1],
        ['BL', '10', 2],
      ],
    ],
    ['"bl.a." is not the law BL', 'Der gives bl.a. støtte, jf. § 45.', [[undefined, '45']]],
    [
      'several citations in one sentence with the full name of SEL',
      'Hjælpen gives efter Barnets Lov § 90, nr. 2, og lov om social service § 84, stk. 1.',
      [
        ['BL', '90', undefined, 2],
        ['SEL', '84', 1],
      ],
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(`reads ${name}`, () => {
      const { citations, problems } = parseCitations(text, LAWS);
      expect(problems).toEqual([]);
      expect(citations.map((citation) => [citation.law, citation.paragraf, citation.stk, citation.nr])).toEqual(
        expected.map(([law, paragraf, stk, nr]) => [law, paragraf, stk, nr]),
      );
    });
  }

  const chains: [string, string, [string | undefined, string, number?, number?][]][] = [
    [
      'a law after two paragraphs joined by »og« applies to both',
      'Forældrene kan få dækket merudgifter og tabt arbejdsfortjeneste efter § 41 og § 42 i serviceloven.',
      [
        ['SEL', '41'],
        ['SEL', '42'],
      ],
    ],
    [
      'a law after a »jf.« chain applies to the paragraph before the »jf.«',
      'Ledsagelsen bevilges efter § 45, jf. § 41, i lov om social service.',
      [
        ['SEL', '45'],
        ['SEL', '41'],
      ],
    ],
    [
      'a law after a »§§« range applies to the whole range',
      'Ungestøtten efter §§ 113-115 i barnets lov vurderes, inden den unge fylder 18.',
      [
        ['BL', '113'],
        ['BL', '114'],
        ['BL', '115'],
      ],
    ],
    [
      'a law after the chain overrides the law inherited from an earlier sentence',
      'Barnets Lov § 32, stk. 1, nr. 2. Tidligere gav kommunen hjælpen efter § 41 eller § 42 i serviceloven.',
      [
        ['BL', '32', 1, 2],
        ['SEL', '41'],
        ['SEL', '42'],
      ],
    ],
    [
      'a sentence between two citations breaks the chain',
      'Efter § 45 gives der omsorg. Se også § 84 i serviceloven.',
      [
        [undefined, '45'],
        ['SEL', '84'],
      ],
    ],
  ];
  for (const [name, text, expected] of chains) {
    it(`reads that ${name}`, () => {
      const { citations, problems } = parseCitations(text, LAWS);
      expect(problems).toEqual([]);
      expect(citations.map((citation) => [citation.law, citation.paragraf, citation.stk, citation.nr])).toEqual(
        expected.map(([law, paragraf, stk, nr]) => [law, paragraf, stk, nr]),
      );
    });
  }

  const shorthand: [string, string, [string, number, number?], string][] = [
    ['dotted shorthand from a URL', 'Serviceloven § 52.3.7', ['52', 3, 7], 'Serviceloven § 52, stk. 3, nr. 7'],
    ['dotted shorthand without a space', 'Tallet for SEL §32.1.5 i statistikken', ['32', 1, 5], 'Serviceloven § 32, stk. 1, nr. 5'],
    ['dotted shorthand with only a stk.', 'Barnets Lov § 10.2 om faglige hensyn', ['10', 2], 'Barnets Lov § 10, stk. 2'],
    ['bare numbers after commas, as in old documents', 'Efter serviceloven § 52, 3, 7.', ['52', 3, 7], 'Serviceloven § 52, stk. 3, nr. 7'],
  ];
  for (const [name, text, [paragraf, stk, nr], reading] of shorthand) {
    it(`reads ${name} and says which reading it assumed`, () => {
      const { citations, problems } = parseCitations(text, LAWS);
      expect(citations.map((citation) => [citation.paragraf, citation.stk, citation.nr])).toEqual([[paragraf, stk, nr]]);
      expect(problems).toEqual([expect.objectContaining({ reading, message: expect.stringContaining(`(læst som »${reading}«)`) as string })]);
    });
  }

  const notShorthand: [string, string][] = [
    ['a full stop after the paragraph', 'Hjælpen gives efter Barnets Lov § 45. Stk. 2 gælder ikke.'],
    ['a »pkt.« after a comma', 'Barnets Lov § 45, 2. pkt.'],
    ['a decimal amount after the citation', 'Barnets Lov § 86, stk. 2, dog mindst 6.660 kr. om året'],
  ];
  for (const [name, text] of notShorthand) {
    it(`does not read ${name} as shorthand`, () => {
      expect(parseCitations(text, LAWS).problems).toEqual([]);
    });
  }

  const broken: [string, string, string][] = [
    ['a "§" without a number', 'Barnets Lov § , stk. 1', 'Efter »§« forventes et paragrafnummer'],
    ['"stk." without a number', 'Barnets Lov § 32, stk. nr. 2', 'Efter »stk.« forventes et nummer'],
    ['a law name without "§"', 'Barnets Lov 32, stk. 1', 'Efter »Barnets Lov« mangler »§« foran paragrafnummeret'],
    ['"paragraf 32" in words', 'Efter paragraf 32 i barnets lov', 'Skriv »§ 32« i stedet for »paragraf 32«'],
    ['an unknown law', 'Ungdomskriminalitetsloven § 13, stk. 1', 'Ukendt lov »Ungdomskriminalitetsloven«'],
  ];
  for (const [name, text, message] of broken) {
    it(`reports ${name} with what was expected`, () => {
      expect(parseCitations(text, LAWS).problems.map((problem) => problem.message)).toEqual([message]);
    });
  }
});

describe('lovhjemmel on measures', () => {
  const at = (lovhjemmelText: string, needle: string) => {
    const text = measureText({ lovhjemmel: lovhjemmelText });
    const index = text.indexOf(needle);
    const before = text.slice(0, index).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };

  it('a measure citing a paragraph in force is clean', () => {
    expect(findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: '- Barnets Lov § 32, stk. 1, nr. 7\n- Barnets Lov § 45' })])).toEqual([]);
  });

  it('a measure citing a repealed Serviceloven paragraph names its replacement from the register', () => {
    const text = 'Aflastning gives efter Serviceloven § 52, stk. 3, nr. 5.';
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: text })]);
    expect(findings).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^Lovhjemmel »Serviceloven § 52, stk\. 3, nr\. 5« er ophævet pr\. 1\. januar 2024 — brug »Barnets Lov § 32, stk\. 1, nr\. 7« \(Støtteophold/,
        ) as string,
        ...at(text, 'Serviceloven §'),
        endColumn: at(text, 'Serviceloven §').column + 'Serviceloven § 52, stk. 3, nr. 5'.length,
        advisory: false,
      }),
    ]);
  });

  it('a repealed placement paragraph names both replacements', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'SEL § 52, stk. 3, nr. 7' })]);
    expect(findings[0]?.message).toContain('— brug »Barnets Lov § 46, stk. 1« (Anbringelse uden for hjemmet med samtykke) eller »Barnets Lov § 47, stk. 1«');
  });

  it('the same paragraph is fine in a service level in force before 2024', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Serviceloven § 52, stk. 3, nr. 5.' })], {}, [
      registerDocument(),
      frameDocument({}, '2023-06-01'),
    ]);
    expect(findings).toEqual([]);
  });

  it('Barnets Lov is not in force for a service level dated 2023', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument()], {}, [registerDocument(), frameDocument({}, '2023-06-01')]);
    expect(findings.map((finding) => finding.message)).toEqual([
      '»Barnets Lov § 32, stk. 1, nr. 2« er ikke trådt i kraft på serviceniveauets gyldighedsdato 1. juni 2023 (gælder fra 1. januar 2024)',
    ]);
  });

  it('a paragraph of a law the tool has no text of, missing from the register, says what the register knows', () => {
    const text = 'Barnets Lov § 32, stk. 1, nr. 2, jf. folkeskoleloven § 12, stk. 9';
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: text })]);
    expect(findings).toEqual([
      expect.objectContaining({
        message: '»Lov om folkeskolen § 12, stk. 9« findes ikke i lovregistret',
        hint: expect.stringContaining('Lovregistret kender § 12, stk. 2') as string,
        ...at(text, 'folkeskoleloven'),
      }),
    ]);
  });

  it('a low-confidence register entry gives a warning, not silence', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Barnets Lov § 90, nr. 12' })]);
    expect(findings).toEqual([expect.objectContaining({ message: 'Lovregistret er usikkert på »Barnets Lov § 90, nr. 12« (sikkerhed: lav)', advisory: true })]);
  });

  it('a section without any citation is reported at its heading', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Indsatsen gives efter Barnets Lov.' })]);
    expect(findings).toEqual([
      expect.objectContaining({
        message: 'Afsnittet »Lovhjemmel« henviser ikke til nogen paragraf',
        ...at('Indsatsen gives efter Barnets Lov.', '## Lovhjemmel'),
      }),
    ]);
  });

  it('a paragraph without a law in the Lovhjemmel section is reported', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Indsatsen gives efter § 45.' })]);
    expect(findings.map((finding) => finding.message)).toEqual(['Henvisningen »§ 45« nævner ikke, hvilken lov den hører til']);
  });

  it('a citation that does not parse is reported with what was expected, and no second finding for the section', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Barnets Lov § , stk. 1' })]);
    expect(findings.map((finding) => finding.message)).toEqual(['Henvisningen kan ikke læses: efter »§« forventes et paragrafnummer']);
  });

  it('citations elsewhere in the measure are checked too', () => {
    const text = measureText({ indhold: 'Under opholdet gælder Barnets Lov § 999.' });
    const document = documentOf('policies/boern-og-unge/foranstaltninger/praktisk-stoette.md', 'foranstaltning', text);
    expect(findingsOf(lovhjemmel, [document]).map((finding) => finding.message)).toEqual([
      '»Barnets Lov § 999« findes ikke i LBK nr 890 af 19/06/2024 — loven slutter ved § 214',
    ]);
  });

  it('a citation pasted from PDF with a non-breaking space and an en dash still reads', () => {
    expect(findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Barnets Lov §\u00A032, stk.\u00A01, nr.\u00A05 og §§ 46\u201347' })])).toEqual([]);
  });

  it('without a register, each measure says the register is missing', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument()], {}, [frameDocument()]);
    expect(findings.map((finding) => finding.message)).toEqual([
      'Lovregistret policies/lovregister.json findes ikke eller er ugyldigt, så lovhjemlen kan ikke kontrolleres',
    ]);
  });
});

describe('lovhjemmel on stale, imprecise and adult-only citations', () => {
  const messagesOf = (lovhjemmelText: string, context?: Parameters<typeof findingsOf>[3]) =>
    findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: lovhjemmelText })], {}, context).map((finding) => finding.message);

  const cases: [string, string, string[]][] = [
    [
      'a handicap measure citing the repealed Serviceloven § 44 names the Barnets Lov § 90 items',
      'Personlig hjælp i hjemmet gives efter Serviceloven § 44.',
      [
        'Lovhjemmel »Serviceloven § 44« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 90, nr. 1« (SEL § 83 om personlig og praktisk hjælp finder tilsvarend…) eller »Barnets Lov § 90, nr. 2« (Afløsning og aflastning (SEL § 84, stk. 1) finder tilsvar…) eller »Barnets Lov § 90, nr. 3« (SEL § 86, stk. 2, om vedligeholdelsestræning finder tilsv…)',
      ],
    ],
    [
      'Serviceloven § 44 with its »jf.« names only the item that »jf.« points to',
      'Aflastning af familien efter Serviceloven § 44, jf. § 84, stk. 1, og Barnets Lov § 90, nr. 2.',
      [
        'Lovhjemmel »Serviceloven § 44« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 90, nr. 2« (Afløsning og aflastning (SEL § 84, stk. 1) finder tilsvar…)',
      ],
    ],
    [
      'a handleplan citing the repealed Serviceloven § 140 names barnets plan and the ungeplan',
      'Indsatsen følges op i handleplanen efter Barnets Lov § 32, stk. 1, nr. 3, og serviceloven § 140.',
      ['Lovhjemmel »Serviceloven § 140« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 91« (Barnets plan) eller »Barnets Lov § 108« (Ungeplan)'],
    ],
    [
      'a whole Serviceloven § 52 names every candidate and asks which',
      'Støtten gives som en foranstaltning efter Serviceloven § 52.',
      [
        'Lovhjemmel »Serviceloven § 52« er ophævet pr. 1. januar 2024, og afløseren afhænger af stk. og nr. — angiv hvilken af »Barnets Lov § 32, stk. 1, nr. 1«, »Barnets Lov § 32, stk. 1, nr. 2«, »Barnets Lov § 32, stk. 1, nr. 5«, »Barnets Lov § 32, stk. 1, nr. 6«, »Barnets Lov § 32, stk. 1, nr. 7«, »Barnets Lov § 32, stk. 1, nr. 3«, »Barnets Lov § 46, stk. 1«, »Barnets Lov § 47, stk. 1«, »Barnets Lov § 32, stk. 1, nr. 4« eller »Barnets Lov § 32, stk. 1, nr. 8« der gælder',
      ],
    ],
    [
      'a chain of two repealed paragraphs with the law after it reports both',
      'Merudgifter og tabt arbejdsfortjeneste dækkes efter § 41 og § 42 i serviceloven.',
      [
        'Lovhjemmel »Serviceloven § 41« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 86« (Kompensationsydelse (tidl. dækning af nødvendige merudgif…)',
        'Lovhjemmel »Serviceloven § 42« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 87« (Hjælp til dækning af tabt arbejdsfortjeneste)',
      ],
    ],
    [
      'a »jf.« chain in lov om social service reports the repealed paragraph before the »jf.«',
      'Ledsagelse efter § 45, jf. § 41, i lov om social service.',
      [
        'Lovhjemmel »Serviceloven § 45« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 89, stk. 1« (Ledsagelse 15 timer om måneden (12-18 år))',
        'Lovhjemmel »Serviceloven § 41« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 86« (Kompensationsydelse (tidl. dækning af nødvendige merudgif…)',
      ],
    ],
    [
      'dotted shorthand is read, reported with its reading, and judged',
      'Anbringelsen sker efter Serviceloven § 52.3.7.',
      [
        'Lovhjemmel »Serviceloven § 52, stk. 3, nr. 7« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 46, stk. 1« (Anbringelse uden for hjemmet med samtykke) eller »Barnets Lov § 47, stk. 1« (Anbringelse uden for hjemmet uden samtykke (børne- og ung…)',
        'Henvisningen »§ 52.3.7« er forkortet og kan læses på flere måder (læst som »Serviceloven § 52, stk. 3, nr. 7«) — skriv »stk.« og »nr.« ud',
      ],
    ],
    [
      'bare shorthand with commas in a Barnets Lov citation is reported with its reading',
      'Praktisk støtte i hjemmet efter Barnets Lov § 32, 1, 2.',
      ['Henvisningen »§ 32, 1, 2« er forkortet og kan læses på flere måder (læst som »Barnets Lov § 32, stk. 1, nr. 2«) — skriv »stk.« og »nr.« ud'],
    ],
    [
      "an adult-services paragraph as the only basis of a child's measure names the Barnets Lov paragraph",
      'Forældrene tilbydes aflastning efter Serviceloven § 84, stk. 1.',
      [
        'Lovhjemmel »Serviceloven § 84, stk. 1« er ikke alene hjemmel for børn fra 1. januar 2024 — brug »Barnets Lov § 90, nr. 2«, jf. »Serviceloven § 84, stk. 1«',
      ],
    ],
    [
      'personlig og praktisk hjælp under Serviceloven § 83 alone names Barnets Lov § 90, nr. 1',
      'Barnet får personlig hjælp efter serviceloven § 83.',
      [
        'Lovhjemmel »Serviceloven § 83« er ikke alene hjemmel for børn fra 1. januar 2024 — brug »Barnets Lov § 90, nr. 1«, jf. »Serviceloven § 83« (usikker sammenhæng i lovregistret)',
      ],
    ],
    [
      'a paragraph with numbered items cited without its nr. asks for the nr.',
      'Støtten gives efter Barnets Lov § 32.',
      ['Lovhjemmel »Barnets Lov § 32« nævner ikke, hvilket nr. foranstaltningen gives efter — angiv nr., fx »Barnets Lov § 32, stk. 1, nr. 1«'],
    ],
    [
      'Barnets Lov § 90 without its nr. asks for the nr. and warns about none of its uncertain items',
      'Hjælpen gives efter Barnets Lov § 90.',
      ['Lovhjemmel »Barnets Lov § 90« nævner ikke, hvilket nr. foranstaltningen gives efter — angiv nr., fx »Barnets Lov § 90, nr. 1«'],
    ],
    ['Serviceloven § 84, stk. 1 beside Barnets Lov § 90, nr. 2 is clean', 'Aflastning efter Barnets Lov § 90, nr. 2, jf. serviceloven § 84, stk. 1.', []],
    ['a stk. without numbered items needs no nr.', 'Indsatsen iværksættes efter Barnets Lov § 32, stk. 4, og § 32, stk. 1, nr. 2.', []],
    ['a paragraph without numbered items needs no nr.', 'Barnets Lov § 32, stk. 1, nr. 7, jf. § 45.', []],
    ['a »§§« range with the law after it is read whole', 'Barnet anbringes efter §§ 46-47 i barnets lov, jf. § 43, stk. 1, nr. 1.', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(messagesOf(text)).toEqual(expected);
    });
  }

  it('a whole paragraph cited outside the Lovhjemmel section gets no nr. question and no warnings about its items', () => {
    const text = measureText({ indhold: 'Kommunen kan også give hjælp efter Barnets Lov § 90.' });
    const document = documentOf('policies/boern-og-unge/foranstaltninger/praktisk-stoette.md', 'foranstaltning', text);
    expect(findingsOf(lovhjemmel, [document])).toEqual([]);
  });

  it('a repealed citation names the replacement the register records only under »erstatter« on the new entry', () => {
    const register = JSON.parse(readFileSync('policies/lovregister.json', 'utf8')) as { paragraffer: { lov: string; paragraf: string }[] };
    register.paragraffer = register.paragraffer.filter((entry) => !(entry.lov === 'SEL' && entry.paragraf === '140'));
    const context = [documentOf('policies/lovregister.json', 'lovregister', JSON.stringify(register)), frameDocument()];
    expect(messagesOf('Handleplanen udarbejdes efter serviceloven § 140.', context)).toEqual([
      'Lovhjemmel »Serviceloven § 140« er ophævet pr. 1. januar 2024 — brug »Barnets Lov § 91« (Barnets plan) eller »Barnets Lov § 108« (Ungeplan)',
    ]);
  });

  it('a service level dated before 2024 may still cite Serviceloven § 84, stk. 1 alone', () => {
    expect(messagesOf('Aflastning efter Serviceloven § 84, stk. 1.', [registerDocument(), frameDocument({}, '2023-06-01')])).toEqual([]);
  });
});

describe('lovhjemmel against the law text in force', () => {
  const lovhjemmelOf = (text: string, context?: PolicyDocument[], asOf?: string) =>
    findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: text })], {}, context, asOf).map((finding) => finding.message);

  it('a nr. the paragraph does not have is an error naming the act and the range that exists', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 12' })], {}, undefined, '2025-09-01');
    expect(findings).toEqual([
      expect.objectContaining({
        message: '»Barnets Lov § 32, stk. 1, nr. 12« findes ikke i LBK nr 282 af 17/03/2025 — § 32, stk. 1 har nr. 1-8',
        hint: expect.stringContaining('https://www.retsinformation.dk/eli/lta/2025/282') as string,
        advisory: false,
      }),
    ]);
  });

  it('a stk. the paragraph does not have names its stk.', () => {
    expect(lovhjemmelOf('Barnets Lov § 46, stk. 9')).toEqual(['»Barnets Lov § 46, stk. 9« findes ikke i LBK nr 890 af 19/06/2024 — § 46 har stk. 1-4']);
  });

  it('a provision in the law but not in the register is fine: the register only adds what the text does not say', () => {
    const register = registerDocument();
    expect(register.text).not.toMatch(/"paragraf": "95"/);
    expect(lovhjemmelOf('Barnets Lov § 32, stk. 1, nr. 2, og opfølgning efter Barnets Lov § 95, stk. 2, nr. 2')).toEqual([]);
  });

  it('the text is chosen by the date: § 90, nr. 12 did not exist in LOV 721/2023 (11 items) but does from LBK 83/2024', () => {
    const serviceLevel = (date: string) => [registerDocumentWithout('90', 12), frameDocument({}, date)];
    expect(lovhjemmelOf('Barnets Lov § 90, nr. 12', serviceLevel('2024-01-10'))).toEqual([
      '»Barnets Lov § 90, nr. 12« findes ikke i LOV nr 721 af 13/06/2023 — § 90 har nr. 1-11',
    ]);
    expect(lovhjemmelOf('Barnets Lov § 90, nr. 12', serviceLevel('2024-02-01'))).toEqual([]);
  });

  it('--dato replaces the frame’s date', () => {
    expect(lovhjemmelOf('Barnets Lov § 32, stk. 1, nr. 12', undefined, '2024-01-10')).toEqual([
      '»Barnets Lov § 32, stk. 1, nr. 12« findes ikke i LOV nr 721 af 13/06/2023 — § 32, stk. 1 har nr. 1-8',
    ]);
  });
});

describe('lovhjemmel on law changes after the service level was adopted', () => {
  const AMENDMENT = {
    i_kraft_fra: '2025-09-01',
    ved: 'LOV nr 746 af 20/06/2025',
    beskrivelse: 'Merudgiftsydelsen er afløst af kompensationsydelse.',
    kilde: 'https://www.retsinformation.dk/eli/lta/2025/746',
  };
  const measure = () =>
    measureDocument(
      { lovhjemmel: 'Barnets Lov § 86', indhold: 'Dækning af nødvendige udgifter efter Barnets Lov § 86, jf. også Barnets Lov § 86.' },
      'merudgifter',
    );
  const adoptedOn = (date: string) => {
    const text = frameText('2025.1', '2025-03-01').replace(
      'gyldig_fra: 2025-03-01',
      `gyldig_fra: 2025-03-01\nvedtagelse:\n  dato: ${date}\n  organ: Børne- og Ungeudvalget\n  reference: "Sag 1"`,
    );
    return documentOf('policies/boern-og-unge/serviceniveau.md', 'serviceniveau', text);
  };
  const changesOf = (adopted: string, asOf: string) =>
    findingsOf(lovhjemmel, [measure()], {}, [registerWithAmendment('86', AMENDMENT), adoptedOn(adopted)], asOf).map(({ message, hint, advisory }) => ({
      message,
      hint,
      advisory,
    }));

  it('warns once per measure when a cited paragraph changed after the adoption and by the check date', () => {
    expect(changesOf('2025-02-11', '2025-10-01')).toEqual([
      {
        message: '»Barnets Lov § 86« er ændret efter vedtagelsen: LOV nr 746 af 20/06/2025, i kraft 1. september 2025 — gennemgå foranstaltningen',
        hint: 'Merudgiftsydelsen er afløst af kompensationsydelse. Serviceniveauet er vedtaget 11. februar 2025. Kilde: https://www.retsinformation.dk/eli/lta/2025/746',
        advisory: true,
      },
    ]);
  });

  it('says nothing when the service level was adopted after the change, or the change is not yet in force on the check date', () => {
    expect(changesOf('2025-10-15', '2026-01-01')).toEqual([]);
    expect(changesOf('2025-02-11', '2025-08-31')).toEqual([]);
  });

  it('with the real register: the example measures citing § 86 in a service level adopted 11 February 2025 are asked to be reviewed', () => {
    const documents = examplePolicyDocuments().filter((document) => document.kind === 'foranstaltning');
    const findings = findingsOf(lovhjemmel, documents, {}, [registerDocument(), adoptedOn('2025-02-11')], '2026-01-15');
    const reviewed = findings.filter((finding) => finding.message.includes('er ændret efter vedtagelsen'));
    expect(reviewed.map((finding) => finding.message)).toEqual([
      '»Barnets Lov § 86« er ændret efter vedtagelsen: LOV nr 746 af 20/06/2025, i kraft 1. september 2025 — gennemgå foranstaltningen',
      '»Barnets Lov § 86« er ændret efter vedtagelsen: LOV nr 746 af 20/06/2025, i kraft 1. september 2025 — gennemgå foranstaltningen',
    ]);
    expect(reviewed.every((finding) => finding.advisory)).toBe(true);
  });

  it('reads the change on the day it takes effect', () => {
    expect(changesOf('2025-02-11', '2025-09-01')).toHaveLength(1);
    expect(changesOf('2025-09-01', '2025-12-01')).toEqual([]);
  });
});

/** The real register with one entry's nr. removed, to show the law text deciding where the register is silent. */
function registerDocumentWithout(paragraf: string, nr: number): PolicyDocument {
  const register = JSON.parse(registerDocument().text) as Lovregister;
  register.paragraffer = register.paragraffer.filter((entry) => !(entry.lov === 'BL' && entry.paragraf === paragraf && entry.nr === nr));
  return documentOf('policies/lovregister.json', 'lovregister', JSON.stringify(register));
}

/** The real register with an amendment recorded on a Barnets Lov paragraph (replacing any it has). */
function registerWithAmendment(paragraf: string, amendment: Aendring): PolicyDocument {
  const register = JSON.parse(registerDocument().text) as Lovregister;
  for (const entry of register.paragraffer) if (entry.lov === 'BL' && entry.paragraf === paragraf) entry.aendringer = [amendment];
  return documentOf('policies/lovregister.json', 'lovregister', JSON.stringify(register));
}

describe('lovhjemmel on the example kommune', () => {
  it('finds nothing', () => {
    expect(findingsOf(lovhjemmel, examplePolicyDocuments())).toEqual([]);
  });
});

describe('lovhjemmel reads citations as they display, not as invisible characters hide them', () => {
  it('a nr. that displays as »nr. 29« with a right-to-left override around the 9 is read as nr. 29, which does not exist', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2\u202E9\u202C.' })]);
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^»Barnets Lov § 32, stk\. 1, nr\. 29« findes ikke i .* har nr\. 1-8$/)]);
  });

  it('a bidi mark between »nr.« and the number no longer hides the number', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. \u200F99.' })]);
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('»Barnets Lov § 32, stk. 1, nr. 99« findes ikke')]);
  });

  it('a valid citation with zero-width characters pasted into it reads as the citation it shows', () => {
    const lovhjemmelText = 'Barnets\u200B Lov §\u2060 32, stk.\u2063 1, nr. 2\uFEFF.';
    expect(findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: lovhjemmelText })])).toEqual([]);
  });

  const homoglyphs: [string, string][] = [
    ['Cyrillic »а« and »В« in »Barnets Lov«', 'В\u0430rnets Lov § 32, stk. 1, nr. 2.'],
    ['a look-alike section sign (U+2E39)', 'Barnets Lov \u2E39 32, stk. 1, nr. 2.'],
    ['fullwidth digits in the paragraph number', 'Barnets Lov § \uFF13\uFF12, stk. 1, nr. 2.'],
    ['a Cyrillic law name with a zero-width space in it as well', 'В\u0430r\u200Bnets Lov § 32, stk. 1, nr. 2.'],
  ];
  for (const [name, text] of homoglyphs) {
    it(`a citation with ${name} is still rejected`, () => {
      expect(findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: text })])).not.toEqual([]);
    });
  }
});
