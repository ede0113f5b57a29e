import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Foranstaltning, Rolleplan, Serviceniveau } from '../../scripts/model/generated-types.js';
import type { Round, ServiceLevel } from '../../scripts/revision/model.js';
import { renderChangelogDocx, renderServiceLevelDocx } from '../../scripts/revision/render-docx.js';
import { examplePolicyDocuments } from '../rules/rule-helpers.js';
import { sampleRound } from './sample-round.js';

const AUTHOR = 'Mette Sørensen';
const DATE = '2026-01-15T09:30:00Z';

async function partOf(buffer: Buffer, path = 'word/document.xml'): Promise<string> {
  const file = (await JSZip.loadAsync(buffer)).file(path);
  if (!file) throw new Error(`${path} is missing from the docx`);
  return file.async('string');
}

function decode(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every paragraph, deleted text included. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?<!\/)>([\s\S]*?)<\/w:p>/g)].map((match) => decode(match[1] ?? ''));
}

/** The text inside each `w:ins` (or `w:del`) element that wraps runs; paragraph-mark revisions are empty elements and left out. */
function revisedTexts(xml: string, element: 'ins' | 'del'): string[] {
  return [...xml.matchAll(new RegExp(`<w:${element}\\b[^>]*?(?<!/)>([\\s\\S]*?)</w:${element}>`, 'g'))].map((match) => decode(match[1] ?? ''));
}

/** What Word shows after Accept all (drop deleted text) or Reject all (drop inserted text); a paragraph whose mark goes goes with it when empty. */
function resolve(xml: string, action: 'accept' | 'reject'): string {
  const [drop, keep] = action === 'accept' ? ['del', 'ins'] : ['ins', 'del'];
  return xml
    .replace(new RegExp(`<w:${drop}\\b[^>]*?(?<!/)>[\\s\\S]*?</w:${drop}>`, 'g'), '')
    .replace(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g, (paragraph) => (paragraph.includes(`<w:rPr><w:${drop} `) && !/<w:t\b/.test(paragraph) ? '' : paragraph))
    .replace(new RegExp(`</?w:${keep}\\b[^>]*>`, 'g'), '');
}

/** The body without its table of contents, whose entries repeat the headings' text. */
function withoutContents(xml: string): string {
  return xml.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '');
}

/** The part of the changelog that is the full proposal with tracked changes. */
function proposalOf(document: string): string {
  const xml = withoutContents(document);
  const start = xml.indexOf('>Forslag til serviceniveau</w:t>');
  expect(start).toBeGreaterThan(0);
  return xml.slice(start);
}

function roundWith(change: (round: Round) => void): Round {
  const round = sampleRound();
  change(round);
  return round;
}

const contactPerson: Partial<Foranstaltning> = {
  id: 'fast-kontaktperson',
  titel: 'Fast kontaktperson',
  kategori: 'Støttende indsatser',
  alder: { fra: 12, til: 17 },
  formaal: 'At give den unge en voksen, der følger den unge tæt.',
  indhold: 'Kontaktpersonen mødes med den unge og hjælper med skole og fritid.',
  maalgruppe: 'Unge 12-17 år. Der foretages altid en konkret og individuel vurdering af den unges behov.',
  omfang: 'Som udgangspunkt 4 timer om ugen.',
  tildeling: 'Sagsbehandleren.',
  levering: 'Kommunens ungeteam.',
  kvalitetskrav: 'Kontaktpersonen skriver en status hver 3. måned.',
  lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 4.',
};

const rolePlan: Rolleplan = {
  titel: 'Rolle- og ansvarsfordeling for serviceniveauet',
  roller: [
    {
      rolle: 'Politiker',
      udvikling: ['Træffer den endelige beslutning i Børne- og Ungeudvalget.'],
      implementering: ['Fortæller borgerne om mål og prioriteter.'],
      opfoelgning: ['Får hvert år en status på brug og økonomi.'],
    },
    {
      rolle: 'Sagsbehandlere',
      udvikling: ['Giver eksempler på, hvad familierne har brug for.'],
      implementering: ['Bruger serviceniveauet som et vejledende udgangspunkt.'],
      opfoelgning: ['Følger op på hjælpen til de aftalte tider.'],
    },
  ],
};

