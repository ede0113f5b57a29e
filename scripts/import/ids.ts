import { withoutSectionNumber } from './labels.js';

/** The longest id `new foranstaltning` and the schema allow. */
const MAX_ID_LENGTH = 80;

/** An id from a title: lowercase ASCII, æ→ae, ø→oe, å→aa, other letters without their accents, everything else a hyphen. */
export function idFromTitle(title: string, fallback = 'foranstaltning'): string {
  const slug = title
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  return cut(trimHyphens(slug), fallback);
}

/** The slug within the length limit, cut at a hyphen where one is near. */
function cut(slug: string, fallback: string): string {
  if (slug.length <= MAX_ID_LENGTH) return slug || fallback;
  const head = slug.slice(0, MAX_ID_LENGTH + 1);
  const boundary = head.lastIndexOf('-');
  return trimHyphens(boundary > 20 ? head.slice(0, boundary) : head.slice(0, MAX_ID_LENGTH));
}

/** Without hyphens at either end (a loop: /^-+|-+$/ rescans every run of hyphens). */
function trimHyphens(slug: string): string {
  let start = 0;
  let end = slug.length;
  while (start < end && slug[start] === '-') start++;
  while (end > start && slug[end - 1] === '-') end--;
  return slug.slice(start, end);
}

/** Ids for titles in order, unique: the second »Aflastning« becomes »aflastning-2«, the third »aflastning-3«. */
export function uniqueIds(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = idFromTitle(withoutSectionNumber(title));
    let id = base;
    for (let n = 2; taken.has(id); n++) {
      const suffix = `-${n}`;
      id = `${trimHyphens(base.slice(0, MAX_ID_LENGTH - suffix.length))}${suffix}`;
    }
    taken.add(id);
    return id;
  });
}
