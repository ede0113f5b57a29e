import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderChangelogDocx } from '../../scripts/revision/render-docx.js';
import { renderChangelogHtml } from '../../scripts/revision/render-html.js';
import { renderChangelogMarkdown } from '../../scripts/revision/render-markdown.js';
import { countedRound } from './sample-round.js';

// Issue 13: one deletion, one addition and four material field changes are six material changes in every document,
// not one per field of the added and removed measures.
const TOTALS = '6 væsentlige ændringer: 1 ny foranstaltning, 1 udgået og 4 ændringer i teksten.';

/** The text of each paragraph of the Word document, tags removed. */
async function docxParagraphs(buffer: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p\b[^>]*?(?<!\/)>([\s\S]*?)<\/w:p>/g)].map((paragraph) => (paragraph[1] ?? '').replace(/<[^>]+>/g, ''));
}

describe('the counts of a round agree in Markdown, HTML and Word', () => {
  it('says six material changes, and lists no field of the added or removed measure as a change of its own', async () => {
    const markdown = renderChangelogMarkdown(countedRound());
    expect(markdown).toContain('| Væsentlige ændringer | 6 |');
    expect(markdown).toContain(`\n${TOTALS}\n`);
    expect(markdown).not.toContain('foranstaltning-tilfoejet');
    expect(markdown).not.toContain('foranstaltning-fjernet');

    const html = renderChangelogHtml(countedRound());
    expect(html).toContain('<tr><th scope="row">Væsentlige ændringer</th><td class="tal">6</td></tr>');
    expect(html).toContain(`<p class="i-alt">${TOTALS}</p>`);
    expect(html).toContain('<tfoot><tr><th scope="row">I alt</th><td></td><td class="tal">6</td><td class="tal">0</td><td class="tal">0</td></tr></tfoot>');
    expect(html).not.toContain('foranstaltning-tilfoejet');

    const paragraphs = await docxParagraphs(await renderChangelogDocx(countedRound()));
    expect(paragraphs).toContain(TOTALS);
    expect(paragraphs.filter((text) => text.startsWith('Væsentlig ændring'))).toEqual([
      'Væsentlig ændring: foranstaltningen er ny',
      'Væsentlig ændring: foranstaltningen udgår',
    ]);
    // The four material field changes of the changed measure, one bullet each.
    expect(paragraphs.filter((text) => text.endsWith('væsentlig ændring') || /væsentlig ændring \(/.test(text))).toHaveLength(4);
  });
});
