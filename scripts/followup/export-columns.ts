import { UsageError } from '../errors.js';
import { CONFIG_FILE_NAME } from '../layout.js';
import { findMojibakeRuns } from '../load/mojibake.js';
import type { OpfoelgningConfig } from './model.js';
import { parseDate, parseNumber, type Cell } from './read-values.js';

/** What a column of the export can hold, by its key under `opfoelgning.kolonner`. */
export type ColumnKey = keyof NonNullable<OpfoelgningConfig['kolonner']>;

/** The headers each key is found by when the config does not name one: the Danish name first, then common synonyms. */
export const COLUMN_SYNONYMS: Record<ColumnKey, readonly string[]> = {
  indsats: ['Indsats', 'Indsats-id', 'Foranstaltning', 'Foranstaltnings-id', 'Indsatstype', 'Foranstaltningstype'],
  kode: ['Ydelseskode', 'Ydelse', 'Kode', 'Indsatskode', 'Foranstaltningskode', 'Ydelsesnummer', 'Ydelsestype'],
  paragraf: ['Paragraf', 'Lovhjemmel', 'Hjemmel', 'Lovparagraf', 'Bevillingsparagraf', '§'],
  barn: ['Sagsnr', 'Sagsnummer', 'Sags-id', 'Barn-id', 'Barnets id', 'Barn'],
  alder: ['Alder', 'Alder ved start', 'Alder ved bevilling', 'Barnets alder'],
  foedselsdato: ['Fødselsdato', 'Født', 'Foedselsdato'],
  start: ['Startdato', 'Start', 'Bevilget fra', 'Fra', 'Fra dato', 'Bevillingsstart', 'Gyldig fra', 'Ikrafttrædelse'],
  slut: ['Slutdato', 'Slut', 'Bevilget til', 'Til', 'Til dato', 'Ophørsdato', 'Ophør', 'Bevillingsslut', 'Gyldig til'],
  omfang: ['Timer', 'Omfang', 'Antal', 'Antal timer', 'Bevilget omfang', 'Timer pr. uge', 'Timer pr. måned', 'Døgn pr. måned', 'Mængde'],
  omfangEnhed: ['Enhed', 'Omfangsenhed', 'Omfang enhed', 'Enhed for omfang', 'Tidsenhed'],
  udgift: ['Udgift', 'Beløb', 'Bevilget beløb', 'Udgift i alt', 'Pris', 'Kroner', 'Kr.', 'Omkostning'],
  senesteOpfoelgning: ['Opfølgning', 'Seneste opfølgning', 'Senest opfulgt', 'Opfølgningsdato', 'Dato for opfølgning', 'Sidste opfølgning'],
};

export const COLUMN_KEYS = Object.keys(COLUMN_SYNONYMS) as ColumnKey[];

/** The headers of the export as read, and which column each key reads (by index). */
export interface ExportColumns {
  headers: string[];
  index: Partial<Record<ColumnKey, number>>;
  /** A CPR column, HMAC'ed into the child key when there is no `barn` column. */
  cpr?: number;
  dropped: string[];
}

/** A header compared: lower case, letters, digits and »§« only (»Sags-nr.« = »sagsnr«). */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}§]+/gu, '');
}

const NAME_WORDS = new Set([
  'navn',
  'navne',
  'navnet',
  'fornavn',
  'fornavne',
  'efternavn',
  'mellemnavn',
  'kaldenavn',
  'name',
  'firstname',
  'lastname',
  'fullname',
]);
const ADDRESS_WORDS = new Set([
  'adresse',
  'adr',
  'address',
  'vej',
  'vejnavn',
  'gade',
  'husnr',
  'husnummer',
  'postnr',
  'postnummer',
  'bopæl',
  'bopael',
  'by',
  'street',
]);

/** Why a header is personal data (CPR, name, address, phone, e-mail), or undefined. */
export function personalDataKind(header: string): 'cpr' | 'other' | undefined {
  const lower = header.normalize('NFC').toLowerCase();
  const key = headerKey(header);
  if (/cpr|personn(?:umme)?r|personnr/u.test(key) || key === 'pnr') return 'cpr';
  const words = lower.split(/[^\p{L}]+/u).filter(Boolean);
  if (words.some((word) => NAME_WORDS.has(word) || word.endsWith('fornavn') || word.endsWith('efternavn'))) return 'other';
  if (words.some((word) => ADDRESS_WORDS.has(word) || word.endsWith('adresse') || word.endsWith('vejnavn'))) return 'other';
  if (words.some((word) => /^(?:telefon|tlf|mobil|phone)/u.test(word))) return 'other';
  if (/e-?mail|^mail$|mailadresse/u.test(lower)) return 'other';
  return undefined;
}

const MAX_LISTED = 30;

/** The headers as a list for a message: each in »…«, shortened, at most 30. */
function listHeaders(headers: readonly string[]): string {
  const shown = headers.filter((header) => header.trim() !== '').slice(0, MAX_LISTED);
  const listed = shown.map((header) => `»${header.length > 40 ? `${header.slice(0, 39)}…` : header}«`).join(', ');
  return headers.length > MAX_LISTED ? `${listed} og ${headers.length - MAX_LISTED} flere` : listed || '(ingen)';
}

/** Whether a row read as headers holds data instead: a date, a number or a run of digits, as a CPR number is. */
function looksLikeData(cells: readonly Cell[]): boolean {
  return cells.some(
    (cell) =>
      cell instanceof Date ||
      typeof cell === 'number' ||
      (typeof cell === 'string' && (parseDate(cell) !== undefined || parseNumber(cell) !== undefined || /\d{6}/u.test(cell))),
  );
}

