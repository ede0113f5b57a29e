import { parseCitations, type LawName } from '../law/parse-citations.js';
import { sentencesOf, type Span } from '../text/sentences.js';
import { trailing } from '../text/trailing.js';
import { redline, type Segment } from './redline.js';

/** More instructions than this, or more than half the text changed, and the section is simply re-worded. */
const MAX_EDITS = 3;

/** More runs of changes than this and the section is re-worded whole at once: pairing each with its sentence and citations would cost more than it tells. */
const MAX_RUNS = 40;

/** A sentence whose changed words are more than this share of it is re-worded whole, not patched word by word. */
const MAX_CHANGED_SHARE = 0.5;

export interface AmendmentOptions {
  /** The laws of the register: a changed citation is quoted whole, with the law it names (»Barnets Lov § 32, stk. 1, nr. 8«). */
  laws?: readonly LawName[];
}

/**
 * The Danish amendment instructions for one field (Lovkvalitetsvejledningen's ændringsforslag), in one phrasing:
 * the place, then what happens to the quoted text. A word or a citation changes in place
 * (»I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.«); a sentence with more than one change,
 * or most of it changed, is given anew (»I afsnittet »Formål« affattes 2. punktum således: »…«.«). Quoted text is
 * exactly the characters of the paralleltekst, so the committee finds it there.
 */
export function amendmentInstructions(heading: string, before: string, after: string, options: AmendmentOptions = {}): string[] {
  const section = `afsnittet »${heading}«`;
  if (before.trim() === '') return [`${capitalize(section)} affattes således: »${after.trim()}«.`];
  if (after.trim() === '') return [`${capitalize(section)} udgår.`];
  if (isShortValue(before) && isShortValue(after)) return [`I feltet »${heading}« ændres »${before.trim()}« til: »${after.trim()}«.`];
  const segments = redline(before, after);
  const rewritten = [`${capitalize(section)} affattes således: »${after.trim()}«.`];
  const changed = segments.filter((segment) => segment.type !== 'same').reduce((sum, segment) => sum + segment.text.length, 0);
  const runs = segments.filter((segment, index) => segment.type !== 'same' && segments[index - 1]?.type !== segment.type).length;
  if (changed > before.length || runs > MAX_RUNS) return changed > 0 ? rewritten : [];
  const edits = editsOf(segments, before, after, options.laws ?? []);
  if (edits.length === 0) return [];
  const texts: Texts = { before, after, sentences: { before: sentencesOfSection(before), after: sentencesOfSection(after) } };
  const instructions = groupBySentence(edits, texts).flatMap((group) => instructionsOf(section, group, texts));
  return instructions.length > MAX_EDITS ? rewritten : instructions;
}

/** One change: where it is in the present text (`before`) and in the proposal (`after`), as offsets [start, end). */
interface Edit {
  before: Span;
  after: Span;
  /** Widened to whole citations: replaced as they are, even when they are most of their sentence. */
  citation?: true;
}

/** A sentence of a section: its place (»2. afsnit, 1. punktum«) and where it is. */
interface Sentence {
  /** Without a list item's marker, which the paralleltekst does not show as text. */
  span: Span;
  /** Where its line starts: before a list item's marker. */
  lineStart: number;
  /** 1-based: the paragraph of the section, and the sentence (or list item) of the paragraph. */
  paragraph: number;
  sentence: number;
  paragraphs: number;
  sentences: number;
  listItem: boolean;
}

/** Edits that are to be read together: all within one sentence of each side, or one edit that is not. */
interface EditGroup {
  edits: Edit[];
  sentence?: { before: Sentence; after: Sentence };
}

/** The two texts of a field and their sentences. */
interface Texts {
  before: string;
  after: string;
  sentences: { before: Sentence[]; after: Sentence[] };
}

const LIST_MARKER = /^(?:[-*+]|\d{1,3}[.)])[ \t]+/;

