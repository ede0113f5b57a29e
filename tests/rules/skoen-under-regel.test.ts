import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skoenUnderRegel } from '../../scripts/rules/skoen-under-regel.js';
import { documentOf, lineOf, REPO_ROOT } from '../helpers.js';
import { readDocsExamples } from './docs-examples.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText } from './rule-helpers.js';

type Section = 'maalgruppe' | 'omfang' | 'tildeling';

const message = (phrase: string): string => `Absolut formulering »${phrase}« kan sætte skønnet under regel`;

/** Line, column and end column of the first `phrase` in `text`, as a user sees them. */
function positionOf(text: string, phrase: string): { line: number; column: number; endColumn: number } {
  const line = lineOf(text, phrase);
  const column = text.split('\n')[line - 1]!.indexOf(phrase) + 1;
  return { line, column, endColumn: column + phrase.length };
}

describe('skoen-under-regel reports absolute wording, at the phrase itself', () => {
  // `needle` is the phrase as written in the file, where the message quotes it normalised (dashes folded).
  const cases: { name: string; section: Section; text: string; phrase: string; qualified: string; needle?: string }[] = [
    {
      name: 'a categorical refusal with "gives ikke"',
      section: 'maalgruppe',
      text: 'Støtten er til familier med børn. Der gives ikke støtte til unge over 18 år.',
      phrase: 'gives ikke',
      qualified: 'gives som udgangspunkt ikke',
    },
    {
      name: 'a refusal with "ydes ikke"',
      section: 'omfang',
      text: 'Aflastning ydes ikke i skoleferierne.',
      phrase: 'ydes ikke',
      qualified: 'ydes som udgangspunkt ikke',
    },
    {
      name: 'a refusal with "bevilges ikke"',
      section: 'tildeling',
      text: 'Familiebehandling i eget team bevilges ikke sammen med en kontaktperson.',
      phrase: 'bevilges ikke',
      qualified: 'bevilges som udgangspunkt ikke',
    },
    {
      name: 'a refusal with "tildeles ikke"',
      section: 'maalgruppe',
      text: 'En fast kontaktperson tildeles ikke børn under 10 år.',
      phrase: 'tildeles ikke',
      qualified: 'tildeles som udgangspunkt ikke',
    },
    {
      name: 'an active refusal, "Vi bevilger ikke"',
      section: 'omfang',
      text: 'Vi bevilger ikke ekstra døgn i ferierne.',
      phrase: 'bevilger ikke',
      qualified: 'bevilger som udgangspunkt ikke',
    },
    {
      name: 'an excluded expense with "dækkes ikke"',
      section: 'omfang',
      text: 'Udgifter til transport dækkes ikke.',
      phrase: 'dækkes ikke',
      qualified: 'dækkes som udgangspunkt ikke',
    },
    {
      name: '"kan ikke bevilges"',
      section: 'tildeling',
      text: 'Støtte i hjemmet kan ikke bevilges, mens barnet er anbragt.',
      phrase: 'kan ikke bevilges',
      qualified: 'kan som udgangspunkt ikke bevilges',
    },
    {
      name: '"kan der ikke gives" with the subject in between',
      section: 'maalgruppe',
      text: 'Til unge over 18 år kan der ikke gives en kontaktperson.',
      phrase: 'kan der ikke gives',
      qualified: 'kan der som udgangspunkt ikke gives',
    },
    {
      name: '"kan ikke få"',
      section: 'maalgruppe',
      text: 'Familier med et barn i dagbehandling kan ikke få praktisk støtte.',
      phrase: 'kan ikke få',
      qualified: 'kan som udgangspunkt ikke få',
    },
    { name: '"aldrig"', section: 'omfang', text: 'Der bevilges aldrig støtteophold i weekender.', phrase: 'aldrig', qualified: 'som udgangspunkt ikke' },
    {
      name: 'a cap, "højst 10 timer"',
      section: 'omfang',
      text: 'Støtten er højst 10 timer om ugen i op til 6 måneder.',
      phrase: 'højst 10 timer',
      qualified: 'som udgangspunkt højst 10 timer',
    },
    {
      name: 'a cap with a range and an en dash, "højst 3–5 timer"',
      section: 'omfang',
      text: 'Støtten er højst 3–5 timer om ugen.',
      phrase: 'højst 3-5 timer',
      qualified: 'som udgangspunkt højst 3-5 timer',
      needle: 'højst 3–5 timer',
    },
    {
      name: 'a cap in words, "højst to gange"',
      section: 'omfang',
      text: 'Forløbet kan forlænges højst to gange.',
      phrase: 'højst to gange',
      qualified: 'som udgangspunkt højst to gange',
    },
    {
      name: 'a cap, "maksimalt 6 måneder"',
      section: 'omfang',
      text: 'Et forløb er maksimalt 6 måneder.',
      phrase: 'maksimalt 6 måneder',
      qualified: 'som udgangspunkt maksimalt 6 måneder',
    },
    {
      name: 'a cap, "maks. 3 døgn", the full stop not ending the sentence',
      section: 'omfang',
      text: 'Støtteophold gives i maks. 3 døgn om måneden.',
      phrase: 'maks. 3 døgn',
      qualified: 'som udgangspunkt maks. 3 døgn',
    },
    {
      name: 'a cap in kroner, "højst 5.000 kr."',
      section: 'omfang',
      text: 'Der udbetales højst 5.000 kr. om året.',
      phrase: 'højst 5.000 kr.',
      qualified: 'som udgangspunkt højst 5.000 kr.',
    },
    {
      name: 'a cap, "ikke mere end 12 måneder"',
      section: 'omfang',
      text: 'Forløbet varer ikke mere end 12 måneder.',
      phrase: 'ikke mere end 12 måneder',
      qualified: 'som udgangspunkt ikke mere end 12 måneder',
    },
    {
      name: 'a cap, "må ikke overstige 20 timer"',
      section: 'omfang',
      text: 'Støtten må ikke overstige 20 timer om måneden.',
      phrase: 'må ikke overstige 20 timer',
      qualified: 'må som udgangspunkt ikke overstige 20 timer',
    },
    {
      name: '"bevilges kun"',
      section: 'maalgruppe',
      text: 'Støtten bevilges kun til familier med børn under 12 år.',
      phrase: 'bevilges kun',
      qualified: 'bevilges som udgangspunkt kun',
    },
    {
      name: '"kun til"',
      section: 'maalgruppe',
      text: 'Tilbuddet er kun til familier, der bor i kommunen.',
      phrase: 'kun til',
      qualified: 'som udgangspunkt kun til',
    },
    {
      name: '"udelukket"',
      section: 'maalgruppe',
      text: 'Unge med et aktivt misbrug er udelukket fra tilbuddet.',
      phrase: 'udelukket',
      qualified: 'som udgangspunkt udelukket',
    },
    {
      name: '"under ingen omstændigheder"',
      section: 'tildeling',
      text: 'Der bevilges under ingen omstændigheder aflastning i weekender.',
      phrase: 'under ingen omstændigheder',
      qualified: 'som udgangspunkt ikke',
    },
    {
      name: '"uden undtagelse"',
      section: 'omfang',
      text: 'Forløbet slutter uden undtagelse efter 6 måneder.',
      phrase: 'uden undtagelse',
      qualified: 'som udgangspunkt',
    },
    {
      name: 'a capital letter at the start of the sentence, quoted as written',
      section: 'omfang',
      text: 'Højst 4 timer om ugen.',
      phrase: 'Højst 4 timer',
      qualified: 'som udgangspunkt højst 4 timer',
    },
  ];

  for (const testCase of cases) {
    it(`reports ${testCase.name} in ${testCase.section}, at its line and column, and proposes »${testCase.qualified}«`, () => {
      const overrides = { [testCase.section]: testCase.text };
      const findings = findingsOf(skoenUnderRegel, [measureDocument(overrides)]);
      expect(findings.map((finding) => finding.message)).toEqual([message(testCase.phrase)]);
      expect(findings[0]).toMatchObject({ ...positionOf(measureText(overrides), testCase.needle ?? testCase.phrase), advisory: false });
      expect(findings[0]!.hint).toContain(`»${testCase.qualified}« i stedet for »${testCase.phrase}«`);
      expect(findings[0]!.hint).toContain('samme sætning');
    });
  }

  it('reports each absolute phrase once, even where two patterns overlap ("gives kun til")', () => {
    const omfang = 'Støtten gives kun til børn under 12 år og højst 10 timer om ugen.';
    const findings = findingsOf(skoenUnderRegel, [measureDocument({ omfang })]);
    expect(findings.map((finding) => finding.message)).toEqual([message('gives kun'), message('højst 10 timer')]);
  });

  it('reports on the right line in the second paragraph of a section', () => {
    const omfang = 'Støtten er som udgangspunkt 3-5 timer om ugen.\n\nForløbet varer\nhøjst 6 måneder.';
    const findings = findingsOf(skoenUnderRegel, [measureDocument({ omfang })]);
    expect(findings).toEqual([expect.objectContaining({ message: message('højst 6 måneder'), ...positionOf(measureText({ omfang }), 'højst 6 måneder') })]);
  });

  it('reports at the phrase in a JSON measure too', () => {
    const path = 'policies/boern-og-unge/foranstaltninger/afloesning-og-aflastning-handicap.json';
    const original = readFileSync(join(REPO_ROOT, path), 'utf8');
    const text = original.replace('Aflastning er som udgangspunkt 2-4 døgn om måneden.', 'Aflastning er højst 4 døgn om måneden.');
    expect(text).not.toBe(original);
    const findings = findingsOf(skoenUnderRegel, [documentOf(path, 'foranstaltning', text)]);
    expect(findings).toEqual([expect.objectContaining({ message: message('højst 4 døgn'), ...positionOf(text, 'højst 4 døgn') })]);
  });
});

