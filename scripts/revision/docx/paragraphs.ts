import {
  DeletedTextRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type TableOfContents,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { alignBlocks, piecesOf, type BlockPair, type Format, type TextBlock } from './markdown-blocks.js';
import type { Authorship } from '../model.js';
import { normalizeDate } from './word-date.js';

/** The text width of an A4 page with Word's default margins, in twips: the grid tables are laid out on. */
export const TEXT_WIDTH = 9026;
/** The text width of an A4 page on its side, with the same margins. */
export const LANDSCAPE_TEXT_WIDTH = 13958;
const DELETED_COLOR = 'C00000';
const INSERTED_COLOR = '1F4E79';
const HEADER_FILL = 'D9E2F3';
/** Text in table cells: 10 pt, 3 pt after a paragraph, bullets indented by half a centimetre rather than Word's 1.27 cm. */
export const TABLE_SIZE = 20;
const TABLE_SPACING = { after: 60 } as const;
const TABLE_BULLET_INDENT = 284;
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** What a Word section holds. */
export type DocumentChild = Paragraph | Table | TableOfContents;

/** Children set on pages turned on their side, in a section of their own: a table too wide for a portrait page. */
export interface Landscape {
  landscape: DocumentChild[];
}

/** What a document holds: children on portrait pages, and runs of landscape pages among them. */
export type Block = DocumentChild | Landscape;

// Paragraphs: clean, marked (paralleltekst) and tracked (Word revisions).

/** The id, author and date of one tracked change. */
export interface Revision {
  id: number;
  author: string;
  date: string;
}

/** Hands out the next revision mark. */
export type Revisions = () => Revision;

/** One author's revision marks, from a counter the whole document shares. */
export type RevisionsBy = (who: Authorship) => Revisions;

/** Revision marks with ids that are unique and increase in document order, whoever each change is by. */
export function revisions(): RevisionsBy {
  let id = 0;
  return (who) => () => ({ id: ++id, author: who.author, date: normalizeDate(who.date) });
}

/** Whether a paragraph sits in a table cell, where it is set smaller and tighter. */
export interface Placement {
  inTable?: boolean;
}

function formatOptions(format: Format, { inTable = false }: Placement = {}): IParagraphOptions {
  const spacing = inTable ? { spacing: TABLE_SPACING } : {};
  if (format.kind === 'bullet') {
    const level = Math.min(format.level, 8);
    // A paragraph's own indent wins over its list level's, so a bullet in a narrow cell keeps its words.
    return inTable
      ? { bullet: { level }, indent: { left: TABLE_BULLET_INDENT * (level + 1), hanging: TABLE_BULLET_INDENT }, ...spacing }
      : { bullet: { level } };
  }
  if (format.kind === 'heading') return { heading: headingLevel(format.level), keepNext: true };
  return format.indent > 0 ? { indent: { left: 360 * format.indent }, ...spacing } : spacing;
}

function runSize({ inTable = false }: Placement): { size?: number } {
  return inTable ? { size: TABLE_SIZE } : {};
}

function headingLevel(level: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1]!;
}

/** A block as an ordinary paragraph, optionally starting a new page. */
export function plainParagraph(block: TextBlock, { pageBreakBefore = false, ...placement }: Placement & { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    ...formatOptions(block.format, placement),
    ...(pageBreakBefore ? { pageBreakBefore } : {}),
    children: block.spans.map((span) => new TextRun({ text: span.text, bold: span.bold, italics: span.italics, ...runSize(placement) })),
  });
}

/** One column of a paralleltekst: deleted words struck through on the left, inserted words underlined on the right. */
export function markedParagraph(pair: BlockPair, side: 'before' | 'after'): Paragraph {
  const block = (side === 'before' ? pair.before : pair.after)!;
  return new Paragraph({
    ...formatOptions(block.format, { inTable: true }),
    children: piecesOf(pair, side).map((piece) => {
      const style = { text: piece.text, bold: piece.bold, italics: piece.italics, size: TABLE_SIZE };
      if (piece.change === 'del') return new TextRun({ ...style, strike: true, color: DELETED_COLOR });
      if (piece.change === 'ins') return new TextRun({ ...style, underline: {}, color: INSERTED_COLOR });
      return new TextRun(style);
    }),
  });
}

/** A paragraph with Word revisions: a deleted or inserted paragraph also has its paragraph mark tracked, so accepting or rejecting all gives either text exactly. */
function trackedParagraph(pair: BlockPair, revision: Revisions, placement: Placement): Paragraph {
  const block = (pair.after ?? pair.before)!;
  const mark = !pair.after ? { deletion: revision() } : !pair.before ? { insertion: revision() } : undefined;
  const children: ParagraphChild[] = piecesOf(pair, 'both').map((piece) => {
    const style = { text: piece.text, bold: piece.bold, italics: piece.italics, ...runSize(placement) };
    if (piece.change === 'del') return new DeletedTextRun({ ...revision(), ...style });
    if (piece.change === 'ins') return new InsertedTextRun({ ...revision(), ...style });
    return new TextRun(style);
  });
  return new Paragraph({ ...formatOptions(block.format, placement), ...(mark ? { run: mark } : {}), children });
}

/** Two texts as paragraphs with Word revisions from the one to the other. */
export function tracked(before: readonly TextBlock[], after: readonly TextBlock[], revision: Revisions, placement: Placement = {}): Paragraph[] {
  return alignBlocks(before, after).map((pair) => trackedParagraph(pair, revision, placement));
}

/** A heading of a level (1 to 6), kept with the text after it. */
export function heading(text: string, level: number, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: headingLevel(level), keepNext: true, ...(pageBreakBefore ? { pageBreakBefore } : {}), children: [new TextRun(text)] });
}

/** One plain paragraph of text. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

/** The technical provenance, in one small grey line at the end: a committee reads past it, a secretary can trace the version. */
export function provenanceParagraph(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text, size: 16, color: '666666' })] });
}

/** »Status: I høring« with a bold label. */
export function labelledParagraph(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

// Tables.

/** A full-width table with columns in these proportions, on a page with this text width. */
export function table(widths: readonly number[], rows: TableRow[], textWidth = TEXT_WIDTH): Table {
  const total = widths.reduce((sum, width) => sum + width, 0);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map((width) => Math.round((textWidth * width) / total)),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows,
  });
}

/** A shaded header row, repeated on each page. */
export function headerRow(labels: readonly string[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: labels.map(
      (label) =>
        new TableCell({
          shading: { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' },
          children: [new Paragraph({ keepNext: true, spacing: TABLE_SPACING, children: [new TextRun({ text: label, bold: true, size: TABLE_SIZE })] })],
        }),
    ),
  });
}

/** A row of plain text cells that is not split across pages. */
export function textRow(cells: readonly string[], bold = false): TableRow {
  return new TableRow({
    cantSplit: true,
    children: cells.map(
      (text) => new TableCell({ children: [new Paragraph({ spacing: TABLE_SPACING, children: [new TextRun({ text, bold, size: TABLE_SIZE })] })] }),
    ),
  });
}

/** A cell of paragraphs; Word needs at least one. */
export function cell(paragraphs: Paragraph[]): TableCell {
  return new TableCell({ children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})] });
}