/**
 * Resolves which column holds what, from the header row: the config's names, else the Danish names and synonyms.
 * Personal-data columns are dropped (listed by header); a configured column that is missing, or that is personal data,
 * stops the run with the headers found. Header texts may be listed in messages; a row that looks like data never is.
 */
export function resolveColumns(headerCells: readonly Cell[], config: OpfoelgningConfig, display: string, row: number): ExportColumns {
  if (looksLikeData(headerCells)) {
    throw new UsageError(
      `»${display}«: række ${row} ligner data og ikke kolonneoverskrifter`,
      'Eksporten skal have én række med overskrifter øverst, fx »Ydelseskode«, »Startdato« og »Slutdato«. Eksportér igen med overskrifter.',
    );
  }
  const headers = headerCells.map((cell) => (typeof cell === 'string' ? cell.replace(/^\uFEFF/u, '').trim() : ''));
  refuseGarbledHeaders(headers, display, row);
  const keys = headers.map(headerKey);
  const dropped: string[] = [];
  let cpr: number | undefined;
  const personal = new Set<number>();
  headers.forEach((header, position) => {
    const kind = personalDataKind(header);
    if (!kind) return;
    personal.add(position);
    dropped.push(header);
    if (kind === 'cpr' && cpr === undefined) cpr = position;
  });
  const index: Partial<Record<ColumnKey, number>> = {};
  const taken = new Set<number>();
  const configured = config.kolonner ?? {};
  for (const key of COLUMN_KEYS) {
    const name = configured[key];
    if (name === undefined) continue;
    const wanted = headerKey(name);
    const position = keys.findIndex((candidate) => candidate === wanted);
    if (position === -1) {
      throw new UsageError(
        `»${display}«: kolonnen »${name}« (opfoelgning.kolonner.${key} i konfigurationen) findes ikke i overskrifterne i række ${row}`,
        `Overskrifterne i filen er: ${listHeaders(headers)}. Ret »opfoelgning.kolonner.${key}« i ${CONFIG_FILE_NAME}, så den svarer til en af dem.${oneColumnHint(headers)}`,
      );
    }
    if (personal.has(position) && key !== 'barn') {
      throw new UsageError(
        `»${display}«: kolonnen »${headers[position]}« (opfoelgning.kolonner.${key}) ligner personoplysninger og bliver ikke læst`,
        'CPR-nummer, navn, adresse, telefon og e-mail læses aldrig. Peg »opfoelgning.kolonner« på en kolonne med selve oplysningen.',
      );
    }
    if (personal.has(position)) cpr = position;
    else index[key] = position;
    taken.add(position);
  }
  for (const key of COLUMN_KEYS) {
    if (configured[key] !== undefined) continue;
    const position = COLUMN_SYNONYMS[key]
      .map(headerKey)
      .map((wanted) => keys.findIndex((candidate, at) => candidate === wanted && !taken.has(at) && !personal.has(at)))
      .find((at) => at !== -1);
    if (position === undefined) continue;
    index[key] = position;
    taken.add(position);
  }
  if (index.start === undefined) {
    throw new UsageError(
      `»${display}«: der er ingen kolonne med bevillingens startdato i overskrifterne i række ${row}`,
      `Overskrifterne i filen er: ${listHeaders(headers)}. Kald kolonnen »Startdato« eller »Bevilget fra«, eller angiv den i »opfoelgning.kolonner.start« i ${CONFIG_FILE_NAME}.${oneColumnHint(headers)}`,
    );
  }
  if (index.indsats === undefined && index.kode === undefined && index.paragraf === undefined) {
    throw new UsageError(
      `»${display}«: der er ingen kolonne med indsatsen (id, ydelseskode eller paragraf) i overskrifterne i række ${row}`,
      `Overskrifterne i filen er: ${listHeaders(headers)}. Kald kolonnen »Indsats«, »Ydelseskode« eller »Paragraf«, eller angiv den i »opfoelgning.kolonner« i ${CONFIG_FILE_NAME}.${oneColumnHint(headers)}`,
    );
  }
  return { headers, index, ...(cpr !== undefined ? { cpr } : {}), dropped };
}

function oneColumnHint(headers: readonly string[]): string {
  return headers.length <= 1
    ? ' Filen har kun én kolonne: den er måske gemt med et andet skilletegn end semikolon, komma eller tabulator; gem den igen fra Excel som »CSV (semikolonsepareret)«.'
    : '';
}

/** Headers with »Ã¸« for »ø« or the replacement character U+FFFD: the file was saved with the wrong character set, and its letters cannot be trusted. */
function refuseGarbledHeaders(headers: readonly string[], display: string, row: number): void {
  for (const header of headers) {
    const run = findMojibakeRuns(header)[0];
    if (!run && !header.includes('\uFFFD')) continue;
    throw new UsageError(
      `»${display}«: overskriften »${header}« i række ${row} er gemt med forkert tegnsæt${run ? ` (»${run.found}« for »${run.expected}«)` : ''}`,
      'Filen er sandsynligvis åbnet og gemt igen med et andet tegnsæt end det, den blev skrevet i. Eksportér den igen fra fagsystemet, eller gem den fra Excel som »CSV UTF-8« eller »CSV (semikolonsepareret)«.',
    );
  }
}
