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

/** The document's styles: its defaults, Title, and Heading 1 to 6. */
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
};
