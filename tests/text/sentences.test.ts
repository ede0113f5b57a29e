import { describe, expect, it } from 'vitest';
import { normalizeProse } from '../../scripts/text/normalize.js';
import { sentencesOf, wordsOf } from '../../scripts/text/sentences.js';

function sentences(text: string): string[] {
  const normalized = normalizeProse({ text, offsets: Array.from({ length: text.length + 1 }, (_, index) => index) });
  return sentencesOf(normalized).map((span) => normalized.text.slice(span.start, span.end));
}

describe('sentencesOf', () => {
  it.each([
    ['Barnet får støtte. Forældrene inddrages.', ['Barnet får støtte.', 'Forældrene inddrages.']],
    ['Må vi det? Ja! Det må vi.', ['Må vi det?', 'Ja!', 'Det må vi.']],
    ['Støtten gives efter Barnets Lov § 32, stk. 1, nr. 3. Den revurderes.', ['Støtten gives efter Barnets Lov § 32, stk. 1, nr. 3.', 'Den revurderes.']],
    ['Mødet er kl. 8 og varer ca. 2 timer.', ['Mødet er kl. 8 og varer ca. 2 timer.']],
    ['Det gælder bl.a. Aflastning, f.eks. Weekender, jf. Loven.', ['Det gælder bl.a. Aflastning, f.eks. Weekender, jf. Loven.']],
    ['Se side 3. 4 familier fik hjælp.', ['Se side 3. 4 familier fik hjælp.']],
    ['Det er slut. § 3 gælder.', ['Det er slut. § 3 gælder.']],
    ['Han sagde: »Hvad nu?« Hun svarede ikke.', ['Han sagde: "Hvad nu?"', 'Hun svarede ikke.']],
    ['Regler om "stk. 2", "kl. 8" og "maks. 3". "Stk. 2" står for sig.', ['Regler om "stk. 2", "kl. 8" og "maks. 3".', '"Stk. 2" står for sig.']],
    ['Hvad? Hvorfor?Nej.', ['Hvad?', 'Hvorfor?', 'Nej.']],
    ['Se www.kommune.dk. Ring til os.', ['Se www.kommune.dk.', 'Ring til os.']],
    ['Vent... eller ej. Slut.', ['Vent... eller ej.', 'Slut.']],
    ['Første afsnit uden punktum\n\nAndet afsnit', ['Første afsnit uden punktum', 'Andet afsnit']],
    ['- Et punkt\n- Et andet punkt', ['- Et punkt', '- Et andet punkt']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('is one pass: a pasted paragraph of 200,000 full stops and abbreviations finishes', () => {
    const paragraph = 'Barnet får hjælp jf. stk. 2. '.repeat(8_000);
    expect(sentences(paragraph)).toHaveLength(8_000);
    expect(sentences('a. '.repeat(70_000))).toHaveLength(1);
  });
});

describe('wordsOf', () => {
  it('counts words with letters, not bare numbers', () => {
    const text = 'Op til 10 timer om ugen, 2,5 time ad gangen i 2025.';
    expect(wordsOf(text)).toEqual(['Op', 'til', 'timer', 'om', 'ugen', 'time', 'ad', 'gangen', 'i']);
  });
});
