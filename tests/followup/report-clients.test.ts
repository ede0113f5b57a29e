import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../scripts/followup/render-report-docx.js';
import { renderReportHtml } from '../../scripts/followup/render-report-html.js';
import { renderReportMarkdown } from '../../scripts/followup/render-report-md.js';
import { findBrowser, missingBrowserMessage } from '../clients/find-browser.js';
import { MEASURES } from './allocations-fixture.js';
import { exampleReport } from './report-fixture.js';

// The follow-up report as its readers' clients open it: the HTML in Chromium (axe-core finds no WCAG 2.1 AA violation, the
// page's CSP refuses nothing, nothing is fetched), the Word file in LibreOffice (converted to PDF and read back). A user's
// measure title full of markup stays text in every format. Set REPORT_SCREENSHOTS to a folder to keep the pictures.

const CHROMIUM = findBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CLIENT_TIMEOUT = 180_000;
const HOSTILE = '<img src=x onerror="alert(1)"> Familie*behandling* [link](javascript:alert(1)) | &amp;';

let folder = '';
let browser: Browser | undefined;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'opfoelgning-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const hostileMeasures = new Map([...MEASURES].map(([id, measure]) => [id, id === 'familiebehandling' ? { ...measure, titel: HOSTILE } : measure]));

describe('the follow-up report in Chromium', () => {
  it('has no WCAG 2.1 AA violation, no script, no request and no CSP error; each chart is one named image', { timeout: 120_000 }, async () => {
    if (!CHROMIUM) throw new Error(missingBrowserMessage());
    const html = await renderReportHtml(exampleReport(hostileMeasures));
    const file = join(folder, 'opfoelgning.html');
    writeFileSync(file, html);
    expect(html).toContain('<html lang="da">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    // The hostile title is text: no image element, and the heading reads as written.
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('h2', { hasText: 'onerror' }).first().textContent()).toBe(HOSTILE);
    const charts = await page.evaluate<(string | null | undefined)[][]>(
      `[...document.querySelectorAll('svg')].map((svg) => [svg.getAttribute('role'), svg.getAttribute('aria-label'), svg.querySelector('title')?.textContent])`,
    );
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const [role, label, title] of charts) {
      expect(role).toBe('img');
      expect(label).toMatch(/Tallene står i tabellen/);
      expect(title).toBe(label);
    }
    await page.evaluate(AXE);
    const result = await page.evaluate<{ violations: { id: string; nodes: { target: unknown }[] }[] }>(
      `axe.run(document, { preload: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
    );
    expect(result.violations.map((violation) => `${violation.id} ${JSON.stringify(violation.nodes.map((node) => node.target))}`)).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const shots = process.env['REPORT_SCREENSHOTS'];
    if (shots) await page.screenshot({ path: join(shots, 'opfoelgning.png'), fullPage: true });
    await page.close();
  });

  it('is the same bytes for the same input', async () => {
    expect(await renderReportHtml(exampleReport())).toBe(await renderReportHtml(exampleReport()));
  });
});

describe('the follow-up report as Word and Markdown', () => {
  it(
    'converts to PDF in LibreOffice with the summary, every measure and the discretion words',
    async () => {
      const missing = ['soffice', 'pdftotext'].filter((tool) => !(process.env['PATH'] ?? '').split(':').some((path) => existsSync(join(path, tool))));
      expect(missing, `Missing ${missing.join(', ')}: apt-get install -y libreoffice-writer-nogui poppler-utils`).toEqual([]);
      const docx = join(folder, 'opfoelgning.docx');
      writeFileSync(docx, await renderReportDocx(exampleReport(hostileMeasures)));
      execFileSync('soffice', [`-env:UserInstallation=file://${join(folder, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docx], {
        stdio: 'ignore',
        timeout: CLIENT_TIMEOUT,
      });
      const text = execFileSync('pdftotext', ['-layout', join(folder, 'opfoelgning.pdf'), '-'], { encoding: 'utf8' });
      // The hostile title sorts first: »<« comes before every letter.
      const order = ['Serviceniveauet som ramme i praksis', 'onerror', 'Aflastning', 'Kontaktperson', 'Datagrundlag', 'Sådan er tallene opgjort'].map(
        (heading) => text.lastIndexOf(heading),
      );
      expect(order.every((position) => position >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).toContain('færre end 5');
      expect(text).toContain('skjult');
      expect(text).toContain('Række 7, kolonne »Slutdato«');
    },
    CLIENT_TIMEOUT,
  );

  it('is the same bytes for the same input', async () => {
    expect(Buffer.compare(await renderReportDocx(exampleReport()), await renderReportDocx(exampleReport()))).toBe(0);
  });

  it('keeps a hostile title as text in Markdown', () => {
    const markdown = renderReportMarkdown(exampleReport(hostileMeasures));
    expect(markdown).toContain('## \\<img src=x onerror="alert\\(1\\)"\\> Familie\\*behandling\\* \\[link\\]\\(javascript:alert\\(1\\)\\) \\| &amp;');
    expect(markdown).not.toMatch(/(^|[^\\])<img/m);
    expect(markdown).toMatch(/^\| Foranstaltning \| Bevillinger \| Børn \|/m);
  });
});
