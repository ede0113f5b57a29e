import type { Foranstaltning } from '../model/generated-types.js';
import { sectionFields } from '../model/schema-catalog.js';
import { trailing } from '../text/trailing.js';
import { CLASS_LABELS, KIND_LABELS, fieldLabel } from './labels.js';
import type { AcceptedDeviation, ChangeClass, FieldChange, MeasureChange, Round } from './model.js';
import { redline, type Segment } from './redline.js';

export interface MarkdownOptions {
  /** The most UTF-8 bytes the result may have; the changes are cut at a measure boundary to fit. */
  maxBytes?: number;
}

/** Under GitHub's 1 MiB for a job summary; a PR comment holds at most 65,536 characters, so its caller passes less. */
const DEFAULT_MAX_BYTES = 1_000_000;

const CLASS_ORDER: readonly ChangeClass[] = ['material', 'content', 'editorial'];

const CLASS_PLURALS: Record<ChangeClass, string> = {
  material: 'Væsentlige ændringer',
  content: 'Indholdsmæssige ændringer',
  editorial: 'Redaktionelle ændringer',
};

/** The changelog of a round as GitHub Markdown (PR comment, job summary): material changes first, word-level redlines, policy text escaped. */
export function renderChangelogMarkdown(round: Round, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const changes = orderChanges(round.changelog.changes);
  const head = headOf(round);
  const blocks = changes.map((change) => measureBlock(change, round));
  const tail = deviationsBlock(round.deviations);
  const full = finish([head, ...blocks, tail]);
  if (bytesOf(full) <= maxBytes) return full;

  // Reserve room for the note as if every measure were left out, so the count can only make it shorter.
  const room = maxBytes - bytesOf(head) - bytesOf(tail) - bytesOf(truncationNote(changes.length, changes.length));
  if (room < 0) {
    const note = truncationNote(changes.length, changes.length);
    return bytesOf(head) + bytesOf(note) <= maxBytes ? finish([head, note]) : cutToBytes(note, maxBytes);
  }
  let used = 0;
  let kept = 0;
  for (const block of blocks) {
    const size = bytesOf(block);
    if (used + size > room) break;
    used += size;
    kept += 1;
  }
  return finish([head, ...blocks.slice(0, kept), tail, truncationNote(changes.length - kept, changes.length)]);
}

/** The changes with material ones first (an added or removed measure, or any material field), each measure's fields material first; otherwise in changelog order. */
export function orderChanges(changes: readonly MeasureChange[]): MeasureChange[] {
  return changes
    .map((change) => ({ ...change, fields: [...change.fields].sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class)) }))
    .sort((a, b) => Number(isMaterial(b)) - Number(isMaterial(a)));
}

/** A measure added or removed is material by SPEC; otherwise a measure is as material as its most material field. */
export function isMaterial(change: MeasureChange): boolean {
  return change.kind === 'added' || change.kind === 'removed' || change.fields.some((field) => field.class === 'material');
}

/** How many field changes of each class. */
export function countByClass(fields: readonly FieldChange[]): Record<ChangeClass, number> {
  const counts: Record<ChangeClass, number> = { material: 0, content: 0, editorial: 0 };
  for (const field of fields) counts[field.class] += 1;
  return counts;
}

/** The field changes counted in words: »2 væsentlige, 1 redaktionel«. */
export function classSummary(fields: readonly FieldChange[]): string {
  const counts = countByClass(fields);
  return CLASS_ORDER.filter((changeClass) => counts[changeClass] > 0)
    .map((changeClass) => `${formatCount(counts[changeClass])} ${CLASS_LABELS[changeClass].toLowerCase()}${counts[changeClass] === 1 ? '' : 'e'}`)
    .join(', ');
}

/** The Danish heading of a changed field; the frame's own sections (»Målgruppe«) win for the frame. */
export function fieldHeading(change: MeasureChange, field: string): string {
  if (change.id === 'serviceniveau') {
    const section = sectionFields('serviceniveau').find((candidate) => candidate.key === field);
    if (section) return section.heading;
  }
  return fieldLabel(field);
}

/** The whole text of an added measure (at the `to` side) or a removed one (at the `from` side), when the round has it. */
export function wholeMeasureOf(change: MeasureChange, round: Round): Partial<Foranstaltning> | undefined {
  if (change.kind === 'added') return round.after.measures.find((measure) => measure.id === change.id);
  if (change.kind === 'removed') return round.before.measures.find((measure) => measure.id === change.id);
  return undefined;
}

