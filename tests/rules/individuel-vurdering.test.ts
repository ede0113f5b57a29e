import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { individuelVurdering } from '../../scripts/rules/individuel-vurdering.js';
import { documentOf, lineOf } from '../helpers.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText } from './rule-helpers.js';

const MISSING_MEASURE = 'Foranstaltningen siger ikke, at der altid foretages en konkret og individuel vurdering af barnets eller den unges behov';
const MISSING_FRAME = 'Rammen siger ikke, at der altid foretages en konkret og individuel vurdering af barnets eller den unges behov';

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

  const negated: [string, string][] = [
    ['"ikke altid"', 'Der foretages ikke altid en individuel vurdering af barnets behov.'],
    ['"ikke nødvendigvis"', 'Der foretages ikke nødvendigvis altid en individuel vurdering.'],
    ['"kun i særlige tilfælde"', 'Kun i særlige tilfælde foretages der altid en konkret og individuel vurdering.'],
    ['"så vidt muligt"', 'Der foretages så vidt muligt altid en individuel vurdering.'],
    ['"ingen individuel vurdering"', 'Der foretages altid en faglig vurdering, men ingen individuel vurdering af økonomien.'],
  ];
  for (const [name, sentence] of negated) {
    it(`${name} does not count and is reported at the sentence`, () => {
      const maalgruppe = `Familier med børn 0-17 år. ${sentence}`;
      const findings = findingsOf(individuelVurdering, [measureDocument({ maalgruppe })]);
      const line = lineOf(measureText({ maalgruppe }), sentence);
      // In position order, as check prints them: the missing statement points above the sections.
      expect(findings).toEqual([
        expect.objectContaining({ message: MISSING_MEASURE }),
        expect.objectContaining({
          message: expect.stringMatching(/^Udsagnet om individuel vurdering er nægtet eller svækket og tæller ikke: »/) as string,
          line,
          column: 28,
        }),
      ]);
    });
  }

  it('a negated sentence is reported even when another sentence states it properly', () => {
    const maalgruppe = 'Der foretages altid en konkret og individuel vurdering. Ved aflastning foretages dog ikke altid en individuel vurdering.';
    const findings = findingsOf(individuelVurdering, [measureDocument({ maalgruppe })]);
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('nægtet eller svækket') as string]);
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
});

describe('individuel-vurdering on the example kommune', () => {
  it('finds nothing', () => {
    expect(findingsOf(individuelVurdering, examplePolicyDocuments())).toEqual([]);
  });
});
