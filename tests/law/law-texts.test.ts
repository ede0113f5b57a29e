import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/errors.js';
import { LAW_TEXT_FOLDER } from '../../scripts/law/law-text-model.js';
import { findLawText, lawTextIndex, lawTextOf, lawTextOn, lookupProvision, paragraphText, useLawTextFolder } from '../../scripts/law/law-texts.js';
import { normalizeLawText, parseParagraph } from '../../scripts/law/parse-law-text.js';
import { renderLawIndex } from '../../scripts/tools/render-law-index.js';
import { REPO_ROOT } from '../helpers.js';

const BARNETS_LOV = ['2023_721', '2024_83', '2024_890', '2025_282'];

function act(id: string) {
  const entry = lawTextIndex().find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no act ${id} in the index`);
  return lawTextOf(entry);
}

function paragraph(id: string, paragraf: string) {
  const found = act(id).paragraffer.find((candidate) => candidate.paragraf === paragraf);
  if (!found?.stk) throw new Error(`no § ${paragraf} in ${id}`);
  return found.stk;
}

describe('the law index generated from the retsinformation texts (run `npm run gen` after adding a text)', () => {
  it('is up to date with lovtekster/kilder/', async () => {
    for (const [path, content] of await renderLawIndex()) {
      expect(readFileSync(join(REPO_ROOT, path), 'utf8') === content, `${path} is stale: run \`npm run gen\``).toBe(true);
    }
  });

  it('reads § 32, stk. 1 with its eight indsatser in every consolidation of Barnets Lov', () => {
    for (const id of BARNETS_LOV) {
      const stks = paragraph(id, '32');
      expect(stks, id).toHaveLength(5);
      expect(stks[0]!.numre, id).toHaveLength(8);
      expect(stks[0]!.numre![1], id).toBe('Praktisk, pædagogisk eller anden støtte i hjemmet.');
      expect(stks[0]!.tekst, id).toMatch(
        /^Når det må anses for at være af væsentlig betydning .* følgende støttende indsatser, jf\. dog § 54, stk\. 3, i lov om bekæmpelse af ungdomskriminalitet:$/,
      );
    }
  });

  it('reads § 90 as legal-verify.md describes it: 11 items in LOV 721/2023, 12 from LBK 83/2024 with § 117 a as nr. 10', () => {
    expect(paragraph('2023_721', '90')[0]!.numre).toHaveLength(11);
    expect(paragraph('2023_721', '90')[0]!.numre![9]).toMatch(/^§ 118 om pasning af nærtstående/);
    for (const id of ['2024_83', '2024_890', '2025_282']) {
      const items = paragraph(id, '90')[0]!.numre!;
      expect(items, id).toHaveLength(12);
      expect(items[1], id).toBe('§ 84, stk. 1, om afløsning og aflastning.');
      expect(items[9], id).toMatch(/^§ 117 a om hjælp og støtte til borgere med en hastigt fremadskridende sygdom/);
      expect(items[11], id).toBe('§§ 119-122 om pasning af nærtstående, som ønsker at dø i eget hjem.');
    }
  });

  it('reads § 43, stk. 1 (seven kinds of anbringelsessted) and § 114 (four items in stk. 1, none in stk. 2)', () => {
    const placements = paragraph('2025_282', '43')[0]!.numre!;
    expect(placements).toHaveLength(7);
    expect(placements[5]).toBe('Børne- og ungehjem, jf. stk. 3.');
    const aftercare = paragraph('2025_282', '114');
    expect(aftercare.map((stk) => stk.numre?.length ?? 0)).toEqual([4, 0]);
  });

  it('resolves the law’s own references to its stk. and nr. (BL: »jf. § 43, stk. 1, nr. 1«) in every consolidation', () => {
    for (const id of BARNETS_LOV) {
      const text = act(id);
      let resolved = 0;
      const unresolved: string[] = [];
      for (const entry of text.paragraffer) {
        for (const part of (entry.stk ?? []).flatMap((stk) => [stk.tekst, ...(stk.numre ?? [])])) {
          for (const match of part.matchAll(/§ (\d+(?: [a-z])?), stk\. (\d+)(?:, nr\. (\d+))?(?![-\d])([^.;]*)/g)) {
            // A reference into another act names it in the same sentence (»i lov om …«, »i adoptionsloven«).
            if (/\bi (?:lov|[a-zæøå]+loven)\b|\blov om\b/.test(match[4]!)) continue;
            const lookup = lookupProvision(text, { paragraf: match[1]!, stk: Number(match[2]), ...(match[3] ? { nr: Number(match[3]) } : {}) });
            if (lookup.found) resolved++;
            else unresolved.push(entry.paragraf);
          }
        }
      }
      expect(resolved, id).toBeGreaterThan(170);
      // The rest point into other acts named earlier in the paragraph (§ 8: forældreansvarslovens § 15 a; § 191: § 18 a
      // of the gældsinddrivelseslov, named after »1. pkt.«; § 203: udlændingeloven §§ 9 and 9 c), read by hand in the texts.
      expect(new Set(unresolved), id).toEqual(new Set(['8', '191', '203']));
    }
  });

  it('keeps repealed paragraphs as repealed, and lettered paragraphs with their letter', () => {
    const sel = act('2025_1129');
    expect(sel.paragraffer.filter((entry) => entry.paragraf === '7' || entry.paragraf === '8').map((entry) => entry.ophaevet)).toEqual([true, true]);
    expect(lookupProvision(sel, { paragraf: '8' })).toEqual({ found: false, reason: '§ 8 er ophævet' });
    expect(lookupProvision(sel, { paragraf: '83 b' }).found).toBe(true);
    expect(lookupProvision(act('2025_282'), { paragraf: '172a' }).found).toBe(true);
  });

  it('leaves out the amending acts printed after the law (a provision without a chapter)', () => {
    const sel = act('2023_1089');
    expect(sel.paragraffer.filter((entry) => entry.paragraf === '32')).toHaveLength(1);
    expect(paragraphText(sel.paragraffer.find((entry) => entry.paragraf === '32')!)).toMatch(/^§ 32\. Kommunalbestyrelsen træffer afgørelse om hjælp til børn/);
  });
});

