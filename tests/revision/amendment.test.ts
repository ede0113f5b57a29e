import { describe, expect, it } from 'vitest';
import { lawNamesOf } from '../../scripts/law/register.js';
import { amendmentInstructions } from '../../scripts/revision/amendment.js';
import { redline, tokenize } from '../../scripts/revision/redline.js';
import { SAMPLE_REGISTER } from './sample-round.js';

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

  it('keeps a range with an en dash whole too, so »1-2« → »1–2« is one change', () => {
    expect(tokenize('1–2 sessioner')).toEqual(['1–2', ' ', 'sessioner']);
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

const laws = lawNamesOf(SAMPLE_REGISTER);

type Case = [name: string, heading: string, before: string, after: string, expected: string[]];

const WORDS: Case[] = [
  [
    'a number with its unit',
    'Omfang og varighed',
    'Som udgangspunkt 10 timer om ugen.',
    'Som udgangspunkt 8 timer om ugen.',
    ['I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.'],
  ],
  [
    'an insertion after its anchor, however long, rather than the sentence anew',
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
  ['a short frontmatter value in the same phrasing as a section', 'Version', '2025.1', '2026.1', ['I feltet »Version« ændres »2025.1« til: »2026.1«.']],
  [
    'a section rewritten throughout',
    'Formål',
    'At styrke familien.',
    'Barnet skal trives i skolen og have venner i fritiden.',
    ['Afsnittet »Formål« affattes således: »Barnet skal trives i skolen og have venner i fritiden.«.'],
  ],
  [
    'one word in a long sentence in place, not the sentence anew',
    'Målgruppe og tildelingskriterier',
    'Behandlingen er til familier med børn fra 0 til 18 år. Der er alvorlige konflikter, et svært samspil eller andre problemer, der belaster barnet.',
    'Behandlingen er til familier med børn fra 0 til 18 år. Der er store konflikter, et svært samspil eller andre problemer, der belaster barnet.',
    ['I afsnittet »Målgruppe og tildelingskriterier« ændres »alvorlige« til: »store«.'],
  ],
  [
    'a few words that are a small part of their sentence in place',
    'Levering af ydelsen',
    'Familiebehandlerne i Familiehuset står for behandlingen, og de har alle en relevant uddannelse og mindst to års erfaring med familier.',
    'Familiebehandlerne i Familiehuset står for behandlingen, og de har alle en socialfaglig eller pædagogisk uddannelse og mindst to års erfaring med familier.',
    ['I afsnittet »Levering af ydelsen« ændres »relevant« til: »socialfaglig eller pædagogisk«.'],
  ],
];

const SENTENCES: Case[] = [
  [
    'a sentence with several changes anew, by its place, not as fragments',
    'Formål',
    'Formålet er at løse problemer i familien, som går ud over barnets trivsel og udvikling. Behandlingen skal styrke samspillet mellem forældre og barn. Barnet skal kunne trives i sin egen familie.',
    'Formålet er at løse problemer i familien, som går ud over barnets trivsel og udvikling. Forløbet skal give forældrene redskaber til at skabe ro og struktur i hverdagen. Barnet skal kunne trives i sin egen familie.',
    ['I afsnittet »Formål« affattes 2. punktum således: »Forløbet skal give forældrene redskaber til at skabe ro og struktur i hverdagen.«.'],
  ],
  [
    'a sentence in the second paragraph by paragraph and sentence',
    'Omfang og varighed',
    'Behandlingen er som udgangspunkt 1-2 sessioner om ugen i 6 måneder.\n\nEfter en konkret og individuel vurdering kan forløbet være kortere eller længere. Det kan typisk forlænges med 3-6 måneder ad gangen.',
    'Behandlingen er som udgangspunkt 1-2 sessioner om ugen i 6 måneder.\n\nEfter en konkret og individuel vurdering kan forløbet være kortere eller længere. Det kan som regel forlænges med 3 måneder ad gangen.',
    ['I afsnittet »Omfang og varighed« affattes 2. afsnit, 2. punktum således: »Det kan som regel forlænges med 3 måneder ad gangen.«.'],
  ],
  [
    'a paragraph of one sentence by its paragraph alone',
    'Levering af ydelsen',
    'Familiebehandlerne i Familiehuset står for behandlingen.\n\nVi mødes i Familiehuset eller i hjemmet.',
    'Familiebehandlerne i Familiehuset står for behandlingen.\n\nVi mødes i Familiehuset, i hjemmet eller online.',
    ['I afsnittet »Levering af ydelsen« affattes 2. afsnit således: »Vi mødes i Familiehuset, i hjemmet eller online.«.'],
  ],
  [
    'a sentence most of whose words are replaced anew, though it is one change',
    'Tildeling',
    'Forældrene skal sige ja til forløbet. Sagsbehandleren kan selv give et forløb i kommunens eget team.',
    'Forældrene skal sige ja til forløbet. Visitationsudvalget beslutter, om et eksternt forløb kan bevilges.',
    ['I afsnittet »Tildeling« affattes 2. punktum således: »Visitationsudvalget beslutter, om et eksternt forløb kan bevilges.«.'],
  ],
  [
    'a new sentence as a new punktum after the one before it',
    'Kvalitetskrav til leverandør',
    'Behandleren bruger en kendt og beskrevet metode. Målene i barnets plan er grundlaget.\n\nHver 3. måned sender leverandøren en skriftlig status.',
    'Behandleren bruger en kendt og beskrevet metode. Målene i barnets plan er grundlaget. Behandleren skriver et kort notat efter hver session.\n\nHver 3. måned sender leverandøren en skriftlig status.',
    [
      'I afsnittet »Kvalitetskrav til leverandør« indsættes efter 1. afsnit, 2. punktum som nyt punktum: »Behandleren skriver et kort notat efter hver session.«.',
    ],
  ],
  [
    'a sentence that udgår by its place',
    'Tildeling',
    'Sagsbehandleren træffer afgørelse om behandlingen. Forældrene skal sige ja til forløbet. Sagen kan gå til visitationsudvalget.',
    'Sagsbehandleren træffer afgørelse om behandlingen. Sagen kan gå til visitationsudvalget.',
    ['I afsnittet »Tildeling« udgår 2. punktum.'],
  ],
  [
    'a new paragraph after its anchor, not as a new punktum',
    'Levering af ydelsen',
    'Familiebehandlerne i Familiehuset står for behandlingen. Vi mødes i Familiehuset.',
    'Familiebehandlerne i Familiehuset står for behandlingen. Vi mødes i Familiehuset.\n\nForløbet kan også foregå online.',
    ['I afsnittet »Levering af ydelsen« indsættes efter »mødes i Familiehuset.«: »Forløbet kan også foregå online.«.'],
  ],
];

const LIST_ITEMS: Case[] = [
  [
    'an insertion in a list item after words of its own line',
    'Principper',
    '- Sammenhæng på tværs.\n- Tidlig indsats i alle sager om børn og unge med særlige behov.',
    '- Sammenhæng på tværs.\n- Tidlig og forebyggende indsats i alle sager om børn og unge med særlige behov.',
    ['I afsnittet »Principper« indsættes efter »Tidlig«: »og forebyggende«.'],
  ],
  [
    'a list item rewritten by its place, without its marker',
    'Principper',
    '- Tidlig indsats.\n- Sammenhæng på tværs for alle børn.',
    '- Tidlig indsats.\n- Helhed og sammenhæng på tværs af alle fagområder.',
    ['I afsnittet »Principper« affattes 2. listepunkt således: »Helhed og sammenhæng på tværs af alle fagområder.«.'],
  ],
  [
    'a new list item after the one before it',
    'Lovhjemmel',
    'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 5',
    'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 5\n- Barnets Lov § 32, stk. 1, nr. 3',
    ['I afsnittet »Lovhjemmel« indsættes efter 2. afsnit, 1. listepunkt som nyt listepunkt: »Barnets Lov § 32, stk. 1, nr. 3«.'],
  ],
  [
    'a list item that udgår by its place',
    'Lovhjemmel',
    'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 5\n- Barnets Lov § 32, stk. 1, nr. 3',
    'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 5',
    ['I afsnittet »Lovhjemmel« udgår 2. afsnit, 2. listepunkt.'],
  ],
];

const CITATIONS: Case[] = [
  [
    'a changed legal basis as whole citations with the law',
    'Lovhjemmel',
    'Barnets Lov § 32, stk. 1, nr. 5.',
    'Barnets Lov § 32, stk. 1, nr. 8.',
    ['I afsnittet »Lovhjemmel« ændres »Barnets Lov § 32, stk. 1, nr. 5« til: »Barnets Lov § 32, stk. 1, nr. 8«.'],
  ],
  [
    'a changed citation in a list without its list marker',
    'Lovhjemmel',
    'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 5\n- Barnets Lov § 32, stk. 1, nr. 3',
    'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 8\n- Barnets Lov § 32, stk. 1, nr. 3',
    ['I afsnittet »Lovhjemmel« ændres »Barnets Lov § 32, stk. 1, nr. 5« til: »Barnets Lov § 32, stk. 1, nr. 8«.'],
  ],
  [
    'a citation changed in two places as one change',
    'Lovhjemmel',
    'Serviceloven § 52, stk. 3, nr. 5.',
    'Barnets Lov § 32, stk. 1, nr. 8.',
    ['I afsnittet »Lovhjemmel« ændres »Serviceloven § 52, stk. 3, nr. 5« til: »Barnets Lov § 32, stk. 1, nr. 8«.'],
  ],
  [
    'a citation in a sentence of another section whole, not the sentence anew',
    'Tildeling',
    'Afgørelsen bygger på en børnefaglig undersøgelse efter Barnets Lov § 20. Forældrene skal sige ja til forløbet.',
    'Afgørelsen bygger på en børnefaglig undersøgelse efter Barnets Lov § 21. Forældrene skal sige ja til forløbet.',
    ['I afsnittet »Tildeling« ændres »Barnets Lov § 20« til: »Barnets Lov § 21«.'],
  ],
];

describe('amendment instructions (ændringsforslag) for the committee', () => {
  for (const [group, cases] of [
    ['words and numbers in place', WORDS],
    ['sentences by their place', SENTENCES],
    ['list items by their place', LIST_ITEMS],
    ['citations', CITATIONS],
  ] as const) {
    describe(group, () => {
      for (const [name, heading, before, after, expected] of cases) {
        it(`words ${name}`, () => {
          expect(amendmentInstructions(heading, before, after, { laws })).toEqual(expected);
        });
      }
    });
  }

  it('re-words a long section changed in many places whole, without pairing each change with its sentence', () => {
    const before = Array.from({ length: 300 }, (_, index) => `Familien får ${index} timers støtte i uge ${index}.`).join(' ');
    const after = before.replace(/timers/g, 'timer');
    expect(amendmentInstructions('Omfang og varighed', before, after, { laws })).toEqual([`Afsnittet »Omfang og varighed« affattes således: »${after}«.`]);
  });

  it('without the register quotes a citation from its »§«, as it cannot tell the law', () => {
    expect(amendmentInstructions('Lovhjemmel', 'Barnets Lov § 32, stk. 1, nr. 5.', 'Barnets Lov § 32, stk. 1, nr. 8.')).toEqual([
      'I afsnittet »Lovhjemmel« ændres »§ 32, stk. 1, nr. 5« til: »§ 32, stk. 1, nr. 8«.',
    ]);
  });

  it('quotes a dash exactly as the text has it, so »1-2« → »1–2« is a change the committee can find', () => {
    expect(amendmentInstructions('Omfang og varighed', 'Som udgangspunkt 1-2 sessioner om ugen.', 'Som udgangspunkt 1–2 sessioner om ugen.', { laws })).toEqual(
      ['I afsnittet »Omfang og varighed« ændres »1-2 sessioner« til: »1–2 sessioner«.'],
    );
  });

  it.each([...WORDS, ...SENTENCES, ...LIST_ITEMS, ...CITATIONS])(
    'quotes only text the paralleltekst shows, character for character: %s',
    (_name, heading, before, after) => {
      const shown = (text: string) => text.replace(/^(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, '');
      for (const instruction of amendmentInstructions(heading, before, after, { laws })) {
        const quotes = [...instruction.matchAll(/»([^»«]*)«/g)].map((match) => match[1]!).filter((quote) => quote !== heading);
        for (const quote of quotes)
          expect(
            [shown(before), shown(after)].some((text) => text.includes(quote)),
            quote,
          ).toBe(true);
      }
    },
  );
});
