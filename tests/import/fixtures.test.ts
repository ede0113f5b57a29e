import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';
import { CFB_MAGIC, notAZip, passwordProtected, zipWithoutDocument } from './fixtures/bad-files.js';
import { buildHeadingLayout, buildQuestionLayout, buildRunInLayout, buildTrackedChanges } from './fixtures/heading-layouts.js';
import { buildGeneratedTemplate, buildTemplateLayout, PHASES, TEMPLATE_GUIDANCE } from './fixtures/template-layout.js';
import { convertWithLibreOffice, hasSoffice, SOFFICE_TIMEOUT } from './fixtures/word-processor.js';

// The fixtures themselves, verified: each Word file is opened with mammoth (the reader the import uses) and with
// JSZip, and must hold what its builder claims — so an import test that fails, fails on the import, not the fixture.

const COMMITTED_TEMPLATE = join(REPO_ROOT, 'tests/import/fixtures/skabelon-eksempel.docx');
const LABELS = [
  'Formål',
  'Indhold',
  'Målgruppe/tildelingskriterier',
  'Omfang/varighed',
  'Tildeling',
  'Levering af ydelsen',
  'Kvalitetskrav til leverandør',
  'Lovhjemmel',
];

/** mammoth's HTML of a Word file, comments shown (mammoth leaves them out unless a style map asks). */
async function htmlOf(docx: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: docx }, { styleMap: ['comment-reference => sup'] })).value;
}

