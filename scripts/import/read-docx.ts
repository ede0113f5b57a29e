import JSZip from 'jszip';
import mammoth from 'mammoth';
import { UsageError } from '../errors.js';

/** What a Word file holds before it is mapped to the model: mammoth's HTML and the facts the HTML does not show. */
export interface DocxContent {
  html: string;
  /** Unaccepted tracked changes (w:ins, w:del, w:moveFrom, w:moveTo) in the body. */
  trackedChanges: number;
}

/** The marker an image becomes in the HTML: counted and named in the report, never imported. */
export const IMAGE_MARKER = 'serviceniveau-import:billede';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const TRACKED_CHANGE = /<w:(?:ins|del|moveFrom|moveTo)[\s>/]/g;

// Word's own style names are English in styles.xml whatever the UI language; Danish ones are what
// LibreOffice and some templates write. Title becomes a heading with a class so the document's title can be told apart.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.dokumenttitel:fresh",
  "p[style-name='Titel'] => h1.dokumenttitel:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => [`p[style-name='Overskrift ${level}'] => h${level}:fresh`, `p[style-name='Heading ${level}'] => h${level}:fresh`]),
  'comment-reference => sup',
];

/** Reads a .docx: refuses what is not one (with a Danish message) and converts the body with mammoth. */
export async function readDocx(bytes: Buffer, display: string): Promise<DocxContent> {
  if (bytes.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC)) {
    const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    throw new UsageError(
      encrypted
        ? `»${display}« er beskyttet med adgangskode og kan ikke læses`
        : `»${display}« er et ældre Word-dokument (.doc) eller beskyttet med adgangskode, ikke et Word-dokument (.docx)`,
      'Åbn filen i Word, fjern en eventuel adgangskode (Filer → Oplysninger → Beskyt dokument), og gem som .docx.',
    );
  }
  const notDocx = (cause?: unknown): UsageError =>
    new UsageError(
      `»${display}« er ikke et Word-dokument (.docx), eller filen er beskadiget`,
      'Åbn filen i Word eller LibreOffice, og gem den som Word-dokument (.docx).',
      cause === undefined ? undefined : { cause },
    );
  if (!bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) throw notDocx();
  let body: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file('word/document.xml');
    if (!entry) throw notDocx();
    body = await entry.async('string');
  } catch (cause) {
    throw cause instanceof UsageError ? cause : notDocx(cause);
  }
  const trackedChanges = body.match(TRACKED_CHANGE)?.length ?? 0;
  let html: string;
  try {
    html = (
      await mammoth.convertToHtml(
        { buffer: bytes },
        { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: IMAGE_MARKER })) },
      )
    ).value;
  } catch (cause) {
    throw notDocx(cause);
  }
  return { html, trackedChanges };
}
