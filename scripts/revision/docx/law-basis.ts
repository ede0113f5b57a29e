import { BorderStyle, Paragraph, TextRun } from 'docx';
import { REMOVED_MARK, type LawBasisEntry, type LawBasisPresentation } from '../present/law-basis.js';
import { hyperlinks, type Hyperlinks } from './hyperlink.js';
import { bodyParagraph, heading, type DocumentChild } from './paragraphs.js';
import { PROVISION_HEADING_STYLE } from './styles.js';

/** The quote's indent and the bar to its left, in twips and eighths of a point. */
const QUOTE_INDENT = 567;
const QUOTE_BAR = { style: BorderStyle.SINGLE, size: 18, color: 'B4C3D8', space: 10 } as const;
const SOURCE_COLOR = '555555';
const MISSING_COLOR = '8A1C1C';

/**
 * The appendix »Lovgrundlag« on a new page: each provision under a heading that is a hyperlink to the act on
 * retsinformation.dk, its wording indented with a bar to the left and the act as source line, then the measures that cite it.
 */
export function lawBasisPart(lawBasis: LawBasisPresentation): DocumentChild[] {
  const link = hyperlinks('Lovgrundlag');
  return [
    heading(lawBasis.heading, 1, true),
    bodyParagraph(lawBasis.intro),
    ...lawBasis.entries.flatMap((entry) => provision(entry, lawBasis.citedByLabel, link)),
  ];
}

function provision(entry: LawBasisEntry, citedByLabel: string, link: Hyperlinks): Paragraph[] {
  const title = 'quote' in entry ? link(entry.written, entry.quote.act.eli) : new TextRun(entry.written);
  const body =
    'quote' in entry
      ? [
          // The heading keeps with the quote's first line, its last line with the source line.
          ...entry.quote.lines.map(
            (line, index, lines) =>
              new Paragraph({
                keepNext: index === lines.length - 1,
                indent: { left: QUOTE_INDENT },
                border: { left: QUOTE_BAR },
                spacing: { after: 80 },
                children: [new TextRun(line)],
              }),
          ),
          new Paragraph({
            keepNext: true,
            indent: { left: QUOTE_INDENT },
            spacing: { before: 60 },
            children: [new TextRun({ text: entry.quote.source, italics: true, size: 18, color: SOURCE_COLOR })],
          }),
        ]
      : [
          new Paragraph({
            keepNext: true,
            indent: { left: QUOTE_INDENT },
            children: [new TextRun({ text: entry.missing, italics: true, color: MISSING_COLOR })],
          }),
        ];
  const citedBy = entry.citedBy.map((measure) => `${measure.titel}${measure.removed ? ` ${REMOVED_MARK}` : ''}`).join(', ');
  return [
    new Paragraph({ style: PROVISION_HEADING_STYLE, keepNext: true, children: [title] }),
    ...body,
    new Paragraph({
      spacing: { before: 120, after: 240 },
      children: [new TextRun({ text: `${citedByLabel}: `, bold: true, size: 20 }), new TextRun({ text: citedBy, size: 20 })],
    }),
  ];
}
