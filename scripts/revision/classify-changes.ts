import { parseCitations } from '../law/parse-citations.js';
import { danishDate, lawNamesOf } from '../law/register.js';
import type { PolicyDocument } from '../model/document.js';
import type { Lovregister } from '../model/generated-types.js';
import { findStatements, individuelVurdering } from '../rules/individuel-vurdering.js';
import { normalizeProse } from '../text/normalize.js';
import type { FieldDiff, StructuralChange } from './diff-snapshots.js';
import type { ChangeClass, FieldChange, MeasureChange } from './model.js';

/** Every change id and its class: the one registry the classifier draws from (oasdiff's second stage). */
export const CHANGE_IDS = {
  'foranstaltning-tilfoejet': 'material',
  'foranstaltning-fjernet': 'material',
  'foranstaltning-omdoebt': 'editorial',
  'omfang-aendret': 'material',
  'omfang-reduceret': 'material',
  'maalgruppe-indsnaevret': 'material',
  'maalgruppe-udvidet': 'material',
  'maalgruppe-aendret': 'material',
  'lovhjemmel-aendret': 'material',
  'tildeling-aendret': 'material',
  'individuel-vurdering-fjernet': 'material',
  'gyldig-fra-aendret': 'material',
  'titel-aendret': 'content',
  'kategori-aendret': 'content',
  'rolleplan-aendret': 'content',
  'rammeoplysning-aendret': 'editorial',
  'tekst-aendret': 'content',
  'tekst-redaktionel': 'editorial',
} as const satisfies Record<string, ChangeClass>;

export type ChangeId = keyof typeof CHANGE_IDS;

/** What counts as the individual-assessment statement: the rule's phrases and negations, as configured for check. */
export type StatementOptions = Parameters<typeof findStatements>[1];

/** Frame metadata that changes every round and changes nothing for a family (`gyldig_fra` does: it is when the change reaches them). */
const METADATA = new Set(['kommune', 'omraade', 'status', 'version', 'naeste_revision', 'vedtagelse', 'underskriver']);

/** Judges each structural change: a change id and class per field, with the numbers pulled out where scope changed. */
export function classifyChanges(
  changes: readonly StructuralChange[],
  register: Lovregister | undefined,
  statement: StatementOptions = individuelVurdering.defaultOptions,
): MeasureChange[] {
  return changes.map((change) => {
    const removedStatement = lostStatementField(change.before, change.after, statement);
    const fields = change.fields.map((field) => judge(change, field, register, removedStatement));
    return { id: change.id, titel: change.titel, kind: change.kind, ...(change.previousId ? { previousId: change.previousId } : {}), fields };
  });
}

function judge(change: StructuralChange, diff: FieldDiff, register: Lovregister | undefined, removedStatement: string | undefined): FieldChange {
  const result = (id: ChangeId, note?: string): FieldChange => ({
    field: diff.field,
    class: CHANGE_IDS[id],
    change: id,
    before: diff.before,
    after: diff.after,
    ...(note ? { note } : {}),
  });
  if (change.kind === 'added') return result('foranstaltning-tilfoejet');
  if (change.kind === 'removed') return result('foranstaltning-fjernet');
  if (diff.field === 'id') return result('foranstaltning-omdoebt', `${diff.before} → ${diff.after}`);
  if (diff.field === removedStatement)
    return result('individuel-vurdering-fjernet', 'Udsagnet om, at der altid foretages en konkret og individuel vurdering, er fjernet');
  if (diff.field === 'alder') return result(ageChange(diff.before, diff.after), `${diff.before} → ${diff.after}`);
  if (diff.field === 'lovhjemmel' && register) {
    const [before, after] = [citedParagraphs(diff.before, register), citedParagraphs(diff.after, register)];
    if (before.join('|') !== after.join('|')) return result('lovhjemmel-aendret', describeSetChange(before, after));
  }
  const isFrame = change.before?.kind === 'serviceniveau' || change.after?.kind === 'serviceniveau';
  if (isFrame && diff.field === 'gyldig_fra') return result('gyldig-fra-aendret', `${shownDate(diff.before)} → ${shownDate(diff.after)}`);
  const editorial = sameWords(diff.before, diff.after);
  if (editorial) return result('tekst-redaktionel');
  if (diff.field.startsWith('roller.')) return result('rolleplan-aendret');
  if (isFrame && METADATA.has(diff.field)) return result('rammeoplysning-aendret');
  switch (diff.field) {
    case 'omfang': {
      const scope = compareNumbers(diff.before, diff.after);
      return result(scope.reduced ? 'omfang-reduceret' : 'omfang-aendret', scope.note);
    }
    case 'maalgruppe':
      return result('maalgruppe-aendret');
    case 'tildeling':
      return result('tildeling-aendret');
    case 'titel':
      return result('titel-aendret');
    case 'kategori':
      return result('kategori-aendret');
    default:
      return result('tekst-aendret');
  }
}

/** An ISO date the Danish way, »1. marts 2026«; '–' for none, anything else as written. */
function shownDate(value: string): string {
  if (value === '') return '–';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? danishDate(value) : value;
}

