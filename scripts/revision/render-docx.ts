import { diffArrays } from 'diff';
import {
  DeletedTextRun,
  Document,
  Footer,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { danishDate } from '../law/register.js';
import { rolePhaseFields, sectionFields } from '../model/schema-catalog.js';
import { amendmentInstructions } from './amendment.js';
import { CLASS_LABELS, KIND_LABELS, fieldLabel } from './labels.js';
import type { AcceptedDeviation, ChangeClass, MeasureChange, Round, RoundSide, ServiceLevel } from './model.js';
import { redline, type Segment } from './redline.js';

/** The date of tracked changes and document properties when neither side of a round has one: never the clock. */
const EPOCH = '1970-01-01T00:00:00Z';
const DEFAULT_AUTHOR = 'serviceniveau';
/** The text width of an A4 page with Word's default margins, in twips: the grid tables are laid out on. */
const TEXT_WIDTH = 9026;
const DELETED_COLOR = 'C00000';
const INSERTED_COLOR = '1F4E79';
const HEADER_FILL = 'D9E2F3';

const STATUS_LABELS: Record<string, string> = { udkast: 'Udkast', hoering: 'I høring', vedtaget: 'Vedtaget' };
const CLASS_ORDER: readonly ChangeClass[] = ['material', 'content', 'editorial'];
const CLASS_COLUMNS: Record<ChangeClass, string> = { material: 'Væsentlige', content: 'Indholdsmæssige', editorial: 'Redaktionelle' };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/** The committee's Word document for a revision round: cover, summary, paralleltekst with amendments, and the full proposal with tracked changes. */
export async function renderChangelogDocx(round: Round): Promise<Buffer> {
  const date = revisionDate(round);
  const author = round.to.author ?? DEFAULT_AUTHOR;
  const changes = sortedChanges(round.changelog.changes);
  const children: DocumentChild[] = [
    ...changelogCover(round),
    heading('Oversigt over ændringerne', 1, true),
    ...(changes.length > 0 ? [summaryTable(changes)] : [bodyParagraph('Der er ingen ændringer i denne revisionsrunde.')]),
    ...parallelText(round, changes),
    ...deviationSection(round.deviations),
    heading('Forslag til serviceniveau', 1, true),
    bodyParagraph('Her følger hele det foreslåede serviceniveau. Ændringerne i forhold til det gældende serviceniveau er registrerede ændringer i Word, så de kan gennemgås en for en under Gennemse.'),
    ...trackedServiceLevel(round, revisions(author, date)),
  ];
  const title = `Ændringer i serviceniveauet: ${round.kommune}, ${round.omraade}`;
  return pack(children, { title, creator: author, date });
}

/** The whole service level at one side of a round as a clean Word document, without tracked changes. */
export async function renderServiceLevelDocx(level: ServiceLevel, side: RoundSide, meta: { kommune: string; omraade: string }): Promise<Buffer> {
  const children: DocumentChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Serviceniveau')] }),
    new Paragraph({ children: [new TextRun({ text: meta.kommune, bold: true, size: 32 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: meta.omraade, size: 28 })] }),
    ...factsOf(level, side).map(([label, value]) => labelledParagraph(label, value)),
  ];
  serviceLevelParts(level, 1, new Map()).forEach((part, index) => {
    if (part.roles) children.push(roleTable(part.roles.map((role) => ({ role, change: 'same' as const })), undefined));
    else children.push(...part.blocks.map((block, blockIndex) => plainParagraph(block, index === 0 && blockIndex === 0)));
  });
  return pack(children, { title: `Serviceniveau: ${meta.kommune}, ${meta.omraade}`, creator: side.author ?? DEFAULT_AUTHOR, date: normalizeDate(side.date ?? EPOCH) });
}

// ---------------------------------------------------------------------------------------------
// Markdown → blocks: the text of one paragraph or bullet, with its bold and italic spans.

type DocumentChild = Paragraph | Table;

