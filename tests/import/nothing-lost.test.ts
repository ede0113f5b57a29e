import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeImport } from '../../scripts/import/compose.js';
import { segment } from '../../scripts/import/segment.js';
import { toBlocks } from '../../scripts/import/to-blocks.js';

// Nothing lost: whatever order of headings, labels, paragraphs, lists and tables a document has, every sentence
// of body text ends up in a written file (a field, the frame, or the marked unplaced section). Headings may
// become titles, labels or context; body text may not vanish.

const LABELS = ['Formål', 'Indhold', 'Målgruppe', 'Omfang/varighed', 'Hvem træffer afgørelsen?', 'Lovgrundlag', 'Forord', 'Principper', 'Økonomi'];
const TITLES = ['Aflastning', 'Familiebehandling', 'Foranstaltning/indsats: Mentor', 'Støttende indsatser', 'Bilag'];

type Piece = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph' | 'list' } | { kind: 'labelled' | 'bold-line' | 'table'; text: string };

const pieces: fc.Arbitrary<Piece[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 3 }), text: fc.constantFrom(...LABELS, ...TITLES) }),
    fc.record({ kind: fc.constantFrom('paragraph' as const, 'list' as const) }),
    fc.record({ kind: fc.constantFrom('labelled' as const, 'bold-line' as const, 'table' as const), text: fc.constantFrom(...LABELS, ...TITLES) }),
  ),
  { minLength: 1, maxLength: 40 },
);

/** The document as mammoth would write it, and the body sentences in it. */
function documentOf(list: readonly Piece[]): { html: string; sentences: string[] } {
  const sentences: string[] = [];
  const sentence = (): string => {
    const text = `Sætning nummer ${sentences.length + 1} om barnet.`;
    sentences.push(text);
    return text;
  };
  const html = list
    .map((piece) => {
      switch (piece.kind) {
        case 'heading':
          return `<h${piece.level}>${piece.text}</h${piece.level}>`;
        case 'paragraph':
          return `<p>${sentence()}</p>`;
        case 'list':
          return `<ul><li>${sentence()}</li><li>${sentence()}</li></ul>`;
        case 'labelled':
          return `<p><strong>${piece.text}:</strong> ${sentence()}</p>`;
        case 'bold-line':
          return `<p><strong>${piece.text}</strong></p>`;
        case 'table':
          return `<table><tr><td><p>${piece.text}</p></td><td><p>${sentence()}</p></td></tr><tr><td><p>Indhold</p></td><td><p>${sentence()}</p></td></tr></table>`;
      }
    })
    .join('');
  return { html, sentences };
}

describe('the import loses no body text', () => {
  it('every sentence of a random document is in a written file', () => {
    fc.assert(
      fc.property(pieces, (list) => {
        const { html, sentences } = documentOf(list);
        const { blocks, notes } = toBlocks(html);
        const { files } = composeImport(segment(blocks), notes, 'test');
        const written = files.map((file) => file.content).join('\n');
        expect(
          sentences.filter((text) => !written.includes(text)),
          html,
        ).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
