import { danishDate } from '../../law/register.js';

/** An ISO date (or date-time) the Danish way: »11. februar 2025«. Taken from the text as written, so no time zone moves the day; anything else is shown as written. */
export function formatDanishDate(iso: string): string {
  const date = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])/.exec(iso)?.[0];
  return date ? danishDate(date) : iso;
}

/** Like formatDanishDate, for a date that may be missing. */
export function danishDateOf(iso: string | undefined): string | undefined {
  return iso ? formatDanishDate(iso) : undefined;
}

/** A whole number the Danish way: 1.000. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A measure's age range with an en dash: »0–17 år«. */
export function ageText(alder: { fra?: unknown; til?: unknown } | undefined): string | undefined {
  return typeof alder?.fra === 'number' && typeof alder.til === 'number' ? `${alder.fra}–${alder.til} år` : undefined;
}

/** A commit as people quote it: its first seven characters. */
export function shortCommit(commit: string | undefined): string | undefined {
  return commit?.slice(0, 7);
}