describe('skoen-under-regel accepts a qualifier in the same sentence', () => {
  const qualified: [string, string][] = [
    ['"som udgangspunkt"', 'Støtten er som udgangspunkt højst 10 timer om ugen.'],
    ['"udgangspunktet er"', 'Udgangspunktet er højst 3 døgn om måneden.'],
    ['"typisk"', 'Typisk gives ikke mere end 10 timer om ugen.'],
    ['"normalt"', 'Støtteophold ydes normalt højst 4 døgn om måneden.'],
    ['"vejledende"', 'Den vejledende ramme er maksimalt 6 måneder.'],
    ['"som hovedregel"', 'Som hovedregel bevilges kun ét forløb ad gangen.'],
    ['"som regel"', 'Støtten gives som regel ikke ud over 12 måneder.'],
    ['"medmindre"', 'Der gives ikke aflastning i ferier, medmindre familien har et særligt behov.'],
    [
      '"efter en konkret og individuel vurdering" after a comma',
      'Der bevilges højst 10 timer om ugen, men efter en konkret og individuel vurdering kan det blive flere.',
    ],
    ['"individuel vurdering"', 'Højst 10 timer om ugen efter en individuel vurdering af familiens behov.'],
    ['"i særlige tilfælde"', 'Støtten gives kun til børn under 18 år, i særlige tilfælde også til unge.'],
    [
      '"som udgangspunkt" after "stk. 1", which does not end the sentence',
      'Støtten gives efter Barnets Lov § 32, stk. 1, nr. 2, og er som udgangspunkt højst 10 timer om ugen.',
    ],
  ];
  for (const [name, sentence] of qualified) {
    it(`accepts ${name}`, () => {
      expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang: sentence })])).toEqual([]);
    });
  }

  it('still reports when the qualifier stands only in the next sentence', () => {
    const omfang = 'Støtten er højst 10 timer om ugen. Efter en konkret og individuel vurdering kan familien få flere timer.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang })]).map((finding) => finding.message)).toEqual([message('højst 10 timer')]);
  });

  it('still reports when the qualifier stands only in the sentence before', () => {
    const maalgruppe = 'Støtten er som udgangspunkt til familier med små børn. Der gives aldrig støtte til unge over 18 år.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ maalgruppe })]).map((finding) => finding.message)).toEqual([message('aldrig')]);
  });

  it('still reports when the qualifier stands only in the lead-in to a list', () => {
    const omfang = 'Vejledende rammer er:\n\n- Kontaktperson: højst 4 timer om ugen.\n- Aflastning: 2-4 døgn om måneden.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang })]).map((finding) => finding.message)).toEqual([message('højst 4 timer')]);
  });
});

