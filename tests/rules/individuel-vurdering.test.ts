import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { individuelVurdering } from '../../scripts/rules/individuel-vurdering.js';
import { documentOf, lineOf } from '../helpers.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText } from './rule-helpers.js';

const MISSING_MEASURE = 'Foranstaltningen siger ikke, at der altid foretages en konkret og individuel vurdering af barnets eller den unges behov';
const MISSING_FRAME = 'Rammen siger ikke, at der altid foretages en konkret og individuel vurdering af barnets eller den unges behov';

function quoted(sentence: string): string {
  return sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence;
}

function seed(name: string): string {
  return readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8');
}

describe('individuel-vurdering accepts the statement however it is phrased or pasted', () => {
  const accepted: [string, string][] = [
    ['the template wording', 'Der foretages altid en konkret og individuel vurdering af barnets eller den unges behov.'],
    ['"altid ud fra" with a comma', 'Støtten gives altid ud fra en konkret, individuel vurdering af barnets behov.'],
    ['the assessment before "altid"', 'En individuel vurdering af familiens situation foretages altid.'],
    ['a verb form', 'Behovet vurderes altid konkret og individuelt.'],
    ['the statute’s own words', 'Hjælpen tilrettelægges efter en konkret og individuel vurdering af barnets behov og forudsætninger.'],
    ['capitals', 'DER FORETAGES ALTID EN KONKRET OG INDIVIDUEL VURDERING.'],
    ['a soft hyphen from Word', 'Der foretages altid en konkret og indi\u00ADviduel vurdering af barnets behov.'],
    ['a word broken across lines from PDF', 'Der foretages altid en konkret og indi-\nviduel vurdering af barnets\u00A0behov.'],
    ['a sentence with "jf. § 1, stk. 3" in it', 'Der foretages jf. Barnets Lov § 1, stk. 3, altid en konkret og individuel vurdering.'],
    ['"individuel og konkret" in the other order', 'Aflastningen bevilges altid på grundlag af en individuel og konkret vurdering af barnets behov.'],
    ['"konkret, individuel" with a comma, without "altid"', 'Kontaktpersonen bevilges ud fra en konkret, individuel vurdering af den unges behov.'],
    ['the verb "vurderes" with both adverbs', 'Ansøgninger om merudgifter vurderes konkret og individuelt.'],
    ['"på baggrund af" without "konkret"', 'Familiebehandlingen tilrettelægges på baggrund af en individuel vurdering af barnets behov.'],
    ['"skøn" as the assessment', 'Afgørelsen om tabt arbejdsfortjeneste beror altid på et konkret og individuelt skøn.'],
    ['every decision, without "altid"', 'Alle afgørelser om aflastning træffes efter en konkret og individuel vurdering.'],
    ['"i hver enkelt sag", without "altid"', 'I hver enkelt sag foretages en individuel vurdering af familiens og barnets behov.'],
    [
      '"individuelt" on the verb and "konkret" on the assessment',
      'Alle sager behandles individuelt ud fra en konkret vurdering af familiens og barnets behov.',
    ],
    ['a matrix clause that commits to it', 'Kommunen sikrer, at afgørelsen i hver sag bygger på en konkret og individuel helhedsvurdering.'],
    ['"ingen … uden": two negations that cancel', 'Ingen afgørelse om kontaktperson træffes uden en konkret og individuel vurdering af den unges behov.'],
    ['a condition every case meets', 'Når du søger om aflastning, foretager vi altid en konkret og individuel vurdering af barnets behov.'],
    ['"også når": true whatever the case', 'Der foretages altid en individuel vurdering af barnets behov, også når barnet har en kendt diagnose.'],
    ['a negation in a clause beside it', 'Der foretages altid en individuel vurdering af barnets behov, og hjælpen gives ikke efter faste satser.'],
    ['a negation in a relative clause about the family', 'Familier, der ikke selv kan løse opgaven, får altid en individuel vurdering af deres behov.'],
    ['a negation in a concessive clause before it', 'Selvom barnet ikke har en diagnose, foretages der altid en individuel vurdering af behovet.'],
    ['the economy named beside the need', 'Der foretages altid en individuel vurdering af barnets behov og af familiens økonomi.'],
    ['the family’s circumstances as the object', 'Der foretages altid en individuel vurdering af familiens forhold og ressourcer.'],
    ['an »ikke« contrast that reinforces it', 'Der foretages altid en individuel vurdering, ikke en standardafgørelse ud fra diagnosen.'],
  ];
  for (const [name, text] of accepted) {
    it(`accepts ${name}`, () => {
      expect(findingsOf(individuelVurdering, [measureDocument({ maalgruppe: `Familier med børn 0-17 år. ${text}` })])).toEqual([]);
    });
  }

  it('accepts the ministry guide (seed 000) as a frame text, and the same guide pasted from the PDF (seed 002) with its broken lines', () => {
    const paragraph000 = seed('vejledning-serviceniveau.txt')
      .split('\n')
      .find((line) => line.includes('altid skal foretages'))!;
    const pdf = seed('vejledning-serviceniveau-fra-pdf.txt');
    const paragraph002 = pdf.slice(pdf.indexOf('Serviceniveauet beskrives med angivelse'), pdf.indexOf('den unge.') + 9);
    expect(paragraph002).toContain('\n');
    for (const text of [paragraph000, paragraph002]) {
      expect(findingsOf(individuelVurdering, [frameDocument({ maalgruppe: text })])).toEqual([]);
    }
  });
});

