import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useLawTextFolder } from '../../scripts/law/law-texts.js';
import { markdownToHtml, sanitizedLink } from '../../scripts/revision/markdown-to-html.js';
import type { Round } from '../../scripts/revision/model.js';
import { renderChangelogHtml, renderServiceLevelHtml } from '../../scripts/revision/render-html.js';
import { sampleRound } from './sample-round.js';

const META = { kommune: 'Eksempel Kommune', omraade: 'Børn og unge med særlige behov' };
const ELI_282 = 'https://www.retsinformation.dk/eli/lta/2025/282';

function appendixOf(html: string): string {
  const start = html.indexOf('<section class="lovgrundlag" id="lovgrundlag">');
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
}

function roundWithMentorLovhjemmel(lovhjemmel: string): Round {
  const round = sampleRound();
  round.after.measures = round.after.measures.map((measure) => (measure.id === 'mentorordning' ? { ...measure, lovhjemmel } : measure));
  return round;
}

afterEach(() => {
  useLawTextFolder(undefined);
});

describe('the appendix »Lovgrundlag« in HTML', () => {
  it('heads each provision with a link to the act on retsinformation.dk, named by the provision, and quotes it with the act as source', () => {
    const appendix = appendixOf(renderChangelogHtml(sampleRound()));
    expect(appendix).toContain('<h2>Lovgrundlag</h2>');
    expect(appendix).toContain(
      `<article class="bestemmelse" id="lovbestemmelse-1">\n<h3><a href="${ELI_282}">Barnets Lov § 32, stk. 1, nr. 2</a></h3>\n<figure>\n<blockquote>\n`,
    );
    expect(appendix).toContain(
      '<p>2) Praktisk, pædagogisk eller anden støtte i hjemmet.</p>\n</blockquote>\n<figcaption>LBK nr 282 af 17/03/2025 (Bekendtgørelse af barnets lov)</figcaption>\n</figure>',
    );
    expect(appendix).not.toMatch(/klik her|>her</i);
  });

  it('makes the link the sanitiser’s own: a field linking to the same address gives the same element', () => {
    const link = sanitizedLink('Barnets Lov § 32, stk. 1, nr. 2', ELI_282);
    expect(link).toBe(`<a href="${ELI_282}">Barnets Lov § 32, stk. 1, nr. 2</a>`);
    expect(markdownToHtml(`[Barnets Lov § 32, stk. 1, nr. 2](${ELI_282})`)).toBe(`<p>${link}</p>`);
    expect(appendixOf(renderChangelogHtml(sampleRound()))).toContain(`<h3>${link}</h3>`);
  });

  it('keeps no address the sanitiser refuses, and no markup in the text', () => {
    expect(sanitizedLink('§ 32', 'javascript:alert(1)')).toBe('§ 32');
    expect(sanitizedLink('§ 32', 'JaVaScRiPt:alert(1)')).toBe('§ 32');
    expect(sanitizedLink('§ 32', 'data:text/html,<script>alert(1)</script>')).toBe('§ 32');
    expect(sanitizedLink('<b>§ 32</b> [x](javascript:y)', ELI_282)).toBe(`<a href="${ELI_282}">&#x3C;b>§ 32&#x3C;/b> [x](javascript:y)</a>`);
  });

  it('links a heading to nothing when the law index gives an address that is not http(s)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lovtekster-'));
    try {
      mkdirSync(join(folder, 'index'));
      const entry = { id: '2025_282', lov: 'BL', akt: 'LBK nr 282 af 17/03/2025', titel: 'Bekendtgørelse af barnets lov', gaelder_fra: '2025-03-17' };
      writeFileSync(join(folder, 'index/index.json'), JSON.stringify([{ ...entry, eli: 'javascript:alert(1)', kilde: 'x', fil: 'index/2025_282.json' }]));
      const paragraph = { paragraf: '32', kapitel: '4', stk: [{ tekst: 'Indsatser:', numre: ['Ophold.', 'Støtte i hjemmet.', 'Kontaktperson.'] }] };
      writeFileSync(join(folder, 'index/2025_282.json'), JSON.stringify({ ...entry, eli: 'javascript:alert(1)', kilde: 'x', paragraffer: [paragraph] }));
      useLawTextFolder(folder);
      const appendix = appendixOf(renderChangelogHtml(sampleRound()));
      expect(appendix).toContain('<h3>Barnets Lov § 32, stk. 1, nr. 2</h3>');
      expect(appendix).toContain('<p>2) Støtte i hjemmet.</p>');
      expect(appendix).not.toMatch(/javascript:|<a href="(?!#)/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('links each citing measure to its change, and lists a provision without text by its citation alone', () => {
    const html = renderChangelogHtml(roundWithMentorLovhjemmel('Barnets Lov § 32, stk. 1, nr. 2 og folkeskoleloven § 3.'));
    const appendix = appendixOf(html);
    expect(appendix).toContain(
      '<p class="henvist">Foranstaltninger, der henviser hertil: <a href="#aendring-1">Praktisk pædagogisk støtte i hjemmet</a>, <a href="#aendring-2">Mentor til unge</a></p>',
    );
    expect(appendix).toContain(
      '<h3>Lov om folkeskolen § 3</h3>\n<p class="mangler">Lovteksten findes ikke i værktøjet.</p>\n<p class="henvist">Foranstaltninger, der henviser hertil: <a href="#aendring-2">Mentor til unge</a></p>',
    );
    expect(html).toContain('id="aendring-2"');
  });

  it('marks a removed measure among those that cite a provision', () => {
    const round = sampleRound();
    round.changelog.changes = [{ id: 'praktisk-paedagogisk-stoette', titel: 'Praktisk pædagogisk støtte i hjemmet', kind: 'removed', fields: [] }];
    expect(appendixOf(renderChangelogHtml(round))).toContain('<a href="#aendring-1">Praktisk pædagogisk støtte i hjemmet</a> (udgår)</p>');
  });

  it('gives the service level the same appendix for every measure, in its table of contents, linked to the measures', () => {
    const html = renderServiceLevelHtml(sampleRound().after, sampleRound().to, META);
    expect(html).toContain('<li><a href="#lovgrundlag">Lovgrundlag</a></li>\n</ol>\n</nav>');
    const appendix = appendixOf(html);
    expect(appendix).toContain(`<h3><a href="${ELI_282}">Barnets Lov § 32, stk. 1, nr. 3</a></h3>`);
    expect(appendix).toContain('Foranstaltninger, der henviser hertil: <a href="#foranstaltning-1">Mentor til unge</a>');
    expect(html).toContain('<article class="foranstaltning" id="foranstaltning-1">\n<h3>Mentor til unge</h3>');
  });

  it('has no appendix when no measure cites a law', () => {
    const round = sampleRound();
    delete round.after.register;
    delete round.before.register;
    expect(renderChangelogHtml(round)).not.toContain('<section class="lovgrundlag"');
  });
});