describe('skoen-under-regel leaves wording alone that does not fetter the discretion', () => {
  const harmless: [string, Section, string][] = [
    ['"gives ikke kun"', 'maalgruppe', 'Støtten gives ikke kun til barnet, men til hele familien.'],
    ['"kan ikke gives kun til"', 'maalgruppe', 'Støtten kan ikke gives kun til barnet, men skal omfatte hele familien.'],
    ['"ikke mindst"', 'maalgruppe', 'Hjælpen ydes ikke mindst til familier med små børn.'],
    ['"gives ikke automatisk"', 'tildeling', 'Støtten gives ikke automatisk, men efter en samtale med familien.'],
    ['"aldrig alene"', 'omfang', 'Barnet er aldrig alene med en voksen, det ikke kender.'],
    ['"aldrig har" describing the child', 'maalgruppe', 'Tilbuddet er også til unge, der aldrig har været anbragt.'],
    ['"højst sandsynligt", which has no number', 'omfang', 'Det er højst sandsynligt, at familien får brug for mere end ét forløb.'],
    ['"det kan ikke udelukkes"', 'omfang', 'Det kan ikke udelukkes, at barnet får brug for mere støtte.'],
    ['"udelukkende om"', 'maalgruppe', 'Indsatsen handler udelukkende om barnets trivsel.'],
    ['a criterion, "kan ikke dækkes af"', 'maalgruppe', 'Barnets behov kan ikke dækkes af et almindeligt dagtilbud.'],
    ['"ikke kun til"', 'maalgruppe', 'Tilbuddet er ikke kun til familier med små børn.'],
    [
      'a delegation threshold, "kan selv bevilge højst 10 timer"',
      'tildeling',
      'Sagsbehandleren kan selv bevilge højst 10 timer om ugen. Har familien brug for mere, går sagen til visitationsudvalget.',
    ],
    ['words that merely contain a phrase ("opgives ikke", "altid")', 'tildeling', 'Målet opgives ikke, og barnet inddrages altid.'],
  ];
  for (const [name, section, text] of harmless) {
    it(`accepts ${name} in ${section}`, () => {
      expect(findingsOf(skoenUnderRegel, [measureDocument({ [section]: text })])).toEqual([]);
    });
  }
});