function instructionsOf(section: string, group: EditGroup, texts: Texts): string[] {
  const { before, after } = texts;
  const { edits, sentence } = group;
  if (sentence && isRewritten(edits, sentence.before, before, after)) {
    return [`I ${section} affattes ${placeOf(sentence.before)} således: »${quoted(after, sentence.after)}«.`];
  }
  return edits.map((edit) => wholeSentenceInstruction(section, edit, texts) ?? editInstruction(section, edit, before, after));
}

/**
 * Whole sentences added to or taken from a paragraph, by their place: »I afsnittet »Tildeling« indsættes efter
 * 2. punktum som nyt punktum: »…«.«, »I afsnittet »Tildeling« udgår 2. afsnit, 3. punktum.«; undefined for anything else.
 */
function wholeSentenceInstruction(section: string, edit: Edit, texts: Texts): string | undefined {
  const { before, after, sentences } = texts;
  if (lengthOf(edit.before) === 0) {
    const added = coveredSentences(sentences.after, edit.after);
    const previous = sentences.before.findLast((sentence) => sentence.span.end <= edit.before.start);
    if (!added || !previous || previous.listItem !== added[0]!.listItem) return undefined;
    // A new punktum follows the previous one in its paragraph; a new list item is on the next line of its list.
    const gap = `${before.slice(previous.span.end, edit.before.start)}${trailing(after.slice(0, edit.after.start), /\s/)}`;
    if (previous.listItem ? (gap.match(/\n/g) ?? []).length !== 1 || added.length !== 1 : /\n/.test(gap)) return undefined;
    if (previous.listItem) return `I ${section} indsættes efter ${placeOf(previous)} som nyt listepunkt: »${quoted(after, added[0]!)}«.`;
    const inserted = after.slice(edit.after.start, edit.after.end);
    return `I ${section} indsættes efter ${placeOf(previous)} som ${added.length === 1 ? 'nyt punktum' : 'nye punktummer'}: »${inserted}«.`;
  }
  if (lengthOf(edit.after) === 0) {
    const removed = coveredSentences(sentences.before, edit.before);
    if (!removed || removed.length !== 1) return undefined;
    return `I ${section} udgår ${placeOf(removed[0]!)}.`;
  }
  return undefined;
}

/** The sentences (or list items, with their markers) a span is exactly made of, all in one paragraph and of one kind; undefined when it is not. */
function coveredSentences(sentences: readonly Sentence[], span: Span): Sentence[] | undefined {
  const covered = sentences.filter((sentence) => span.start <= sentence.lineStart && sentence.span.end <= span.end);
  const first = covered[0];
  const last = covered.at(-1);
  if (!first || !last || first.lineStart !== span.start || last.span.end !== span.end) return undefined;
  if (covered.some((sentence) => sentence.paragraph !== first.paragraph || sentence.listItem !== first.listItem)) return undefined;
  const partly = sentences.some((sentence) => !covered.includes(sentence) && overlaps(sentence.span, span));
  return partly ? undefined : covered;
}

/** More than one change in the sentence, or several of its words replaced by others that are most of it. */
function isRewritten(edits: readonly Edit[], sentence: Sentence, before: string, after: string): boolean {
  if (edits.length > 1) return true;
  const edit = edits[0]!;
  // A citation is replaced whole; an insertion or a deletion alone is clear with its anchor, however long.
  if (edit.citation || lengthOf(edit.before) === 0 || lengthOf(edit.after) === 0) return false;
  const severalWords = /\s/.test(before.slice(edit.before.start, edit.before.end)) || /\s/.test(after.slice(edit.after.start, edit.after.end));
  return severalWords && Math.max(lengthOf(edit.before), lengthOf(edit.after)) / lengthOf(sentence.span) > MAX_CHANGED_SHARE;
}

