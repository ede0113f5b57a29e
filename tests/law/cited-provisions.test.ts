import { describe, expect, it } from 'vitest';
import { citedProvisionsOfSections, quoteProvision } from '../../scripts/law/cited-provisions.js';
import { lawTextOn, lookupProvision, paragraphText } from '../../scripts/law/law-texts.js';
import type { Lovregister } from '../../scripts/model/generated-types.js';

const REGISTER: Lovregister = {
  love: [
    { id: 'BL', navn: 'Barnets Lov', aliaser: ['barnets lov', 'BL'] },
    { id: 'SEL', navn: 'Serviceloven', aliaser: ['serviceloven', 'lov om social service', 'SEL'] },
  ],
  paragraffer: [],
};

describe('citedProvisionsOfSections', () => {
  it('reads the citations of sections held as values, once each, marking those in Lovhjemmel', () => {
    const cited = citedProvisionsOfSections(
      [
        { field: 'indhold', text: 'Støtten gives efter § 32, stk. 1, nr. 2, i barnets lov.' },
        { field: 'lovhjemmel', text: 'Barnets Lov § 32, stk. 1, nr. 2 og nr. 3.' },
      ],
      REGISTER,
    );
    expect(cited.map((provision) => [provision.written, provision.inLovhjemmel])).toEqual([
      ['Barnets Lov § 32, stk. 1, nr. 2', true],
      ['Barnets Lov § 32, stk. 1, nr. 3', true],
    ]);
  });
});

describe('quoteProvision', () => {
  it('quotes BL § 32, stk. 1, nr. 2 from LBK nr 282 af 17/03/2025, with the words that introduce the list, line by line', () => {
    const [provision] = citedProvisionsOfSections([{ field: 'lovhjemmel', text: 'Barnets Lov § 32, stk. 1, nr. 2.' }], REGISTER);
    const quote = quoteProvision(provision!, '2026-03-01')!;
    expect(quote.act).toEqual({
      akt: 'LBK nr 282 af 17/03/2025',
      eli: 'https://www.retsinformation.dk/eli/lta/2025/282',
      titel: 'Bekendtgørelse af barnets lov',
    });
    expect(quote.lines).toEqual([
      'Når det må anses for at være af væsentlig betydning af hensyn til et barns eller en ungs særlige behov for støtte, skal kommunalbestyrelsen træffe afgørelse om en eller flere af følgende støttende indsatser, jf. dog § 54, stk. 3, i lov om bekæmpelse af ungdomskriminalitet: …',
      '2) Praktisk, pædagogisk eller anden støtte i hjemmet.',
    ]);
    expect(quote.text).toBe(quote.lines.join(' '));
  });

  it('has nothing to quote for a provision the act lacks, or a law the tool has no text of', () => {
    const [missing, other] = citedProvisionsOfSections([{ field: 'lovhjemmel', text: 'Barnets Lov § 999 og serviceloven § 83.' }], REGISTER);
    expect(quoteProvision(missing!, '2026-03-01')).toBeUndefined();
    expect(quoteProvision(other!, '2022-01-01')).toBeUndefined();
  });

  it('gives a whole paragraph a line per stk. and item, the same words as its text', () => {
    const act = lawTextOn('BL', '2026-03-01')!;
    const lookup = lookupProvision(act, { paragraf: '32' });
    if (!lookup.found) throw new Error('§ 32 is missing');
    expect(lookup.lines[0]).toMatch(/^§ 32\. Når det må anses/);
    expect(lookup.lines[2]).toBe('2) Praktisk, pædagogisk eller anden støtte i hjemmet.');
    expect(lookup.lines.find((line) => line.startsWith('Stk. 2. '))).toBe(
      'Stk. 2. Afgørelse efter stk. 1 træffes med samtykke fra forældremyndighedsindehaveren, jf. dog §§ 37-39.',
    );
    expect(lookup.lines.join(' ')).toBe(paragraphText(lookup.paragraph));
  });
});
