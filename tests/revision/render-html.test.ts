import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rolleplan } from '../../scripts/model/generated-types.js';
import type { Round, ServiceLevel } from '../../scripts/revision/model.js';
import { renderChangelogHtml, renderServiceLevelHtml } from '../../scripts/revision/render-html.js';
import { sampleRound } from './sample-round.js';

/** Compares with a golden file; `UPDATE_GOLDEN=1 npx vitest run tests/revision` rewrites it after a change you have read. */
function expectGolden(actual: string, name: string): void {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const ROLE_PLAN: Rolleplan = {
  titel: 'Rolle- og ansvarsfordeling for serviceniveauet',
  roller: [
    {
      rolle: 'Politiker',
      udvikling: ['Træffer den endelige beslutning i Børne- og Ungeudvalget.'],
      implementering: ['Fortæller borgerne om mål og prioriteter i serviceniveauet.'],
      opfoelgning: ['Får hvert år en status på brug, omfang og økonomi.', 'Beslutter hvert år, om serviceniveauet skal ændres.'],
    },
    {
      rolle: 'Sagsbehandlere',
      udvikling: [],
      implementering: ['Bruger serviceniveauet i **hver** sag <b onmouseover=alert(1)>altid</b>.'],
      opfoelgning: ['Melder tilbage, når serviceniveauet ikke passer til et barns behov.'],
    },
  ],
};

/** The proposed service level of the sample round, with its role plan and the adoption of the last version. */
function proposedLevel(): ServiceLevel {
  const level = sampleRound().after;
  return {
    ...level,
    frame: {
      ...level.frame,
      vedtagelse: { dato: '2025-02-11', organ: 'Børne- og Ungeudvalget', reference: 'Sag 25/01234, punkt 7' },
      naeste_revision: '2027-02-01',
    },
    rolePlan: ROLE_PLAN,
  };
}

const META = { kommune: 'Eksempel Kommune', omraade: 'Børn og unge med særlige behov' };

/** The sample round with Indhold of the added measure, Mentor til unge, replaced at both places it is read from. */
function roundWithMentorText(text: string): Round {
  const round = sampleRound();
  round.after.measures = round.after.measures.map((measure) => (measure.id === 'mentorordning' ? { ...measure, indhold: text } : measure));
  return round;
}

const HOSTILE = 'Se <img src=x onerror=alert(1)> og [klik](javascript:alert(1)) eller <a href="javascript:alert(2)">her</a>.';

describe('renderChangelogHtml', () => {
  it('renders the sample round exactly as the golden file', () => {
    expectGolden(renderChangelogHtml(sampleRound()), 'sample-round.html');
  });

  it('is the same, byte for byte, every time', () => {
    expect(renderChangelogHtml(sampleRound())).toBe(renderChangelogHtml(sampleRound()));
  });

  it('is one Danish, self-contained HTML5 file: no scripts, nothing loaded from elsewhere, A4 print rules', () => {
    const html = renderChangelogHtml(sampleRound());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect(html).toContain('@page { size: A4; margin:');
    expect(html).toContain('.aendring { break-before: page;');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b|\bsrc=|\bon\w+=|url\(/i);
  });

  it('allows exactly its own style sheet in the Content-Security-Policy', () => {
    const html = renderChangelogHtml(sampleRound());
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(html).toContain(`style-src 'sha256-${hash}'`);
  });

  it('puts kommune, område, the round, and both sides with Danish dates and versions on the cover', () => {
    const html = renderChangelogHtml(sampleRound());
    const cover = html.slice(html.indexOf('<header class="forside">'), html.indexOf('</header>'));
    expect(cover).toContain('<p class="kommune">Eksempel Kommune</p>');
    expect(cover).toContain('<p class="omraade">Børn og unge med særlige behov</p>');
    expect(cover).toContain('<p class="runde">Det gældende serviceniveau (vedtaget 11. februar 2025) og forslaget til ændringer</p>');
    expect(html.replace(/<p class="proveniens">[^<]*<\/p>/, '')).not.toMatch(/vedtaget\/2025-02-11|forslag-2026|arbejdskopien/);
    expect(html).toMatch(/<p class="proveniens">Dannet af serviceniveau fra vedtaget\/2025-02-11 \(\w{7}\) til forslag-2026/);
    expect(cover).toContain('<tr><th scope="row">Dato</th><td>11. februar 2025</td><td>15. januar 2026</td></tr>');
    expect(cover).toContain('<tr><th scope="row">Version</th><td>2025.1</td><td>2026.1</td></tr>');
    expect(cover).toContain('<tr><th scope="row">Gyldig fra</th><td>1. marts 2025</td><td>1. marts 2026</td></tr>');
  });

  it('sums up each measure by kind and class, material ones first, the new Mentor til unge as one material change', () => {
    const round = sampleRound();
    round.changelog.changes.reverse();
    const html = renderChangelogHtml(round);
    const rows = html.match(/<tr[^>]*><th scope="row"><a href="#aendring-\d+">[^<]+<\/a><\/th>.*<\/tr>/g) ?? [];
    expect(rows).toEqual([
      '<tr class="vaesentlig"><th scope="row"><a href="#aendring-1">Mentor til unge</a></th><td>Ny</td><td class="tal">1</td><td class="tal">0</td><td class="tal">0</td></tr>',
      '<tr class="vaesentlig"><th scope="row"><a href="#aendring-2">Praktisk pædagogisk støtte i hjemmet</a></th><td>Ændret</td><td class="tal">2</td><td class="tal">0</td><td class="tal">1</td></tr>',
      '<tr><th scope="row"><a href="#aendring-3">Serviceniveauets ramme</a></th><td>Ændret</td><td class="tal">0</td><td class="tal">0</td><td class="tal">1</td></tr>',
    ]);
    expect(html.indexOf('<h2>Mentor til unge</h2>')).toBeLessThan(html.indexOf('<h2>Serviceniveauets ramme</h2>'));
  });

  it('shows each changed measure as a paralleltekst: Gældende formulering to the left, Ny formulering to the right', () => {
    const html = renderChangelogHtml(sampleRound());
    expect(html).toContain('<thead><tr><th scope="col">Gældende formulering</th><th scope="col">Ny formulering</th></tr></thead>');
    expect(html).toContain(
      '<tr class="afsnit"><th colspan="2" scope="colgroup">Omfang og varighed <span class="klasse klasse-material">Væsentlig</span> <span class="aendrings-id">omfang-reduceret</span> <span class="note">10 timer → 8 timer (−20 %)</span></th></tr>\n' +
        '<tr class="tekst"><td>Som udgangspunkt <del>10</del> timer om ugen i op til 6 måneder.</td><td>Som udgangspunkt <ins>8</ins> timer om ugen i op til 6 måneder.</td></tr>',
    );
  });

  it('gives the amendment instruction for Omfang og varighed below the table', () => {
    const html = renderChangelogHtml(sampleRound());
    const section = html.slice(html.indexOf('<section class="aendring vaesentlig" id="aendring-1">'), html.indexOf('id="aendring-2"'));
    expect(section.indexOf('<h3>Ændringsforslag</h3>')).toBeGreaterThan(section.indexOf('</table>'));
    expect(section).toContain('<li>I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.</li>');
    expect(section).toContain('<li>I afsnittet »Tildeling« ændres »Sagsbehandleren« til: »Visitationsudvalget«.</li>');
  });

  it('shows an added measure whole in the right column, with the left column empty', () => {
    const html = renderChangelogHtml(sampleRound());
    expect(html).toContain(
      '<tr class="afsnit"><th colspan="2" scope="colgroup">Formål</th></tr>\n<tr class="tekst"><td></td><td>At give den unge en fast voksen at støtte sig til.</td></tr>',
    );
    expect(html).toContain(
      '<li>Som ny foranstaltning indsættes »Mentor til unge« under »Støttende indsatser« med den formulering, der er gengivet ovenfor.</li>',
    );
  });

  it('shows a removed measure whole in the left column, with the right column empty', () => {
    const round = sampleRound();
    round.changelog.changes = [{ id: 'praktisk-paedagogisk-stoette', titel: 'Praktisk pædagogisk støtte i hjemmet', kind: 'removed', fields: [] }];
    const html = renderChangelogHtml(round);
    expect(html).toContain(
      '<tr class="afsnit"><th colspan="2" scope="colgroup">Omfang og varighed</th></tr>\n<tr class="tekst"><td>Som udgangspunkt 10 timer om ugen i op til 6 måneder.</td><td></td></tr>',
    );
    expect(html).toContain('<li>Foranstaltningen »Praktisk pædagogisk støtte i hjemmet« udgår.</li>');
  });

  it('shows an added measure once, even when the changelog also lists its fields', () => {
    const round = sampleRound();
    round.changelog.changes[1]!.fields = [
      { field: 'formaal', class: 'material', change: 'foranstaltning-tilfoejet', before: '', after: 'At give den unge en fast voksen at støtte sig til.' },
    ];
    const html = renderChangelogHtml(round);
    expect(html.match(/At give den unge en fast voksen at støtte sig til\./g)).toHaveLength(1);
  });

  it('tells the committee that a renamed measure changes id, before the changes to its title', () => {
    const round = sampleRound();
    round.changelog.changes = [
      {
        id: 'praktisk-paedagogisk-stoette-i-hjemmet',
        previousId: 'praktisk-paedagogisk-stoette',
        titel: 'Praktisk pædagogisk støtte i hjemmet',
        kind: 'renamed',
        fields: [
          {
            field: 'titel',
            class: 'editorial',
            change: 'tekst-redaktionel',
            before: 'Praktisk pædagogisk støtte',
            after: 'Praktisk pædagogisk støtte i hjemmet',
          },
        ],
      },
    ];
    const html = renderChangelogHtml(round);
    expect(html).toContain(
      '<p class="meta">Omdøbt · id <code>praktisk-paedagogisk-stoette-i-hjemmet</code> · tidligere <code>praktisk-paedagogisk-stoette</code> · 1 redaktionel</p>',
    );
    const instructions = [.../<ol class="aendringsforslag" start="1">\n([\s\S]*?)\n<\/ol>/.exec(html)![1]!.matchAll(/<li>(.*?)<\/li>/g)].map(
      (match) => match[1],
    );
    expect(instructions[0]).toBe('Foranstaltningen »praktisk-paedagogisk-stoette« skifter id til »praktisk-paedagogisk-stoette-i-hjemmet«.');
    expect(instructions[1]).toMatch(/»Titel«.*i hjemmet/);
  });

  it('shows the <script> in the added measure only as text', () => {
    const html = renderChangelogHtml(sampleRound());
    expect(html).not.toContain('<script');
    expect(html).toContain('En mentor mødes med den unge hver uge &lt;script&gt;alert(1)&lt;/script&gt;.');
  });

  it('shows an <img onerror> and a javascript: link in a field as text', () => {
    const html = renderChangelogHtml(roundWithMentorText(HOSTILE));
    expect(html).not.toMatch(/<img|<a href="javascript/i);
    expect(html).toContain(
      'Se &lt;img src=x onerror=alert(1)&gt; og [klik](javascript:alert(1)) eller &lt;a href=&quot;javascript:alert(2)&quot;&gt;her&lt;/a&gt;.',
    );
  });

  it('escapes every text from the round, also kommune, labels, titles, notes and deviations', () => {
    const round = sampleRound();
    round.kommune = 'Eksempel <b>Kommune</b>';
    round.to.label = 'forslag/"><i>x</i>';
    round.changelog.changes[0]!.titel = '<h1>Støtte</h1>';
    round.changelog.changes[0]!.fields[0]!.note = '10 → 8 <u>timer</u>';
    round.deviations[0]!.reason = '<em>Loven</em> fastsætter grænsen';
    const html = renderChangelogHtml(round);
    expect(html).not.toMatch(/<(b|i|u|em)>|<h1>Støtte/);
    expect(html).toContain('<h2>&lt;h1&gt;Støtte&lt;/h1&gt;</h2>');
    expect(html).toContain('Eksempel &lt;b&gt;Kommune&lt;/b&gt;');
    expect(html).toContain('forslag/&quot;&gt;&lt;i&gt;x&lt;/i&gt;');
  });

  it('lists the accepted deviations with file and line, rules and reason', () => {
    const html = renderChangelogHtml(sampleRound());
    expect(html).toContain('<h2>Godkendte afvigelser</h2>');
    expect(html).toContain(
      '<tr><td><code>policies/boern-og-unge/foranstaltninger/mentorordning.md:20</code></td><td><code>skoen-under-regel</code></td><td>Loven fastsætter selv grænsen</td></tr>',
    );
  });
});

describe('the changelog in print', () => {
  it('keeps the amendments with the end of their paralleltekst, never splits one, and keeps headings with their text', () => {
    const html = renderChangelogHtml(sampleRound());
    const section = html.slice(html.indexOf('<section class="aendring'), html.indexOf('</section>', html.indexOf('<section class="aendring')));
    expect(section).toMatch(/<\/table>\n<div class="forslag">\n<h3>Ændringsforslag<\/h3>\n<ol class="aendringsforslag"[\s\S]*<\/ol>\n<\/div>\n$/);
    const print = /@media print \{\n([\s\S]*?)\n\}/.exec(html)?.[1] ?? '';
    expect(print).toContain('.forslag { break-before: avoid; page-break-before: avoid; }');
    expect(print).toContain('.aendringsforslag li { break-inside: avoid; page-break-inside: avoid; }');
    expect(print).toMatch(/h2, h3, h4, \.meta \{ break-inside: avoid; page-break-inside: avoid; break-after: avoid;/);
  });
});

describe('renderServiceLevelHtml', () => {
  it('renders the proposed service level of the sample round exactly as the golden file', () => {
    expectGolden(renderServiceLevelHtml(proposedLevel(), sampleRound().to, META), 'sample-round-serviceniveau.html');
  });

  it('is the same, byte for byte, every time', () => {
    expect(renderServiceLevelHtml(proposedLevel(), sampleRound().to, META)).toBe(renderServiceLevelHtml(proposedLevel(), sampleRound().to, META));
  });

  it('puts kommune, område, version, gyldig fra, status and the adoption on the cover', () => {
    const html = renderServiceLevelHtml(proposedLevel(), sampleRound().to, META);
    const cover = html.slice(html.indexOf('<header class="forside">'), html.indexOf('</header>'));
    expect(cover).toContain('<p class="kommune">Eksempel Kommune</p>');
    expect(cover).toContain('<p class="omraade">Børn og unge med særlige behov</p>');
    expect(cover).toContain('<dt>Version</dt><dd>2026.1</dd>');
    expect(cover).toContain('<dt>Gyldig fra</dt><dd>1. marts 2026</dd>');
    expect(cover).toContain('<dt>Status</dt><dd>I høring</dd>');
    expect(cover).toContain('<dt>Vedtaget</dt><dd>11. februar 2025 af Børne- og Ungeudvalget (Sag 25/01234, punkt 7)</dd>');
  });

  it('signs the foreword once: not again under a foreword that already ends with the name, in capitals, bold or over two lines', () => {
    const count = (html: string) => html.split('Lene Holm').length - 1 + html.split('LENE HOLM').length - 1 + html.split('Lene\nHolm').length - 1;
    for (const signed of ['Med venlig hilsen\n\nLene Holm, borgmester', 'Med venlig hilsen\n\n**LENE HOLM**\nBorgmester', 'Med venlig hilsen\n\nLene\nHolm']) {
      const level = proposedLevel();
      level.frame = { ...level.frame!, forord: `Jeg er glad for at kunne præsentere vores serviceniveau.\n\n${signed}` };
      const html = renderServiceLevelHtml(level, sampleRound().to, META);
      expect(html).not.toContain('<p class="underskrift">');
      expect(count(html.slice(html.indexOf('<h2>Forord</h2>'), html.indexOf('<h2>Principper</h2>'))), signed).toBe(1);
    }
  });

  it('prints each measure on a new page, the foreword on its own, and the short frame sections after it together', () => {
    const html = renderServiceLevelHtml(proposedLevel(), sampleRound().to, META);
    const print = /@media print \{\n {2}a\[href\^="http"\][\s\S]*?\n\}/.exec(html)?.[0] ?? '';
    expect(html).toContain('.foranstaltning { break-before: page; page-break-before: always; }');
    expect(print).toContain('.ramme + .ramme { break-before: auto; page-break-before: auto; }');
    expect(print).toContain('#forord + .ramme { break-before: page; page-break-before: always; }');
    expect(print).toContain('h2, h3, h4 { break-inside: avoid;');
  });

  it('signs the foreword and renders the Markdown of the principles as a list', () => {
    const html = renderServiceLevelHtml(proposedLevel(), sampleRound().to, META);
    expect(html).toContain(
      '<h2>Forord</h2>\n<p>Jeg er glad for at kunne præsentere vores serviceniveau.</p>\n<p class="underskrift">Lene Holm<br>\nBorgmester</p>',
    );
    expect(html).toContain('<h2>Principper</h2>\n<ul>\n<li>Tidlig indsats.</li>\n<li>Sammenhæng på tværs.</li>\n</ul>');
  });

  it('gives every measure its eight sections in template order, under its kategori', () => {
    const html = renderServiceLevelHtml(proposedLevel(), sampleRound().to, META);
    const article = html.slice(html.indexOf('<article class="foranstaltning" id="foranstaltning-2">'));
    const headings = [...article.slice(0, article.indexOf('</article>')).matchAll(/<h4>([^<]+)<\/h4>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'Formål',
      'Indhold',
      'Målgruppe og tildelingskriterier',
      'Omfang og varighed',
      'Tildeling',
      'Levering af ydelsen',
      'Kvalitetskrav til leverandør',
      'Lovhjemmel',
    ]);
    expect(html.indexOf('<h2>Støttende indsatser</h2>')).toBeLessThan(html.indexOf('<h3>Mentor til unge</h3>'));
    expect(html.indexOf('<h3>Mentor til unge</h3>')).toBeLessThan(html.indexOf('<h3>Praktisk pædagogisk støtte i hjemmet</h3>'));
    expect(article).toContain('<h4>Omfang og varighed</h4>\n<p>Som udgangspunkt 8 timer om ugen i op til 6 måneder.</p>');
  });

  it('lays out the role plan as roles by the three phases, each cell a list', () => {
    const html = renderServiceLevelHtml(proposedLevel(), sampleRound().to, META);
    const plan = html.slice(html.indexOf('<section class="rolleplan" id="rolleplan">'));
    expect(plan).toContain('<h2>Rolle- og ansvarsfordeling for serviceniveauet</h2>');
    expect(plan).toContain(
      '<thead><tr><th scope="col">Rolle</th><th scope="col">Udvikling</th><th scope="col">Implementering og forankring</th><th scope="col">Opfølgning</th></tr></thead>',
    );
    expect(plan).toContain(
      '<tr><th scope="row">Politiker</th><td><ul><li>Træffer den endelige beslutning i Børne- og Ungeudvalget.</li></ul></td><td><ul><li>Fortæller borgerne om mål og prioriteter i serviceniveauet.</li></ul></td><td><ul><li>Får hvert år en status på brug, omfang og økonomi.</li><li>Beslutter hvert år, om serviceniveauet skal ændres.</li></ul></td></tr>',
    );
    expect(plan).toContain(
      '<tr><th scope="row">Sagsbehandlere</th><td>–</td><td><ul><li>Bruger serviceniveauet i <strong>hver</strong> sag altid.</li></ul></td>',
    );
  });

  it('leaves no <script> from the sample round in the service level', () => {
    const html = renderServiceLevelHtml(sampleRound().after, sampleRound().to, META);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('&lt;script');
  });

  it('renders an <img onerror> and a javascript: link in a field inert', () => {
    const html = renderServiceLevelHtml(roundWithMentorText(HOSTILE).after, sampleRound().to, META);
    expect(html).not.toMatch(/<img|onerror|javascript:|<script/i);
    expect(html).toContain('<p>Se  og <a>klik</a> eller her.</p>');
  });

  it('is self-contained and print-ready, with the role plan on a landscape page', () => {
    const html = renderServiceLevelHtml(proposedLevel(), sampleRound().to, META);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('@page { size: A4; margin:');
    expect(html).toContain('@page rolleplan { size: A4 landscape; }');
    expect(html).toContain('.foranstaltning { break-before: page;');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b|\bsrc=|\bon\w+=|url\(/i);
  });

  it('says so when a section is empty, and puts measures without a kategori last', () => {
    const level: ServiceLevel = {
      measures: [
        { id: 'ny-indsats', titel: 'Ny indsats', formaal: 'At hjælpe.' },
        { id: 'familiebehandling', titel: 'Familiebehandling', kategori: 'Behandling', formaal: 'At styrke familien.' },
      ],
    };
    const html = renderServiceLevelHtml(level, { label: 'arbejdskopien' }, META);
    expect(html.indexOf('<h2>Behandling</h2>')).toBeLessThan(html.indexOf('<h2>Øvrige foranstaltninger</h2>'));
    expect(html).toContain('<h4>Indhold</h4>\n<p class="mangler">Ikke udfyldt.</p>');
    expect(html).toContain('<p class="grundlag">Udskrevet fra arbejdskopien.</p>');
  });
});