/** The field that held the individual-assessment statement before, when the statement is gone after. */
function lostStatementField(before: PolicyDocument | undefined, after: PolicyDocument | undefined, statement: StatementOptions): string | undefined {
  if (!before || !after || (before.kind !== 'foranstaltning' && before.kind !== 'serviceniveau')) return undefined;
  const [was, is] = [findStatements(before, statement), findStatements(after, statement)];
  return was.stated && !is.stated ? was.statedIn[0] : undefined;
}

/** Only punctuation, case, whitespace or hyphenation differ. */
export function sameWords(before: string, after: string): boolean {
  return wordsOnly(before) === wordsOnly(after);
}

function wordsOnly(text: string): string {
  return normalizeProse({ text, offsets: Array.from({ length: text.length + 1 }, (_, index) => index) })
    .lower.replace(/(\p{L})-\s*(\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function ageChange(before: string, after: string): ChangeId {
  const [from1, to1] = before.match(/\d+/g)?.map(Number) ?? [];
  const [from2, to2] = after.match(/\d+/g)?.map(Number) ?? [];
  if (from1 === undefined || to1 === undefined || from2 === undefined || to2 === undefined) return 'maalgruppe-aendret';
  if (from2 >= from1 && to2 <= to1) return 'maalgruppe-indsnaevret';
  if (from2 <= from1 && to2 >= to1) return 'maalgruppe-udvidet';
  return 'maalgruppe-aendret';
}

const QUANTITY = /(\d+(?:,\d+)?)(?:\s*[-–]\s*(\d+(?:,\d+)?))?\s*(timer?|døgn|dage?|uger?|måneder|måned|år|gange?|samtaler?|kr\.?|kroner|%|procent)?/gu;

/** Pulls the numbers out of two scope texts and pairs them in order: "10 timer → 8 timer (−20 %)". */
function compareNumbers(before: string, after: string): { reduced: boolean; note?: string } {
  const [was, is] = [quantities(before), quantities(after)];
  const notes: string[] = [];
  let reduced = false;
  for (let index = 0; index < Math.max(was.length, is.length); index++) {
    const [a, b] = [was[index], is[index]];
    if (!a || !b || (a.value === b.value && a.unit === b.unit)) continue;
    let note = `${a.text} → ${b.text}`;
    if (a.unit === b.unit && a.value > 0) {
      // A range changes at both ends, and a committee votes on both: »3-5 timer → 2-4 timer (nedre grænse −33 %, øvre −20 %)«.
      const upper = percentChange(a.value, b.value);
      const isRange = a.low !== a.value || b.low !== b.value;
      note += isRange && a.low > 0 ? ` (nedre grænse ${percentChange(a.low, b.low)}, øvre ${upper})` : ` (${upper})`;
      if (b.value < a.value) reduced = true;
    }
    notes.push(note);
  }
  return { reduced, ...(notes.length ? { note: notes.join('; ') } : {}) };
}

/** »−20 %«, »+25 %«, »uændret«. */
function percentChange(from: number, to: number): string {
  const percent = Math.round(((to - from) / from) * 100);
  return percent === 0 ? 'uændret' : `${percent > 0 ? '+' : '−'}${Math.abs(percent)} %`;
}

/** The quantities of a text: `value` is the upper end of a range (»3-5 timer« → 5), `low` its lower end (3; the value itself when no range). */
function quantities(text: string): { value: number; low: number; unit: string; text: string }[] {
  return [...text.matchAll(QUANTITY)].map((match) => ({
    value: Number((match[2] ?? match[1] ?? '0').replace(',', '.')),
    low: Number((match[1] ?? '0').replace(',', '.')),
    unit: (match[3] ?? '')
      .replace(/^time$/, 'timer')
      .replace(/^dag$/, 'dage')
      .replace(/^uge$/, 'uger'),
    text: match[0].trim(),
  }));
}

/** The paragraphs a text cites, each written out in full and once, sorted: what »lovhjemmel-aendret« compares. */
function citedParagraphs(text: string, register: Lovregister): string[] {
  const normalized = normalizeProse({ text, offsets: Array.from({ length: text.length + 1 }, (_, index) => index) });
  const cited = parseCitations(normalized.text, lawNamesOf(register)).citations.map((citation) => {
    const law = register.love.find((candidate) => candidate.id === citation.law)?.navn ?? citation.law ?? '?';
    return `${law} § ${citation.paragraf}${citation.stk !== undefined ? `, stk. ${citation.stk}` : ''}${citation.nr !== undefined ? `, nr. ${citation.nr}` : ''}`;
  });
  return [...new Set(cited)].sort();
}

function describeSetChange(before: readonly string[], after: readonly string[]): string {
  const removed = before.filter((citation) => !after.includes(citation));
  const added = after.filter((citation) => !before.includes(citation));
  return [removed.length ? `udgår: ${removed.join('; ')}` : '', added.length ? `ny: ${added.join('; ')}` : ''].filter(Boolean).join(' · ');
}