interface Span {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

type Format = { kind: 'body'; indent: number } | { kind: 'bullet'; level: number } | { kind: 'heading'; level: number };

interface TextBlock {
  format: Format;
  spans: Span[];
  text: string;
}

const markdown = unified().use(remarkParse);

/** Parsed fields by their text: most sections read the same before and after a round, and are parsed once. */
const blocksBySource = new Map<string, readonly TextBlock[]>();

/** A field's Markdown as paragraphs and bullets of plain text: no raw HTML, links become their text, comments are dropped. */
function markdownBlocks(source: string): TextBlock[] {
  let blocks = blocksBySource.get(source);
  if (!blocks) {
    blocks = parseMarkdownBlocks(source);
    blocksBySource.set(source, blocks);
  }
  return [...blocks];
}

function parseMarkdownBlocks(source: string): TextBlock[] {
  if (source.trim() === '') return [];
  const blocks: TextBlock[] = [];
  const visit = (nodes: readonly RootContent[], indent: number, listLevel: number): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
          pushBlock(blocks, { kind: 'body', indent }, inlineSpans(node.children, {}));
          break;
        case 'heading':
          pushBlock(blocks, { kind: 'body', indent }, inlineSpans(node.children, { bold: true }));
          break;
        case 'list':
          node.children.forEach((item, index) => {
            const [first, ...rest] = item.children;
            const number = node.ordered ? [{ text: `${(node.start ?? 1) + index}. ` }] : [];
            if (first?.type === 'paragraph') {
              const format: Format = node.ordered ? { kind: 'body', indent: listLevel + 1 } : { kind: 'bullet', level: listLevel };
              pushBlock(blocks, format, [...number, ...inlineSpans(first.children, {})]);
              visit(rest, listLevel + 1, listLevel + 1);
            } else {
              visit(item.children, listLevel + 1, listLevel + 1);
            }
          });
          break;
        case 'blockquote':
          visit(node.children, indent + 1, listLevel);
          break;
        case 'code':
          pushBlock(blocks, { kind: 'body', indent }, [{ text: node.value }]);
          break;
        case 'html':
          if (!isComment(node.value)) pushBlock(blocks, { kind: 'body', indent }, [{ text: node.value }]);
          break;
        default:
          break;
      }
    }
  };
  visit((markdown.parse(source) as Root).children, 0, 0);
  return blocks;
}

/** Text spans of inline Markdown; raw HTML is kept as visible text, so `<script>` reads as what it is. */
function inlineSpans(nodes: readonly PhrasingContent[], style: Omit<Span, 'text'>): Span[] {
  return nodes.flatMap((node): Span[] => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return [{ ...style, text: node.value }];
      case 'html':
        return isComment(node.value) ? [] : [{ ...style, text: node.value }];
      case 'strong':
        return inlineSpans(node.children, { ...style, bold: true });
      case 'emphasis':
        return inlineSpans(node.children, { ...style, italics: true });
      case 'break':
        return [{ ...style, text: ' ' }];
      case 'image':
      case 'imageReference':
        return node.alt ? [{ ...style, text: node.alt }] : [];
      default:
        return 'children' in node ? inlineSpans(node.children as PhrasingContent[], style) : [];
    }
  });
}

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(html);
}

/** Adds a block with whitespace collapsed (a soft line break is a space), trimmed and adjacent spans of one style merged. */
function pushBlock(blocks: TextBlock[], format: Format, spans: readonly Span[]): void {
  const merged: Span[] = [];
  for (const span of spans) {
    const text = span.text.replace(/\s+/g, ' ');
    const last = merged.at(-1);
    if (last && Boolean(last.bold) === Boolean(span.bold) && Boolean(last.italics) === Boolean(span.italics)) last.text += text;
    else merged.push({ ...span, text });
  }
  const first = merged[0];
  if (first) first.text = first.text.trimStart();
  const last = merged.at(-1);
  if (last) last.text = last.text.trimEnd();
  const kept = merged.filter((span) => span.text.length > 0);
  if (kept.length > 0) blocks.push({ format, spans: kept, text: kept.map((span) => span.text).join('') });
}

function textBlock(text: string, format: Format = { kind: 'body', indent: 0 }): TextBlock[] {
  const blocks: TextBlock[] = [];
  pushBlock(blocks, format, [{ text }]);
  return blocks;
}

function boldBlock(text: string): TextBlock[] {
  return textBlock(text).map((block) => ({ ...block, spans: block.spans.map((span) => ({ ...span, bold: true })) }));
}

function labelledBlock(label: string, value: string | undefined): TextBlock[] {
  if (!value) return [];
  return [{ format: { kind: 'body', indent: 0 }, spans: [{ text: `${label}: `, bold: true }, { text: value }], text: `${label}: ${value}` }];
}

// ---------------------------------------------------------------------------------------------
// Pairing blocks: which paragraph became which, and the word-level redline within each pair.

interface BlockPair {
  before?: TextBlock;
  after?: TextBlock;
  segments: Segment[];
}