describe('renderChangelogDocx', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes each change as a Word revision by the author of the commit that changed its document, dated by it', async () => {
    const xml = await partOf(await renderChangelogDocx(sampleRound()));
    const revisions = [...xml.matchAll(/<w:(ins|del) [^>]*?w:author="([^"]*)" w:date="([^"]*)"/g)].map(([, kind, author, date]) => `${kind} ${author} ${date}`);
    // The cut hours are Mette's, the new mentor scheme Jonas's; the frame's new version and status fall back to the proposal's commit.
    expect(new Set(revisions)).toEqual(
      new Set([
        'del Mette Sørensen 2026-01-12T09:30:00+01:00',
        'ins Mette Sørensen 2026-01-12T09:30:00+01:00',
        'ins Jonas Holm 2026-01-14T13:05:00+01:00',
        `del ${AUTHOR} ${DATE}`,
        `ins ${AUTHOR} ${DATE}`,
      ]),
    );
  });

  it('deletes "10" and inserts "8" in Omfang og varighed, with the unchanged words as ordinary text', async () => {
    const xml = proposalOf(await partOf(await renderChangelogDocx(sampleRound())));
    expect(xml).toMatch(/<w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>10<\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:ins [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>8<\/w:t><\/w:r><\/w:ins>/);
    expect(revisedTexts(xml, 'del')).toEqual(expect.arrayContaining(['10', 'Sagsbehandleren', '.']));
    expect(revisedTexts(xml, 'ins')).toEqual(expect.arrayContaining(['8', 'Visitationsudvalget', 'I høring', '2026.1']));
  });

  it('gives the proposal when every change is accepted, and the adopted text when every change is rejected', async () => {
    const proposal = proposalOf(await partOf(await renderChangelogDocx(sampleRound())));
    const accepted = paragraphTexts(resolve(proposal, 'accept'));
    const rejected = paragraphTexts(resolve(proposal, 'reject'));
    expect(accepted).toEqual(
      expect.arrayContaining([
        'Som udgangspunkt 8 timer om ugen i op til 6 måneder.',
        'Mentor til unge',
        'Status: I høring',
        'Version: 2026.1',
        'Gyldig fra: 1. marts 2026',
      ]),
    );
    expect(accepted).not.toContain('Som udgangspunkt 10 timer om ugen i op til 6 måneder.');
    expect(rejected).toEqual(
      expect.arrayContaining([
        'Som udgangspunkt 10 timer om ugen i op til 6 måneder.',
        'Leverandøren sender en statusrapport hver 3. måned.',
        'Status: Vedtaget',
        'Version: 2025.1',
      ]),
    );
    expect(rejected).not.toContain('Mentor til unge');
    expect(rejected.filter((text) => text === 'Formål')).toHaveLength(1);
  });

  it('numbers the revisions with unique ids that increase through the document', async () => {
    const xml = await partOf(await renderChangelogDocx(sampleRound()));
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => Number(match[1]));
    expect(ids.length).toBeGreaterThan(20);
    ids.forEach((id, index) => expect(id).toBe(index + 1));
  });

  it('sets out a paralleltekst: Gældende formulering with deleted words struck through, Ny formulering with new words underlined', async () => {
    const xml = await partOf(await renderChangelogDocx(sampleRound()));
    const tableStart = xml.lastIndexOf('<w:tbl>', xml.indexOf('>Gældende formulering</w:t>'));
    const table = xml.slice(tableStart, xml.indexOf('</w:tbl>', tableStart));
    const cells = [...table.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((match) => paragraphTexts(match[1] ?? ''));
    expect(cells.slice(0, 2)).toEqual([['Gældende formulering'], ['Ny formulering']]);
    expect(cells[2]).toEqual(['Omfang og varighed', 'Som udgangspunkt 10 timer om ugen i op til 6 måneder.']);
    expect(cells[3]).toEqual(['Omfang og varighed', 'Som udgangspunkt 8 timer om ugen i op til 6 måneder.']);
    expect(table).toMatch(/<w:rPr><w:strike\/>[^]*?<\/w:rPr><w:t[^>]*>10<\/w:t>/);
    expect(table).toMatch(/<w:rPr>(?:(?!<\/w:rPr>).)*<w:u w:val="single"\/><\/w:rPr><w:t[^>]*>8<\/w:t>/);
    expect(table).not.toMatch(/<w:(ins|del)\b/);
  });

  it('gives the Danish amendment instruction for each changed field', async () => {
    const texts = paragraphTexts(await partOf(await renderChangelogDocx(sampleRound())));
    expect(texts).toContain('1. I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.');
    expect(texts).toContain('2. I afsnittet »Tildeling« ændres »Sagsbehandleren« til: »Visitationsudvalget«.');
    expect(texts).toContain('Omfang og varighed: væsentlig ændring (10 timer → 8 timer (−20 %))');
  });

  it('opens with a cover naming the kommune, the round, its Danish dates and versions', async () => {
    const texts = paragraphTexts(await partOf(await renderChangelogDocx(sampleRound())));
    expect(texts.slice(0, 4)).toEqual([
      'Ændringer i serviceniveauet',
      'Eksempel Kommune',
      'Børn og unge med særlige behov',
      'Det gældende serviceniveau (vedtaget 11. februar 2025) og forslaget til ændringer',
    ]);
    expect(texts.at(-1)).toMatch(/^Dannet af serviceniveau fra vedtaget\/2025-02-11 \(\w{7}\) til forslag-2026/);
    expect(texts.slice(0, -1).join('\n')).not.toContain('vedtaget/2025-02-11');
    expect(texts).toEqual(expect.arrayContaining(['11. februar 2025', '15. januar 2026', '2025.1', '2026.1', '1. marts 2026']));
  });

  it('summarises each measure by class, material changes first, whatever order the changelog has', async () => {
    const round = roundWith((r) => r.changelog.changes.reverse());
    const xml = await partOf(await renderChangelogDocx(round));
    const start = xml.indexOf('>Oversigt over ændringerne</w:t>');
    const table = xml.slice(xml.indexOf('<w:tbl>', start), xml.indexOf('</w:tbl>', start));
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((match) =>
      [...(match[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => decode(cell[1] ?? '')),
    );
    expect(rows).toEqual([
      ['Foranstaltning', 'Ændring', 'Væsentlige', 'Indholdsmæssige', 'Redaktionelle'],
      ['Mentor til unge', 'Ny', '1', '0', '0'],
      ['Praktisk pædagogisk støtte i hjemmet', 'Ændret', '2', '0', '1'],
      ['Serviceniveauets ramme', 'Ændret', '0', '0', '1'],
      ['I alt', '', '3', '0', '2'],
    ]);
  });

  it('shows the added measure "Mentor til unge" as inserted text throughout the proposal, paragraph marks included', async () => {
    const proposal = proposalOf(await partOf(await renderChangelogDocx(sampleRound())));
    const inserted = revisedTexts(proposal, 'ins');
    expect(inserted).toEqual(
      expect.arrayContaining([
        'Mentor til unge',
        'Formål',
        'At give den unge en fast voksen at støtte sig til.',
        'Frivillige mentorer fra kommunens mentorkorps.',
      ]),
    );
    const mentor = proposal.slice(proposal.indexOf('>Mentor til unge</w:t>'), proposal.indexOf('>Praktisk pædagogisk støtte i hjemmet</w:t>'));
    const paragraphs = [...mentor.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => match[1] ?? '');
    expect(paragraphs.length).toBeGreaterThanOrEqual(17);
    for (const paragraph of paragraphs) {
      expect(paragraph).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>/);
      expect(paragraph.replace(/<w:ins\b[^>]*?(?<!\/)>[\s\S]*?<\/w:ins>/g, '')).not.toMatch(/<w:t\b/);
    }
  });

  it('shows a removed measure as deleted text in the proposal and whole in the left column, with the instruction that it udgår', async () => {
    const round = roundWith((r) => {
      r.before.measures.push(contactPerson);
      r.changelog.changes.push({ id: 'fast-kontaktperson', titel: 'Fast kontaktperson', kind: 'removed', fields: [] });
    });
    const xml = await partOf(await renderChangelogDocx(round));
    // Amendments are numbered through the round: 1-3 for Praktisk pædagogisk støtte, 4 for Mentor til unge, then this one.
    expect(paragraphTexts(xml)).toContain('5. Foranstaltningen »Fast kontaktperson« udgår.');
    const deleted = revisedTexts(proposalOf(xml), 'del');
    expect(deleted).toEqual(
      expect.arrayContaining(['Fast kontaktperson', 'Kontaktpersonen mødes med den unge og hjælper med skole og fritid.', 'Kommunens ungeteam.']),
    );
    expect(proposalOf(xml)).toMatch(/<w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr><w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>Fast kontaktperson</);
  });

  it('follows a renamed measure by its previous id, so only the changed words of its title are tracked', async () => {
    const round = roundWith((r) => {
      const renamed = { ...r.after.measures[1], id: 'praktisk-stoette-i-hjemmet', titel: 'Praktisk støtte i hjemmet' };
      r.after.measures = [r.after.measures[0]!, renamed];
      r.changelog.changes.push({
        id: 'praktisk-stoette-i-hjemmet',
        previousId: 'praktisk-paedagogisk-stoette',
        titel: 'Praktisk støtte i hjemmet',
        kind: 'renamed',
        fields: [],
      });
    });
    const proposal = proposalOf(await partOf(await renderChangelogDocx(round)));
    expect(revisedTexts(proposal, 'del')).toContain('pædagogisk ');
    expect(revisedTexts(proposal, 'del')).not.toContain('Kommunens familiehus leverer ydelsen.');
    expect(revisedTexts(proposal, 'ins')).not.toContain('Kommunens familiehus leverer ydelsen.');
  });

  it('keeps the <script> in a measure as escaped text, never as markup', async () => {
    const xml = await partOf(await renderChangelogDocx(sampleRound()));
    expect(xml).not.toMatch(/<script/i);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(paragraphTexts(xml)).toContain('En mentor mødes med den unge hver uge <script>alert(1)</script>.');
  });

  it('turns Markdown paragraphs and bullets into Word paragraphs and bullets, tracking a new bullet and keeping bold lead-ins', async () => {
    const round = roundWith((r) => {
      r.before.frame = {
        ...r.before.frame,
        principper: 'Vi arbejder efter to principper.\n\n- **Tidlig indsats.** Vi hjælper tidligt.\n- Sammenhæng på tværs.',
      };
      r.after.frame = {
        ...r.after.frame,
        principper:
          'Vi arbejder efter tre principper.\n\n- **Tidlig indsats.** Vi hjælper så tidligt som muligt.\n- Sammenhæng på tværs.\n- [Mindst indgribende hjælp](https://example.org) først.',
      };
    });
    const proposal = proposalOf(await partOf(await renderChangelogDocx(round)));
    const start = proposal.indexOf('>Principper</w:t>');
    const paragraphs = [...proposal.slice(start, proposal.indexOf('>Målgruppe</w:t>', start)).matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(
      (match) => match[1] ?? '',
    );
    expect(paragraphs.map(decode)).toEqual([
      'Vi arbejder efter totre principper.',
      'Tidlig indsats. Vi hjælper så tidligt som muligt.',
      'Sammenhæng på tværs.',
      'Mindst indgribende hjælp først.',
    ]);
    expect(paragraphs[0]).not.toContain('<w:numPr>');
    expect(paragraphs.slice(1).every((paragraph) => paragraph.includes('<w:numPr>'))).toBe(true);
    expect(paragraphs[1]).toMatch(/<w:r><w:rPr><w:b\/>[^]*?<\/w:rPr><w:t[^>]*>Tidlig indsats\.<\/w:t><\/w:r>/);
    expect(paragraphs[3]).toMatch(/<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(paragraphs[3]).not.toContain('example.org');
  });

  it('tracks the role plan in its table: an added role is an inserted row, a changed task a word-level change', async () => {
    const round = roundWith((r) => {
      r.before.rolePlan = { ...rolePlan, roller: [rolePlan.roller[0]] };
      r.after.rolePlan = {
        ...rolePlan,
        roller: [{ ...rolePlan.roller[0], opfoelgning: ['Får hvert halve år en status på brug og økonomi.'] }, ...rolePlan.roller.slice(1)],
      };
    });
    const proposal = proposalOf(await partOf(await renderChangelogDocx(round)));
    const table = proposal.slice(proposal.indexOf('<w:tbl>', proposal.indexOf('>Rolle- og ansvarsfordeling for serviceniveauet</w:t>')));
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((match) => match[1] ?? '');
    expect(paragraphTexts(rows[0] ?? '')).toEqual(['Rolle', 'Udvikling', 'Implementering og forankring', 'Opfølgning']);
    expect(rows[1]).not.toMatch(/<w:trPr><w:ins/);
    expect(revisedTexts(rows[1] ?? '', 'del')).toEqual([]);
    expect(revisedTexts(rows[1] ?? '', 'ins')).toEqual(['halve ']);
    expect(paragraphTexts(rows[1] ?? '')).toContain('Får hvert halve år en status på brug og økonomi.');
    expect(rows[2]).toMatch(/<w:trPr>[^]*?<w:ins w:id="\d+" w:author="Mette Sørensen"/);
    expect(revisedTexts(rows[2] ?? '', 'ins')).toContain('Sagsbehandlere');
  });

  it('lists the godkendte afvigelser with file, line, rule and reason', async () => {
    const texts = paragraphTexts(await partOf(await renderChangelogDocx(sampleRound())));
    const start = texts.indexOf('Godkendte afvigelser');
    expect(start).toBeGreaterThan(0);
    expect(texts.slice(start)).toEqual(
      expect.arrayContaining(['policies/boern-og-unge/foranstaltninger/mentorordning.md', '20', 'skoen-under-regel', 'Loven fastsætter selv grænsen']),
    );
  });

  it('leaves the afvigelser out when the round has none', async () => {
    const texts = paragraphTexts(await partOf(await renderChangelogDocx(roundWith((r) => (r.deviations = [])))));
    expect(texts).not.toContain('Godkendte afvigelser');
  });

  it('dates the revisions by the adopted side, and signs them "serviceniveau", when the proposal has no commit', async () => {
    const fromDate = await partOf(await renderChangelogDocx(roundWith((r) => (r.to = { label: 'arbejdskopien' }))));
    expect(fromDate).toContain('w:author="serviceniveau" w:date="2025-02-11T10:00:00Z"');
    const fixed = await partOf(await renderChangelogDocx(roundWith((r) => ((r.to = { label: 'arbejdskopien' }), (r.from = { label: 'vedtaget/2025-02-11' })))));
    expect(fixed).toContain('w:date="1970-01-01T00:00:00Z"');
  });

  it('gives the same bytes for the same round, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-06-01T12:00:00Z'));
    const first = await renderChangelogDocx(sampleRound());
    vi.setSystemTime(new Date('2031-12-24T18:45:13Z'));
    const second = await renderChangelogDocx(sampleRound());
    expect(await partOf(second)).toBe(await partOf(first));
    expect(second.equals(first)).toBe(true);
    const core = await partOf(first, 'docProps/core.xml');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${DATE}</dcterms:created>`);
    expect(core).toContain(`<dc:creator>${AUTHOR}</dc:creator>`);
    expect(core).not.toMatch(/20(30|31)-/);
  });

  it('says so when the round has no changes', async () => {
    const round = roundWith((r) => {
      r.changelog.changes = [];
      r.after = r.before;
    });
    const xml = await partOf(await renderChangelogDocx(round));
    expect(paragraphTexts(xml)).toContain('Der er ingen ændringer i denne revisionsrunde.');
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
  });
});

describe('renderServiceLevelDocx', () => {
  const example = (): ServiceLevel => {
    const documents = examplePolicyDocuments();
    return {
      frame: documents.find((document) => document.kind === 'serviceniveau')?.data as Serviceniveau,
      measures: documents.filter((document) => document.kind === 'foranstaltning').map((document) => document.data as Foranstaltning),
      rolePlan: documents.find((document) => document.kind === 'rolleplan')?.data as Rolleplan,
    };
  };
  const side = { label: 'vedtaget/2025-02-11', date: '2025-02-11T10:00:00Z', author: 'Anna Jensen' };
  const meta = { kommune: 'Eksempel Kommune', omraade: 'Børn og unge med særlige behov' };

  it('prints the example kommune whole: cover, frame, every measure with its eight sections, and the role plan as a table', async () => {
    const level = example();
    expect(level.measures.length).toBeGreaterThan(10);
    const xml = await partOf(await renderServiceLevelDocx(level, side, meta));
    const texts = paragraphTexts(xml);
    expect(texts.slice(0, 6)).toEqual([
      'Serviceniveau',
      'Eksempel Kommune',
      'Børn og unge med særlige behov',
      'Version: 2026.1',
      'Gyldig fra: 1. marts 2026',
      'Status: Vedtaget',
    ]);
    expect(texts).toEqual(expect.arrayContaining(['Forord', 'Principper', 'Målgruppe', 'Foranstaltninger', 'Rolle- og ansvarsfordeling for serviceniveauet']));
    for (const measure of level.measures) expect(texts).toContain(measure.titel);
    expect(texts.filter((text) => text === 'Omfang og varighed')).toHaveLength(level.measures.length);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Rolle',
        'Udvikling',
        'Implementering og forankring',
        'Opfølgning',
        'Politiker',
        'Direktion',
        'Fagledelse',
        'Teamledelse',
        'Sagsbehandlere',
      ]),
    );
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
  });

  it('groups the measures under their kategori', async () => {
    const round = sampleRound();
    const xml = await partOf(
      await renderServiceLevelDocx(
        { ...round.after, measures: [...round.after.measures, { ...contactPerson, kategori: 'Forebyggende indsatser' }] },
        round.to,
        meta,
      ),
    );
    // The appendix »Lovgrundlag« heads its provisions at the same level, after the measures.
    const body = withoutContents(xml);
    const measures = body.slice(0, body.indexOf('>Lovgrundlag</w:t>'));
    const headings = [...measures.matchAll(/<w:pStyle w:val="Heading2"\/>[\s\S]*?<\/w:p>/g)].map((match) => decode(match[0]));
    expect(headings).toEqual(['Støttende indsatser', 'Forebyggende indsatser']);
    const texts = paragraphTexts(xml);
    expect(texts.indexOf('Mentor til unge')).toBeLessThan(texts.indexOf('Praktisk pædagogisk støtte i hjemmet'));
    expect(texts.indexOf('Praktisk pædagogisk støtte i hjemmet')).toBeLessThan(texts.indexOf('Fast kontaktperson'));
    expect(texts).toContain('En mentor mødes med den unge hver uge <script>alert(1)</script>.');
  });

  it('signs the foreword with the underskriver, unless the foreword already does', async () => {
    const round = sampleRound();
    const texts = paragraphTexts(await partOf(await renderServiceLevelDocx(round.after, round.to, meta)));
    expect(texts.slice(texts.indexOf('Forord'), texts.indexOf('Principper'))).toEqual([
      'Forord',
      'Jeg er glad for at kunne præsentere vores serviceniveau.',
      'Lene Holm',
      'Borgmester',
    ]);
    const signed = {
      ...round.after,
      frame: { ...round.after.frame, forord: 'Jeg er glad for at kunne præsentere vores serviceniveau.\n\nLene Holm, borgmester' },
    };
    const again = paragraphTexts(await partOf(await renderServiceLevelDocx(signed, round.to, meta)));
    expect(again.slice(again.indexOf('Forord'), again.indexOf('Principper'))).toEqual([
      'Forord',
      'Jeg er glad for at kunne præsentere vores serviceniveau.',
      'Lene Holm, borgmester',
    ]);
  });

  it('gives the same bytes for the same service level, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-06-01T12:00:00Z'));
      const first = await renderServiceLevelDocx(example(), side, meta);
      vi.setSystemTime(new Date('2031-12-24T18:45:13Z'));
      const second = await renderServiceLevelDocx(example(), side, meta);
      expect(second.equals(first)).toBe(true);
      expect(await partOf(first, 'docProps/core.xml')).toContain('2025-02-11T10:00:00Z');
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Every XML part of the package, by path. */
async function xmlParts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const paths = Object.keys(zip.files).filter((path) => /\.(xml|rels)$/.test(path));
  return new Map(await Promise.all(paths.map(async (path) => [path, await zip.file(path)!.async('string')] as const)));
}

/** A code point XML 1.0 does not allow, lone surrogates included. */
// eslint-disable-next-line no-control-regex -- the control characters are what the test looks for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Whether the XML is well-formed as far as Word's parts need: only allowed characters, known entities, and every element closed in order. */
function wellFormed(xml: string): boolean {
  if (FORBIDDEN.test(xml.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) return false;
  if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(xml)) return false;
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([\w:.-]+)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0 && !/<(?![?/\w!])/.test(xml);
}

describe('the Word package', () => {
  it('is valid XML whatever the text: characters XML 1.0 forbids are removed, a lone surrogate replaced', async () => {
    const round = roundWith((r) => {
      r.kommune = 'Eksempel\u000b Kommune';
      r.to.author = 'Mette\u0001 Sørensen\uFFFE';
      const mentor = r.after.measures.find((measure) => measure.titel === 'Mentor til unge')!;
      mentor.titel = 'Mentor\u0000 til unge';
      mentor.indhold = 'En mentor\u0001 mødes med\u000b den unge \uD800hver uge.';
    });
    const parts = await xmlParts(await renderChangelogDocx(round));
    expect(parts.size).toBeGreaterThan(10);
    for (const [path, xml] of parts) expect(wellFormed(xml), path).toBe(true);
    const document = parts.get('word/document.xml')!;
    expect(document).toContain('w:author="Mette Sørensen"');
    expect(paragraphTexts(document)).toEqual(expect.arrayContaining(['Eksempel Kommune', 'Mentor til unge', 'En mentor mødes med den unge \uFFFDhver uge.']));
    expect(parts.get('docProps/core.xml')).toContain('<dc:creator>Mette Sørensen</dc:creator>');
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>Ændringer i serviceniveauet: Eksempel Kommune, Børn og unge med særlige behov</dc:title>');

    const level = await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: 'Børn\u0002 og unge' });
    for (const [path, xml] of await xmlParts(level)) expect(wellFormed(xml), path).toBe(true);
  });

  it("switches Track Changes on in the changelog, so the secretary's own edits are tracked too, and leaves it off in the clean service level", async () => {
    const round = sampleRound();
    expect(await partOf(await renderChangelogDocx(round), 'word/settings.xml')).toContain('<w:trackRevisions/>');
    const level = await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: round.omraade });
    expect(await partOf(level, 'word/settings.xml')).not.toMatch(/<w:trackRevisions\b(?! w:val="false")/);
  });

  it('has a readable body font with space between paragraphs, and headings with outline levels for the navigation pane', async () => {
    const round = sampleRound();
    for (const buffer of [
      await renderChangelogDocx(round),
      await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: round.omraade }),
    ]) {
      const styles = await partOf(buffer, 'word/styles.xml');
      const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
      expect(defaults).toMatch(/<w:rFonts w:ascii="Arial"[^>]*w:hAnsi="Arial"/);
      expect(defaults).toContain('<w:sz w:val="22"/>');
      expect(defaults).toContain('<w:lang w:val="da-DK"/>');
      expect(defaults).toMatch(/<w:spacing w:after="140" w:line="276"\/>/);
      for (const level of [1, 2, 3]) {
        const style = styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">[\\s\\S]*?</w:style>`))?.[0] ?? '';
        expect(style).toContain(`<w:name w:val="Heading ${level}"/>`);
        expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
        expect(style).toContain('<w:keepNext/>');
      }
      const document = await partOf(buffer);
      for (const level of [1, 2, 3]) expect(document).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    }
  });

  it('heads every page with the kommune and the title, and numbers it »Side X af Y« with PAGE and NUMPAGES fields', async () => {
    const round = sampleRound();
    const documents = [
      { buffer: await renderChangelogDocx(round), title: 'Ændringer i serviceniveauet: Børn og unge med særlige behov' },
      {
        buffer: await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: round.omraade }),
        title: 'Serviceniveau: Børn og unge med særlige behov',
      },
    ];
    for (const { buffer, title } of documents) {
      const document = await partOf(buffer);
      expect(document).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/>/);
      expect(document).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
      const header = await partOf(buffer, 'word/header1.xml');
      // Word lays out a tab as <w:tab/>, not as a tab character in the text.
      expect(header).not.toMatch(/<w:t\b[^>]*>[^<]*\t/);
      expect(decode(header.replace(/<w:tab\/>/g, '\t'))).toBe(`Eksempel Kommune\t${title}`);
      const footer = await partOf(buffer, 'word/footer1.xml');
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      // The number of pages docx worked out is the field's result until Word or LibreOffice counts them again.
      expect(decode(footer.replace(/<w:instrText[^>]*>(\w+)<\/w:instrText>/g, '{$1}'))).toMatch(/^Side \{PAGE\}\d* af \{NUMPAGES\}\d*$/);
    }
  });

  it("repeats each table's header row on every page, and gives the columns room for their words", async () => {
    const round = roundWith((r) => (r.after.rolePlan = rolePlan));
    const changelog = await partOf(await renderChangelogDocx(round));
    const level = await partOf(await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: round.omraade }));
    const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => match[0]);
    const grid = (xml: string) => [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    for (const xml of [changelog, level]) {
      expect(tables(xml).length).toBeGreaterThan(0);
      for (const table of tables(xml)) {
        expect(table).toMatch(/^<w:tbl>[\s\S]*?<\/w:tblGrid><w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
        expect(grid(table).reduce((sum, width) => sum + width, 0)).toBeGreaterThanOrEqual(9024);
      }
    }
    // »Indholdsmæssige« in bold at 10 pt, and the role »Sagsbehandlere«, each on one line.
    const summary = tables(changelog).find((table) => table.includes('>Indholdsmæssige</w:t>'))!;
    expect(grid(summary)[3]).toBeGreaterThanOrEqual(2200);
    const roles = tables(level).find((table) => table.includes('>Sagsbehandlere</w:t>'))!;
    expect(grid(roles)[0]).toBeGreaterThanOrEqual(1800);
    // Text in cells is 10 pt, and a bullet in a cell is indented by half a centimetre, not Word's 1.27 cm.
    expect(roles).toMatch(/<w:sz w:val="20"\/><w:szCs w:val="20"\/><\/w:rPr><w:t xml:space="preserve">Træffer den endelige beslutning/);
    expect(roles).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>[\s\S]*?<w:ind w:left="284" w:hanging="284"\/>/);
    expect(roles).not.toMatch(/<w:ind w:left="720"/);
  });

  it('opens both documents with a table of contents of Heading 1 to 3, its entries written out, that Word updates on opening', async () => {
    const round = sampleRound();
    const changelog = await renderChangelogDocx(round);
    const level = await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: round.omraade });
    for (const [buffer, entries] of [
      [changelog, ['Oversigt over ændringerne', 'Paralleltekst og ændringsforslag', 'Praktisk pædagogisk støtte i hjemmet', 'Forslag til serviceniveau']],
      [level, ['Forord', 'Foranstaltninger', 'Støttende indsatser', 'Praktisk pædagogisk støtte i hjemmet', 'Lovgrundlag']],
    ] as const) {
      const xml = await partOf(buffer);
      const contents = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)?.[0] ?? '';
      expect(contents).toContain('<w:docPartGallery w:val="Table of Contents"/>');
      expect(contents).toMatch(/<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
      const listed = [...contents.matchAll(/<w:hyperlink [^>]*><w:r><w:t xml:space="preserve">([^<]+)<\/w:t>/g)].map((match) => match[1]);
      expect(listed).toEqual(expect.arrayContaining([...entries]));
      // Each entry links to a bookmark on its heading, with a page reference Word fills in when it updates the field.
      expect(contents).toMatch(/PAGEREF _Toc1 \\h<\/w:instrText>/);
      expect(xml).toMatch(/<w:bookmarkStart w:name="_Toc1" w:id="1"\/>/);
      expect(await partOf(buffer, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
      // »Indhold« itself is not a heading, and the provisions of »Lovgrundlag« are left to the navigation pane.
      expect(listed).not.toContain('Indhold');
      expect(listed.some((entry) => entry?.startsWith('Barnets Lov §'))).toBe(false);
    }
  });

  it('sets a role plan with three phases on landscape pages of its own, heading included, its table as wide as the page', async () => {
    const round = roundWith((r) => (r.after.rolePlan = rolePlan));
    const level = await partOf(await renderServiceLevelDocx(round.after, round.to, { kommune: round.kommune, omraade: round.omraade }));
    const whole = await partOf(await renderChangelogDocx(round));
    const changelog = proposalOf(whole);
    // The role plan ends the proposal, so the provenance line ends its last landscape page rather than a page of its own.
    expect(whole.slice(whole.lastIndexOf('<w:sectPr>'))).toContain('w:orient="landscape"');
    expect(whole.slice(whole.lastIndexOf('</w:tbl>'))).toContain('>Dannet af serviceniveau fra');
    for (const xml of [level, changelog]) {
      const sections = xml.split(/<w:sectPr>/).slice(0, -1);
      const landscape = sections.findIndex((section, index) => index > 0 && xml.split(/<w:sectPr>/)[index + 1]?.includes('w:orient="landscape"'));
      expect(landscape, 'a section on its side').toBeGreaterThan(0);
      const page = sections[landscape]!.slice(sections[landscape]!.indexOf('</w:sectPr>'));
      expect(page).toContain('>Rolle- og ansvarsfordeling for serviceniveauet</w:t>');
      const grid = [...page.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((sum, match) => sum + Number(match[1]), 0);
      expect(grid).toBeGreaterThan(13_900);
      expect(page).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>[\s\S]*?>Rolle</);
    }
    expect(level).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // The appendix after it is on portrait pages again.
    expect(level.slice(level.indexOf('>Lovgrundlag</w:t>'))).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  });

  it('finds a malformed part malformed', () => {
    expect(wellFormed('<a><b>x</b></a>')).toBe(true);
    expect(wellFormed('<a><b>x\u0001</b></a>')).toBe(false);
    expect(wellFormed('<a><b>x</a></b>')).toBe(false);
    expect(wellFormed('<a>&nbsp;</a>')).toBe(false);
  });
});
