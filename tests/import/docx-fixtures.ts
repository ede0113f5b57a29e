import {
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';

// Word documents for the import tests, built with the docx library: each layout a kommune writes its service level in.

type Child = Paragraph | Table;

export const text = (value: string): Paragraph => new Paragraph({ children: [new TextRun(value)] });
export const runs = (...children: ParagraphChild[]): Paragraph => new Paragraph({ children });
export const heading = (level: 1 | 2 | 3 | 4, value: string): Paragraph =>
  new Paragraph({ text: value, heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][level - 1]! });
export const title = (value: string): Paragraph => new Paragraph({ text: value, heading: HeadingLevel.TITLE });
export const bullet = (value: string): Paragraph => new Paragraph({ text: value, bullet: { level: 0 } });
export const bold = (value: string): TextRun => new TextRun({ text: value, bold: true });
export const italic = (value: string): TextRun => new TextRun({ text: value, italics: true });
export const plain = (value: string): TextRun => new TextRun(value);
export const labelled = (label: string, value: string): Paragraph => runs(bold(label), plain(` ${value}`));

/** A two-column table: label (and the template's guidance) left, content right. */
export function fieldTable(rows: readonly (readonly [label: string, content: readonly Paragraph[], guidance?: string])[]): Table {
  return new Table({
    rows: rows.map(
      ([label, content, guidance]) =>
        new TableRow({
          children: [
            new TableCell({ children: [runs(bold(label)), ...(guidance ? [runs(italic(guidance))] : [])] }),
            new TableCell({ children: content.length ? [...content] : [text('')] }),
          ],
        }),
    ),
  });
}

/** A table of cells given as text (one paragraph per line, »- « for a bullet). */
export function plainTable(rows: readonly (readonly string[])[]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell) =>
              new TableCell({
                children: cell === '' ? [text('')] : cell.split('\n').map((line) => (line.startsWith('- ') ? bullet(line.slice(2)) : text(line))),
              }),
          ),
        }),
    ),
  });
}

export interface FixtureOptions {
  footnotes?: Record<number, string>;
  comments?: { id: number; text: string }[];
}

/** Packs paragraphs and tables into a .docx. */
export async function docxOf(children: readonly Child[], options: FixtureOptions = {}): Promise<Buffer> {
  const document = new Document({
    ...(options.comments
      ? {
          comments: {
            children: options.comments.map((comment) => ({ id: comment.id, author: 'Sagsbehandler', date: new Date(0), children: [text(comment.text)] })),
          },
        }
      : {}),
    ...(options.footnotes
      ? { footnotes: Object.fromEntries(Object.entries(options.footnotes).map(([id, value]) => [Number(id), { children: [text(value)] }])) }
      : {}),
    sections: [{ children: [...children] }],
  });
  return Packer.toBuffer(document);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export const image = (): ImageRun => new ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } });
export const footnote = (id: number): FootnoteReferenceRun => new FootnoteReferenceRun(id);
export const bookmark = (id: string, value: string): Bookmark => new Bookmark({ id, children: [new TextRun(value)] });
export const commented = (id: number, value: string): ParagraphChild[] => [
  new CommentRangeStart(id),
  new TextRun(value),
  new CommentRangeEnd(id),
  new TextRun({ children: [new CommentReference(id)] }),
];
export const inserted = (value: string): InsertedTextRun =>
  new InsertedTextRun({ text: value, id: 901, author: 'Sagsbehandler', date: '2025-01-10T10:00:00Z' });
export const deleted = (value: string): DeletedTextRun => new DeletedTextRun({ text: value, id: 902, author: 'Sagsbehandler', date: '2025-01-10T10:00:00Z' });

/** The frame as the ministry's template has it: foreword with the mayor's signature, principles, target group. */
export function frame(kommune = 'Solbjerg Kommune'): Child[] {
  return [
    title('Serviceniveau for børn og unge med særlige behov'),
    heading(1, 'Forord'),
    text(`Det er en glæde at kunne præsentere ${kommune}s serviceniveau for børn og unge med særlige behov.`),
    text('Serviceniveauet fortæller familierne, hvad de kan forvente, og giver medarbejderne et fælles grundlag.'),
    text('Med venlig hilsen'),
    runs(plain('Anne Kjær Mortensen'), new TextRun({ text: 'Borgmester', break: 1 })),
    heading(1, 'Principper'),
    text('Disse principper styrer vores arbejde:'),
    bullet('Vi hjælper tidligt, før små problemer vokser.'),
    bullet('Børn skal så vidt muligt vokse op i deres egen familie.'),
    heading(1, 'Målgruppe'),
    text(
      'Serviceniveauet gælder børn og unge fra 0 til 18 år og deres familier. Der foretages altid en konkret og individuel vurdering af barnets eller den unges behov.',
    ),
  ];
}

/** Layout (a): the template's »Foranstaltning/indsats:« line and the two-column table of the eight fields, guidance left in. */
export function templateMeasure(name: string, fields: Partial<Record<string, readonly Paragraph[]>>): Child[] {
  const rows: [string, string, string][] = [
    ['Formål', 'formaal', 'Her beskrives, hvorfor en foranstaltning gives til et barn eller en ung.'],
    ['Indhold', 'indhold', 'Her beskrives, hvad der gives til barnet eller den unge.'],
    ['Målgruppe/tildelingskriterier', 'maalgruppe', 'Her beskrives, hvem foranstaltningen gives til.'],
    ['Omfang/varighed', 'omfang', 'Her beskrives, hvor meget/hvor længe foranstaltningen gives.'],
    ['Tildeling', 'tildeling', 'Her beskrives bl.a., hvem, der kan tildele, og hvilke kompetencer der forudsættes.'],
    ['Levering af ydelsen', 'levering', 'Her beskrives bl.a., hvor og af hvem ydelsen kan leveres.'],
    ['Kvalitetskrav til leverandør', 'kvalitetskrav', 'Her beskrives, hvordan og hvor ofte der skal følges op på foranstaltningen.'],
    ['Lovhjemmel', 'lovhjemmel', 'Her noteres, hvilken paragraf foranstaltningen/indsatsen ydes efter.'],
  ];
  return [
    text(`Foranstaltning/indsats: ${name}`),
    text('Skema: Beskrivelse af serviceniveau'),
    fieldTable(rows.map(([label, key, guidance]) => [label, fields[key] ?? [], guidance])),
  ];
}