/** »2. afsnit, 1. punktum«; the paragraph only when the section has more than one, the sentence only when the paragraph has more than one or is a list. */
function placeOf(sentence: Sentence): string {
  const parts = [
    ...(sentence.paragraphs > 1 ? [`${sentence.paragraph}. afsnit`] : []),
    ...(sentence.sentences > 1 || sentence.paragraphs === 1 || sentence.listItem
      ? [`${sentence.sentence}. ${sentence.listItem ? 'listepunkt' : 'punktum'}`]
      : []),
  ];
  return parts.join(', ');
}

function editInstruction(section: string, edit: Edit, before: string, after: string): string {
  const deleted = before.slice(edit.before.start, edit.before.end);
  const inserted = after.slice(edit.after.start, edit.after.end);
  if (deleted && inserted) return `I ${section} ændres »${deleted}« til: »${inserted}«.`;
  if (deleted) return `I ${section} udgår »${deleted}«.`;
  // The words just before an insertion, so the reader can find the place.
  const anchor = anchorOf(before.slice(0, edit.before.start));
  return anchor ? `I ${section} indsættes efter »${anchor}«: »${inserted}«.` : `I ${section} indsættes først: »${inserted}«.`;
}

/**
 * Groups a redline into edits: each run of deletions and insertions between unchanged text, widened to what makes
 * sense on its own: »10« → »8« to »10 timer« → »8 timer«, a lone ».« to its word, a changed number in a citation to
 * the whole citation with its law.
 */
function editsOf(segments: readonly Segment[], before: string, after: string, laws: readonly LawName[]): Edit[] {
  const runs: Edit[] = [];
  let current: Edit | undefined;
  let at = { before: 0, after: 0 };
  for (const segment of segments) {
    const length = segment.text.length;
    if (segment.type === 'same') {
      // One space between two changes does not part them.
      if (!(current && segment.text.trim() === '' && length <= 1)) current = undefined;
      at = { before: at.before + length, after: at.after + length };
      continue;
    }
    if (!current) {
      // A lone punctuation mark says nothing out of context: »måned.« → »måned« does.
      const context = /[\p{L}\p{N}]/u.test(segment.text) ? 0 : wordAtEnd(before.slice(0, at.before), /[\p{L}\p{N}]/u).length;
      current = { before: { start: at.before - context, end: at.before }, after: { start: at.after - context, end: at.after } };
      runs.push(current);
    }
    if (segment.type === 'del') at = { ...at, before: at.before + length };
    else at = { ...at, after: at.after + length };
    current.before.end = at.before;
    current.after.end = at.after;
  }
  const citations = { before: citationSpans(before, laws), after: citationSpans(after, laws) };
  const widened = merged(
    runs.map((run) => withNumberContext(trimmed(run, before, after), before, after)),
    before,
    after,
  );
  return withCitations(widened, citations, before, after).filter((edit) => lengthOf(edit.before) + lengthOf(edit.after) > 0);
}

/** »10« → »8« says little on its own: »10 timer« → »8 timer« does, and so does »nr. 5« → »nr. 8«. */
function withNumberContext(edit: Edit, before: string, after: string): Edit {
  const isNumber = (text: string): boolean => /^[\d.,–-]*\d$/.test(text);
  if (!isNumber(before.slice(edit.before.start, edit.before.end)) || !isNumber(after.slice(edit.after.start, edit.after.end))) return edit;
  const unit = /^\s*\p{L}+/u.exec(before.slice(edit.before.end))?.[0];
  if (unit) return widen(edit, 0, unit.length);
  const label = wordAtEnd(before.slice(0, edit.before.start), /[\p{L}.]/u);
  return widen(edit, label.length, 0);
}

/**
 * A change inside a citation quotes the whole citation on both sides, from the law's name to its last number: the
 * changes within one citation (»Serviceloven § 52, stk. 3« → »Barnets Lov § 32, stk. 1«) become one.
 */
