import { trailing } from '../text/trailing.js';
import { redline, type Segment } from './redline.js';

/** More edits than this, or more than half the text changed, and the section is simply re-worded. */
const MAX_EDITS = 3;

/**
 * The Danish amendment instructions for one field (Lovkvalitetsvejledningen's ændringsforslag):
 * »I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.«
 */
export function amendmentInstructions(heading: string, before: string, after: string): string[] {
  if (before.trim() === '') return [`Afsnittet »${heading}« affattes således: »${after.trim()}«.`];
  if (after.trim() === '') return [`Afsnittet »${heading}« udgår.`];
  if (isShortValue(before) && isShortValue(after)) return [`»${heading}« ændres fra »${before.trim()}« til: »${after.trim()}«.`];
  const segments = redline(before, after);
  const edits = editsOf(segments);
  const changed = segments.filter((segment) => segment.type !== 'same').reduce((sum, segment) => sum + segment.text.length, 0);
  if (edits.length === 0) return [];
  if (edits.length > MAX_EDITS || changed > before.length) return [`Afsnittet »${heading}« affattes således: »${after.trim()}«.`];
  return edits.map((edit) => {
    if (edit.deleted && edit.inserted) return `I afsnittet »${heading}« ændres »${edit.deleted}« til: »${edit.inserted}«.`;
    if (edit.deleted) return `I afsnittet »${heading}« udgår »${edit.deleted}«.`;
    return edit.anchor
      ? `I afsnittet »${heading}« indsættes efter »${edit.anchor}«: »${edit.inserted}«.`
      : `I afsnittet »${heading}« indsættes først: »${edit.inserted}«.`;
  });
}

interface Edit {
  deleted: string;
  inserted: string;
  /** The words just before an insertion, so the reader can find the place. */
  anchor: string;
}

/** Groups a redline into edits: each run of deletions and insertions between unchanged text. */
function editsOf(segments: readonly Segment[]): Edit[] {
  const edits: Edit[] = [];
  let current: Edit | undefined;
  let previousSame = '';
  for (const segment of segments) {
    if (segment.type === 'same') {
      if (current && segment.text.trim() === '' && segment.text.length <= 1) {
        current.deleted += current.deleted ? segment.text : '';
        current.inserted += current.inserted ? segment.text : '';
        continue;
      }
      if (current) edits.push(withNumberContext(current, previousSame, segment.text));
      current = undefined;
      previousSame = segment.text;
      continue;
    }
    // A lone punctuation mark says nothing out of context: »måned.« → »måned« does.
    const context = current === undefined && !/[\p{L}\p{N}]/u.test(segment.text) ? wordAtEnd(previousSame, /[\p{L}\p{N}]/u) : '';
    current ??= { deleted: context, inserted: context, anchor: lastWords(previousSame.slice(0, previousSame.length - context.length)) };
    if (segment.type === 'del') current.deleted += segment.text;
    else current.inserted += segment.text;
  }
  if (current) edits.push(withNumberContext(current, previousSame, ''));
  return edits.map((edit) => ({ ...edit, deleted: edit.deleted.trim(), inserted: edit.inserted.trim() })).filter((edit) => edit.deleted || edit.inserted);
}

/** »10« → »8« says little on its own: »10 timer« → »8 timer« does, and so does »nr. 5« → »nr. 8«. */
function withNumberContext(edit: Edit, before: string, after: string): Edit {
  const isNumber = (text: string): boolean => /^[\d.,-]*\d$/.test(text.trim());
  if (!isNumber(edit.deleted) || !isNumber(edit.inserted)) return edit;
  const unit = /^\s*\p{L}+/u.exec(after)?.[0];
  if (unit) return { ...edit, deleted: edit.deleted + unit, inserted: edit.inserted + unit };
  const label = wordAtEnd(before, /[\p{L}.]/u);
  return label ? { ...edit, deleted: label + edit.deleted, inserted: label + edit.inserted } : edit;
}

/** A frontmatter value such as a version or a date: one short line without a full stop. */
function isShortValue(text: string): boolean {
  return text.trim().length < 60 && !/[\n.]/.test(text.trim().replace(/\d\./g, ''));
}

function lastWords(text: string): string {
  return text.trim().split(/\s+/).slice(-3).join(' ');
}

/** The last word of `text` (characters matching `character`) with the spaces after it, or '' when the text does not end in one. */
function wordAtEnd(text: string, character: RegExp): string {
  const spaces = trailing(text, /\s/);
  const word = trailing(text.slice(0, text.length - spaces.length), character);
  return word ? word + spaces : '';
}