/** A paragraph pair this similar or more is shown as one edited paragraph, not a deleted and an inserted one. */
const SIMILAR = 0.4;

/** Aligns the paragraphs of two texts: equal ones pass through, changed ones are paired by similarity, the rest are deleted or inserted. */
function alignBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockPair[] {
  const pairs: BlockPair[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = (): void => {
    pairs.push(...pairHunk(removed, added));
    removed = [];
    added = [];
  };
  let b = 0;
  let a = 0;
  for (const part of diffArrays(before.map(blockKey), after.map(blockKey))) {
    const count = part.value.length;
    if (part.removed) removed.push(...before.slice(b, (b += count)));
    else if (part.added) added.push(...after.slice(a, (a += count)));
    else {
      flush();
      for (let index = 0; index < count; index++) pairs.push(pairOf(before[b + index], after[a + index]));
      b += count;
      a += count;
    }
  }
  flush();
  return pairs;
}

function pairHunk(removed: readonly TextBlock[], added: readonly TextBlock[]): BlockPair[] {
  const pairs: BlockPair[] = [];
  let next = 0;
  for (const old of removed) {
    let best = -1;
    let bestScore = SIMILAR;
    for (let index = next; index < added.length; index++) {
      const score = similarity(old, added[index]!);
      if (score > bestScore || (best === -1 && score === bestScore)) {
        best = index;
        bestScore = score;
      }
    }
    if (best === -1) {
      pairs.push(pairOf(old, undefined));
      continue;
    }
    for (; next < best; next++) pairs.push(pairOf(undefined, added[next]));
    pairs.push(pairOf(old, added[best]));
    next = best + 1;
  }
  for (; next < added.length; next++) pairs.push(pairOf(undefined, added[next]));
  return pairs;
}

function pairOf(before: TextBlock | undefined, after: TextBlock | undefined): BlockPair {
  if (before && after) return { before, after, segments: redline(before.text, after.text) };
  if (before) return { before, segments: [{ type: 'del', text: before.text }] };
  return { after, segments: after ? [{ type: 'ins', text: after.text }] : [] };
}

/** The share of the longer text's letters that are unchanged. */
function similarity(before: TextBlock, after: TextBlock): number {
  const same = redline(before.text, after.text)
    .filter((segment) => segment.type === 'same')
    .reduce((sum, segment) => sum + segment.text.replace(/\s/g, '').length, 0);
  return same / Math.max(1, before.text.replace(/\s/g, '').length, after.text.replace(/\s/g, '').length);
}

function blockKey(block: TextBlock): string {
  return `${JSON.stringify(block.format)}\u0000${block.text}`;
}

interface Piece extends Span {
  change: Segment['type'];
}

/**
 * The pieces of a pair's redline, each with the style of the text it comes from; `side` keeps only the
 * text of one side (for the two columns of a paralleltekst) or both (for tracked changes).
 */
function piecesOf(pair: BlockPair, side: 'before' | 'after' | 'both'): Piece[] {
  const pieces: Piece[] = [];
  let b = 0;
  let a = 0;
  for (const segment of pair.segments) {
    const length = segment.text.length;
    // Unchanged text takes the style it has in the version being shown: the new one, except in the left column.
    const fromBefore = segment.type === 'del' ? side !== 'after' : segment.type === 'same' && side === 'before';
    const fromAfter = segment.type === 'ins' ? side !== 'before' : segment.type === 'same' && side !== 'before';
    if (fromBefore) pieces.push(...slice(pair.before, b, b + length, segment.type));
    if (fromAfter) pieces.push(...slice(pair.after, a, a + length, segment.type));
    if (segment.type !== 'ins') b += length;
    if (segment.type !== 'del') a += length;
  }
  return pieces;
}

function slice(block: TextBlock | undefined, start: number, end: number, change: Piece['change']): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const span of block?.spans ?? []) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + span.text.length);
    if (from < to) pieces.push({ ...span, text: span.text.slice(from - offset, to - offset), change });
    offset += span.text.length;
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs: clean, marked (paralleltekst) and tracked (Word revisions).

interface Revision {
  id: number;
  author: string;
  date: string;
}

type Revisions = () => Revision;

/** Revision marks with ids that are unique and increase in document order. */
function revisions(author: string, date: string): Revisions {
  let id = 0;
  return () => ({ id: ++id, author, date });
}

