import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skoenUnderRegel } from '../../scripts/rules/skoen-under-regel.js';
import { documentOf, lineOf, REPO_ROOT } from '../helpers.js';
import { readDocsExamples } from './docs-examples.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText } from './rule-helpers.js';

type Section = 'formaal' | 'indhold' | 'maalgruppe' | 'omfang' | 'tildeling' | 'levering' | 'kvalitetskrav';

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
      text: 'Støtten er højst 10 timer om ugen.',
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
      name: 'an excluded diagnosis, "er ikke omfattet"',
      section: 'maalgruppe',
      text: 'Børn, hvis eneste diagnose er ADHD, er ikke omfattet af tilbuddet.',
      phrase: 'er ikke omfattet',
      qualified: 'er som udgangspunkt ikke omfattet',
    },
    {
      name: 'an excluded age, "omfattes ikke"',
      section: 'maalgruppe',
      text: 'Unge, der er fyldt 18 år, omfattes ikke af ordningen.',
      phrase: 'omfattes ikke',
      qualified: 'omfattes som udgangspunkt ikke',
    },
    {
      name: 'an excluded group, "Målgruppen omfatter ikke"',
      section: 'maalgruppe',
      text: 'Målgruppen omfatter ikke børn, der bor på et opholdssted.',
      phrase: 'Målgruppen omfatter ikke',
      qualified: 'målgruppen omfatter som udgangspunkt ikke',
    },
    {
      name: 'an excluded group, "gælder ikke for børn"',
      section: 'maalgruppe',
      text: 'Tilbuddet gælder ikke for børn under 3 år.',
      phrase: 'gælder ikke for børn',
      qualified: 'gælder som udgangspunkt ikke for børn',
    },
    {
      name: 'a reserved group, "er forbeholdt"',
      section: 'maalgruppe',
      text: 'Aflastning i en plejefamilie er forbeholdt børn med en varig funktionsnedsættelse.',
      phrase: 'er forbeholdt',
      qualified: 'er som udgangspunkt forbeholdt',
    },
    {
      name: 'a condition, "kun, hvis"',
      section: 'tildeling',
      text: 'Kørsel dækkes kun, hvis der ikke er offentlig transport til stedet.',
      phrase: 'kun, hvis',
      qualified: 'som udgangspunkt kun, hvis',
    },
    {
      name: 'a refusal of anything above the level, once, at "bevilges ikke"',
      section: 'tildeling',
      text: 'Der bevilges ikke timer ud over serviceniveauet.',
      phrase: 'bevilges ikke',
      qualified: 'bevilges som udgangspunkt ikke',
    },
    {
      name: 'a refusal of anything above the level without a verb of granting',
      section: 'omfang',
      text: 'Timer ud over serviceniveauet er ikke en mulighed.',
      phrase: 'ud over serviceniveauet',
      qualified: 'som udgangspunkt ud over serviceniveauet',
    },
    {
      name: 'a refusal, "er ikke muligt at få"',
      section: 'omfang',
      text: 'Det er ikke muligt at få aflastning i weekenderne.',
      phrase: 'er ikke muligt at få',
      qualified: 'er som udgangspunkt ikke muligt at få',
    },
    {
      name: 'a bare cap, "op til 10 timers"',
      section: 'omfang',
      text: 'Der kan bevilges op til 10 timers aflastning om måneden.',
      phrase: 'op til 10 timers',
      qualified: 'som udgangspunkt op til 10 timers',
    },
    {
      name: 'a bare cap, "indtil 37 timer"',
      section: 'omfang',
      text: 'Tabt arbejdsfortjeneste dækkes indtil 37 timer om ugen for de mindste børn.',
      phrase: 'indtil 37 timer',
      qualified: 'som udgangspunkt indtil 37 timer',
    },
    {
      name: 'the lead-in to a list of excluded groups, and not each item',
      section: 'maalgruppe',
      text: 'Følgende er ikke omfattet:\n\n- Børn, der er anbragt uden for hjemmet.\n- Unge med et aktivt misbrug.',
      phrase: 'er ikke omfattet',
      qualified: 'er som udgangspunkt ikke omfattet',
    },
    {
      name: 'a lead-in without a verb, "Ikke omfattet er:"',
      section: 'maalgruppe',
      text: 'Ikke omfattet er:\n\n- Søskende, der ikke selv har en funktionsnedsættelse.',
      phrase: 'Ikke omfattet er',
      qualified: 'som udgangspunkt ikke omfattet er',
    },
    {
      name: 'a lead-in, "Ordningen gælder ikke for:"',
      section: 'maalgruppe',
      text: 'Ordningen gælder ikke for:\n\n- Unge i døgnanbringelse.\n- Unge, der bor på eget værelse.',
      phrase: 'gælder ikke for',
      qualified: 'gælder som udgangspunkt ikke for',
    },
    {
      name: 'a limit in the clause after "men", where "typisk" only covers the clause before',
      section: 'omfang',
      text: 'Aflastning gives typisk hver anden weekend, men aldrig i skoleferierne.',
      phrase: 'aldrig',
      qualified: 'som udgangspunkt ikke',
    },
    {
      name: 'a limit after a semicolon, where "som regel" only covers the clause before',
      section: 'omfang',
      text: 'Som regel bevilges to døgn om måneden; weekendophold gives ikke.',
      phrase: 'gives ikke',
      qualified: 'gives som udgangspunkt ikke',
    },
    {
      name: 'a refusal in Levering, which is read by default',
      section: 'levering',
      text: 'Der gives ikke besøg efter kl. 20.',
      phrase: 'gives ikke',
      qualified: 'gives som udgangspunkt ikke',
    },
    {
      name: 'a limit in Indhold, which is read by default',
      section: 'indhold',
      text: 'Støtten gives kun til praktiske opgaver i hjemmet.',
      phrase: 'gives kun',
      qualified: 'gives som udgangspunkt kun',
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
    ['a cap after "som udgangspunkt" in its own clause', 'omfang', 'Som udgangspunkt gives op til 10 timer om ugen.'],
    ['an age range, "børn op til 6 år"', 'maalgruppe', 'Tilbuddet er for børn op til 6 år og deres forældre.'],
    ['an age range from zero, "0 op til 18 år"', 'maalgruppe', 'Børn og unge i alderen 0 op til 18 år kan få støtte.'],
    ['a fee, "er ikke omfattet af egenbetaling"', 'omfang', 'Ydelsen er ikke omfattet af egenbetaling.'],
    ['a relative clause, "der ikke er omfattet af bevillingen"', 'levering', 'Opgaver, der ikke er omfattet af bevillingen, aftales med sagsbehandleren.'],
    ['"er ikke til hinder for"', 'indhold', 'Det er ikke til hinder for, at familien også får hjælp fra netværket.'],
    ['"kun, hvis" about consent, where nothing is granted', 'levering', 'Vi kontakter kun skolen, hvis I har givet samtykke.'],
    ['"kommunen forbeholder sig"', 'levering', 'Kommunen forbeholder sig ret til at flytte et besøg med en dags varsel.'],
    ['a provider duty with a number, in Kvalitetskrav', 'kvalitetskrav', 'Leverandøren sender højst 4 statusrapporter om året.'],
    ['"aldrig" in a goal that limits no support', 'formaal', 'Barnet må aldrig stå uden en voksen, det kender.'],
    ['a deadline the kommune promises itself', 'tildeling', 'Du får svar inden for højst 4 uger.'],
    ['a limit the sentence says the law sets', 'maalgruppe', 'Efter loven gives ikke ledsagelse til unge, der er anbragt uden for hjemmet.'],
    [
      'an exception in the clause after "men", which reaches back',
      'omfang',
      'Der gives ikke aflastning i skoleferierne, men i særlige tilfælde kan der bevilges enkelte døgn.',
    ],
    ['"ud over serviceniveauet" without a refusal', 'omfang', 'Familien kan søge om timer ud over serviceniveauet.'],
    ['"ud over serviceniveauet" with an individual assessment', 'omfang', 'Timer ud over serviceniveauet bevilges ikke uden en konkret vurdering.'],
  ];
  for (const [name, section, text] of harmless) {
    it(`accepts ${name} in ${section}`, () => {
      expect(findingsOf(skoenUnderRegel, [measureDocument({ [section]: text })])).toEqual([]);
    });
  }
});

