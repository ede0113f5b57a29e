import type { IBaseParagraphStyleOptions, IStylesOptions } from 'docx';
import type { DocumentOptions } from '../../model/generated-types.js';

// The look of a municipality's document: a readable body font with room between paragraphs, and headings that
// carry their outline level, so Word and LibreOffice show a navigation pane and a PDF gets bookmarks.

/**
 * The defaults, when the config's `document` does not set them: body text in 11 pt Arial (Liberation Sans, same
 * metrics, where LibreOffice has no Arial), 7 pt after each paragraph, 1.15 lines; dark blue headings.
 */
const DEFAULT_FONT = 'Arial';
const DEFAULT_SIZE_PT = 11;
const DEFAULT_HEADING_COLOR = '1F4E79';
/** The sizes below are for an 11 pt body: 22 half-points. */
const BASE_SIZE = 22;

/** The typography in force: the config's settings over the defaults, the size in half-points. */
interface Typography {
  font: string;
  size: number;
  color: string;
}

function typographyOf(options: DocumentOptions): Typography {
  return {
    font: options.font ?? DEFAULT_FONT,
    size: Math.round((options.fontSize ?? DEFAULT_SIZE_PT) * 2),
    color: (options.headingColor ?? DEFAULT_HEADING_COLOR).toUpperCase(),
  };
}

/** A size for an 11 pt body, in proportion to the body size in force, in whole half-points. */
function scaled(size: number, typography: Typography): number {
  return Math.round((size * typography.size) / BASE_SIZE);
}

/** Heading 1 to 6 for an 11 pt body: size in half-points, space before and after in twips; the outline level is the level less one. */
const HEADING_LEVELS = [
  { size: 32, before: 360, after: 160 },
  { size: 28, before: 280, after: 120 },
  { size: 24, before: 240, after: 100 },
  { size: 22, before: 200, after: 80 },
  { size: 22, before: 160, after: 60 },
  { size: 22, before: 160, after: 60 },
] as const;

function headingStyle(level: number, typography: Typography): IBaseParagraphStyleOptions {
  const { size, before, after } = HEADING_LEVELS[level]!;
  return {
    run: { font: typography.font, size: scaled(size, typography), bold: true, italics: level >= 4, color: typography.color },
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

/** The document's styles, in the kommune's typography: its defaults, Title, Heading 1 to 6, and the table of contents' heading. */
export function documentStyles(options: DocumentOptions = {}): IStylesOptions {
  const typography = typographyOf(options);
  const heading = (level: number) => headingStyle(level, typography);
  return {
    default: {
      document: {
        run: { font: typography.font, size: typography.size, language: { value: 'da-DK' } },
        paragraph: { spacing: { after: 140, line: 276 } },
      },
      title: { run: { font: typography.font, size: scaled(52, typography), bold: true, color: typography.color }, paragraph: { spacing: { after: 240 } } },
      heading1: heading(0),
      heading2: heading(1),
      heading3: heading(2),
      heading4: heading(3),
      heading5: heading(4),
      heading6: heading(5),
    },
    paragraphStyles: [
      {
        id: CONTENTS_HEADING_STYLE,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: heading(0).run,
        paragraph: { keepNext: true, spacing: { before: HEADING_LEVELS[0].before, after: HEADING_LEVELS[0].after } },
      },
      { id: PROVISION_HEADING_STYLE, name: 'Lovbestemmelse', basedOn: 'Heading2', next: 'Normal', quickFormat: true, ...heading(1) },
    ],
  };
}