function withCitations(edits: readonly Edit[], citations: { before: readonly Span[]; after: readonly Span[] }, before: string, after: string): Edit[] {
  let result = [...edits];
  // Each step joins edits or widens one to a citation's end, so it ends; the bound only guards against a mistake.
  for (let step = 0; step < 4 * (edits.length + citations.before.length + citations.after.length) + 4; step++) {
    const next = citationStep(result, citations, before, after);
    if (!next) break;
    result = next;
  }
  return result;
}

/** One edit widened to a citation it touches, and joined with the edits in that citation; undefined when there is none. */
function citationStep(
  edits: readonly Edit[],
  citations: { before: readonly Span[]; after: readonly Span[] },
  before: string,
  after: string,
): Edit[] | undefined {
  for (const [index, edit] of edits.entries()) {
    for (const side of ['before', 'after'] as const) {
      const citation = citations[side].find(
        (candidate) => touches(candidate, edit[side]) && !(candidate.start >= edit[side].start && candidate.end <= edit[side].end),
      );
      if (!citation) {
        if (!edit.citation && citations[side].some((candidate) => touches(candidate, edit[side]))) {
          return edits.map((other, at) => (at === index ? { ...other, citation: true as const } : other));
        }
        continue;
      }
      // The edits in the citation, then the unchanged text up to its ends, which is the same on both sides.
      const inside = edits.filter((other) => other === edit || touches(citation, other[side]));
      const joined = joinEdits(inside);
      const widened = widen(joined, Math.max(0, joined[side].start - citation.start), Math.max(0, citation.end - joined[side].end));
      const first = edits.indexOf(inside[0]!);
      const kept = edits.filter((other) => !inside.includes(other));
      kept.splice(first, 0, { ...trimmed(widened, before, after), citation: true });
      return kept;
    }
  }
  return undefined;
}

/** Edits in text order as one, from the first's start to the last's end on each side. */
function joinEdits(edits: readonly Edit[]): Edit {
  const first = edits[0]!;
  const last = edits.at(-1)!;
  return { before: { start: first.before.start, end: last.before.end }, after: { start: first.after.start, end: last.after.end } };
}

/** A span overlaps a citation, or an insertion falls inside it. */
function touches(citation: Span, span: Span): boolean {
  return span.start === span.end ? citation.start < span.start && span.start < citation.end : overlaps(citation, span);
}

/** The spans of the citations in a text, each once. */
function citationSpans(text: string, laws: readonly LawName[]): Span[] {
  if (!text.includes('§')) return [];
  return [...new Set(parseCitations(text, laws).citations.map((citation) => citation.span))];
}

/**
 * Widens an edit into the unchanged text around it, which is the same on both sides: what comes before an edit is
 * the same up to the previous one, and what comes after it up to the next, so `merged` joins edits that now meet.
 */
function widen(edit: Edit, left: number, right: number): Edit {
  return {
    before: { start: edit.before.start - left, end: edit.before.end + right },
    after: { start: edit.after.start - left, end: edit.after.end + right },
  };
}

/** Edits that overlap or meet after widening, as one. */
function merged(edits: readonly Edit[], before: string, after: string): Edit[] {
  const result: Edit[] = [];
  for (const edit of edits) {
    const last = result.at(-1);
    if (last && edit.before.start <= last.before.end) {
      result[result.length - 1] = {
        ...trimmed(
          {
            before: { start: Math.min(last.before.start, edit.before.start), end: Math.max(last.before.end, edit.before.end) },
            after: { start: Math.min(last.after.start, edit.after.start), end: Math.max(last.after.end, edit.after.end) },
          },
          before,
          after,
        ),
        ...(last.citation || edit.citation ? { citation: true as const } : {}),
      };
    } else result.push(edit);
  }
  return result;
}