/** A whole number the Danish way: 1.000. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Escapes text for Markdown so it shows as written: it can make no link, HTML, formatting or block of its own. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>&|#$]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:') // no autolinked URLs
    .replace(/\b(www)\./gi, '$1\\.');
}

/** The blocks, each ending in a blank line, as one document ending in a single newline. */
function finish(blocks: readonly string[]): string {
  const text = blocks.join('');
  const newlines = trailing(text, /\n/);
  return newlines ? `${text.slice(0, text.length - newlines.length)}\n` : text;
}

function headOf(round: Round): string {
  const changes = round.changelog.changes;
  const fields = changes.flatMap((change) => change.fields);
  const counts = countByClass(fields);
  const kinds = (kind: MeasureChange['kind']) => changes.filter((change) => change.kind === kind).length;
  const lines = [
    `## Ændringer i serviceniveauet: ${escapeLine(round.kommune)}`,
    '',
    `${escapeLine(round.omraade)} · revisionsrunde fra ${escapeLine(round.from.label)} til ${escapeLine(round.to.label)}`,
    '',
    '### Overblik',
    '',
    '| Ændringer | Antal |',
    '| --- | ---: |',
    ...CLASS_ORDER.map((changeClass) => `| ${CLASS_PLURALS[changeClass]} | ${formatCount(counts[changeClass])} |`),
    `| Nye foranstaltninger | ${formatCount(kinds('added'))} |`,
    `| Fjernede foranstaltninger | ${formatCount(kinds('removed'))} |`,
    `| Omdøbte foranstaltninger | ${formatCount(kinds('renamed'))} |`,
    '',
  ];
  if (changes.length === 0) lines.push('Runden indeholder ingen ændringer.', '');
  else lines.push('Væsentlige ændringer står først. Slettede ord er ~~overstreget~~, nye ord er **fede**.', '');
  return `${lines.join('\n')}\n`;
}

function measureBlock(change: MeasureChange, round: Round): string {
  const lines = [`### ${escapeLine(change.titel)}`, '', `${metaLine(change)}`, ''];
  const whole = wholeMeasureOf(change, round);
  if (whole) {
    lines.push(change.kind === 'added' ? 'Hele foranstaltningen er ny:' : 'Hele foranstaltningen udgår. Den lød:', '');
    if (whole.kategori) lines.push(`**Kategori:** ${escapeLine(whole.kategori)}`, '');
    for (const section of sectionFields('foranstaltning')) {
      const text = whole[section.key as keyof typeof whole];
      if (typeof text !== 'string' || text.trim() === '') continue;
      lines.push(`**${escapeLine(section.heading)}**`, '', quote(escapeBlock(text)), '');
    }
  }
  // An added or removed measure shown whole already holds the text of its fields.
  for (const field of whole ? [] : change.fields) {
    const parts = [`**${escapeLine(fieldHeading(change, field.field))}**`, CLASS_LABELS[field.class], code(field.change)];
    if (field.note) parts.push(escapeLine(field.note));
    lines.push(parts.join(' · '), '', quote(redlineMarkdown(redline(field.before, field.after))), '');
  }
  return `${lines.join('\n')}\n`;
}

function metaLine(change: MeasureChange): string {
  const parts = [KIND_LABELS[change.kind], code(change.id)];
  if (change.previousId) parts.push(`tidligere ${code(change.previousId)}`);
  if (change.kind === 'added' || change.kind === 'removed') parts.push(CLASS_LABELS.material);
  if (change.fields.length > 0) parts.push(classSummary(change.fields));
  return parts.join(' · ');
}