describe('skoen-under-regel reads every prose section of measures, or the configured ones', () => {
  it('reads Formål, Indhold, Levering and Kvalitetskrav by default', () => {
    const overrides = {
      formaal: 'Formålet er at aflaste familien, men aflastning gives aldrig i skoleferierne.',
      indhold: 'Familien kan ikke få besøg i weekenden.',
      levering: 'Der gives ikke besøg om natten.',
      kvalitetskrav: 'Der udbetales højst 500 kr. til kørsel om måneden.',
    };
    const findings = findingsOf(skoenUnderRegel, [measureDocument(overrides)]);
    const text = measureText(overrides);
    expect(findings).toEqual([
      expect.objectContaining({ message: message('aldrig'), ...positionOf(text, 'aldrig') }),
      expect.objectContaining({ message: message('kan ikke få'), ...positionOf(text, 'kan ikke få') }),
      expect.objectContaining({ message: message('gives ikke'), ...positionOf(text, 'gives ikke') }),
      expect.objectContaining({ message: message('højst 500 kr.'), ...positionOf(text, 'højst 500 kr.') }),
    ]);
  });

  it('does not read Lovhjemmel, which lists citations', () => {
    expect(findingsOf(skoenUnderRegel, [measureDocument({ lovhjemmel: '- Barnets Lov § 32, stk. 1, nr. 2 (gives ikke til unge over 18 år)' })])).toEqual([]);
  });

  it('is silent on the frame, which is not a measure', () => {
    const frame = frameDocument({ maalgruppe: 'Børn og unge 0-18 år. Der gives aldrig støtte til unge over 18 år.' });
    expect(findingsOf(skoenUnderRegel, [frame])).toEqual([]);
  });

  it('reads only the sections listed in the options', () => {
    const overrides = { indhold: 'Familien kan ikke få besøg i weekenden.', omfang: 'Støtten er højst 10 timer om ugen.' };
    const findings = findingsOf(skoenUnderRegel, [measureDocument(overrides)], { sections: ['indhold'] });
    expect(findings).toEqual([expect.objectContaining({ message: message('kan ikke få'), ...positionOf(measureText(overrides), 'kan ikke få') })]);
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

describe('skoen-under-regel stays linear in the length of a sentence', () => {
  it('checks a sentence of 5,000 clauses, each with a refusal and a fallback, at once', () => {
    const omfang = `Aflastning gives typisk om dagen${', men gives ikke ud over serviceniveauet'.repeat(5_000)}.`;
    const started = performance.now();
    const findings = findingsOf(skoenUnderRegel, [measureDocument({ omfang })]);
    expect(findings).toHaveLength(5_000);
    expect(findings.every((finding) => finding.message === message('gives ikke'))).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
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
    const read = new Set<string>(skoenUnderRegel.defaultOptions.sections);
    expect(examples.every((example) => read.has(example.field))).toBe(true);
  });

  for (const example of examples) {
    it(`docs/rules/skoen-under-regel.md:${example.line} ${example.expectFindings ? 'is reported' : 'passes'}`, () => {
      const findings = findingsOf(skoenUnderRegel, [measureDocument({ [example.field]: example.text })]);
      if (example.expectFindings) expect(findings.length).toBeGreaterThan(0);
      else expect(findings).toEqual([]);
    });
  }
});

describe('skoen-under-regel reads through invisible characters', () => {
  it('reports »hø\\u034Fjst 10 timer« (a combining grapheme joiner inside the word) as »højst 10 timer«, at the word', () => {
    const omfang = 'Der gives hø\u034Fjst 10 timer om ugen.';
    const findings = findingsOf(skoenUnderRegel, [measureDocument({ omfang })]);
    const { line, column } = positionOf(measureText({ omfang }), 'hø\u034Fjst');
    expect(findings).toEqual([
      expect.objectContaining({ message: message('højst 10 timer'), line, column, endColumn: column + 'hø\u034Fjst 10 timer'.length }),
    ]);
  });

  it('reports »gives\\u200B ikke« with a zero-width space before the negation', () => {
    const indhold = 'Hjælp i weekenden gives\u200B ikke.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ indhold })]).map((finding) => finding.message)).toEqual([message('gives ikke')]);
  });

  it('accepts the limit when the qualifier carries a zero-width character', () => {
    const omfang = 'Som ud\u200Bgangspunkt gives hø\u034Fjst 10 timer om ugen.';
    expect(findingsOf(skoenUnderRegel, [measureDocument({ omfang })])).toEqual([]);
  });
});