/** An edit without the whitespace at its ends. */
function trimmed(edit: Edit, before: string, after: string): Edit {
  return { ...edit, before: trimSpan(before, edit.before), after: trimSpan(after, edit.after) };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Edits in the same sentence on both sides go together; an edit across sentences (a new sentence, a joined one) stands alone. */
function groupBySentence(edits: readonly Edit[], texts: Texts): EditGroup[] {
  const { sentences } = texts;
  const groups: EditGroup[] = [];
  for (const edit of edits) {
    const inBefore = sentenceAround(sentences.before, edit.before);
    const inAfter = sentenceAround(sentences.after, edit.after);
    // A whole sentence added or removed is an insertion or a deletion, not a rewording of a sentence; one replaced by another is.
    const whole = (sentence: Sentence, span: Span) => span.start <= sentence.span.start && span.end >= sentence.span.end;
    const sentence = inBefore && inAfter && whole(inBefore, edit.before) === whole(inAfter, edit.after) ? { before: inBefore, after: inAfter } : undefined;
    const last = groups.at(-1);
    if (sentence && last?.sentence?.before === sentence.before && last.sentence.after === sentence.after) last.edits.push(edit);
    else groups.push({ edits: [edit], ...(sentence ? { sentence } : {}) });
  }
  return groups;
}

/** The sentence that holds a span (an empty span: that it touches), or none when the span crosses sentences. */
function sentenceAround(sentences: readonly Sentence[], span: Span): Sentence | undefined {
  return sentences.find((sentence) => sentence.span.start <= span.start && span.end <= sentence.span.end);
}

/** The paragraphs of a section (parted by blank lines) and the sentences of each; a list item is a sentence of its own. */
function sentencesOfSection(text: string): Sentence[] {
  const paragraphs: Span[] = [];
  let start = 0;
  for (const gap of text.matchAll(/\n[ \t]*\n\s*/g)) {
    paragraphs.push({ start, end: gap.index });
    start = gap.index + gap[0].length;
  }
  paragraphs.push({ start, end: text.length });
  const filled = paragraphs.map((span) => trimSpan(text, span)).filter((span) => span.end > span.start);
  return filled.flatMap((paragraph, index) => {
    const paragraphText = text.slice(paragraph.start, paragraph.end);
    const spans = sentencesOf({ text: paragraphText, lower: paragraphText.toLowerCase(), offsets: [] });
    return spans.map((span, sentence) => ({
      span: { start: paragraph.start + span.start + (LIST_MARKER.exec(paragraphText.slice(span.start))?.[0].length ?? 0), end: paragraph.start + span.end },
      lineStart: paragraph.start + span.start,
      paragraph: index + 1,
      sentence: sentence + 1,
      paragraphs: filled.length,
      sentences: spans.length,
      listItem: LIST_MARKER.test(paragraphText.slice(span.start)),
    }));
  });
}

/** A sentence exactly as the paralleltekst shows it. */
function quoted(text: string, sentence: Sentence): string {
  return text.slice(sentence.span.start, sentence.span.end);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function lengthOf(span: Span): number {
  return span.end - span.start;
}

/** A frontmatter value such as a version or a date: one short line without a full stop. */
function isShortValue(text: string): boolean {
  return text.trim().length < 60 && !/[\n.]/.test(text.trim().replace(/\d\./g, ''));
}

/** The last words of the line before an insertion, without a list item's marker: text the paralleltekst shows together. */
function anchorOf(text: string): string {
  const line = text.slice(text.lastIndexOf('\n') + 1).replace(LIST_MARKER, '');
  return lastWords(line.trim() === '' ? text : line);
}

function lastWords(text: string): string {
  return text.trim().split(/\s+/).slice(-3).join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The last word of `text` (characters matching `character`) with the spaces after it, or '' when the text does not end in one. */
function wordAtEnd(text: string, character: RegExp): string {
  const spaces = trailing(text, /\s/);
  const word = trailing(text.slice(0, text.length - spaces.length), character);
  return word ? word + spaces : '';
}
