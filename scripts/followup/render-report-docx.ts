import { AlignmentType, HeadingLevel, Paragraph, TableCell, TableRow, TextRun, type Table as WordTable } from 'docx';
import { tableOfContents } from '../revision/docx/contents.js';
import { pack } from '../revision/docx/package.js';
import {
  bodyParagraph,
  headerRow,
  heading,
  labelledParagraph,
  LANDSCAPE_TEXT_WIDTH,
  table,
  TABLE_SIZE,
  TEXT_WIDTH,
  type Block,
  type DocumentChild,
} from '../revision/docx/paragraphs.js';
import { EPOCH } from '../revision/docx/word-date.js';
import { xmlSafe } from '../revision/docx/xml-text.js';
import type { DocumentOptions } from '../model/generated-types.js';
import type { MeasureSection, ReportPresentation, Row, Table } from './present-report.js';

// The follow-up report as a Word document in issue 10's styles (scripts/revision/docx/). The charts are not in it:
// docx embeds SVG only with a PNG fallback, and the project has no PNG rasteriser; each figure's table, which holds
// the same numbers, stands in its place.

const TOOL = 'serviceniveau';

/** The report as a Word file, every text made XML-safe first; the same input gives the same bytes. */
export async function renderReportDocx(input: ReportPresentation, typography: DocumentOptions = {}): Promise<Buffer> {
  const report = xmlSafe(input);
  const children: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Opfølgning på serviceniveauet')] }),
    new Paragraph({ children: [new TextRun({ text: report.kommune, bold: true, size: 32 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: report.omraade, size: 28 })] }),
    labelledParagraph('Periode', report.periodText),
    ...tableOfContents(),
    // The summary's tables have eight columns: on a page turned on its side, so kroner and headings do not wrap.
    {
      landscape: [
        heading(report.summaryHeading, 1),
        ...report.summary.map(bodyParagraph),
        ...wordTable(report.summaryTable, LANDSCAPE_TEXT_WIDTH),
        ...(report.comparisonTable ? wordTable(report.comparisonTable, LANDSCAPE_TEXT_WIDTH) : []),
      ],
    },
    // The first measure starts the portrait section after the landscape summary, on a new page already.
    ...report.measures.flatMap((measure, index) => measureSection(measure, index > 0)),
    heading(report.dataHeading, 1, true),
    ...report.data.map(bodyParagraph),
    ...report.problemLines.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: line, size: TABLE_SIZE })] })),
    heading(report.definitionsHeading, 1),
    ...report.definitions.map((text) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] })),
  ];
  return pack(
    children,
    { title: report.title, creator: TOOL, date: EPOCH },
    { trackRevisions: false, header: { kommune: report.kommune, title: `Opfølgning på serviceniveauet: ${report.omraade}` }, typography },
  );
}

function measureSection(measure: MeasureSection, pageBreakBefore: boolean): DocumentChild[] {
  return [
    heading(measure.titel, 1, pageBreakBefore),
    ...(measure.frame.length > 0
      ? [heading('Rammen i serviceniveauet', 2), ...measure.frame.map((fact) => labelledParagraph(fact.label, fact.value))]
      : [bodyParagraph('Foranstaltningen har ingen ramme (»ramme« og »alder«) at følge op på.')]),
    ...wordTable(measure.keyFigures),
    ...measure.figures.flatMap((figure) => [heading(figure.heading, 2), ...wordTable(figure.table), ...(figure.note ? [bodyParagraph(figure.note)] : [])]),
  ];
}

/** A caption kept with its table, the header row repeated on each page, numbers right-aligned. */
function wordTable(input: Table, textWidth = TEXT_WIDTH): DocumentChild[] {
  const numeric = input.columns.map((column) => column.numeric);
  const rows = [
    headerRow(input.columns.map((column) => column.label)),
    ...input.rows.map((row) => tableRow(row, numeric)),
    ...(input.total ? [tableRow(input.total, numeric, true)] : []),
  ];
  const widths = input.columns.map((_, index) => (index === 0 ? 2.4 : 1.4));
  const caption = new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: input.caption, bold: true })] });
  const result: [Paragraph, WordTable] = [caption, table(widths, rows, textWidth)];
  return result;
}

function tableRow(row: Row, numeric: readonly boolean[], bold = false): TableRow {
  const cell = (text: string, index: number) =>
    new TableCell({
      children: [
        new Paragraph({
          spacing: { after: 60 },
          ...(numeric[index] ? { alignment: AlignmentType.RIGHT } : {}),
          children: [new TextRun({ text, bold: bold || index === 0, size: TABLE_SIZE })],
        }),
      ],
    });
  return new TableRow({ cantSplit: true, children: [row.header, ...row.cells].map(cell) });
}