function deviationsBlock(deviations: readonly AcceptedDeviation[]): string {
  if (deviations.length === 0) return '';
  const lines = [
    '### Godkendte afvigelser',
    '',
    'Her er reglerne tilsidesat med en begrundelse i filen. Afvigelserne er nye i denne runde.',
    '',
    '| Fil og linje | Regler | Begrundelse |',
    '| --- | --- | --- |',
    ...deviations.map((deviation) => `| ${cellCode(`${deviation.file}:${deviation.line}`)} | ${deviation.rules.map(cellCode).join(', ')} | ${escapeLine(deviation.reason)} |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function truncationNote(omitted: number, total: number): string {
  return `> **Bemærk:** Oversigten er forkortet: ${formatCount(omitted)} af ${formatCount(total)} berørte foranstaltninger er udeladt her for at holde den under GitHubs størrelsesgrænse. Den fulde ændringsoversigt står i HTML- og Word-dokumentet, som ligger som artefakt på workflow-kørslen.\n`;
}

/**
 * A word-level redline as Markdown: ~~deleted~~ and **inserted**.
 * GitHub only honours `~~` and `**` at word edges (CommonMark's flanking rules), so a change that begins
 * or ends with punctuation inside a word (»måned.« → »måned«) is widened to the whole word.
 */
function redlineMarkdown(segments: readonly Segment[]): string {
  const runs = runsOf(segments);
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index]!;
    if (run.type !== 'change') continue;
    const before = runs[index - 1];
    const after = runs[index + 1];
    if (before?.type === 'same' && /[\p{L}\p{M}\p{N}]$/u.test(before.text) && startsWithMark(run)) {
      const word = trailing(before.text, /[\p{L}\p{M}\p{N}]/u);
      before.text = before.text.slice(0, -word.length);
      run.deleted = word + run.deleted;
      run.inserted = word + run.inserted;
    }
    if (after?.type === 'same' && /^[\p{L}\p{M}\p{N}]/u.test(after.text) && endsWithMark(run)) {
      const word = /^[\p{L}\p{M}\p{N}]+/u.exec(after.text)![0];
      after.text = after.text.slice(word.length);
      run.deleted += word;
      run.inserted += word;
    }
  }
  // Deleted whitespace alone shows nothing but would break lines where the new text has none.
  const text = runs.map((run) => (run.type === 'same' ? escapeMarkdown(run.text) : (run.deleted.trim() === '' ? '' : mark(run.deleted, '~~')) + mark(run.inserted, '**'))).join('');
  return blockOf(text);
}

type Run = { type: 'same'; text: string } | { type: 'change'; deleted: string; inserted: string };

function runsOf(segments: readonly Segment[]): Run[] {
  const runs: Run[] = [];
  for (const segment of segments) {
    const last = runs.at(-1);
    if (segment.type === 'same') runs.push({ type: 'same', text: segment.text });
    else if (last?.type === 'change') {
      if (segment.type === 'del') last.deleted += segment.text;
      else last.inserted += segment.text;
    } else runs.push({ type: 'change', deleted: segment.type === 'del' ? segment.text : '', inserted: segment.type === 'ins' ? segment.text : '' });
  }
  return runs;
}

function startsWithMark(run: { deleted: string; inserted: string }): boolean {
  return [run.deleted, run.inserted].some((text) => /^[^\p{L}\p{M}\p{N}\s]/u.test(text));
}

function endsWithMark(run: { deleted: string; inserted: string }): boolean {
  return [run.deleted, run.inserted].some((text) => /[^\p{L}\p{M}\p{N}\s]$/u.test(text));
}

/** Wraps each line of a changed run in a delimiter, leaving the whitespace around it outside so the delimiters work. */
function mark(text: string, delimiter: string): string {
  // Line by line with trim, not /^(\s*)([\s\S]*?)(\s*)$/, which is quadratic in a long run of spaces.
  return text
    .split('\n')
    .map((line) => {
      const core = line.trim();
      if (!core) return line;
      return `${line.slice(0, line.length - line.trimStart().length)}${delimiter}${escapeMarkdown(core)}${delimiter}${line.slice(line.trimEnd().length)}`;
    })
    .join('\n');
}

/** Escapes a multi-line text and keeps its lines and paragraphs. */
function escapeBlock(text: string): string {
  return blockOf(escapeMarkdown(text));
}

/** Escaped inline text as paragraphs: blank lines part paragraphs, single line breaks become hard breaks, no line can start a block. */
function blockOf(escaped: string): string {
  return escaped
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLineStart(line.trim()))
        .join('\\\n'),
    )
    .join('\n\n');
}

// What starts a block when it opens a line; the rest (#, >, *, _, ~, `) is escaped everywhere.
function escapeLineStart(line: string): string {
  return line.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

function escapeLine(text: string): string {
  return escapeLineStart(escapeMarkdown(text.replace(/\s+/g, ' ').trim()));
}

function quote(block: string): string {
  return block
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** A code span that holds any text: a fence longer than the longest run of backticks inside. */
function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code span inside a table cell, where GFM splits cells at every unescaped pipe, even in code. */
function cellCode(text: string): string {
  return code(text).replaceAll('|', '\\|');
}

function bytesOf(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of text within maxBytes, never splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  let result = '';
  let used = 0;
  for (const character of text) {
    used += bytesOf(character);
    if (used > maxBytes) break;
    result += character;
  }
  return result;
}
