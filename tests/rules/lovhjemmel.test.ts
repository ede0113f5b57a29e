import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../scripts/law/parse-citations.js';
import { lovhjemmel } from '../../scripts/rules/lovhjemmel.js';
import { documentOf } from '../helpers.js';
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

  it('a paragraph missing from the register says what the register knows', () => {
    const text = 'Barnets Lov § 30, stk. 1, nr. 9';
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: text })]);
    expect(findings).toEqual([
      expect.objectContaining({
        message: '»Barnets Lov § 30, stk. 1, nr. 9« findes ikke i lovregistret',
        hint: expect.stringContaining('Lovregistret kender § 30, stk. 1, nr. 1, § 30, stk. 1, nr. 2') as string,
        ...at(text, 'Barnets'),
      }),
    ]);
  });

  it('a low-confidence register entry gives a warning, not silence', () => {
    const findings = findingsOf(lovhjemmel, [measureDocument({ lovhjemmel: 'Barnets Lov § 113' })]);
    expect(findings).toEqual([expect.objectContaining({ message: 'Lovregistret er usikkert på »Barnets Lov § 113« (sikkerhed: lav)', advisory: true })]);
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
    expect(findingsOf(lovhjemmel, [document]).map((finding) => finding.message)).toEqual(['»Barnets Lov § 999« findes ikke i lovregistret']);
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

describe('lovhjemmel on the example kommune', () => {
  it('finds nothing', () => {
    expect(findingsOf(lovhjemmel, examplePolicyDocuments())).toEqual([]);
  });
});
