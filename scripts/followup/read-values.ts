import type { ScopeUnit } from './model.js';

/** A cell as read from CSV (always text) or XLSX (text, number, boolean or a date cell). */
export type Cell = string | number | boolean | Date | undefined;

/** Whether a cell holds nothing but white space. */
export function isBlank(cell: Cell): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const DANISH_DATE = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;
/** Excel's day 0 is 30 December 1899 (the 1900 leap-year bug is behind every serial after February 1900). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** An ISO date (YYYY-MM-DD) from a Danish or ISO date text, an Excel date cell or an Excel day serial; undefined when it is none. */
export function parseDate(cell: Cell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return undefined;
    const date = new Date(EXCEL_EPOCH + Math.floor(cell) * DAY);
    return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  const danish = DANISH_DATE.exec(text);
  if (danish) return isoOf(Number(danish[4]), Number(danish[3]), Number(danish[1]));
  const iso = ISO_DATE.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/** The date as YYYY-MM-DD when it exists in the calendar (no 31 April), else undefined. */
function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const THOUSANDS_DANISH = /^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u;
const DECIMAL_COMMA = /^[-+]?\d+(?:,\d+)?$/u;
const THOUSANDS_ENGLISH = /^[-+]?\d{1,3}(?:,\d{3})+\.\d+$/u;
const DECIMAL_POINT = /^[-+]?(?:\d+|\d*\.\d+)$/u;
const CURRENCY = /^(?:kr\.?|dkk)|(?:kr\.?|dkk|,-|\.-)$/giu;

/**
 * A number from a cell: Danish »1.234,50«, »2,5«, »1.234,-« and »kr. 450«, English »1,234.50« and »2.5«, or an
 * XLSX number. »1.234« is read the Danish way (one thousand two hundred and thirty-four), and »1,234« too (1.234).
 */
export function parseNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.replace(/[\s\u00A0\u202F]+/gu, '').replace(CURRENCY, '');
  if (text === '') return undefined;
  if (THOUSANDS_DANISH.test(text)) return Number(text.replaceAll('.', '').replace(',', '.'));
  if (DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  if (THOUSANDS_ENGLISH.test(text)) return Number(text.replaceAll(',', ''));
  if (DECIMAL_POINT.test(text)) return Number(text);
  return undefined;
}

/** An age in whole years from a number or »7 år«; undefined unless it is between 0 and 120. */
export function parseAge(cell: Cell): number | undefined {
  const text = typeof cell === 'string' ? cell.trim().toLowerCase() : undefined;
  const value = parseNumber(text?.endsWith('år') ? text.slice(0, -2) : cell);
  if (value === undefined || value < 0 || value > 120) return undefined;
  return Math.floor(value);
}

/** Whole years from a birth date to a date, both ISO. */
export function ageAt(birth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) < birth.slice(5) ? years - 1 : years;
}

type Quantity = 'timer' | 'døgn' | 'sessioner' | 'samtaler';
type Per = 'uge' | 'måned' | 'i alt';

/** A unit read from an export, as far as it says: what is counted, and per what. */
export interface ExportUnit {
  quantity?: Quantity;
  per?: Per;
}

const FRAME_UNITS: Record<ScopeUnit, Required<ExportUnit>> = {
  'timer om ugen': { quantity: 'timer', per: 'uge' },
  'timer om måneden': { quantity: 'timer', per: 'måned' },
  'døgn om måneden': { quantity: 'døgn', per: 'måned' },
  'sessioner om ugen': { quantity: 'sessioner', per: 'uge' },
  'samtaler i alt': { quantity: 'samtaler', per: 'i alt' },
};

/** »timer om ugen«, »t/uge«, »timer pr. md.«, »døgn/måned«, »sessioner ugentligt«, »samtaler i alt«; undefined when nothing is recognised. */
export function parseUnit(text: string): ExportUnit | undefined {
  const lower = text.toLowerCase().normalize('NFC');
  const unit: ExportUnit = {};
  if (/tim|(?:^|[^\p{L}])t(?:$|[^\p{L}])|hour/u.test(lower)) unit.quantity = 'timer';
  else if (/døgn|doegn|nætter|naetter|overnatning/u.test(lower)) unit.quantity = 'døgn';
  else if (/session/u.test(lower)) unit.quantity = 'sessioner';
  else if (/samtale/u.test(lower)) unit.quantity = 'samtaler';
  if (/uge|week|(?:^|[^\p{L}])u(?:$|[^\p{L}])/u.test(lower)) unit.per = 'uge';
  else if (/måned|maaned|mdr|(?:^|[^\p{L}])md|month|mnd/u.test(lower)) unit.per = 'måned';
  else if (/i alt|total|samlet|forløb|forloeb/u.test(lower)) unit.per = 'i alt';
  return unit.quantity || unit.per ? unit : undefined;
}

const WEEKS_PER_MONTH = 52 / 12;

/**
 * A scope in the frame's unit: the export's unit where it says one, else the frame's (a »Timer« column with no unit is
 * taken to be in the frame's unit). Week ↔ month by 52/12; other units (hours against days, a total) do not convert.
 */
export function convertScope(value: number, from: ExportUnit | undefined, to: ScopeUnit | undefined): number | undefined {
  if (!to) return undefined;
  const target = FRAME_UNITS[to];
  const quantity = from?.quantity ?? target.quantity;
  const per = from?.per ?? target.per;
  if (quantity !== target.quantity) return undefined;
  if (per === target.per) return value;
  if (per === 'uge' && target.per === 'måned') return round(value * WEEKS_PER_MONTH);
  if (per === 'måned' && target.per === 'uge') return round(value / WEEKS_PER_MONTH);
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
