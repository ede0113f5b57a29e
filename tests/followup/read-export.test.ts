import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/errors.js';
import { EXAMPLE_CONFIG, EXAMPLE_MEASURES, encodeWindows1252, exampleExport } from '../../scripts/followup/example-export.js';
import { readExport } from '../../scripts/followup/read-export.js';
import { REPO_ROOT } from '../helpers.js';
import { csv, fakeRepository, MEASURES, outsideFolder, readWritten, REGISTER } from './export-fixtures.js';

const HEADER = 'Sagsnr;Ydelseskode;Startdato;Slutdato;Timer;Enhed;Udgift';
const CODES = { koder: { 'KON-01': 'fast-kontaktperson', 'PPS-01': 'praktisk-paedagogisk-stoette' } };

async function usageError(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('reading the export: delimiters and encodings', () => {
  const rows = [
    'Indsats{d}Startdato{d}Slutdato{d}Udgift',
    'fast-kontaktperson{d}01-02-2024{d}31-07-2024{d}"1.234,50"',
    'familiebehandling{d}2024-03-01{d}{d}900',
  ];
  it.each([
    ['semikolon', ';'],
    ['komma', ','],
    ['tabulator', '\t'],
  ])('a CSV separated by %s is read the same', async (_name, delimiter) => {
    const read = await readWritten('eksport.csv', csv(...rows.map((line) => line.replaceAll('{d}', delimiter))));
    expect(read.allocations).toEqual([
      { row: 2, measureId: 'fast-kontaktperson', start: '2024-02-01', end: '2024-07-31', cost: 1234.5 },
      { row: 3, measureId: 'familiebehandling', start: '2024-03-01', cost: 900 },
    ]);
    expect(read.problems).toEqual([]);
  });

  const danish = csv('Indsats;Startdato;Opfølgning', 'praktisk-paedagogisk-stoette;01-02-2024;01-05-2024');
  it.each([
    ['UTF-8', Buffer.from(danish, 'utf8')],
    ['UTF-8 med BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(danish, 'utf8')])],
    ['Windows-1252, som Excel gemmer CSV', encodeWindows1252(danish)],
    ['UTF-16 (Excels »Unicode-tekst«)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(danish, 'utf16le')])],
  ])('a CSV in %s has its »Opfølgning« column read', async (_name, bytes) => {
    const read = await readWritten('eksport.csv', bytes);
    expect(read.allocations).toEqual([{ row: 2, measureId: 'praktisk-paedagogisk-stoette', start: '2024-02-01', lastFollowUp: '2024-05-01' }]);
  });

  it('a file saved again in the wrong character set is an error naming the garbled header', async () => {
    const garbled = Buffer.from(new TextDecoder('windows-1252').decode(Buffer.from(danish, 'utf8')), 'utf8');
    const error = await usageError(readWritten('eksport.csv', garbled));
    expect(error.message).toBe('»eksport.csv«: overskriften »OpfÃ¸lgning« i række 1 er gemt med forkert tegnsæt (»Ã¸« for »ø«)');
  });

  it('a renamed Excel file is told apart from CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ark1').addRow(['Indsats']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = await usageError(readWritten('eksport.csv', bytes));
    expect(error.message).toBe('»eksport.csv« er en Excel- eller zip-fil, ikke en CSV-fil');
  });

  it('a one-column header (a wrong delimiter) names the header found and suggests the delimiter', async () => {
    const error = await usageError(readWritten('eksport.csv', csv('Indsats|Startdato', 'familiebehandling|01-02-2024')));
    expect(error.message).toBe('»eksport.csv«: der er ingen kolonne med bevillingens startdato i overskrifterne i række 1');
    expect(error.hint).toContain('»Indsats|Startdato«');
    expect(error.hint).toContain('andet skilletegn');
  });

  it('an unclosed quote is an error naming the row, without the cell', async () => {
    const error = await usageError(readWritten('eksport.csv', csv('Indsats;Startdato', 'familiebehandling;01-02-2024', '"hemmelig;02-02-2024')));
    expect(error.message).toBe('»eksport.csv« kan ikke læses som CSV: et anførselstegn (") bliver ikke lukket (efter række 2)');
    expect(`${error.message} ${error.hint}`).not.toContain('hemmelig');
  });
});

describe('reading the export: xlsx', () => {
  async function xlsx(sheets: Record<string, unknown[][]>): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = workbook.addWorksheet(name);
      for (const row of rows) sheet.addRow(row);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('reads date cells, number cells and formulas from the first sheet', async () => {
    const bytes = await xlsx({
      Bevillinger: [
        ['Ydelseskode', 'Startdato', 'Slutdato', 'Timer', 'Enhed', 'Udgift'],
        ['KON-01', new Date(Date.UTC(2024, 0, 15)), new Date(Date.UTC(2024, 6, 14)), 3, 'timer pr. uge', { formula: '1000*2', result: 2000 }],
        ['PPS-01', '01.03.2024', null, '13', 'timer pr. måned', 4500.5],
      ],
      Noter: [['Ikke bevillinger']],
    });
    const read = await readWritten('eksport.xlsx', bytes, CODES);
    expect(read.allocations).toEqual([
      { row: 2, measureId: 'fast-kontaktperson', start: '2024-01-15', end: '2024-07-14', scope: 3, cost: 2000 },
      { row: 3, measureId: 'praktisk-paedagogisk-stoette', start: '2024-03-01', scope: 3, cost: 4500.5 },
    ]);
  });

  it('reads the sheet named in »opfoelgning.ark«, and names the sheets when it is missing', async () => {
    const bytes = await xlsx({
      Forside: [['Eksport fra fagsystemet']],
      Bevillinger: [
        ['Indsats', 'Startdato'],
        ['familiebehandling', '2025-01-01'],
      ],
    });
    const read = await readWritten('eksport.xlsx', bytes, { ark: 'bevillinger' });
    expect(read.allocations).toEqual([{ row: 2, measureId: 'familiebehandling', start: '2025-01-01' }]);
    const error = await usageError(readWritten('eksport.xlsx', bytes, { ark: 'Tildelinger' }));
    expect(error.message).toBe('»eksport.xlsx« har intet regneark, der hedder »Tildelinger«');
    expect(error.hint).toContain('»Forside«, »Bevillinger«');
  });

  it('a file that is not a workbook is an error, not a stack trace', async () => {
    const error = await usageError(readWritten('eksport.xlsx', 'Indsats;Startdato\n'));
    expect(error.message).toBe('»eksport.xlsx« kan ikke læses som en Excel-fil (.xlsx)');
  });

  it.each(['.xls', '.ods', '.pdf', ''])('a file ending in »%s« is refused with what to save it as', async (extension) => {
    const error = await usageError(readWritten(`eksport${extension}`, 'x'));
    expect(error.hint).toContain('CSV (semikolonsepareret)');
  });
});

describe('reading the export: values', () => {
  it('reads Danish dates, ISO dates, decimal commas and thousands points', async () => {
    const read = await readWritten(
      'eksport.csv',
      csv(
        HEADER,
        'S-1;KON-01;01-02-2024;31.12.2024;2,5;timer om ugen;1.234,50',
        'S-2;KON-01;1/3/2024;2024-06-30;3;;12.000',
        'S-3;KON-01;2024-04-01;;"1,5";t/uge;kr. 450',
      ),
      CODES,
    );
    expect(read.problems).toEqual([]);
    expect(read.allocations.map(({ start, end, scope, cost }) => ({ start, end, scope, cost }))).toEqual([
      { start: '2024-02-01', end: '2024-12-31', scope: 2.5, cost: 1234.5 },
      { start: '2024-03-01', end: '2024-06-30', scope: 3, cost: 12000 },
      { start: '2024-04-01', end: undefined, scope: 1.5, cost: 450 },
    ]);
  });

  it('converts a scope per month to the frame’s hours per week (52/12), and leaves a unit it cannot convert out', async () => {
    const read = await readWritten('eksport.csv', csv(HEADER, 'S-1;KON-01;01-02-2024;;13;timer pr. måned;', 'S-2;KON-01;01-02-2024;;4;døgn pr. måned;'), CODES);
    expect(read.allocations.map((allocation) => allocation.scope)).toEqual([3, undefined]);
  });

  it('takes the unit from the scope header when there is no unit column', async () => {
    const read = await readWritten('eksport.csv', csv('Indsats;Startdato;Timer pr. måned', 'fast-kontaktperson;01-02-2024;26'));
    expect(read.allocations[0]?.scope).toBe(6);
  });

  it('reads the age at the start from a birth date when there is no age column', async () => {
    const read = await readWritten(
      'eksport.csv',
      csv('Indsats;Fødselsdato;Startdato', 'familiebehandling;15-06-2010;14-06-2024', 'familiebehandling;15-06-2010;15-06-2024'),
    );
    expect(read.allocations.map((allocation) => allocation.age)).toEqual([13, 14]);
  });

  it('skips and counts empty rows and Excel total rows', async () => {
    const read = await readWritten('eksport.csv', csv(HEADER, 'S-1;KON-01;01-02-2024;;;;100', ';;;;;;', '', 'I alt;;;;;;100', 'Sum;;;;;;100'), CODES);
    expect(read).toMatchObject({ totalRows: 1, skippedRows: 4 });
    expect(read.allocations).toHaveLength(1);
  });

  it('an end before the start is a row problem and no allocation', async () => {
    const read = await readWritten('eksport.csv', csv(HEADER, 'S-1;KON-01;01-02-2024;31-01-2024;;;'), CODES);
    expect(read.allocations).toEqual([]);
    expect(read.problems).toEqual([{ row: 2, column: 'Slutdato', message: 'slutdatoen ligger før startdatoen' }]);
  });

  it('an unreadable cell is a problem naming the row and the column; the allocation keeps what could be read', async () => {
    const read = await readWritten('eksport.csv', csv(HEADER, 'S-1;KON-01;31-02-2024;;;;', 'S-2;KON-01;01-02-2024;;mange;;ca. 500'), CODES);
    expect(read.problems).toEqual([
      {
        row: 2,
        column: 'Startdato',
        message: 'datoen kan ikke læses (forventet dd-mm-åååå, dd.mm.åååå, dd/mm/åååå eller åååå-mm-dd)',
      },
      { row: 3, column: 'Timer', message: 'omfanget kan ikke læses som et tal' },
      { row: 3, column: 'Udgift', message: 'udgiften kan ikke læses som et beløb i kroner (fx 1.234,50)' },
    ]);
    expect(read.allocations).toEqual([{ row: 3, measureId: 'fast-kontaktperson', start: '2024-02-01', childKey: 'barn-1' }]);
  });

  it('a row number counts the spreadsheet’s rows, also after a cell with a line break', async () => {
    const read = await readWritten('eksport.csv', csv('Indsats;Startdato;Note', 'familiebehandling;01-02-2024;"to\nlinjer"', 'familiebehandling;kl. 9;'));
    expect(read.problems.map((problem) => problem.row)).toEqual([3]);
  });
});

describe('reading the export: columns', () => {
  it('a configured column that is missing names the column, the key and the headers found', async () => {
    const error = await usageError(
      readWritten('eksport.csv', csv('Indsats;Startdato', 'familiebehandling;01-02-2024'), { kolonner: { start: 'Bevilget fra' } }),
    );
    expect(error.message).toBe('»eksport.csv«: kolonnen »Bevilget fra« (opfoelgning.kolonner.start i konfigurationen) findes ikke i overskrifterne i række 1');
    expect(error.hint).toContain('»Indsats«, »Startdato«');
  });

  it('without a measure column the run stops, naming the headers', async () => {
    const error = await usageError(readWritten('eksport.csv', csv('Startdato;Udgift', '01-02-2024;100')));
    expect(error.message).toBe('»eksport.csv«: der er ingen kolonne med indsatsen (id, ydelseskode eller paragraf) i overskrifterne i række 1');
  });

  it('a first row of data is not listed as headers', async () => {
    const error = await usageError(readWritten('eksport.csv', csv('010203-1234;Hans Hemmelig;familiebehandling;01-02-2024')));
    expect(error.message).toBe('»eksport.csv«: række 1 ligner data og ikke kolonneoverskrifter');
    expect(`${error.message} ${error.hint}`).not.toMatch(/Hemmelig|010203/u);
  });

  it('finds columns by synonyms, case and punctuation aside', async () => {
    const read = await readWritten(
      'eksport.csv',
      csv('SAGS-NR.;Foranstaltning;bevilget fra;Bevilget til;Beløb', 'A1;fast-kontaktperson;01-01-2025;31-03-2025;1.000'),
    );
    expect(read.allocations).toEqual([{ row: 2, measureId: 'fast-kontaktperson', childKey: 'barn-1', start: '2025-01-01', end: '2025-03-31', cost: 1000 }]);
  });

  it('drops CPR, name, address, phone and e-mail columns, and tells children apart by the CPR number without keeping it', async () => {
    const read = await readWritten(
      'eksport.csv',
      csv(
        'CPR-nr.;Fornavn;Efternavn;Barnets navn;Adresse;Postnr. og by;Telefon;E-mail;Indsatsnavn;Indsats;Startdato',
        '010203-1234;Ida;Hansen;Ida Hansen;Vej 1;9999 By;12345678;ida@example.org;Kontakt;fast-kontaktperson;01-02-2024',
        '0102031234;Ida;Hansen;Ida Hansen;Vej 1;9999 By;12345678;ida@example.org;Kontakt;familiebehandling;01-03-2024',
        '020304-5678;Bo;Jensen;Bo Jensen;Vej 2;9999 By;87654321;bo@example.org;Kontakt;familiebehandling;01-03-2024',
      ),
    );
    expect(read.droppedColumns).toEqual(['CPR-nr.', 'Fornavn', 'Efternavn', 'Barnets navn', 'Adresse', 'Postnr. og by', 'Telefon', 'E-mail']);
    const keys = read.allocations.map((allocation) => allocation.childKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(JSON.stringify(read)).not.toMatch(/0102031234|010203|Hansen|Vej 1|12345678|example\.org/u);
  });

  it('a configured column that is personal data is refused, unless it is the child column', async () => {
    const export_ = csv('CPR;Navn;Indsats;Startdato', '010203-1234;Ida Hansen;familiebehandling;01-02-2024');
    const error = await usageError(readWritten('eksport.csv', export_, { kolonner: { indsats: 'Navn' } }));
    expect(error.message).toBe('»eksport.csv«: kolonnen »Navn« (opfoelgning.kolonner.indsats) ligner personoplysninger og bliver ikke læst');
    const read = await readWritten('eksport.csv', export_, { kolonner: { barn: 'CPR' } });
    expect(read.allocations[0]?.childKey).toBe('barn-1');
    expect(read.droppedColumns).toEqual(['CPR', 'Navn']);
  });
});

describe('reading the export: mapping rows to measures', () => {
  const header = 'Indsats;Ydelseskode;Paragraf;Startdato';
  it.each([
    ['by id', 'Fast-Kontaktperson;;;01-02-2024', 'fast-kontaktperson'],
    ['by a configured code', ';KON-01;;01-02-2024', 'fast-kontaktperson'],
    ['by a code that is a measure id', ';familiebehandling;;01-02-2024', 'familiebehandling'],
    ['by the paragraph, Barnets Lov by default', ';;§ 32, stk. 1, nr. 2;01-02-2024', 'praktisk-paedagogisk-stoette'],
    ['by the paragraph with the law named', ';;Barnets Lov § 32, stk. 1, nr. 7;01-02-2024', 'stoetteophold-aflastning'],
    ['by the paragraph without »§«', ';;32, stk. 1, nr. 5;01-02-2024', 'familiebehandling'],
    ['by the paragraph in another law', ';;SEL § 84, stk. 1;01-02-2024', 'afloesning-og-aflastning-handicap'],
    ['by the paragraph when the code is unknown', ';ZZZ;§ 32, stk. 1, nr. 3;01-02-2024', 'fast-kontaktperson'],
  ])('maps a row %s', async (_how, line, id) => {
    const read = await readWritten('eksport.csv', csv(header, line), CODES);
    expect(read.problems).toEqual([]);
    expect(read.allocations.map((allocation) => allocation.measureId)).toEqual([id]);
  });

  it('a paragraph that several measures cite is a row problem', async () => {
    const read = await readWritten('eksport.csv', csv(header, ';;§ 46, stk. 1;01-02-2024'));
    expect(read.problems).toEqual([
      {
        row: 2,
        column: 'Paragraf',
        message:
          'flere indsatser har denne hjemmel (»anbringelse-i-plejefamilie«, »anbringelse-paa-doegninstitution«); angiv indsatsen med en ydelseskode i »opfoelgning.koder«',
      },
    ]);
  });

  it('counts unmapped rows per code, most rows first', async () => {
    const read = await readWritten('eksport.csv', csv(header, ';XYZ-99;;01-02-2024', ';ABC-1;;01-02-2024', ';XYZ-99;;01-03-2024', ';;§ 75;01-02-2024'), CODES);
    expect(read.unmapped).toEqual([
      { code: 'XYZ-99', rows: 2 },
      { code: 'ABC-1', rows: 1 },
      { code: '§ 75', rows: 1 },
    ]);
    expect(read).toMatchObject({ totalRows: 4, allocations: [], problems: [] });
  });

  it('a code configured to a measure that does not exist is a row problem', async () => {
    const read = await readWritten('eksport.csv', csv(header, ';GL-01;;01-02-2024'), { koder: { 'GL-01': 'nedlagt-indsats' } });
    expect(read.problems[0]?.message).toBe('koden er i »opfoelgning.koder« oversat til »nedlagt-indsats«, som ikke er en foranstaltning i serviceniveauet');
  });
});

describe('reading the export: where the file is', () => {
  const options = (cwd: string) => ({ cwd, config: {}, measures: MEASURES, register: REGISTER });

  it('refuses a file inside the repository’s working tree before reading it', async () => {
    const error = await usageError(readExport('policies/eksport.csv', options(REPO_ROOT)));
    expect(error.message).toMatch(/^»policies\/eksport\.csv« ligger inde i repositoriet \(.+\) og bliver ikke læst$/u);
    expect(error.hint).toContain('personoplysninger');
  });

  it('refuses a file in a repository outside /work, also from a subfolder and through a link', async () => {
    const root = fakeRepository();
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'eksport.csv'), csv('Indsats;Startdato'));
    await usageError(readExport('../data/eksport.csv', options(join(root, 'policies'))));
    const outside = outsideFolder();
    symlinkSync(join(root, 'data', 'eksport.csv'), join(outside, 'link.csv'));
    const error = await usageError(readExport(join(outside, 'link.csv'), options(root)));
    expect(error.message).toContain('ligger inde i repositoriet');
  });

  it('without git, the folder holding policies/ is the repository', async () => {
    const root = outsideFolder();
    mkdirSync(join(root, 'policies', 'boern-og-unge'), { recursive: true });
    writeFileSync(join(root, 'eksport.csv'), csv('Indsats;Startdato'));
    await usageError(readExport('../../eksport.csv', options(join(root, 'policies', 'boern-og-unge'))));
  });

  it('refuses a folder and a file that does not exist', async () => {
    const folder = outsideFolder();
    mkdirSync(join(folder, 'mappe.csv'));
    expect((await usageError(readExport('mappe.csv', options(folder)))).message).toBe('»mappe.csv« er en mappe, ikke en almindelig fil, og bliver ikke læst');
    expect((await usageError(readExport('mangler.csv', options(folder)))).message).toBe('»mangler.csv« findes ikke');
  });

  it('an empty file is an error', async () => {
    expect((await usageError(readWritten('eksport.csv', ''))).message).toBe('»eksport.csv« er tom');
  });
});

describe('the example export', () => {
  it('is Windows-1252 with »;«, the same every run, and reads without problems with its config', async () => {
    const bytes = exampleExport();
    expect(exampleExport().equals(bytes)).toBe(true);
    expect(bytes.includes(Buffer.from('Fødselsdato', 'latin1'))).toBe(true);
    const read = await readWritten('eksport.csv', bytes, EXAMPLE_CONFIG, EXAMPLE_MEASURES);
    expect(read.droppedColumns).toEqual(['CPR-nr.', 'Barnets navn', 'Adresse']);
    expect(read.problems).toEqual([]);
    expect(read.totalRows).toBe(400);
    expect(read.skippedRows).toBe(2);
    expect(read.allocations.length).toBeGreaterThan(390);
    expect(read.unmapped.map((code) => code.code)).toEqual(['XYZ-99']);
    expect(read.allocations.every((allocation) => allocation.start >= '2024-01-01' && allocation.start <= '2025-12-31')).toBe(true);
  });
});
