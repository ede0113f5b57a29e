import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Round } from '../../scripts/revision/model.js';
import { renderChangelogDocx } from '../../scripts/revision/render-docx.js';
import { renderChangelogHtml } from '../../scripts/revision/render-html.js';
import { sampleRound, renamedFamiliebehandling } from './sample-round.js';

interface NumberedAmendment {
  number: number;
  text: string;
}

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The amendments of every `<ol class="aendringsforslag">`, numbered as a browser numbers them (from `start`, else 1). */
function htmlAmendments(html: string): NumberedAmendment[] {
  return [...html.matchAll(/<ol class="aendringsforslag"(?: start="(\d+)")?>([\s\S]*?)<\/ol>/g)].flatMap((list) => {
    const start = Number(list[1] ?? '1');
    return [...(list[2] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item, index) => ({ number: start + index, text: decode(item[1] ?? '') }));
  });
}

/** The numbered paragraphs of the Word document's paralleltekst part, outside its tables: »3. Foranstaltningen … udgår.« */
async function docxAmendments(buffer: Buffer): Promise<NumberedAmendment[]> {
  // Without the table of contents, whose entries repeat the headings.
  const xml = (await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string')).replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '');
  const start = xml.indexOf('>Paralleltekst og ændringsforslag</w:t>');
  const end = xml.indexOf('>Forslag til serviceniveau</w:t>');
  expect(start).toBeGreaterThan(0);
  const part = xml.slice(start, end).replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...part.matchAll(/<w:p\b[^>]*?(?<!\/)>([\s\S]*?)<\/w:p>/g)]
    .map((paragraph) => /^(\d+)\. ([\s\S]*)$/.exec(decode(paragraph[1] ?? '')))
    .filter((match) => match !== null)
    .map((match) => ({ number: Number(match[1]), text: match[2] ?? '' }));
}

/** The sample round, its changes in reverse, plus a measure that udgår, a renamed one and a new target group for the frame. */
function busyRound(): Round {
  const round = sampleRound();
  const contactPerson = {
    id: 'fast-kontaktperson',
    titel: 'Fast kontaktperson',
    kategori: 'Støttende indsatser',
    alder: { fra: 12, til: 17 },
    formaal: 'At give den unge en voksen, der følger den unge tæt.',
    omfang: 'Som udgangspunkt 4 timer om ugen.',
  };
  round.before.measures.push(contactPerson);
  round.changelog.changes.reverse();
  round.changelog.changes.push({ id: 'fast-kontaktperson', titel: 'Fast kontaktperson', kind: 'removed', fields: [] }, renamedFamiliebehandling());
  const frame = round.changelog.changes.find((change) => change.id === 'serviceniveau')!;
  frame.fields.push({
    field: 'maalgruppe',
    class: 'material',
    change: 'maalgruppe-indsnaevret',
    before: 'Børn og unge 0-18 år. Der foretages altid en konkret og individuel vurdering.',
    after: 'Børn og unge 0-17 år. Der foretages altid en konkret og individuel vurdering.',
  });
  return round;
}

describe('the amendments of a round', () => {
  it.each([
    ['the sample round', sampleRound],
    ['a round with a measure that udgår, a renamed one and a narrower target group', busyRound],
  ])('are the same texts with the same numbers in the same order in the HTML and the Word document, for %s', async (_name, round) => {
    const html = htmlAmendments(renderChangelogHtml(round()));
    const docx = await docxAmendments(await renderChangelogDocx(round()));
    expect(html.length).toBeGreaterThan(3);
    expect(docx).toEqual(html);
  });

  it('are numbered once through the whole round, so »ændringsforslag nr. 2« names one text', () => {
    const html = htmlAmendments(renderChangelogHtml(busyRound()));
    expect(html.map((amendment) => amendment.number)).toEqual(html.map((_, index) => index + 1));
  });
});