describe('parsing one paragraph', () => {
  it('splits stk. and items only in sequence, so references inside the text stay text', () => {
    const parsed = parseParagraph(
      '§ 7. Efter stk. 2 og § 3, nr. 2) gælder følgende: 1) Det ene (jf. nr. 2). 2) Det andet. Stk. 3. Ikke et stk. Stk. 2. Det egentlige stk. 2, jf. stk. 3.',
    );
    expect(parsed).toEqual({
      paragraf: '7',
      stk: [
        { tekst: 'Efter stk. 2 og § 3, nr. 2) gælder følgende:', numre: ['Det ene (jf. nr. 2).', 'Det andet. Stk. 3. Ikke et stk.'] },
        { tekst: 'Det egentlige stk. 2, jf. stk. 3.' },
      ],
    });
  });

  it('reads a lettered heading and drops soft hyphens and zero-width characters', () => {
    expect(parseParagraph('§ 117 a. Kom\u00admunal\u200cbestyrelsen  kan\n yde støtte.')).toEqual({
      paragraf: '117 a',
      stk: [{ tekst: 'Kommunalbestyrelsen kan yde støtte.' }],
    });
    expect(normalizeLawText(' a\u00a0 b ')).toBe('a b');
    expect(parseParagraph('Ingen overskrift')).toBeUndefined();
  });
});

