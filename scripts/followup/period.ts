import { danishDate } from '../law/register.js';

// Periods and calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone moves a day.

/** A stretch of calendar days, both ends included, as ISO dates. */
export interface Period {
  from: string;
  to: string;
  /** How the report names it: »2025« for a calendar year, else »1. januar 2025 – 30. juni 2025«. */
  label: string;
}

/** The report's period and, with two `--periode`, the one it is compared with. */
export interface Periods {
  current: Period;
  previous?: Period;
}

/** A calendar year as a period. */
export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: String(year) };
}

/** Two dates as a period; a whole calendar year is named by its year. */
export function datePeriod(from: string, to: string): Period {
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return yearPeriod(Number(year));
  return { from, to, label: `${danishDate(from)} – ${danishDate(to)}` };
}

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The day after a date. */
export function nextDay(iso: string): string {
  return fromTime(toTime(iso) + 86_400_000);
}

/** The period's end as an instant: the start of the day after its last day. */
export function periodEnd(period: Period): string {
  let end = periodEnds.get(period.to);
  if (end === undefined) periodEnds.set(period.to, (end = nextDay(period.to)));
  return end;
}

const periodEnds = new Map<string, string>();

/** A date moved by whole calendar months; a day past the end of the month lands on its last day (31 January + 1 = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  // 100,000 allocations share a few thousand dates: each date and step is computed once.
  const key = `${iso}|${months}`;
  let moved = movedDates.get(key);
  if (moved === undefined) movedDates.set(key, (moved = computeAddMonths(iso, months)));
  return moved;
}

const movedDates = new Map<string, string>();

function computeAddMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromTime(target.getTime());
}

/**
 * Months from one date to a later one, in calendar months: the whole months that fit, plus the rest as a fraction of
 * the month it falls in. 15 January to 15 April is 3; 1 January to 16 January is 15/31.
 */
export function monthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const key = `${from}|${to}`;
  let months = spans.get(key);
  if (months === undefined) spans.set(key, (months = computeMonthsBetween(from, to)));
  return months;
}

const spans = new Map<string, number>();

function computeMonthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  let whole = (toYear - fromYear) * 12 + toMonth - fromMonth;
  if (addMonths(from, whole) > to) whole--;
  const base = addMonths(from, whole);
  const next = addMonths(from, whole + 1);
  return whole + (toTime(to) - toTime(base)) / (toTime(next) - toTime(base));
}

/** Whether an allocation running [start, end) — open-ended without an end — overlaps the period. */
export function overlaps(start: string, end: string | undefined, period: Period): boolean {
  return start <= period.to && (end === undefined || end > period.from);
}
