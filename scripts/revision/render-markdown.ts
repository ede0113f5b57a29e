import { escapeMentions } from '../github/mentions.js';
import { trailing } from '../text/trailing.js';
import { CLASS_LABELS, CLASS_ORDER, CLASS_PLURALS } from './labels.js';
import type { AcceptedDeviation, Round } from './model.js';
import { presentChangelog, type Amendment, type ChangelogPresentation, type MeasurePresentation } from './present/changelog.js';
import { formatCount } from './present/format.js';
import { redline, type Segment } from './redline.js';

export interface MarkdownOptions {
  /** The most UTF-8 bytes the result may have; the changes are cut at a measure boundary to fit. */
  maxBytes?: number;
}

/** Under GitHub's 1 MiB for a job summary; a PR comment holds at most 65,536 characters, so its caller passes less. */
const DEFAULT_MAX_BYTES = 1_000_000;

/** A measure with more amendments than this, or with longer amendment texts in all, folds them in `<details>`. */
const FOLD_AMENDMENTS = 3;
const FOLD_CHARACTERS = 600;

/** The changelog of a round as GitHub Markdown (PR comment, job summary): material changes first, word-level redlines, policy text escaped. */
export function renderChangelogMarkdown(round: Round, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const presentation = presentChangelog(round);
  const changes = presentation.measures;
  const head = headOf(presentation);
  const blocks = changes.map(measureBlock);
  const tail = deviationsBlock(presentation.deviations);
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

/** Escapes text for Markdown so it shows as written: it can make no link, HTML, formatting or block of its own, and pings no one. */
export function escapeMarkdown(text: string): string {
  return escapeMentions(
    text
      .replace(/[\\`*_~[\]<>&|#$]/g, '\\$&')
      .replace(/:(?=\/\/)/g, '\\:') // no autolinked URLs
      .replace(/\b(www)\./gi, '$1\\.'),
  );
}

/** The blocks, each ending in a blank line, as one document ending in a single newline. */
function finish(blocks: readonly string[]): string {
  const text = blocks.join('');
  const newlines = trailing(text, /\n/);
  return newlines ? `${text.slice(0, text.length - newlines.length)}\n` : text;
}

function headOf(presentation: ChangelogPresentation): string {
  const { totals } = presentation;
  const lines = [
    `## Ændringer i serviceniveauet: ${escapeLine(presentation.kommune)}`,
    '',
    `${escapeLine(presentation.omraade)} · revisionsrunde fra ${escapeLine(presentation.fromLabel)} til ${escapeLine(presentation.toLabel)}`,
    '',
    '### Overblik',
    '',
    '| Ændringer | Antal |',
    '| --- | ---: |',
    ...CLASS_ORDER.map((changeClass) => `| ${CLASS_PLURALS[changeClass]} ændringer | ${formatCount(totals.byClass[changeClass])} |`),
    `| Nye foranstaltninger | ${formatCount(totals.added)} |`,
    `| Fjernede foranstaltninger | ${formatCount(totals.removed)} |`,
    `| Omdøbte foranstaltninger | ${formatCount(totals.renamed)} |`,
    '',
    ...(totals.text ? [escapeLine(totals.text), ''] : []),
  ];
  if (presentation.measures.length === 0) lines.push('Runden indeholder ingen ændringer.', '');
  else {
    lines.push(
      'Væsentlige ændringer står først. Slettede ord er ~~overstreget~~, nye ord er **fede**. Under hver foranstaltning står ændringsforslagene, nummereret som i HTML- og Word-dokumentet.',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

function measureBlock(change: MeasurePresentation): string {
  const lines = [`### ${escapeLine(change.titel)}`, '', `${metaLine(change)}`, ''];
  const whole = change.whole;
  if (whole) {
    lines.push(whole.side === 'after' ? 'Hele foranstaltningen er ny:' : 'Hele foranstaltningen udgår. Den lød:', '');
    for (const fact of whole.facts) lines.push(`**${escapeLine(fact.heading)}:** ${escapeLine(fact.text)}`, '');
    for (const section of whole.sections) lines.push(`**${escapeLine(section.heading)}**`, '', quote(escapeBlock(section.text)), '');
  }
  for (const field of change.fields) {
    const parts = [`**${escapeLine(field.heading)}**`, field.classLabel, code(field.change)];
    if (field.note) parts.push(escapeLine(field.note));
    lines.push(parts.join(' · '), '', quote(redlineMarkdown(redline(field.before, field.after))), '');
  }
  lines.push(...amendmentLines(change.amendments));
  return `${lines.join('\n')}\n`;
}

/**
 * The measure's numbered ændringsforslag, numbered as in the HTML and Word documents (they all come from the
 * presentation); many or long ones folded in `<details>`, so the comment stays readable.
 */
function amendmentLines(amendments: readonly Amendment[]): string[] {
  const first = amendments[0];
  const last = amendments.at(-1);
  if (!first || !last) return [];
  // An ordered list numbers on from its first item, so the written numbers are also the shown ones.
  const list = amendments.map((amendment) => `${amendment.number}. ${escapeLine(amendment.text)}`);
  const length = amendments.reduce((sum, amendment) => sum + amendment.text.length, 0);
  if (amendments.length <= FOLD_AMENDMENTS && length <= FOLD_CHARACTERS) return ['**Ændringsforslag**', '', ...list, ''];
  const numbers = first === last ? `${first.number}` : `${first.number}–${last.number}`;
  return [`<details><summary>Ændringsforslag ${numbers} (${formatCount(amendments.length)})</summary>`, '', ...list, '', '</details>', ''];
}

function metaLine(change: MeasurePresentation): string {
  const parts = [change.kindLabel, code(change.id)];
  if (change.previousId) parts.push(`tidligere ${code(change.previousId)}`);
  if (change.kind === 'added' || change.kind === 'removed') parts.push(CLASS_LABELS.material);
  if (change.summary) parts.push(change.summary);
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
    ...deviations.map(
      (deviation) => `| ${cellCode(`${deviation.file}:${deviation.line}`)} | ${deviation.rules.map(cellCode).join(', ')} | ${escapeLine(deviation.reason)} |`,
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function truncationNote(omitted: number, total: number): string {
  return `> **Bemærk:** Oversigten er forkortet: ${formatCount(omitted)} af ${formatCount(total)} berørte foranstaltninger er udeladt her med deres ændringsforslag for at holde den under GitHubs størrelsesgrænse. Den fulde ændringsoversigt står i HTML- og Word-dokumentet, som ligger som artefakt på workflow-kørslen.\n`;
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
  const text = runs
    .map((run) => (run.type === 'same' ? escapeMarkdown(run.text) : (run.deleted.trim() === '' ? '' : mark(run.deleted, '~~')) + mark(run.inserted, '**')))
    .join('');
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