describe('individuel-vurdering reports a missing, negated or weakened statement', () => {
  it('a measure without it is reported at its Målgruppe heading', () => {
    const findings = findingsOf(individuelVurdering, [measureDocument()]);
    expect(findings).toEqual([
      expect.objectContaining({ message: MISSING_MEASURE, line: lineOf(measureText(), '## Målgruppe og tildelingskriterier'), column: 1 }),
    ]);
  });

  // [name, sentence, why (as the message words it), the wording quoted as the cause]
  const notCounted: [string, string, string, string][] = [
    ['"ikke altid"', 'Der foretages ikke altid en individuel vurdering af barnets behov.', 'er nægtet', 'ikke'],
    ['"ikke nødvendigvis"', 'Der foretages ikke nødvendigvis altid en individuel vurdering.', 'er nægtet', 'ikke'],
    [
      'a negation far from the keyword, in the clause that governs it',
      'Man kan ikke forvente, at der i alle sager foretages en individuel vurdering.',
      'er nægtet',
      'ikke',
    ],
    ['a negation after the keyword', 'En konkret og individuel vurdering af barnets behov foretages ikke i alle sager.', 'er nægtet', 'ikke'],
    ['"ingen individuel vurdering"', 'Der foretages altid en faglig vurdering, men ingen individuel vurdering af økonomien.', 'er nægtet', 'ingen'],
    ['"aldrig" two clauses up', 'Det sker aldrig, at vi lover, at der foretages en individuel vurdering af behovet.', 'er nægtet', 'aldrig'],
    ['"som hovedregel"', 'Som hovedregel foretages der en konkret og individuel vurdering af barnets behov.', 'er svækket', 'Som hovedregel'],
    ['"i de fleste tilfælde"', 'I de fleste tilfælde foretages der en individuel vurdering af den unges behov.', 'er svækket', 'I de fleste tilfælde'],
    ['"normalt"', 'Der foretages normalt en konkret og individuel vurdering af barnets behov.', 'er svækket', 'normalt'],
    ['"kan der foretages"', 'Ved ansøgning om aflastning kan der foretages en individuel vurdering af barnets behov.', 'er svækket', 'kan'],
    ['"kun i særlige tilfælde"', 'Kun i særlige tilfælde foretages der altid en konkret og individuel vurdering.', 'er svækket', 'i særlige tilfælde'],
    ['"så vidt muligt"', 'Der foretages så vidt muligt altid en individuel vurdering.', 'er svækket', 'så vidt muligt'],
    ['"bør" on the assessment', 'Sagsbehandleren bør foretage en individuel vurdering af barnets behov.', 'er svækket', 'bør'],
    ['a condition before it', 'Når sagen er kompleks, foretages der altid en individuel vurdering.', 'er gjort betinget', 'Når sagen er kompleks'],
    ['a condition after it', 'Der foretages altid en individuel vurdering, hvis forældrene beder om det.', 'er gjort betinget', 'hvis forældrene beder om det'],
    [
      'a condition without a comma',
      'Der foretages en konkret og individuel vurdering hvis barnet har en diagnose.',
      'er gjort betinget',
      'hvis barnet har en diagnose',
    ],
    [
      'an exception',
      'Der foretages altid en individuel vurdering, medmindre familien allerede får aflastning.',
      'er gjort betinget',
      'medmindre familien allerede får aflastning',
    ],
    [
      'the family’s economy',
      'Der foretages altid en individuel vurdering af familiens økonomi.',
      'handler om noget andet end barnets behov',
      'familiens økonomi',
    ],
    [
      'the economic circumstances',
      'Tabt arbejdsfortjeneste beregnes efter en konkret og individuel vurdering af de økonomiske forhold.',
      'handler om noget andet end barnets behov',
      'de økonomiske forhold',
    ],
    [
      'the parents’ income, assessed by the verb',
      'Forældrenes indtægt vurderes altid konkret og individuelt.',
      'handler om noget andet end barnets behov',
      'Forældrenes indtægt',
    ],
  ];
  for (const [name, sentence, why, cue] of notCounted) {
    it(`${name} does not count, and the finding at the sentence says why`, () => {
      const maalgruppe = `Familier med børn 0-17 år. ${sentence}`;
      const findings = findingsOf(individuelVurdering, [measureDocument({ maalgruppe })]);
      const line = lineOf(measureText({ maalgruppe }), sentence);
      // In position order, as check prints them: the missing statement points above the sections.
      expect(findings).toEqual([
        expect.objectContaining({ message: MISSING_MEASURE }),
        expect.objectContaining({ message: `Udsagnet om individuel vurdering ${why} (»${cue}«) og tæller ikke: »${quoted(sentence)}«`, line, column: 28 }),
      ]);
    });
  }

  const neutral: [string, string][] = [
    ['the room to deviate after an assessment ("kan" on the outcome)', 'Efter en konkret og individuel vurdering kan familien få flere eller færre timer.'],
    ['a hedge on the help, not on the assessment', 'Som udgangspunkt gives 4 timer om ugen efter en konkret og individuel vurdering.'],
    ['a heading-like phrase', 'Individuel vurdering og ansvarlighed.'],
  ];
  for (const [name, sentence] of neutral) {
    it(`${name} is neither the statement nor a fault`, () => {
      const findings = findingsOf(individuelVurdering, [measureDocument({ maalgruppe: `Familier med børn 0-17 år. ${sentence}` })]);
      expect(findings.map((finding) => finding.message)).toEqual([MISSING_MEASURE]);
      const stated = `Der foretages altid en konkret og individuel vurdering af barnets behov. ${sentence}`;
      expect(findingsOf(individuelVurdering, [measureDocument({ maalgruppe: stated })])).toEqual([]);
    });
  }

  it('a negated sentence is reported even when another sentence states it properly', () => {
    const maalgruppe = 'Der foretages altid en konkret og individuel vurdering. Ved aflastning foretages dog ikke altid en individuel vurdering.';
    const findings = findingsOf(individuelVurdering, [measureDocument({ maalgruppe })]);
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('er nægtet (»ikke«)') as string]);
  });

  it('the frame without it is reported as the frame', () => {
    const frame = frameDocument({ maalgruppe: 'Børn og unge 0-18 år og deres familier.' });
    expect(findingsOf(individuelVurdering, [frame]).map((finding) => finding.message)).toEqual([MISSING_FRAME]);
  });

  it('a statement only in the Lovhjemmel section does not count', () => {
    const document = measureDocument({ lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2. Der foretages altid en individuel vurdering.' });
    expect(findingsOf(individuelVurdering, [document]).map((finding) => finding.message)).toEqual([MISSING_MEASURE]);
  });

  it('a JSON measure is read too, and a missing statement points at its "maalgruppe" key', () => {
    const json = JSON.stringify({ id: 'x', titel: 'Aflastning', maalgruppe: 'Børn med handicap.', lovhjemmel: 'Barnets Lov § 90, nr. 2.' }, null, 2);
    const document = documentOf('policies/boern-og-unge/foranstaltninger/x.json', 'foranstaltning', json);
    expect(findingsOf(individuelVurdering, [document])).toEqual([expect.objectContaining({ message: MISSING_MEASURE, line: 4, column: 3 })]);
    const stated = documentOf(
      'policies/boern-og-unge/foranstaltninger/x.json',
      'foranstaltning',
      json.replace('Børn med handicap.', 'Børn med handicap. Der foretages altid en konkret og individuel vurdering.'),
    );
    expect(findingsOf(individuelVurdering, [stated])).toEqual([]);
  });
});

