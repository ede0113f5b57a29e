import { HeadingLevel, Paragraph, TableRow, TextRun } from 'docx';
import { CLASS_LABELS, CLASS_ORDER, CLASS_PLURALS } from '../labels.js';
import type { AcceptedDeviation } from '../model.js';
import { SIDE_HEADINGS, type ChangelogPresentation, type ClassCounts, type MeasurePresentation } from '../present/changelog.js';
import { formatCount } from '../present/format.js';
import { tableOfContents } from './contents.js';
import { lawBasisPart } from './law-basis.js';
import { alignBlocks, markdownBlocks } from './markdown-blocks.js';
import {
  bodyParagraph,
  cell,
  headerRow,
  heading,
  labelledParagraph,
  markedParagraph,
  plainParagraph,
  table,
  TABLE_SIZE,
  textRow,
  type DocumentChild,
} from './paragraphs.js';

// The changelog part of the committee's document: cover, summary, paralleltekst with amendments, deviations.

/** The changelog's cover, summary, paralleltekst with its numbered amendments, and the accepted deviations. */
export function changelogPart(presentation: ChangelogPresentation): DocumentChild[] {
  const measures = presentation.measures;
  return [
    ...changelogCover(presentation),
    ...tableOfContents(),
    heading('Oversigt over ændringerne', 1, true),
    ...(measures.length > 0
      ? [bodyParagraph(presentation.totals.text), summaryTable(presentation)]
      : [bodyParagraph('Der er ingen ændringer i denne revisionsrunde.')]),
    ...parallelText(measures),
    ...deviationSection(presentation.deviations),
    ...(presentation.lawBasis ? lawBasisPart(presentation.lawBasis) : []),
  ];
}

function changelogCover(presentation: ChangelogPresentation): DocumentChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Ændringer i serviceniveauet')] }),
    new Paragraph({ children: [new TextRun({ text: presentation.kommune, bold: true, size: 32 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: presentation.omraade, size: 28 })] }),
    bodyParagraph(presentation.roundText),
    table([2, 3, 3], [headerRow(['', SIDE_HEADINGS.from, SIDE_HEADINGS.to]), ...presentation.sides.map((row) => textRow([row.label, row.from, row.to]))]),
    new Paragraph({
      spacing: { before: 240 },
      children: [
        new TextRun(
          `Dokumentet giver først en oversigt over ændringerne. Derefter følger for hver ændret foranstaltning en paralleltekst med den gældende og den nye formulering og de ændringsforslag, udvalget skal tage stilling til, nummereret fortløbende for hele runden.${presentation.lawBasis ? ' Under »Lovgrundlag« står ordlyden af de lovbestemmelser, de ændrede foranstaltninger henviser til.' : ''} Til sidst følger hele forslaget til serviceniveau med ændringerne vist som registrerede ændringer.`,
        ),
      ],
    }),
  ];
}

function summaryTable(presentation: ChangelogPresentation): DocumentChild {
  const counts = (values: ClassCounts) => CLASS_ORDER.map((changeClass) => formatCount(values[changeClass]));
  return table(
    // Wide enough for »Indholdsmæssige« in bold on one line.
    [2.6, 1.6, 2.1, 2.9, 2.5],
    [
      headerRow(['Foranstaltning', 'Ændring', ...CLASS_ORDER.map((changeClass) => CLASS_PLURALS[changeClass])]),
      ...presentation.measures.map((measure) => textRow([measure.titel, measure.kindLabel, ...counts(measure.counts)])),
      textRow(['I alt', '', ...counts(presentation.totals.byClass)], true),
    ],
  );
}

interface ParallelRow {
  heading: string;
  before: string;
  after: string;
}

function parallelText(measures: readonly MeasurePresentation[]): DocumentChild[] {
  if (measures.length === 0) return [];
  const blocks: DocumentChild[] = [
    heading('Paralleltekst og ændringsforslag', 1, true),
    bodyParagraph(
      'Venstre kolonne viser den gældende formulering med de ord, der udgår, gennemstreget. Højre kolonne viser den nye formulering med de nye ord understreget.',
    ),
  ];
  for (const measure of measures) {
    blocks.push(heading(measure.titel, 2), labelledParagraph('Ændring', measure.kindLabel));
    const whole = measure.whole;
    const rows: ParallelRow[] = whole
      ? [...whole.facts, ...whole.sections].map((row) =>
          whole.side === 'after' ? { heading: row.heading, before: '', after: row.text } : { heading: row.heading, before: row.text, after: '' },
        )
      : measure.fields.map((field) => ({ heading: field.heading, before: field.before, after: field.after }));
    blocks.push(...classification(measure));
    if (rows.length > 0) blocks.push(table([1, 1], [headerRow(['Gældende formulering', 'Ny formulering']), ...rows.map((row) => parallelRow(row, !whole))]));
    if (measure.amendments.length > 0) {
      blocks.push(new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [new TextRun({ text: 'Ændringsforslag', bold: true })] }));
      for (const amendment of measure.amendments)
        blocks.push(new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun(`${amendment.number}. `), new TextRun(amendment.text)] }));
    }
  }
  return blocks;
}

/** One line per changed field: how much it matters, and the classifier's note (»10 timer → 8 timer (−20 %)«). */
function classification(measure: MeasurePresentation): Paragraph[] {
  if (measure.whole || measure.fields.length === 0) {
    return measure.kind === 'added' || measure.kind === 'removed'
      ? [
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun(`${CLASS_LABELS.material} ændring: foranstaltningen ${measure.kind === 'added' ? 'er ny' : 'udgår'}`)],
          }),
        ]
      : [];
  }
  return measure.fields.map(
    (field) =>
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: `${field.heading}: `, bold: true }),
          new TextRun(`${field.classLabel.toLowerCase()} ændring${field.note ? ` (${field.note})` : ''}`),
        ],
      }),
  );
}

function parallelRow(row: ParallelRow, marked: boolean): TableRow {
  const pairs = marked ? alignBlocks(markdownBlocks(row.before), markdownBlocks(row.after)) : [];
  const column = (side: 'before' | 'after'): Paragraph[] => {
    const label = new Paragraph({ keepNext: true, children: [new TextRun({ text: row.heading, bold: true, size: TABLE_SIZE })] });
    if (!marked) return [label, ...markdownBlocks(side === 'before' ? row.before : row.after).map((block) => plainParagraph(block, { inTable: true }))];
    return [label, ...pairs.filter((pair) => pair[side]).map((pair) => markedParagraph(pair, side))];
  };
  return new TableRow({ children: [cell(column('before')), cell(column('after'))] });
}

function deviationSection(deviations: readonly AcceptedDeviation[]): DocumentChild[] {
  if (deviations.length === 0) return [];
  return [
    heading('Godkendte afvigelser', 1, true),
    bodyParagraph('Afvigelser fra kontrollerne, som er godkendt i denne revisionsrunde, hver med sin begrundelse.'),
    table(
      [4, 1, 2, 4],
      [
        headerRow(['Fil', 'Linje', 'Regler', 'Begrundelse']),
        ...deviations.map((deviation) => textRow([deviation.file, String(deviation.line), deviation.rules.join(', '), deviation.reason])),
      ],
    ),
  ];
}
