import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { sectionFields } from '../model/schema-catalog.js';

// The Word document `npm run bench` imports: a generated service level of N measures, half in the ministry's
// table layout and half as headings with bold run-in labels, each field a few sentences and a list.

const SENTENCES = [
  'Indsatsen gives efter en konkret og individuel vurdering af barnets eller den unges behov.',
  'Familien og sagsbehandleren aftaler målene, og der følges op hver tredje måned.',
  'Støtten foregår i hjemmet, i skolen eller i dagtilbuddet, hvor hverdagen er svær.',
];

/** A .docx with a frame and `size` measures in two layouts. */
export async function benchmarkDocx(size: number): Promise<Buffer> {
  const fields = sectionFields('foranstaltning');
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: 'Serviceniveau for børn og unge med særlige behov', heading: HeadingLevel.TITLE }),
    new Paragraph({ text: 'Forord', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('Her er Benchby Kommunes serviceniveau for børn og unge med særlige behov.'),
  ];
  for (let index = 0; index < size; index++) {
    const body = (field: number): Paragraph[] => [
      new Paragraph(`${SENTENCES[(index + field) % SENTENCES.length]} Indsats nummer ${index + 1}.`),
      new Paragraph({ text: SENTENCES[(index + field + 1) % SENTENCES.length]!, bullet: { level: 0 } }),
    ];
    if (index % 2 === 0) {
      children.push(new Paragraph(`Foranstaltning/indsats: Indsats ${index + 1}`));
      children.push(
        new Table({
          rows: fields.map(
            (field, number) =>
              new TableRow({
                children: [new TableCell({ children: [new Paragraph(field.heading)] }), new TableCell({ children: body(number) })],
              }),
          ),
        }),
      );
    } else {
      children.push(new Paragraph({ text: `Indsats ${index + 1}`, heading: HeadingLevel.HEADING_2 }));
      fields.forEach((field, number) => {
        const [first, ...rest] = body(number);
        children.push(new Paragraph({ children: [new TextRun({ text: `${field.heading}:`, bold: true }), new TextRun(` ${SENTENCES[number % 3]}`)] }));
        children.push(...(first ? [first] : []), ...rest);
      });
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