describe('skoen-under-regel reads only the configured sections of measures', () => {
  it('is silent on absolutes in the sections it does not read by default', () => {
    const document = measureDocument({
      formaal: 'Barnet må aldrig stå uden en voksen, det kender.',
      indhold: 'Konsulenten kommer aldrig uanmeldt.',
      levering: 'Der gives ikke besøg om natten.',
      kvalitetskrav: 'Leverandøren sender højst 4 rapporter om året.',
    });
    expect(findingsOf(skoenUnderRegel, [document])).toEqual([]);
  });

  it('is silent on the frame, which is not a measure', () => {
    const frame = frameDocument({ maalgruppe: 'Børn og unge 0-18 år. Der gives aldrig støtte til unge over 18 år.' });
    expect(findingsOf(skoenUnderRegel, [frame])).toEqual([]);
  });

  it('reads a section added in the options, and only the sections listed', () => {
    const overrides = { indhold: 'Konsulenten kommer aldrig uanmeldt.', omfang: 'Støtten er højst 10 timer om ugen.' };
    const findings = findingsOf(skoenUnderRegel, [measureDocument(overrides)], { sections: ['indhold'] });
    expect(findings).toEqual([expect.objectContaining({ message: message('aldrig'), ...positionOf(measureText(overrides), 'aldrig') })]);
  });
});

