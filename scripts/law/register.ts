import type { Henvisning, Lovregister, Paragraf } from '../model/generated-types.js';
import { memoizeByObject } from '../memoize.js';
import { parseCitations, type Citation, type LawName } from './parse-citations.js';
import { paragraphKey } from './provision-scope.js';

/** The laws of the register with every name they may be cited by (the same array for the same register). */
export const lawNamesOf: (register: Lovregister) => LawName[] = memoizeByObject((register) =>
  register.love.map((law) => ({ id: law.id, names: [law.navn, ...law.aliaser] })),
);

/** The register entries a citation can mean: same law and paragraph, and stk./nr. where both give one. */
export function entriesFor(register: Lovregister, citation: Pick<Citation, 'law' | 'paragraf' | 'stk' | 'nr'>): Paragraf[] {
  const paragraf = paragraphKey(citation.paragraf);
  return register.paragraffer.filter(
    (entry) =>
      entry.lov === citation.law &&
      paragraphKey(entry.paragraf) === paragraf &&
      (entry.stk === undefined || citation.stk === undefined || entry.stk === citation.stk) &&
      (entry.nr === undefined || citation.nr === undefined || entry.nr === citation.nr),
  );
}

type Cited = Pick<Citation, 'law' | 'paragraf' | 'stk' | 'nr'>;

/** One `erstatter` text read: the provisions it names first (the replaced ones) and those it names after »jf.« (applied through them). */
interface ReadPredecessor {
  entry: Paragraf;
  replaced: Cited[];
  appliedThrough: Cited[];
}

const predecessorsOf = memoizeByObject((register: Lovregister): ReadPredecessor[] =>
  register.paragraffer.flatMap((entry) =>
    (entry.erstatter ?? []).map((text) => {
      const { citations } = parseCitations(text, lawNamesOf(register));
      const first = citations[0]?.span;
      return {
        entry,
        replaced: citations.filter((citation) => citation.span === first),
        appliedThrough: citations.filter((citation) => citation.span !== first),
      };
    }),
  ),
);

/** Whether two provisions can be the same: same law and paragraph, and stk./nr. where both give one. */
export function overlaps(a: Cited, b: Cited): boolean {
  return (
    a.law === b.law &&
    paragraphKey(a.paragraf) === paragraphKey(b.paragraf) &&
    (a.stk === undefined || b.stk === undefined || a.stk === b.stk) &&
    (a.nr === undefined || b.nr === undefined || a.nr === b.nr)
  );
}

/** The entries that record in `erstatter` that they replace the cited provision (the direction `erstattet_af` does not cover). */
export function successorsOf(register: Lovregister, citation: Cited): Paragraf[] {
  return unique(
    predecessorsOf(register)
      .filter((read) => read.replaced.some((old) => overlaps(old, citation)))
      .map((read) => read.entry),
  );
}

/** The entries through which a provision still in force applies to children: `erstatter` names it after »jf.«, e.g. »SEL § 44, jf. § 84, stk. 1«. */
export function appliedThroughOf(register: Lovregister, citation: Cited): Paragraf[] {
  return unique(
    predecessorsOf(register)
      .filter((read) => read.appliedThrough.some((old) => overlaps(old, citation)))
      .map((read) => read.entry),
  );
}

/** The register's references to what replaced an entry: its own `erstattet_af`, else the entries whose `erstatter` names it. */
export function replacementsOf(register: Lovregister, entry: Paragraf): Henvisning[] {
  if (entry.erstattet_af?.length) return entry.erstattet_af;
  return successorsOf(register, { law: entry.lov, paragraf: entry.paragraf, stk: entry.stk, nr: entry.nr }).map(referenceTo);
}

/** An entry as a reference, for formatCitation and entryOf. */
export function referenceTo(entry: Paragraf): Henvisning {
  return {
    lov: entry.lov,
    paragraf: entry.paragraf,
    ...(entry.stk !== undefined ? { stk: entry.stk } : {}),
    ...(entry.nr !== undefined ? { nr: entry.nr } : {}),
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Whether an entry is in force on a date (ISO strings compare as dates). */
export function inForceOn(entry: Paragraf, date: string): boolean {
  return (entry.i_kraft_fra === undefined || entry.i_kraft_fra <= date) && (entry.i_kraft_til === undefined || date <= entry.i_kraft_til);
}

/** A citation as a person writes it: »Barnets Lov § 32, stk. 1, nr. 7«. */
export function formatCitation(register: Lovregister, citation: Henvisning | Pick<Citation, 'law' | 'paragraf' | 'stk' | 'nr'>): string {
  const lawId = 'lov' in citation ? citation.lov : citation.law;
  const law = register.love.find((candidate) => candidate.id === lawId)?.navn ?? lawId ?? '';
  return `${law} § ${citation.paragraf}${citation.stk !== undefined ? `, stk. ${citation.stk}` : ''}${citation.nr !== undefined ? `, nr. ${citation.nr}` : ''}`.trim();
}

/** The entry a reference in `erstattet_af` points at, for its title. */
export function entryOf(register: Lovregister, reference: Henvisning): Paragraf | undefined {
  return entriesFor(register, { law: reference.lov, paragraf: reference.paragraf, stk: reference.stk, nr: reference.nr }).find(
    (entry) => entry.stk === reference.stk && entry.nr === reference.nr,
  );
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** An ISO date in Danish: "1. januar 2024". */
export function danishDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}. ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** The day after an ISO date, for "ophævet pr." (a provision in force to 31 December is repealed from 1 January). */
export function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