function formatOptions(format: Format): IParagraphOptions {
  if (format.kind === 'bullet') return { bullet: { level: Math.min(format.level, 8) } };
  if (format.kind === 'heading') return { heading: headingLevel(format.level), keepNext: true };
  return format.indent > 0 ? { indent: { left: 360 * format.indent } } : {};
}

function headingLevel(level: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1]!;
}

function plainParagraph(block: TextBlock, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    ...formatOptions(block.format),
    ...(pageBreakBefore ? { pageBreakBefore } : {}),
    children: block.spans.map((span) => new TextRun({ text: span.text, bold: span.bold, italics: span.italics })),
  });
}

/** One column of a paralleltekst: deleted words struck through on the left, inserted words underlined on the right. */
function markedParagraph(pair: BlockPair, side: 'before' | 'after'): Paragraph {
  const block = (side === 'before' ? pair.before : pair.after)!;
  return new Paragraph({
    ...formatOptions(block.format),
    children: piecesOf(pair, side).map((piece) => {
      const style = { text: piece.text, bold: piece.bold, italics: piece.italics };
      if (piece.change === 'del') return new TextRun({ ...style, strike: true, color: DELETED_COLOR });
      if (piece.change === 'ins') return new TextRun({ ...style, underline: {}, color: INSERTED_COLOR });
      return new TextRun(style);
    }),
  });
}

/** A paragraph with Word revisions: a deleted or inserted paragraph also has its paragraph mark tracked, so accepting or rejecting all gives either text exactly. */
function trackedParagraph(pair: BlockPair, revision: Revisions): Paragraph {
  const block = (pair.after ?? pair.before)!;
  const mark = !pair.after ? { deletion: revision() } : !pair.before ? { insertion: revision() } : undefined;
  const children: ParagraphChild[] = piecesOf(pair, 'both').map((piece) => {
    const style = { text: piece.text, bold: piece.bold, italics: piece.italics };
    if (piece.change === 'del') return new DeletedTextRun({ ...revision(), ...style });
    if (piece.change === 'ins') return new InsertedTextRun({ ...revision(), ...style });
    return new TextRun(style);
  });
  return new Paragraph({ ...formatOptions(block.format), ...(mark ? { run: mark } : {}), children });
}

function tracked(before: readonly TextBlock[], after: readonly TextBlock[], revision: Revisions): Paragraph[] {
  return alignBlocks(before, after).map((pair) => trackedParagraph(pair, revision));
}

function heading(text: string, level: number, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: headingLevel(level), keepNext: true, ...(pageBreakBefore ? { pageBreakBefore } : {}), children: [new TextRun(text)] });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

function labelledParagraph(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

// ---------------------------------------------------------------------------------------------
// Tables.

function table(widths: readonly number[], rows: TableRow[]): Table {
  const total = widths.reduce((sum, width) => sum + width, 0);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map((width) => Math.round((TEXT_WIDTH * width) / total)),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows,
  });
}

function headerRow(labels: readonly string[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: labels.map(
      (label) => new TableCell({ shading: { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' }, children: [new Paragraph({ keepNext: true, children: [new TextRun({ text: label, bold: true })] })] }),
    ),
  });
}

function textRow(cells: readonly string[], bold = false): TableRow {
  return new TableRow({ cantSplit: true, children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] })) });
}

function cell(paragraphs: Paragraph[]): TableCell {
  return new TableCell({ children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})] });
}

// ---------------------------------------------------------------------------------------------
// The changelog: cover, summary, paralleltekst, deviations.

function changelogCover(round: Round): DocumentChild[] {
  const rows: [string, string | undefined, string | undefined][] = [
    ['Betegnelse', round.from.label, round.to.label],
    ['Dato', danishDateOf(round.from.date), danishDateOf(round.to.date)],
    ['Version', round.from.version, round.to.version],
    ['Gyldig fra', danishDateOf(round.from.gyldigFra), danishDateOf(round.to.gyldigFra)],
  ];
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Ændringer i serviceniveauet')] }),
    new Paragraph({ children: [new TextRun({ text: round.kommune, bold: true, size: 32 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: round.omraade, size: 28 })] }),
    labelledParagraph('Revisionsrunde', `${round.from.label} → ${round.to.label}`),
    table([2, 3, 3], [headerRow(['', 'Gældende', 'Forslag']), ...rows.map(([label, from, to]) => textRow([label, from ?? '—', to ?? '—']))]),
    new Paragraph({
      spacing: { before: 240 },
      children: [
        new TextRun(
          'Dokumentet giver først en oversigt over ændringerne. Derefter følger for hver ændret foranstaltning en paralleltekst med den gældende og den nye formulering og de ændringsforslag, udvalget skal tage stilling til. Til sidst følger hele forslaget til serviceniveau med ændringerne vist som registrerede ændringer.',
        ),
      ],
    }),
  ];
}

