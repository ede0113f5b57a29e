import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/errors.js';
import type { ReadExport } from '../../scripts/followup/model.js';
import { csv, readWritten } from './export-fixtures.js';

/** Everything a person can be shown from a read: the problems' messages, the columns dropped, and an error's message and hint. */
async function shownText(content: string, config = {}): Promise<string> {
  try {
    const read: ReadExport = await readWritten('eksport.csv', content, config);
    return JSON.stringify({ problems: read.problems, dropped: read.droppedColumns });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return `${error.message}\n${error.hint ?? ''}`;
  }
}

const HEADER = ['CPR-nr.', 'Navn', 'Sagsnr', 'Ydelseskode', 'Paragraf', 'Alder', 'Startdato', 'Slutdato', 'Timer', 'Enhed', 'Udgift', 'Opfølgning'];
const CONFIG = { koder: { 'KON-01': 'fast-kontaktperson', 'GL-01': 'nedlagt' } };
// CPR, Navn, Sagsnr, Ydelseskode, Paragraf, Alder, Startdato, Slutdato, Timer, Enhed, Udgift, Opfølgning
const NEUTRAL_ROWS = [
  'q;q;q;KON-01;q;q;01-01-2024;;q;q;q;q',
  'q;q;q;KON-01;q;;01-01-2024;;q;;;',
  'q;q;q;KON-01;q;;q;;;;;',
  'q;q;q;KON-01;q;;;;;;;',
  'q;q;q;KON-01;q;;01-01-2024;q;;;;',
  'q;q;q;KON-01;q;;01-01-2024;01-01-2023;;;;',
  'q;q;q;;;;01-01-2024;;;;;',
  'q;q;q;;§ 46, stk. 1;;01-01-2024;;;;;',
  'q;q;q;GL-01;;;01-01-2024;;;;;',
];

/** A cell a case system could export, valid or not: dates, numbers, codes, paragraphs, names, quotes and separators. */
const cellValue = fc.oneof(
  fc.string({ minLength: 4, maxLength: 24, unit: fc.constantFrom(...'abcæøåXYZ0123456789 -.,;/"§\t\n'.split('')) }),
  fc.constantFrom('KON-01', '§ 32, stk. 1, nr. 3', '01-02-2024', '2024-02-01', '1.234,50'),
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10).split('-').reverse().join('-')),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((value) => value.toLocaleString('da-DK')),
);

/** A cell as Excel writes it in a `;` CSV: quoted when it holds a separator, a quote or a line break. */
function quoted(value: string): string {
  return /[;"\n\t,]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('no cell value ever reaches a message', () => {
  it('of a random row, in any column, whatever the row holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cellValue, { minLength: HEADER.length, maxLength: HEADER.length }),
        fc.nat(HEADER.length - 1),
        fc.boolean(),
        async (cells, blank, mapped) => {
          // Rows of »q« and fixed values bring out every message the reader has: what those say is no row's value.
          const neutral = await shownText(csv(HEADER.join(';'), ...NEUTRAL_ROWS), CONFIG);
          const row = cells.map((cell, index) => (index === blank ? '' : cell));
          // Half the rows map to a measure and start on a real date, so every other column is read too.
          if (mapped) [row[3], row[6]] = ['KON-01', '01-02-2024'];
          const shown = await shownText(csv(HEADER.join(';'), row.map(quoted).join(';')), CONFIG);
          for (const value of row) {
            const trimmed = value.trim();
            if (trimmed.length < 4 || neutral.includes(trimmed) || HEADER.some((header) => header.includes(trimmed))) continue;
            expect(shown).not.toContain(trimmed);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('of a first row that is data instead of headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cellValue, { minLength: 3, maxLength: 8 }), async (cells) => {
        const withDate = [...cells, '01-02-2024'];
        const shown = await shownText(csv(withDate.map(quoted).join(';')));
        for (const value of withDate) if (value.trim().length >= 4 && !'Startdato'.includes(value.trim())) expect(shown).not.toContain(value.trim());
      }),
      { numRuns: 100 },
    );
  });
});
