import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';
import { memoizeByObject } from '../memoize.js';
import { packageRoot } from '../package-root.js';
import { LAW_INDEX_FOLDER, LAW_TEXT_FOLDER, type LawIndexEntry, type LawText, type LawTextParagraph } from './law-text-model.js';
import type { ParsedStk } from './parse-law-text.js';
import { paragraphKey } from './provision-scope.js';

/** A provision as a citation names it: a paragraph with optional stk. and nr. */
export interface ProvisionRef {
  paragraf: string;
  stk?: number;
  nr?: number;
}

const REGENERATE_HINT = 'Filen er en del af værktøjet: hent den igen (git checkout lovtekster/), eller kør »npm run gen«, hvis du har lagt en ny lovtekst ind.';

let folder: string | undefined;
let index: LawIndexEntry[] | undefined;
const texts = new Map<string, LawText>();
/** The act in force by law and date: every citation of a check asks for the same few. */
const inForce = new Map<string, LawText | undefined>();

/** Every act the tool has the text of (lovtekster/index/index.json), read once and only when asked for. */
export function lawTextIndex(): readonly LawIndexEntry[] {
  index ??= readJson<LawIndexEntry[]>(join(LAW_INDEX_FOLDER, 'index.json'), (data) => Array.isArray(data));
  return index;
}

/** The act whose text is the law `lawId` on an ISO date, or undefined when the tool has none for that day. */
export function lawTextOn(lawId: string, date: string): LawText | undefined {
  const key = `${lawId} ${date}`;
  if (!inForce.has(key)) inForce.set(key, findLawTextOn(lawId, date));
  return inForce.get(key);
}

function findLawTextOn(lawId: string, date: string): LawText | undefined {
  const entry = lawTextsOf(lawId)
    .filter((candidate) => candidate.gaelder_fra <= date)
    .at(-1);
  if (!entry || (entry.gaelder_til !== undefined && date > entry.gaelder_til)) return undefined;
  return lawTextOf(entry);
}

/** Every act of the law `lawId` the tool has, oldest first. */
export function lawTextsOf(lawId: string): LawIndexEntry[] {
  return lawTextIndex()
    .filter((entry) => entry.lov === lawId)
    .sort((a, b) => a.gaelder_fra.localeCompare(b.gaelder_fra));
}

/** The act a person names: »2025_282«, »LBK 282/2025«, »LBK nr 282 af 17/03/2025« or »282/2025«. */
export function findLawText(name: string): LawIndexEntry | undefined {
  const trimmed = name.trim();
  const byId = lawTextIndex().find((entry) => entry.id === trimmed);
  if (byId) return byId;
  const numbered = /^(?:[A-ZÆØÅa-zæøå]+ )?(\d+) ?(?:af \d{1,2}\/\d{1,2}\/(\d{4})|\/ ?(\d{4}))$/.exec(trimmed.replace(/\bnr\.? ?/i, '').replace(/\s+/g, ' '));
  if (!numbered) return undefined;
  const id = `${numbered[2] ?? numbered[3]}_${numbered[1]}`;
  return lawTextIndex().find((entry) => entry.id === id);
}

/** The whole text of an act, read once. */
export function lawTextOf(entry: LawIndexEntry): LawText {
  let text = texts.get(entry.id);
  if (!text) {
    text = readJson<LawText>(entry.fil, (data) => typeof data === 'object' && data !== null && Array.isArray((data as LawText).paragraffer));
    texts.set(entry.id, text);
  }
  return text;
}

/** What an act says of a cited provision: found, with its text, or missing, with what the act has instead. */
export type ProvisionLookup = { found: true; paragraph: LawTextParagraph; text: string; lines: string[] } | { found: false; reason: string };

