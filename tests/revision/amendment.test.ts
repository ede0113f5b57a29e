import { describe, expect, it } from 'vitest';
import { amendmentInstructions } from '../../scripts/revision/amendment.js';
import { redline, tokenize } from '../../scripts/revision/redline.js';

describe('the word-level redline, tokenised for Danish', () => {
  it('keeps words with æ, ø and å, decimal commas and ranges whole', () => {
    expect(tokenize('Børne- og Ungeudvalget: 1,5 time, 3-5 døgn.')).toEqual([
      'Børne',
      '-',
      ' ',
      'og',
      ' ',
      'Ungeudvalget',
      ':',
      ' ',
      '1,5',
      ' ',
      'time',
      ',',
      ' ',
      '3-5',
      ' ',
      'døgn',
      '.',
    ]);
  });

  it('marks only the changed words', () => {
    expect(redline('Som udgangspunkt 10 timer om ugen.', 'Som udgangspunkt 8 timer om ugen.')).toEqual([
      { type: 'same', text: 'Som udgangspunkt ' },
      { type: 'del', text: '10' },
      { type: 'ins', text: '8' },
      { type: 'same', text: ' timer om ugen.' },
    ]);
  });
});

describe('amendment instructions (ændringsforslag) for the committee', () => {
  const cases: [string, string, string, string, string[]][] = [
    [
      'a number with its unit',
      'Omfang og varighed',
      'Som udgangspunkt 10 timer om ugen.',
      'Som udgangspunkt 8 timer om ugen.',
      ['I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.'],
    ],
    [
      'a number after its label',
      'Lovhjemmel',
      'Barnets Lov § 32, stk. 1, nr. 5',
      'Barnets Lov § 32, stk. 1, nr. 8',
      ['I afsnittet »Lovhjemmel« ændres »nr. 5« til: »nr. 8«.'],
    ],
    [
      'an insertion after its anchor',
      'Tildeling',
      'Sagsbehandleren træffer afgørelse.',
      'Sagsbehandleren træffer afgørelse efter en børnefaglig undersøgelse.',
      ['I afsnittet »Tildeling« indsættes efter »Sagsbehandleren træffer afgørelse«: »efter en børnefaglig undersøgelse«.'],
    ],
    [
      'a deletion',
      'Indhold',
      'Familien får besøg og telefonisk rådgivning hver uge.',
      'Familien får besøg hver uge.',
      ['I afsnittet »Indhold« udgår »og telefonisk rådgivning«.'],
    ],
    [
      'a punctuation mark in its word',
      'Kvalitetskrav til leverandør',
      'Rapport hver 3. måned.',
      'Rapport hver 3. måned',
      ['I afsnittet »Kvalitetskrav til leverandør« ændres »måned.« til: »måned«.'],
    ],
    ['a short frontmatter value', 'Version', '2025.1', '2026.1', ['»Version« ændres fra »2025.1« til: »2026.1«.']],
    [
      'a section rewritten throughout',
      'Formål',
      'At styrke familien.',
      'Barnet skal trives i skolen og have venner i fritiden.',
      ['Afsnittet »Formål« affattes således: »Barnet skal trives i skolen og have venner i fritiden.«.'],
    ],
  ];
  for (const [name, heading, before, after, expected] of cases) {
    it(`words ${name}`, () => {
      expect(amendmentInstructions(heading, before, after)).toEqual(expected);
    });
  }
});