async function partOf(docx: Buffer, part: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(docx)).file(part)?.async('string');
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('the ministry-template fixture (layout a)', () => {
  let docx: Buffer;
  let html: string;
  beforeAll(async () => {
    docx = await buildTemplateLayout();
    html = await htmlOf(docx);
  });

  it('has the foreword signed by the mayor of Solbjerg Kommune, the principles and the target group', () => {
    expect(html).toContain('Solbjerg Kommune 2026');
    expect(html).toMatch(/<h1><a id="_Toc186137537"><\/a>Forord<\/h1>/);
    expect(html).toContain('<p>Karen Mølgaard</p><p>Borgmester</p>');
    expect(html).toContain('<h1>Principper for indsatsen overfor børn og unge med særlige behov</h1>');
    expect(html).toContain('<h1>Målgruppe</h1>');
  });

  it('has four measures, each a »Foranstaltning/indsats:« line and a two-column table with the template’s labels in column 1', () => {
    expect(count(html, '<p>Foranstaltning/indsats: ')).toBe(4);
    expect(count(html, '<table>')).toBe(5); // four measures and the role plan
    for (const label of LABELS) expect(count(html, `<td><p><strong>${label}</strong></p>`), label).toBeGreaterThanOrEqual(3);
    expect(html).toContain('<td><p><strong>Pris</strong></p>');
    expect(html).toContain(`<p><em>${TEMPLATE_GUIDANCE.formaal}</em></p>`);
    expect(html).toContain(`<p><em>${TEMPLATE_GUIDANCE.lovhjemmel}</em></p>`);
  });

  it('carries every artefact the import must handle: soft hyphen, no-break space, bookmark, line break, image, comment, footnote', async () => {
    expect(html).toContain('Familie\u00ADbehandleren');
    expect(html).toContain('Serviceloven §\u00A052, stk. 3, nr. 3');
    expect(html).toContain('Barnets Lov §\u00A032, stk.\u00A01, nr.\u00A03');
    expect(html).toContain('Foranstaltning/indsats: <a id="_Toc186137540"></a>Praktisk pædagogisk støtte i hjemmet');
    expect(html).toContain('en fast voksen,<br />som barnet');
    expect(html).toMatch(/<img alt="Kommunens logo" src="data:image\/png;base64,/);
    expect(html).toMatch(/venskaber<sup><a href="#comment-0" id="comment-ref-0">\[MJ1\]<\/a><\/sup>/);
    expect(html).toContain('Skal vi nævne lektiehjælp her?');
    expect(html).toContain('6 måneder.<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>');
    expect(html).toContain('Jf. Solbjerg Kommunes retningslinjer for opfølgning fra 2025.');
    expect(await partOf(docx, 'word/comments.xml')).toContain('Skal vi nævne lektiehjælp her?');
    // an empty paragraph (mammoth drops it, so look in the XML)
    expect(await partOf(docx, 'word/document.xml')).toMatch(/<w:p>(<w:pPr>(?:(?!<w:r>).)*?<\/w:pPr>)?<\/w:p>|<w:p\/>/);
  });

  it('has bullet and numbered lists, bold, italic and a link', () => {
    expect(html).toContain('<ul><li>samtaler i familiens hjem</li>');
    expect(html).toContain('<ol><li>Sagsbehandleren taler med barnet og forældrene.</li><li>Visitationsudvalget godkender forløbet.</li></ol>');
    expect(html).toContain('<strong>faste rutiner</strong>');
    expect(html).toContain('<em>hver 3. måned</em>');
    expect(html).toContain('<a href="https://www.solbjerg.dk/kontaktperson">kommunens hjemmeside</a>');
  });

  it('ends with seed 004’s role × phase table: the phases across, the five roles down, lists in the cells', () => {
    const table = html.slice(html.lastIndexOf('<table>'));
    for (const phase of PHASES) expect(table).toContain(`<p><strong>${phase}</strong></p>`);
    for (const role of ['Politiker', 'Direktion', 'Fagledelse', 'Teamledelse', 'Sagsbehandlere'])
      expect(table).toContain(`<td><p><strong>${role}</strong></p></td><td><ul><li>`);
  });

  it('is committed as tests/import/fixtures/skabelon-eksempel.docx with the same content (UPDATE_FIXTURES=1 rewrites it)', async () => {
    if (process.env['UPDATE_FIXTURES'] === '1' || !existsSync(COMMITTED_TEMPLATE)) writeFileSync(COMMITTED_TEMPLATE, docx);
    const committed = readFileSync(COMMITTED_TEMPLATE);
    // the body as the reader sees it (bookmark and link ids are counters and random in the docx library)
    expect(await htmlOf(committed)).toBe(html);
    expect(await partOf(committed, 'word/comments.xml')).toBe(await partOf(docx, 'word/comments.xml'));
  });
});

describe('the heading-per-measure fixtures (layouts b, c, d)', () => {
  it('(b) has a heading per measure and the fields as sub-headings, with a sub-heading no field has', async () => {
    const html = await htmlOf(await buildHeadingLayout());
    expect(count(html, '<h2>')).toBe(3);
    expect(html).toContain('<h2>Døgnophold for hele familien</h2><h3>Formål</h3>');
    expect(html).toContain('<h2><a id="_Toc52001"></a>Formidling af praktiksted</h2>');
    expect(count(html, '<h3>Lovhjemmel</h3>')).toBe(3);
    expect(html).toContain('<h3>Praktiske oplysninger</h3><p>Familien medbringer selv tøj og legetøj til barnet.</p>');
    expect(html).toContain('døgn\u00ADinstitution');
    expect(html).toContain('<ol><li>holde styr på aftaler med skole og læge</li>');
    expect(html).toContain('<a href="https://www.vesteraa.dk/praktik">virksomheder i ordningen</a>');
  });

  it('(c) has the fields as bold run-in labels at the start of a paragraph, and two titles that slug alike', async () => {
    const html = await htmlOf(await buildRunInLayout());
    expect(count(html, '<p><strong>Formål:</strong> Formålet')).toBe(3);
    expect(html).toContain('<p><strong>Målgruppe/tildelingskriterier:</strong> Børn fra 0 til 17 år');
    expect(html).toContain('<h2>Støtteophold (aflastning)</h2>');
    expect(html).toContain('<h2>Støtteophold – aflastning</h2>');
    expect(html).toContain('<p>Aflastningsfamilien får vejledning af kommunens familieplejekonsulent.</p>');
    expect(html).toContain('<ul><li>morgen- og sengetidsrutiner</li>');
  });

  it('(d) has the citizen questions as sub-headings and no question for Indhold or Kvalitetskrav', async () => {
    const html = await htmlOf(await buildQuestionLayout());
    for (const question of [
      'Hvad er formålet?',
      'Hvem kan få hjælpen?',
      'Hvor meget kan jeg få?',
      'Hvem træffer afgørelsen?',
      'Hvem leverer hjælpen?',
      'Lovgrundlag',
    ])
      expect(count(html, `<h3>${question}</h3>`), question).toBe(3);
    expect(html).not.toMatch(/<h3>(Indhold|Kvalitetskrav)/);
  });

  it('the tracked-changes variant has an insertion and a deletion in word/document.xml', async () => {
    const docx = await buildTrackedChanges();
    const xml = (await partOf(docx, 'word/document.xml'))!;
    expect(xml).toMatch(/<w:ins [^>]*w:author="Mette Jensen"[^>]*>.*?to ugentlige samtaler/);
    expect(xml).toMatch(/<w:del [^>]*>.*?<w:delText[^>]*>én månedlig samtale<\/w:delText>/);
    expect(await htmlOf(docx)).toContain('Familien får to ugentlige samtaler');
  });
});

describe('the bad files', () => {
  it('the PDF named .docx is not a zip, and mammoth refuses it', async () => {
    const bytes = notAZip();
    expect(bytes.subarray(0, 2).toString('latin1')).not.toBe('PK');
    await expect(mammoth.convertToHtml({ buffer: bytes })).rejects.toThrow();
  });

  it('the zip has no word/document.xml, and mammoth refuses it', async () => {
    const bytes = await zipWithoutDocument();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await JSZip.loadAsync(bytes)).file('word/document.xml')).toBeNull();
    await expect(mammoth.convertToHtml({ buffer: bytes })).rejects.toThrow();
  });

  it('the password-protected file starts with the CFB magic and names the encrypted package', () => {
    const bytes = passwordProtected();
    expect(bytes.subarray(0, 8)).toEqual(CFB_MAGIC);
    expect(bytes.toString('utf16le')).toContain('EncryptedPackage');
  });
});