export function lookupProvision(text: LawText, ref: ProvisionRef): ProvisionLookup {
  const paragraph = paragraphsByNumber(text).get(paragraphKey(ref.paragraf));
  const name = `§ ${ref.paragraf}`;
  if (!paragraph) return { found: false, reason: lastParagraphText(text, ref.paragraf) };
  if (paragraph.ophaevet || !paragraph.stk) return { found: false, reason: `${name} er ophævet` };
  const stks = paragraph.stk;
  if (ref.stk !== undefined && ref.stk > stks.length) {
    return { found: false, reason: stks.length === 1 ? `${name} har ingen stk. (kun ét stykke)` : `${name} har stk. 1-${stks.length}` };
  }
  // »§ 90, nr. 2« without stk. names the items of stk. 1, as the law itself writes it when the paragraph has one stk.
  const stkIndex = (ref.stk ?? 1) - 1;
  const stk = stks[stkIndex]!;
  const stkName = ref.stk !== undefined || stks.length > 1 ? `${name}, stk. ${stkIndex + 1}` : name;
  if (ref.nr !== undefined) {
    const items = stk.numre ?? [];
    if (ref.nr > items.length) return { found: false, reason: items.length === 0 ? `${stkName} har ingen numre` : `${stkName} har nr. 1-${items.length}` };
    // The item with the words that introduce the list, which it does not make sense without.
    return found(paragraph, [...(stk.tekst ? [`${stk.tekst} …`] : []), `${ref.nr}) ${items[ref.nr - 1]!}`]);
  }
  if (ref.stk !== undefined) return found(paragraph, stkLines(stk, stkIndex));
  return found(paragraph, paragraphLines(paragraph));
}

/** A provision found: its lines, and its text as one line (the lines joined by spaces). */
function found(paragraph: LawTextParagraph, lines: string[]): ProvisionLookup {
  return { found: true, paragraph, text: lines.join(' '), lines };
}

/** A paragraph as the law prints it: »§ 32. … 1) … Stk. 2. …«. */
export function paragraphText(paragraph: LawTextParagraph): string {
  return paragraphLines(paragraph).join(' ');
}

/** A paragraph in the lines the law prints it in: each stk. and each numbered item on a line of its own. */
export function paragraphLines(paragraph: LawTextParagraph): string[] {
  if (!paragraph.stk) return [`§ ${paragraph.paragraf}. (Ophævet)`];
  const [first = '', ...rest] = paragraph.stk.flatMap((stk, index) => stkLines(stk, index));
  return [`§ ${paragraph.paragraf}. ${first}`, ...rest];
}

/** One stk. as the law prints it; stk. 1 has no »Stk. 1.« of its own. */
export function stkText(stk: ParsedStk, index: number): string {
  return stkLines(stk, index).join(' ');
}

/** One stk. in lines: its text, then each numbered item. */
export function stkLines(stk: ParsedStk, index: number): string[] {
  const items = (stk.numre ?? []).map((item, at) => `${at + 1}) ${item}`);
  const [first = '', ...rest] = [stk.tekst, ...items].filter((part) => part !== '');
  return [index === 0 ? first : `Stk. ${index + 1}. ${first}`, ...rest];
}

/** »loven slutter ved § 214« when a missing paragraph lies past the act's last; else nothing to add. */
function lastParagraphText(text: LawText, paragraf: string): string {
  const wanted = Number.parseInt(paragraf, 10);
  const last = text.paragraffer.at(-1)?.paragraf;
  return last !== undefined && wanted > Number.parseInt(last, 10) ? `loven slutter ved § ${last}` : '';
}

/** An act's paragraphs by number without spaces (»117a«), once per act: a check looks up every citation. */
const paragraphsByNumber = memoizeByObject((text: LawText): ReadonlyMap<string, LawTextParagraph> => {
  const byNumber = new Map<string, LawTextParagraph>();
  for (const paragraph of text.paragraffer) if (!byNumber.has(paragraphKey(paragraph.paragraf))) byNumber.set(paragraphKey(paragraph.paragraf), paragraph);
  return byNumber;
});

/** A law file as JSON, or a Danish error naming it: a broken law file must stop the run, not every rule. */
function readJson<T>(file: string, isShaped: (data: unknown) => boolean): T {
  const path = join(LAW_TEXT_FOLDER, file);
  const absolute = join(folder ?? join(packageRoot(), LAW_TEXT_FOLDER), file);
  if (!existsSync(absolute)) throw new UsageError(`Lovteksten ${path} findes ikke`, REGENERATE_HINT);
  const source = readBounded(absolute, { display: path, limit: READ_LIMITS.law, hint: REGENERATE_HINT }).toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`Lovteksten ${path} er ikke gyldig JSON: ${error instanceof Error ? error.message : String(error)}`, REGENERATE_HINT);
  }
  if (!isShaped(data)) throw new UsageError(`Lovteksten ${path} har ikke den forventede form`, REGENERATE_HINT);
  return data as T;
}

/** For tests: read the law texts from another folder (undefined: the package's own), forgetting what was read. */
export function useLawTextFolder(path: string | undefined): void {
  folder = path;
  index = undefined;
  texts.clear();
  inForce.clear();
}
