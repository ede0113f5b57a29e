import { extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseCsv } from 'csv-parse';
import { UsageError } from '../errors.js';
import { readBounded } from '../load/read-bounded.js';
import { resolveColumns, type ColumnKey, type ExportColumns } from './export-columns.js';
import { createMeasureMapper } from './map-measure.js';
import type { Allocation, MeasureRef, ReadExport, ReadExportOptions, RowProblem, ScopeUnit } from './model.js';
import { refuseInsideRepository } from './outside-repository.js';
import { ageAt, convertScope, isBlank, parseAge, parseDate, parseNumber, parseUnit, type Cell, type ExportUnit } from './read-values.js';

/** An export is refused above this size, before a byte is read: 100,000 allocations are about 15 MB as CSV. */
export const EXPORT_LIMIT = 200 * 1024 * 1024;

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const FORMAT_HINT = 'Gem eksporten fra fagsystemet eller Excel som »CSV (semikolonsepareret)« (.csv) eller som »Excel-projektmappe« (.xlsx).';

/**
 * Reads an export of allocations (CSV or XLSX) from outside the repository: maps every row to a measure, drops the
 * personal-data columns, and returns the allocations with the rows that could not be read. A file that cannot be used
 * at all is a UsageError (exit 2). No cell value ever reaches a message.
 */
export async function readExport(file: string, options: ReadExportOptions): Promise<ReadExport> {
  const extension = extname(file).toLowerCase();
  if (!CSV_EXTENSIONS.has(extension) && extension !== '.xlsx') {
    const old = extension === '.xls' || extension === '.ods';
    throw new UsageError(
      old
        ? `»${file}« er i formatet ${extension}, som opfoelgning ikke læser`
        : `»${file}« er hverken en CSV-fil (.csv) eller en Excel-fil (.xlsx)${extension ? ` men ${extension}` : ''}`,
      FORMAT_HINT,
    );
  }
  refuseInsideRepository(file, options.cwd, 'læst');
  const bytes = readBounded(resolve(options.cwd, file), {
    display: file,
    limit: EXPORT_LIMIT,
    hint: 'Angiv eksporten som en almindelig fil under 200 MB.',
  });
  const reader = createRowReader(file, options);
  if (extension === '.xlsx') await readXlsx(bytes, file, options.config.ark, reader.add);
  else await readCsv(bytes, file, reader.add);
  return reader.finish();
}

/** One row of cells and its number as a spreadsheet shows it. */
type AddRow = (cells: Cell[], row: number) => void;

/** Decodes CSV bytes: a UTF-8 or UTF-16 byte order mark, else UTF-8 when valid, else Windows-1252 (Excel's »CSV« on Danish Windows). */
export function decodeCsv(bytes: Uint8Array, display: string): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new UsageError(
      `»${display}« er en Excel- eller zip-fil, ikke en CSV-fil`,
      'Omdøb filen til .xlsx, hvis det er en Excel-projektmappe, eller gem den som CSV.',
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(withoutBom);
  } catch {
    text = new TextDecoder('windows-1252').decode(withoutBom);
  }
  if (text.includes('\u0000')) {
    throw new UsageError(`»${display}« indeholder binære data og er ikke en CSV-fil`, FORMAT_HINT);
  }
  return text;
}

/** The delimiter the header line uses most, outside quotes: semicolon, comma or tab. */
export function sniffDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (counts[';'] + counts[','] + counts['\t'] > 0) break;
    } else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char]++;
  }
  if (counts['\t'] >= counts[';'] && counts['\t'] >= counts[','] && counts['\t'] > 0) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'et anførselstegn (") bliver ikke lukket',
  CSV_INVALID_CLOSING_QUOTE: 'et anførselstegn (") står midt i en celle',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'rækken har et andet antal celler end overskrifterne',
};

/** The decoded text in pieces of 1 MiB for the streaming parser. */
function* piecesOf(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += 1 << 20) yield text.slice(at, at + (1 << 20));
}

