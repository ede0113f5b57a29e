import { Paragraph, TableOfContents, TextRun } from 'docx';
import type { DocumentChild } from './paragraphs.js';
import { CONTENTS_HEADING_STYLE } from './styles.js';

/** The headings a table of contents lists: Heading 1 to 3. */
const CONTENTS_LEVELS = '1-3';

/**
 * »Indhold« and Word's table of contents field over Heading 1 to 3, with an entry linked to each heading. docx writes
 * the entries as the field's result, so LibreOffice, which does not update the field when it opens the file, and a
 * PDF made from it list the headings too; Word updates the field, page numbers included, when it opens the document.
 */
export function tableOfContents(): DocumentChild[] {
  return [
    // Not a heading itself, so it is not listed in the table it introduces.
    new Paragraph({ style: CONTENTS_HEADING_STYLE, pageBreakBefore: true, keepNext: true, children: [new TextRun('Indhold')] }),
    new TableOfContents('Indhold', { hyperlink: true, headingStyleRange: CONTENTS_LEVELS }),
  ];
}