type ClassCounts = Record<ChangeClass, number>;

/** Field changes by class; a measure added or removed is itself a material change (SPEC, "Revision rounds"). */
function countsOf(change: MeasureChange): ClassCounts {
  const counts: ClassCounts = { material: 0, content: 0, editorial: 0 };
  for (const field of change.fields) counts[field.class]++;
  if ((change.kind === 'added' || change.kind === 'removed') && change.fields.length === 0) counts.material = 1;
  return counts;
}

/** Material changes first, then content, then editorial; otherwise in the changelog's order. */
function sortedChanges(changes: readonly MeasureChange[]): MeasureChange[] {
  const rank = (change: MeasureChange): number => {
    const counts = countsOf(change);
    const index = CLASS_ORDER.findIndex((changeClass) => counts[changeClass] > 0);
    return index === -1 ? CLASS_ORDER.length : index;
  };
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

function summaryTable(changes: readonly MeasureChange[]): Table {
  const totals: ClassCounts = { material: 0, content: 0, editorial: 0 };
  const rows = changes.map((change) => {
    const counts = countsOf(change);
    for (const changeClass of CLASS_ORDER) totals[changeClass] += counts[changeClass];
    return textRow([change.titel, KIND_LABELS[change.kind], ...CLASS_ORDER.map((changeClass) => String(counts[changeClass]))]);
  });
  return table([5, 2, 2, 2.4, 2], [
    headerRow(['Foranstaltning', 'Ændring', ...CLASS_ORDER.map((changeClass) => CLASS_COLUMNS[changeClass])]),
    ...rows,
    textRow(['I alt', '', ...CLASS_ORDER.map((changeClass) => String(totals[changeClass]))], true),
  ]);
}

interface ParallelRow {
  heading: string;
  before: string;
  after: string;
}

function parallelText(round: Round, changes: readonly MeasureChange[]): DocumentChild[] {
  if (changes.length === 0) return [];
  const blocks: DocumentChild[] = [
    heading('Paralleltekst og ændringsforslag', 1, true),
    bodyParagraph('Venstre kolonne viser den gældende formulering med de ord, der udgår, gennemstreget. Højre kolonne viser den nye formulering med de nye ord understreget.'),
  ];
  for (const change of changes) {
    blocks.push(heading(change.titel, 2), labelledParagraph('Ændring', KIND_LABELS[change.kind]));
    const whole = change.kind === 'added' ? findMeasure(round.after, change.id) : change.kind === 'removed' ? findMeasure(round.before, change.id) : undefined;
    const rows: ParallelRow[] = whole
      ? measureRows(whole).map((row) => (change.kind === 'added' ? { ...row, before: '' } : { ...row, after: '' }))
      : change.fields.map((field) => ({ heading: fieldLabel(field.field), before: field.before, after: field.after }));
    blocks.push(...classification(change));
    if (rows.length > 0) blocks.push(table([1, 1], [headerRow(['Gældende formulering', 'Ny formulering']), ...rows.map((row) => parallelRow(row, !whole))]));
    const instructions =
      change.kind === 'added'
        ? [`Som ny foranstaltning indsættes »${change.titel}« med den formulering, der står i højre kolonne.`]
        : change.kind === 'removed'
          ? [`Foranstaltningen »${change.titel}« udgår.`]
          : change.fields.flatMap((field) => amendmentInstructions(fieldLabel(field.field), field.before, field.after));
    if (instructions.length > 0) {
      blocks.push(new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [new TextRun({ text: 'Ændringsforslag', bold: true })] }));
      instructions.forEach((instruction, index) => blocks.push(new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun(`${index + 1}. `), new TextRun(instruction)] })));
    }
  }
  return blocks;
}

