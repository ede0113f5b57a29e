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
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID_LENGTH) return slug || fallback;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 20 ? cut.slice(0, boundary) : cut.slice(0, MAX_ID_LENGTH)).replace(/-+$/g, '');
}

/** Ids for titles in order, unique: the second »Aflastning« becomes »aflastning-2«, the third »aflastning-3«. */
export function uniqueIds(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = idFromTitle(title);
    let id = base;
    for (let n = 2; taken.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/g, '')}${suffix}`;
    }
    taken.add(id);
    return id;
  });
}