async function readCsv(bytes: Uint8Array, display: string, add: AddRow): Promise<void> {
  const text = decodeCsv(bytes, display);
  let row = 0;
  try {
    // Streamed: the parser holds a piece of the text and the records not yet handled, never all of them at once.
    await pipeline(
      Readable.from(piecesOf(text)),
      parseCsv({ delimiter: sniffDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
      async (records: AsyncIterable<string[]>) => {
        for await (const record of records) add(record, ++row);
      },
    );
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    const { code = '', records = 0 } = cause as { code?: string; records?: number };
    // The parser's own message can quote the file's text, so only its code and count of records are used.
    throw new UsageError(
      `»${display}« kan ikke læses som CSV: ${CSV_ERRORS[code] ?? 'filen er ikke gyldig CSV'} (efter række ${Math.max(row, records)})`,
      'Gem filen igen fra Excel som »CSV (semikolonsepareret)«, eller ret rækken i Excel.',
      { cause: new Error(code) },
    );
  }
}

/** An exceljs cell value as a Cell: formulas by their result, rich text and links by their text, errors as empty. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in object) return cellOf(object.result);
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if ('text' in object) return cellOf(object.text);
  }
  return undefined;
}

async function readXlsx(bytes: Buffer, display: string, sheetName: string | undefined, add: AddRow): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new UsageError(
      `»${display}« kan ikke læses som en Excel-fil (.xlsx)`,
      'Åbn filen i Excel og gem den igen som »Excel-projektmappe« (.xlsx), eller gem den som CSV.',
      {
        cause: new Error((cause as Error).name),
      },
    );
  }
  const sheets = workbook.worksheets;
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((candidate) => candidate.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
  if (!sheet) {
    throw new UsageError(
      sheetName === undefined ? `»${display}« har ingen regneark` : `»${display}« har intet regneark, der hedder »${sheetName}«`,
      `Arkene i filen er: ${sheets.map((candidate) => `»${candidate.name}«`).join(', ') || '(ingen)'}. Ret »opfoelgning.ark« i konfigurationen.`,
    );
  }
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    for (let column = 1; column < values.length; column++) cells.push(cellOf(values[column]));
    add(cells, number);
  });
}

const TOTAL_WORDS = new Set(['i alt', 'ialt', 'total', 'totalt', 'sum', 'i alt:', 'total:', 'sum:', 'hovedtotal', 'subtotal', 'samlet', 'grand total']);

function isTotalRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) {
    if (typeof cell === 'string' && cell.length <= 14 && TOTAL_WORDS.has(cell.trim().toLowerCase())) return true;
  }
  return false;
}

const DATE_HINT = 'forventet dd-mm-åååå, dd.mm.åååå, dd/mm/åååå eller åååå-mm-dd';

/** The row-by-row reader: the first non-empty row is the header, every later one an allocation, a problem or skipped. */
function createRowReader(file: string, { config, measures, register }: ReadExportOptions) {
  const mapMeasure = createMeasureMapper(measures, config, register);
  const unitOf = new Map<string, ScopeUnit | undefined>(measures.map((measure: MeasureRef) => [measure.id, measure.omfangEnhed]));
  // Children get a pseudonym in the order they are met: it tells them apart within this run and means nothing outside it.
  const childKeys = new Map<string, string>();
  const unitCache = new Map<string, ExportUnit | undefined>();
  // An export has a few hundred distinct dates among its 100,000 rows: each text is read once.
  const dateCache = new Map<string, string | undefined>();
  const allocations: Allocation[] = [];
  const problems: RowProblem[] = [];
  const unmapped = new Map<string, number>();
  let columns: ExportColumns | undefined;
  let index: Partial<Record<ColumnKey, number>> = {};
  let headerUnit: ExportUnit | undefined;
  let totalRows = 0;
  let skippedRows = 0;
  let cells: Cell[] = [];
  let row = 0;

  const childKeyOf = (raw: string): string => {
    let key = childKeys.get(raw);
    if (key === undefined) {
      key = `barn-${childKeys.size + 1}`;
      childKeys.set(raw, key);
    }
    return key;
  };
  const dateOf = (value: Cell): string | undefined => {
    if (typeof value !== 'string') return parseDate(value);
    let date = dateCache.get(value);
    if (date === undefined && !dateCache.has(value)) {
      date = parseDate(value);
      if (dateCache.size > 50_000) dateCache.clear();
      dateCache.set(value, date);
    }
    return date;
  };
  const cell = (key: ColumnKey): Cell => {
    const position = index[key];
    return position === undefined ? undefined : cells[position];
  };
  const text = (key: ColumnKey): string | undefined => {
    const value = cell(key);
    if (value === undefined) return undefined;
    const written = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
    return written === '' ? undefined : written;
  };
  const problem = (key: ColumnKey, message: string): void => {
    const column = columns!.headers[index[key]!]!;
    problems.push({ row, column, message });
  };

  /** The allocation a data row holds, or nothing when it has a problem that leaves no allocation. */
  const readRow = (): Allocation | undefined => {
    const startCell = cell('start');
    const start = isBlank(startCell) ? undefined : dateOf(startCell);
    // A total row has no start date; only then is it looked for.
    if (start === undefined && isTotalRow(cells)) {
      skippedRows++;
      return undefined;
    }
    totalRows++;
    const measureCells = { indsats: text('indsats'), kode: text('kode'), paragraf: text('paragraf') };
    const mapped = mapMeasure(measureCells);
    if ('unmapped' in mapped) {
      const code = measureCells.kode ?? measureCells.indsats ?? measureCells.paragraf;
      if (code === undefined)
        problem(
          index.kode !== undefined ? 'kode' : index.indsats !== undefined ? 'indsats' : 'paragraf',
          'indsatsen mangler (ingen indsats, ydelseskode eller paragraf)',
        );
      else unmapped.set(code, (unmapped.get(code) ?? 0) + 1);
      return undefined;
    }
    if ('problem' in mapped) {
      problem(measureCells.kode !== undefined ? 'kode' : measureCells.indsats !== undefined ? 'indsats' : 'paragraf', mapped.problem);
      return undefined;
    }
    if (start === undefined) {
      problem('start', isBlank(startCell) ? 'startdatoen mangler' : `datoen kan ikke læses (${DATE_HINT})`);
      return undefined;
    }
    const allocation: Allocation = { row, measureId: mapped.id, start };
    const endCell = cell('slut');
    if (!isBlank(endCell)) {
      const end = dateOf(endCell);
      if (end === undefined) {
        problem('slut', `datoen kan ikke læses (${DATE_HINT})`);
        return undefined;
      }
      if (end < start) {
        problem('slut', 'slutdatoen ligger før startdatoen');
        return undefined;
      }
      allocation.end = end;
    }

    const child = text('barn') ?? (columns!.cpr === undefined ? undefined : cprDigits(cells[columns!.cpr]));
    if (child !== undefined) allocation.childKey = childKeyOf(child);

    const ageCell = cell('alder');
    if (!isBlank(ageCell)) {
      const age = parseAge(ageCell);
      if (age === undefined) problem('alder', 'alderen kan ikke læses som et antal år');
      else allocation.age = age;
    } else {
      const birthCell = cell('foedselsdato');
      if (!isBlank(birthCell)) {
        const birth = dateOf(birthCell);
        if (birth === undefined || birth > start) problem('foedselsdato', `fødselsdatoen kan ikke læses eller ligger efter startdatoen (${DATE_HINT})`);
        else allocation.age = ageAt(birth, start);
      }
    }

    const scopeCell = cell('omfang');
    if (!isBlank(scopeCell)) {
      const value = parseNumber(scopeCell);
      const unitText = text('omfangEnhed');
      let unit = headerUnit;
      if (unitText !== undefined) {
        if (!unitCache.has(unitText)) unitCache.set(unitText, parseUnit(unitText));
        unit = unitCache.get(unitText);
        if (unit === undefined) problem('omfangEnhed', 'enheden kan ikke læses (forventet fx »timer om ugen«, »timer om måneden« eller »døgn om måneden«)');
      }
      if (value === undefined || value < 0) problem('omfang', 'omfanget kan ikke læses som et tal');
      else if (unitText === undefined || unit !== undefined) {
        const scope = convertScope(value, unit, unitOf.get(mapped.id));
        if (scope !== undefined) allocation.scope = scope;
      }
    }

    const costCell = cell('udgift');
    if (!isBlank(costCell)) {
      const cost = parseNumber(costCell);
      if (cost === undefined) problem('udgift', 'udgiften kan ikke læses som et beløb i kroner (fx 1.234,50)');
      else allocation.cost = cost;
    }

    const followUpCell = cell('senesteOpfoelgning');
    if (!isBlank(followUpCell)) {
      const followUp = dateOf(followUpCell);
      if (followUp === undefined) problem('senesteOpfoelgning', `datoen kan ikke læses (${DATE_HINT})`);
      else allocation.lastFollowUp = followUp;
    }
    return allocation;
  };

  const add: AddRow = (rowCells, rowNumber) => {
    if (!columns) {
      if (rowCells.every(isBlank)) return;
      columns = resolveColumns(rowCells, config, file, rowNumber);
      index = columns.index;
      const scopeHeader = index.omfang === undefined ? undefined : columns.headers[index.omfang];
      headerUnit = scopeHeader ? parseUnit(scopeHeader) : undefined;
      return;
    }
    if (rowCells.every(isBlank)) {
      skippedRows++;
      return;
    }
    cells = rowCells;
    row = rowNumber;
    const allocation = readRow();
    if (allocation) allocations.push(allocation);
  };

  const finish = (): ReadExport => {
    if (!columns)
      throw new UsageError(`»${file}« er tom`, 'Eksportér bevillingerne igen; filen skal have en række med overskrifter og en række pr. bevilling.');
    return {
      file,
      totalRows,
      skippedRows,
      allocations,
      problems,
      unmapped: [...unmapped].map(([code, rows]) => ({ code, rows })).sort((a, b) => b.rows - a.rows || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
      droppedColumns: columns.dropped,
    };
  };
  return { add, finish };
}

/** A CPR cell's digits, so »010203-1234« and »0102031234« are the same child; undefined when empty. */
function cprDigits(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  const digits = String(cell).replace(/\D+/gu, '');
  return digits === '' ? undefined : digits;
}