/** One line per changed field: how much it matters, and the classifier's note (»10 timer → 8 timer (−20 %)«). */
function classification(change: MeasureChange): Paragraph[] {
  if (change.fields.length === 0) {
    const counts = countsOf(change);
    return counts.material > 0 ? [new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${CLASS_LABELS.material} ændring: foranstaltningen ${change.kind === 'added' ? 'er ny' : 'udgår'}`)] })] : [];
  }
  return change.fields.map(
    (field) =>
      new Paragraph({
        bullet: { level: 0 },
        children: [new TextRun({ text: `${fieldLabel(field.field)}: `, bold: true }), new TextRun(`${CLASS_LABELS[field.class].toLowerCase()} ændring${field.note ? ` (${field.note})` : ''}`)],
      }),
  );
}

function parallelRow(row: ParallelRow, marked: boolean): TableRow {
  const pairs = marked ? alignBlocks(markdownBlocks(row.before), markdownBlocks(row.after)) : [];
  const column = (side: 'before' | 'after'): Paragraph[] => {
    const label = new Paragraph({ keepNext: true, children: [new TextRun({ text: row.heading, bold: true })] });
    if (!marked) return [label, ...markdownBlocks(side === 'before' ? row.before : row.after).map((block) => plainParagraph(block))];
    return [label, ...pairs.filter((pair) => pair[side]).map((pair) => markedParagraph(pair, side))];
  };
  return new TableRow({ children: [cell(column('before')), cell(column('after'))] });
}

/** A whole measure as paralleltekst rows: its frontmatter and its eight sections in template order. */
function measureRows(measure: Record<string, unknown>): ParallelRow[] {
  const rows: ParallelRow[] = [];
  const kategori = stringOf(measure, 'kategori');
  if (kategori) rows.push({ heading: fieldLabel('kategori'), before: kategori, after: kategori });
  const age = ageOf(measure);
  if (age) rows.push({ heading: fieldLabel('alder'), before: age, after: age });
  for (const section of sectionFields('foranstaltning')) {
    const text = stringOf(measure, section.key);
    rows.push({ heading: section.heading, before: text, after: text });
  }
  return rows;
}

function deviationSection(deviations: readonly AcceptedDeviation[]): DocumentChild[] {
  if (deviations.length === 0) return [];
  return [
    heading('Godkendte afvigelser', 1, true),
    bodyParagraph('Afvigelser fra kontrollerne, som er godkendt i denne revisionsrunde, hver med sin begrundelse.'),
    table([4, 1, 2, 4], [headerRow(['Fil', 'Linje', 'Regler', 'Begrundelse']), ...deviations.map((deviation) => textRow([deviation.file, String(deviation.line), deviation.rules.join(', '), deviation.reason]))]),
  ];
}

// ---------------------------------------------------------------------------------------------
// The service level as keyed parts, so two sides can be compared part by part.

interface Part {
  key: string;
  blocks: TextBlock[];
  /** Set for the role plan's table instead of blocks. */
  roles?: RoleRow[];
}

interface RoleRow {
  name: string;
  phases: TextBlock[][];
}

/**
 * The service level in reading order: frame sections, measures grouped by kategori with their eight sections,
 * and the role plan. Headings start at `depth`; `renames` maps an old measure id to its new one, so a renamed
 * measure keeps its parts' keys.
 */
function serviceLevelParts(level: ServiceLevel, depth: number, renames: ReadonlyMap<string, string>): Part[] {
  const parts: Part[] = [];
  const frame: Record<string, unknown> = level.frame ?? {};
  const heading = (key: string, text: string, offset: number): Part => ({ key, blocks: textBlock(text, { kind: 'heading', level: depth + offset }) });
  for (const section of sectionFields('serviceniveau')) {
    parts.push(heading(`ramme:${section.key}:overskrift`, section.heading, 0), { key: `ramme:${section.key}`, blocks: markdownBlocks(stringOf(frame, section.key)) });
    const signatory = level.frame?.underskriver;
    // Forewords often end with the signature already ("Lene Holm, borgmester"): then it is not repeated.
    if (section.key === 'forord' && signatory?.navn && !stringOf(frame, 'forord').includes(signatory.navn)) {
      parts.push({ key: 'ramme:underskriver', blocks: [...textBlock(signatory.navn), ...textBlock(signatory.titel ?? '')] });
    }
  }
  if (level.measures.length > 0) parts.push(heading('foranstaltninger', 'Foranstaltninger', 0));
  for (const [kategori, measures] of groupByKategori(level.measures)) {
    parts.push(heading(`kategori:${kategori}`, kategori, 1));
    for (const measure of measures) {
      const id = renames.get(String(measure.id)) ?? String(measure.id);
      parts.push(heading(`foranstaltning:${id}:titel`, stringOf(measure, 'titel') || id, 2));
      parts.push({ key: `foranstaltning:${id}:alder`, blocks: labelledBlock(fieldLabel('alder'), ageOf(measure)) });
      for (const section of sectionFields('foranstaltning')) {
        parts.push(heading(`foranstaltning:${id}:${section.key}:overskrift`, section.heading, 3), { key: `foranstaltning:${id}:${section.key}`, blocks: markdownBlocks(stringOf(measure, section.key)) });
      }
    }
  }
  if (level.rolePlan) {
    parts.push(heading('rolleplan:titel', level.rolePlan.titel ?? 'Rolle- og ansvarsfordeling', 0));
    const phases = rolePhaseFields();
    const roles = (level.rolePlan.roller ?? []).map((role) => ({
      name: role.rolle,
      phases: phases.map((phase) => {
        const items = (role as unknown as Record<string, unknown>)[phase.key];
        return markdownBlocks(Array.isArray(items) ? items.filter((item) => typeof item === 'string').map((item) => `- ${item}`).join('\n') : '');
      }),
    }));
    parts.push({ key: 'rolleplan:roller', blocks: [], roles });
  }
  return parts.filter((part) => part.roles || part.blocks.length > 0);
}

function groupByKategori(measures: ServiceLevel['measures']): Map<string, ServiceLevel['measures']> {
  const groups = new Map<string, ServiceLevel['measures']>();
  for (const measure of measures) {
    const kategori = measure.kategori?.trim() || 'Øvrige foranstaltninger';
    const group = groups.get(kategori);
    if (group) group.push(measure);
    else groups.set(kategori, [measure]);
  }
  return groups;
}

/** The proposed service level (round.after) with every difference from round.before as a Word revision. */
function trackedServiceLevel(round: Round, revision: Revisions): DocumentChild[] {
  const renames = new Map(round.changelog.changes.filter((change) => change.previousId).map((change) => [change.previousId!, change.id]));
  const before = [...frameFacts(round.before, round.from), ...serviceLevelParts(round.before, 2, renames)];
  const after = [...frameFacts(round.after, round.to), ...serviceLevelParts(round.after, 2, new Map())];
  const blocks: DocumentChild[] = [];
  let b = 0;
  let a = 0;
  for (const change of diffArrays(
    before.map((part) => part.key),
    after.map((part) => part.key),
  )) {
    const count = change.value.length;
    for (let index = 0; index < count; index++) {
      const old = change.added ? undefined : before[b + index];
      const next = change.removed ? undefined : after[a + index];
      const roles = old?.roles ?? next?.roles;
      if (roles) blocks.push(trackedRoleTable(old?.roles ?? [], next?.roles ?? [], revision));
      else blocks.push(...tracked(old?.blocks ?? [], next?.blocks ?? [], revision));
    }
    if (!change.added) b += count;
    if (!change.removed) a += count;
  }
  return blocks;
}

/** The frame's facts as labelled lines: version, dates, status and adoption, from the frame or else the side. */
function factsOf(level: ServiceLevel, side: RoundSide): [string, string][] {
  const frame = level.frame ?? {};
  const adoption = frame.vedtagelse;
  const facts: [string, string | undefined][] = [
    ['Version', frame.version ?? side.version],
    ['Gyldig fra', danishDateOf(frame.gyldig_fra ?? side.gyldigFra)],
    ['Status', frame.status ? STATUS_LABELS[frame.status] : undefined],
    ['Vedtaget', adoption ? `${danishDateOf(adoption.dato) ?? adoption.dato} af ${adoption.organ} (${adoption.reference})` : undefined],
    ['Næste revision', danishDateOf(frame.naeste_revision)],
  ];
  return facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
}

/** The frame's facts as parts of the proposal, so a new version or status is tracked like any other text. */
function frameFacts(level: ServiceLevel, side: RoundSide): Part[] {
  const facts: [string, string | undefined][] = [['Kommune', level.frame?.kommune], ['Område', level.frame?.omraade], ...factsOf(level, side)];
  return facts.map(([label, value]) => ({ key: `fakta:${label}`, blocks: labelledBlock(label, value) })).filter((part) => part.blocks.length > 0);
}

interface RoleLine {
  role: RoleRow;
  change: 'same' | 'del' | 'ins';
  previous?: RoleRow;
}

function roleTable(lines: readonly RoleLine[], revision: Revisions | undefined): Table {
  const phases = rolePhaseFields();
  const rows = lines.map((line) => {
    const mark = revision && line.change === 'del' ? { deletion: revision() } : revision && line.change === 'ins' ? { insertion: revision() } : {};
    const contents = (old: TextBlock[] | undefined, next: TextBlock[] | undefined): Paragraph[] => {
      if (!revision) return (next ?? []).map((block) => plainParagraph(block));
      return tracked(old ?? [], next ?? [], revision);
    };
    const nameBlocks = boldBlock(line.role.name);
    const cells = [
      contents(line.change === 'ins' ? [] : nameBlocks, line.change === 'del' ? [] : nameBlocks),
      ...phases.map((_, index) => {
        const current = line.role.phases[index] ?? [];
        if (line.change === 'ins') return contents([], current);
        if (line.change === 'del') return contents(current, []);
        return contents(line.previous?.phases[index] ?? current, current);
      }),
    ];
    return new TableRow({ ...mark, children: cells.map(cell) });
  });
  return table([2, ...phases.map(() => 3)], [headerRow(['Rolle', ...phases.map((phase) => phase.heading)]), ...rows]);
}

function trackedRoleTable(before: readonly RoleRow[], after: readonly RoleRow[], revision: Revisions): Table {
  const lines: RoleLine[] = [];
  let b = 0;
  let a = 0;
  for (const change of diffArrays(
    before.map((role) => role.name),
    after.map((role) => role.name),
  )) {
    const count = change.value.length;
    for (let index = 0; index < count; index++) {
      if (change.removed) lines.push({ role: before[b + index]!, change: 'del' });
      else if (change.added) lines.push({ role: after[a + index]!, change: 'ins' });
      else lines.push({ role: after[a + index]!, change: 'same', previous: before[b + index]! });
    }
    if (!change.added) b += count;
    if (!change.removed) a += count;
  }
  return roleTable(lines, revision);
}

// ---------------------------------------------------------------------------------------------
// Values, dates and the package.

function stringOf(record: object, key: string): string {
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

function ageOf(measure: object): string | undefined {
  const age = (measure as Record<string, unknown>)['alder'] as { fra?: unknown; til?: unknown } | undefined;
  return typeof age?.fra === 'number' && typeof age.til === 'number' ? `${age.fra}-${age.til} år` : undefined;
}

function findMeasure(level: ServiceLevel, id: string): Record<string, unknown> | undefined {
  return level.measures.find((measure) => measure.id === id);
}

/** "2025-02-11T10:00:00Z" → "11. februar 2025"; anything that is not an ISO date is shown as written. */
function danishDateOf(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? danishDate(iso.slice(0, 10)) : iso;
}

/** The date of the round's revisions: the proposal's, else the adopted side's, else a fixed date. */
function revisionDate(round: Round): string {
  return normalizeDate(round.to.date ?? round.from.date ?? EPOCH);
}

/** Word wants a date and time: a bare date gets midnight UTC. */
function normalizeDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

interface Properties {
  title: string;
  creator: string;
  date: string;
}

async function pack(children: DocumentChild[], properties: Properties): Promise<Buffer> {
  const document = new Document({
    title: properties.title,
    creator: properties.creator,
    styles: { default: { document: { run: { language: { value: 'da-DK' } } } } },
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES] })] })] }) },
        children,
      },
    ],
  });
  // docx stamps docProps/core.xml and the zip entries with the clock; both get the document's own date instead.
  const buffer = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(properties) }]);
  return stampZipEntries(buffer, properties.date);
}

function coreProperties({ title, creator, date }: Properties): string {
  const stamp = escapeXml(Number.isNaN(Date.parse(date)) ? EPOCH : new Date(date).toISOString().replace(/\.000Z$/, 'Z'));
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy><dc:language>da-DK</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Sets the modification time of every zip entry (local header and central directory) to `date`, so the same
 * document gives the same bytes. Only header fields change; the compressed data and its CRC stay as they are.
 */
function stampZipEntries(zip: Buffer, date: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return zip;
  const parsed = new Date(date);
  const when = Number.isNaN(parsed.getTime()) || parsed.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : parsed;
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let entry = zip.readUInt32LE(eocd + 16);
  for (let index = 0; index < zip.readUInt16LE(eocd + 10) && zip.readUInt32LE(entry) === 0x02014b50; index++) {
    zip.writeUInt16LE(dosTime, entry + 12);
    zip.writeUInt16LE(dosDate, entry + 14);
    const local = zip.readUInt32LE(entry + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(dosTime, local + 10);
      zip.writeUInt16LE(dosDate, local + 12);
    }
    entry += 46 + zip.readUInt16LE(entry + 28) + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return zip;
}
