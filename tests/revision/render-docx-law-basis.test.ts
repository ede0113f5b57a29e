import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Round } from '../../scripts/revision/model.js';
import { renderChangelogDocx, renderServiceLevelDocx } from '../../scripts/revision/render-docx.js';
import { sampleRound } from './sample-round.js';

const ELI_282 = 'https://www.retsinformation.dk/eli/lta/2025/282';
const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

async function partsOf(buffer: Buffer): Promise<{ document: string; relationships: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string) => zip.file(path)?.async('string') ?? Promise.reject(new Error(`${path} is missing from the docx`));
  return { document: await read('word/document.xml'), relationships: await read('word/_rels/document.xml.rels') };
}

function textOf(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Each hyperlink of the document: its text and the address its relationship points to, external. */
function hyperlinksOf(parts: { document: string; relationships: string }): { text: string; target: string | undefined }[] {
  return [...parts.document.matchAll(/<w:hyperlink\b[^>]*\br:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((match) => {
    const relationship = [...parts.relationships.matchAll(/<Relationship\b[^>]*\/>/g)]
      .map((found) => found[0])
      .find((found) => found.includes(`Id="${match[1]}"`));
    const external = relationship?.includes(`Type="${HYPERLINK_TYPE}"`) && relationship.includes('TargetMode="External"');
    return { text: textOf(match[2] ?? ''), target: external ? /Target="([^"]+)"/.exec(relationship ?? '')?.[1] : undefined };
  });
}

function roundWithMentorLovhjemmel(lovhjemmel: string): Round {
  const round = sampleRound();
  round.after.measures = round.after.measures.map((measure) => (measure.id === 'mentorordning' ? { ...measure, lovhjemmel } : measure));
  return round;
}

describe('the appendix »Lovgrundlag« in Word', () => {
  it('quotes the cited provisions of LBK nr 282 af 17/03/2025, each heading a hyperlink to the act on retsinformation.dk', async () => {
    const parts = await partsOf(await renderChangelogDocx(sampleRound()));
    const text = textOf(parts.document);
    expect(text).toContain('\nLovgrundlag\n');
    expect(text).toContain('\n2) Praktisk, pædagogisk eller anden støtte i hjemmet.\nLBK nr 282 af 17/03/2025 (Bekendtgørelse af barnets lov)\n');
    expect(text).toContain(
      '\nNår det må anses for at være af væsentlig betydning af hensyn til et barns eller en ungs særlige behov for støtte, skal kommunalbestyrelsen træffe afgørelse om en eller flere af følgende støttende indsatser, jf. dog § 54, stk. 3, i lov om bekæmpelse af ungdomskriminalitet: …\n',
    );
    expect(text).toContain('\nForanstaltninger, der henviser hertil: Praktisk pædagogisk støtte i hjemmet\n');
    expect(hyperlinksOf(parts)).toEqual([
      { text: 'Barnets Lov § 32, stk. 1, nr. 2', target: ELI_282 },
      { text: 'Barnets Lov § 32, stk. 1, nr. 3', target: ELI_282 },
    ]);
  });

  it('puts the appendix after the changes and before the full proposal, and says so on the cover', async () => {
    const text = textOf((await partsOf(await renderChangelogDocx(sampleRound()))).document);
    expect(text.indexOf('\nLovgrundlag\n')).toBeGreaterThan(text.indexOf('Ændringsforslag'));
    expect(text.indexOf('\nLovgrundlag\n')).toBeLessThan(text.indexOf('\nForslag til serviceniveau\n'));
    expect(text).toContain('Under »Lovgrundlag« står ordlyden af de lovbestemmelser, de ændrede foranstaltninger henviser til.');
  });

  it('lists a citation without text by its citation alone, with no hyperlink', async () => {
    const parts = await partsOf(await renderChangelogDocx(roundWithMentorLovhjemmel('Barnets Lov § 32, stk. 1, nr. 3 og folkeskoleloven § 3.')));
    expect(textOf(parts.document)).toContain(
      '\nLov om folkeskolen § 3\nLovteksten findes ikke i værktøjet.\nForanstaltninger, der henviser hertil: Mentor til unge\n',
    );
    expect(hyperlinksOf(parts).map((link) => link.text)).toEqual(['Barnets Lov § 32, stk. 1, nr. 2', 'Barnets Lov § 32, stk. 1, nr. 3']);
  });

  it('gives the service level the appendix for every measure, with one hyperlink relationship per heading', async () => {
    const round = roundWithMentorLovhjemmel('Barnets Lov § 32, stk. 1, nr. 3 og serviceloven § 85.');
    const parts = await partsOf(await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: round.omraade }));
    expect(textOf(parts.document)).toContain(
      '\n3) Udpegning af en fast kontaktperson for barnet eller den unge eller for hele familien.\nLBK nr 282 af 17/03/2025',
    );
    expect(hyperlinksOf(parts)).toEqual([
      { text: 'Barnets Lov § 32, stk. 1, nr. 2', target: ELI_282 },
      { text: 'Barnets Lov § 32, stk. 1, nr. 3', target: ELI_282 },
      { text: 'Serviceloven § 85', target: 'https://www.retsinformation.dk/eli/lta/2025/1129' },
    ]);
    const ids = [...parts.relationships.matchAll(/Id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
