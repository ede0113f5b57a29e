import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH, type Block, type DocumentChild } from './paragraphs.js';
import type { DocumentOptions } from '../../model/generated-types.js';
import { documentStyles } from './styles.js';
import { EPOCH } from './word-date.js';
import { xmlText } from './xml-text.js';

/** The document properties: title, author and the date it is stamped with. */
export interface Properties {
  title: string;
  creator: string;
  date: string;
}

/** How the document is set up, beyond its properties. */
export interface Layout {
  /**
   * Whether Word records the reader's own edits as tracked changes from the start (Review, Track Changes on). Set for
   * a document that already has tracked changes, so a secretary's edits to it stay as visible as the round's.
   */
  trackRevisions: boolean;
  /** The kommune and the document's title, in the header of every page. */
  header: { kommune: string; title: string };
  /** The kommune's font, body size and heading colour (the config's `document`); unset, Arial 11 pt. */
  typography?: DocumentOptions;
}

const RUNNING_COLOR = '595959';
const RUNNING_SIZE = 18;

/** »Eksempel Kommune« on the left and the title on the right, over a thin line. */
function pageHeader({ kommune, title }: Layout['header'], textWidth: number): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6', space: 4 } },
        spacing: { after: 0 },
        children: [
          new TextRun({ text: xmlText(kommune), bold: true, size: RUNNING_SIZE, color: RUNNING_COLOR }),
          new TextRun({ children: [new Tab(), xmlText(title)], size: RUNNING_SIZE, color: RUNNING_COLOR }),
        ],
      }),
    ],
  });
}

/** »Side 3 af 12«, centred, with Word's PAGE and NUMPAGES fields. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES], size: RUNNING_SIZE, color: RUNNING_COLOR })],
      }),
    ],
  });
}

/**
 * The children as Word sections: a run of portrait children is one section, each landscape block another, on A4
 * turned on its side. Every section has the same header and footer, the header's right tab at its own text width.
 */
function sectionsOf(blocks: readonly Block[], layout: Layout): ISectionOptions[] {
  const sections: ISectionOptions[] = [];
  const section = (children: DocumentChild[], landscape: boolean): ISectionOptions => ({
    ...(landscape ? { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } } } : {}),
    headers: { default: pageHeader(layout.header, landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH) },
    footers: { default: pageFooter() },
    children,
  });
  let portrait: DocumentChild[] = [];
  for (const block of blocks) {
    if (!('landscape' in block)) {
      portrait.push(block);
      continue;
    }
    if (portrait.length > 0) sections.push(section(portrait, false));
    sections.push(section(block.landscape, true));
    portrait = [];
  }
  if (portrait.length > 0 || sections.length === 0) sections.push(section(portrait, false));
  return sections;
}

/** The Word file of the blocks, with the same bytes for the same input. */
export async function pack(blocks: readonly Block[], input: Properties, layout: Layout): Promise<Buffer> {
  const properties = { title: xmlText(input.title), creator: xmlText(input.creator), date: input.date };
  const document = new Document({
    title: properties.title,
    creator: properties.creator,
    // Word updates the table of contents, page numbers included, when it opens the file; until then (and in LibreOffice)
    // it lists the headings. docx's page estimator would print numbers too, but took 4× the whole render's time and
    // grows with the document, and its numbers were off by one after the landscape role plan.
    features: { trackRevisions: layout.trackRevisions, updateFields: true },
    styles: documentStyles(layout.typography),
    sections: sectionsOf(blocks, layout),
  });
  numberHeadingBookmarks(document);
  // docx stamps docProps/core.xml and the zip entries with the clock; both get the document's own date instead.
  const buffer = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(properties) }]);
  return stampZipEntries(buffer, properties.date);
}

/**
 * docx bookmarks each heading the table of contents lists with an id from a counter shared by every document the
 * process writes, so a second document of the same input would get other ids. Numbered per document from 1 instead;
 * the headings' bookmarks are the only ones in these documents, so the ids stay unique.
 */
function numberHeadingBookmarks(document: Document): void {
  const body = document.Document.View.Body as unknown as { headingBookmarkIds: { get(index: number): number } };
  body.headingBookmarkIds = { get: (index) => index + 1 };
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