describe('skoen-under-regel leaves limits the law itself sets alone', () => {
  const ledsagelse = 'Unge fra 12 år kan få højst 15 timers ledsagelse om måneden efter Barnets Lov § 89.';

  it('is silent on the 15 hours of ledsagelse in Barnets Lov § 89 (graenser in the register)', () => {
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang: ledsagelse })])).toEqual([]);
  });

  it('reports the same sentence when no register gives the limit', () => {
    const findings = findingsOf(skoenUnderRegel, [measureDocument({ omfang: ledsagelse })], {}, [frameDocument()]);
    expect(findings.map((finding) => finding.message)).toEqual([message('højst 15 timers')]);
  });

  it('is silent when § 89 is cited in the section Lovhjemmel rather than in the sentence', () => {
    const omfang = 'Unge fra 12 år kan få højst 15 timers ledsagelse om måneden.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang, lovhjemmel: '- Barnets Lov § 89' })])).toEqual([]);
  });

  it('reports the statutory number in a measure that does not cite the paragraph that sets it', () => {
    const omfang = 'Aflastning gives højst 15 timer om måneden.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang })]).map((finding) => finding.message)).toEqual([message('højst 15 timer')]);
  });

  it('reports a municipal cap that only looks like the statutory one', () => {
    const omfang = 'Unge kan få højst 115 timer om året.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang })]).map((finding) => finding.message)).toEqual([message('højst 115 timer')]);
  });
});

describe('skoen-under-regel options add to the defaults', () => {
  it('reports an extra absolute pattern, and still the default ones', () => {
    const omfang = 'Der er ingen støtte til unge over 18 år. Støtten er højst 10 timer om ugen.';
    const findings = findingsOf(skoenUnderRegel, [measureDocument({ omfang })], { absolutes: ['ingen støtte til'] });
    expect(findings.map((finding) => finding.message)).toEqual([message('ingen støtte til'), message('højst 10 timer')]);
    expect(findings[0]!.hint).toContain('»som udgangspunkt ingen støtte til«');
  });

  it('accepts an extra qualifier, and still the default ones', () => {
    const omfang = 'Støtten er højst 10 timer om ugen efter aftale med lederen. Forløbet er som udgangspunkt højst 6 måneder.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang })])).toHaveLength(1);
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang })], { qualifiers: ['efter aftale med lederen'] })).toEqual([]);
  });
});

describe('skoen-under-regel on the example kommune', () => {
  it('finds nothing', () => {
    const documents = examplePolicyDocuments();
    expect(documents.length).toBeGreaterThan(10);
    expect(findingsOf(skoenUnderRegel, documents)).toEqual([]);
  });
});

describe('the ✗/✓ examples in docs/rules/skoen-under-regel.md', () => {
  const examples = readDocsExamples('skoen-under-regel');

  it('has both kinds, in the measure sections the rule reads', () => {
    expect(examples.some((example) => example.expectFindings)).toBe(true);
    expect(examples.some((example) => !example.expectFindings)).toBe(true);
    expect(new Set(examples.map((example) => example.field))).toEqual(new Set(['maalgruppe', 'omfang', 'tildeling']));
  });

  for (const example of examples) {
    it(`docs/rules/skoen-under-regel.md:${example.line} ${example.expectFindings ? 'is reported' : 'passes'}`, () => {
      const findings = findingsOf(skoenUnderRegel, [measureDocument({ [example.field]: example.text })]);
      if (example.expectFindings) expect(findings.length).toBeGreaterThan(0);
      else expect(findings).toEqual([]);
    });
  }
});
