import type { IBaseParagraphStyleOptions, IStylesOptions } from 'docx';

// The look of a municipality's document: a readable body font with room between paragraphs, and headings that
// carry their outline level, so Word and LibreOffice show a navigation pane and a PDF gets bookmarks.

/** Body text: 11 pt Arial (Liberation Sans, same metrics, where LibreOffice has no Arial), 7 pt after each paragraph, 1.15 lines. */
const BODY_FONT = 'Arial';
const BODY_SIZE = 22;
const HEADING_COLOR = '1F4E79';

/** Heading 1 to 6: size in half-points, space before and after in twips; the outline level is the level less one. */
const HEADING_LEVELS = [
  { size: 32, before: 360, after: 160 },
  { size: 28, before: 280, after: 120 },
  { size: 24, before: 240, after: 100 },
  { size: 22, before: 200, after: 80 },
  { size: 22, before: 160, after: 60 },
  { size: 22, before: 160, after: 60 },
] as const;

function headingStyle(level: number): IBaseParagraphStyleOptions {
  const { size, before, after } = HEADING_LEVELS[level]!;
  return {
    run: { font: BODY_FONT, size, bold: true, italics: level >= 4, color: HEADING_COLOR },
    paragraph: { outlineLevel: level, keepNext: true, keepLines: true, spacing: { before, after } },
  };
}

/** The style of »Indhold« over the table of contents: Heading 1's look without its outline level, so it is not listed in itself. */
export const CONTENTS_HEADING_STYLE = 'TOCHeading';

/**
 * The heading of one provision in »Lovgrundlag«: Heading 2 in look and outline level, so it is in the navigation pane
 * and the PDF's bookmarks, but not a built-in heading style, so the table of contents (built from those) lists the
 * appendix and not each of its forty provisions.
 */
export const PROVISION_HEADING_STYLE = 'Lovbestemmelse';

/** The document's styles: its defaults, Title, Heading 1 to 6, and the table of contents' heading. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: BODY_FONT, size: BODY_SIZE, language: { value: 'da-DK' } },
      paragraph: { spacing: { after: 140, line: 276 } },
    },
    title: { run: { font: BODY_FONT, size: 52, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { after: 240 } } },
    heading1: headingStyle(0),
    heading2: headingStyle(1),
    heading3: headingStyle(2),
    heading4: headingStyle(3),
    heading5: headingStyle(4),
    heading6: headingStyle(5),
  },
  paragraphStyles: [
    {
      id: CONTENTS_HEADING_STYLE,
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: headingStyle(0).run,
      paragraph: { keepNext: true, spacing: { before: HEADING_LEVELS[0].before, after: HEADING_LEVELS[0].after } },
    },
    { id: PROVISION_HEADING_STYLE, name: 'Lovbestemmelse', basedOn: 'Heading2', next: 'Normal', quickFormat: true, ...headingStyle(1) },
  ],
};