describe('individuel-vurdering options', () => {
  it('scope "frame" checks only the frame', () => {
    const measure = measureDocument();
    const frame = frameDocument({ maalgruppe: 'Børn og unge.' });
    expect(findingsOf(individuelVurdering, [measure, frame], { scope: 'frame' }).map((finding) => finding.message)).toEqual([MISSING_FRAME]);
  });

  it('phrases from the config replace the defaults', () => {
    const document = measureDocument({ maalgruppe: 'Vi ser altid på det enkelte barns behov.' });
    expect(findingsOf(individuelVurdering, [document], { phrases: ['altid på det enkelte barns behov'] })).toEqual([]);
  });

  it('a configured phrase is read for its meaning too: a negation in its clause is reported', () => {
    const maalgruppe = 'Familier med børn 0-17 år. Vi ser ikke altid på det enkelte barns behov.';
    const findings = findingsOf(individuelVurdering, [measureDocument({ maalgruppe })], { phrases: ['altid på det enkelte barns behov'] });
    expect(findings.map((finding) => finding.message)).toEqual([MISSING_MEASURE, expect.stringContaining('er nægtet (»ikke«)') as string]);
  });

  it('negations from the config replace the defaults, and one without a negation word weakens', () => {
    const maalgruppe = 'Familier med børn 0-17 år. I udvalgte sager foretages der altid en konkret og individuel vurdering af barnets behov.';
    const findings = findingsOf(individuelVurdering, [measureDocument({ maalgruppe })], { negations: [String.raw`\budvalgte sager\b`] });
    expect(findings).toEqual([
      expect.objectContaining({ message: MISSING_MEASURE }),
      expect.objectContaining({ message: expect.stringContaining('er svækket (»udvalgte sager«)') as string, column: 28 }),
    ]);
    const normally = measureDocument({ maalgruppe: 'Der foretages normalt altid en individuel vurdering af barnets behov.' });
    expect(findingsOf(individuelVurdering, [normally], { negations: [String.raw`\budvalgte sager\b`] })).toEqual([]);
  });
});

describe('individuel-vurdering on the example kommune', () => {
  it('finds nothing', () => {
    expect(findingsOf(individuelVurdering, examplePolicyDocuments())).toEqual([]);
  });
});