describe('the act in force on a date', () => {
  it('is the newest consolidation from on or before the date', () => {
    expect(lawTextOn('BL', '2023-12-31')).toBeUndefined();
    expect(lawTextOn('BL', '2024-01-01')?.akt).toBe('LOV nr 721 af 13/06/2023');
    expect(lawTextOn('BL', '2024-06-18')?.akt).toBe('LBK nr 83 af 25/01/2024');
    expect(lawTextOn('BL', '2025-03-01')?.akt).toBe('LBK nr 890 af 19/06/2024');
    expect(lawTextOn('BL', '2026-12-01')?.akt).toBe('LBK nr 282 af 17/03/2025');
    expect(lawTextOn('BL', '2026-12-01')?.eli).toBe('https://www.retsinformation.dk/eli/lta/2025/282');
  });

  it('has no Serviceloven text for 2024 (the 2023 text still holds the repealed children’s rules)', () => {
    expect(lawTextOn('SEL', '2023-09-01')?.akt).toBe('LBK nr 1089 af 16/08/2023');
    expect(lawTextOn('SEL', '2024-06-01')).toBeUndefined();
    expect(lawTextOn('SEL', '2025-09-22')?.akt).toBe('LBK nr 1129 af 22/09/2025');
    expect(lawTextOn('FSL', '2025-09-22')).toBeUndefined();
  });

  it('is found by id, by »LBK 282/2025« and by the act’s full name', () => {
    expect(findLawText('2024_890')?.id).toBe('2024_890');
    expect(findLawText('LBK 890/2024')?.id).toBe('2024_890');
    expect(findLawText('LBK nr 282 af 17/03/2025')?.id).toBe('2025_282');
    expect(findLawText('LBK nr. 282 af 17/03/2025')?.id).toBe('2025_282');
    expect(findLawText('LBK 999/2025')).toBeUndefined();
  });
});

describe('looking up a provision', () => {
  const lbk282 = () => lawTextOn('BL', '2026-01-01')!;

  it('names the range that exists when a nr. or stk. does not', () => {
    expect(lookupProvision(lbk282(), { paragraf: '32', stk: 1, nr: 12 })).toEqual({ found: false, reason: '§ 32, stk. 1 har nr. 1-8' });
    expect(lookupProvision(lbk282(), { paragraf: '46', stk: 9 })).toEqual({ found: false, reason: '§ 46 har stk. 1-4' });
    expect(lookupProvision(lbk282(), { paragraf: '30', stk: 2 })).toEqual({ found: false, reason: '§ 30 har ingen stk. (kun ét stykke)' });
    expect(lookupProvision(lbk282(), { paragraf: '32', stk: 2, nr: 1 })).toEqual({ found: false, reason: '§ 32, stk. 2 har ingen numre' });
    expect(lookupProvision(lbk282(), { paragraf: '290' })).toEqual({ found: false, reason: 'loven slutter ved § 214' });
  });

  it('reads »§ 90, nr. 2« as stk. 1, nr. 2 of a paragraph with one stk., and quotes an item with the words before the list', () => {
    const lookup = lookupProvision(lbk282(), { paragraf: '90', nr: 2 });
    expect(lookup.found && lookup.text).toMatch(
      /^Følgende bestemmelser i lov om social service finder tilsvarende anvendelse for børn, unge eller familier omfattet af denne lov, .*: … 2\) § 84, stk\. 1, om afløsning og aflastning\.$/,
    );
    expect(lookupProvision(lbk282(), { paragraf: '30', stk: 1, nr: 1 }).found).toBe(true);
  });
});

describe('a broken law file', () => {
  afterEach(() => useLawTextFolder(undefined));

  it('is a Danish usage error naming the file, not a crash', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lovtekster-'));
    expect(() => {
      useLawTextFolder(folder);
      lawTextIndex();
    }).toThrow(UsageError);
    expect(() => lawTextIndex()).toThrow(`Lovteksten ${LAW_TEXT_FOLDER}/index/index.json findes ikke`);
    mkdirSync(join(folder, 'index'));
    writeFileSync(join(folder, 'index', 'index.json'), '[{"id": "2025_282",');
    useLawTextFolder(folder);
    expect(() => lawTextIndex()).toThrow(/Lovteksten lovtekster\/index\/index.json er ikke gyldig JSON/);
    writeFileSync(
      join(folder, 'index', 'index.json'),
      JSON.stringify([
        { id: '2025_282', lov: 'BL', akt: 'LBK nr 282 af 17/03/2025', titel: 't', gaelder_fra: '2025-03-17', eli: 'x', kilde: 'k', fil: 'index/2025_282.json' },
      ]),
    );
    writeFileSync(join(folder, 'index', '2025_282.json'), '{"paragraffer": 3}');
    useLawTextFolder(folder);
    expect(() => lawTextOn('BL', '2026-01-01')).toThrow(/Lovteksten lovtekster\/index\/2025_282.json har ikke den forventede form/);
  });
});