describe('the generated 100-measure fixture for the bench', () => {
  it('has the frame, 100 template measures with unique titles and the role plan', async () => {
    const html = await htmlOf(await buildGeneratedTemplate(100));
    const titles = [...html.matchAll(/<p>Foranstaltning\/indsats: ([^<]+)<\/p>/g)].map((match) => match[1]);
    expect(titles).toHaveLength(100);
    expect(new Set(titles).size).toBe(100);
    expect(count(html, '<table>')).toBe(101);
  }, 60_000);
});

describe('the word-processor fixture: HTML saved as .docx by LibreOffice', () => {
  it(
    'mammoth reads LibreOffice’s file as headings, two template tables, lists, bold, italic and a link',
    async (context) => {
      if (!hasSoffice()) return context.skip('soffice (LibreOffice) is not on PATH: apt-get install -y libreoffice-writer-nogui');
      const folder = mkdtempSync(join(tmpdir(), 'libreoffice-fixture-'));
      try {
        const docx = readFileSync(convertWithLibreOffice(folder));
        expect(await partOf(docx, 'docProps/app.xml')).toMatch(/LibreOffice/);
        const html = await htmlOf(docx);
        expect(html).toContain('<h1>Forord</h1>');
        expect(count(html, '<table>')).toBe(2);
        expect(count(html, '<p>Foranstaltning/indsats: ')).toBe(2);
        for (const label of LABELS) expect(count(html, `<td><p><strong>${label}</strong></p>`), label).toBe(2);
        expect(html).toContain('<ul><li>samtaler med hele familien</li><li>forældrekurser</li></ul>');
        expect(html).toContain('<ol><li>mål for skolen</li><li>mål for fritiden</li></ol>');
        expect(html).toContain('<em>én gang om ugen</em>');
        expect(html).toContain('<strong>hver 3. måned</strong>');
        expect(html).toContain('<a href="https://www.egebjerg.dk/unge">kommunens side for unge</a>');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    SOFFICE_TIMEOUT,
  );
});
