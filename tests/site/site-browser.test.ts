import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { findBrowser, missingBrowserMessage } from '../clients/find-browser.js';
import { exampleKommune, exampleKommuneWithHistory, pagesOf } from './site-helpers.js';

// The example's website in a real browser, opened from disk as a family would open _site/index.html: axe-core finds no
// WCAG 2.1 AA violation on any page, nothing is fetched from another origin, a phone's 320 px needs no sideways scroll,
// Tab reaches the skip link first, and the search finds a measure by a word from its text.

const CHROMIUM = findBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Where the screenshots go, for a person to look at. */
const SHOTS = process.env['SITE_SCREENSHOTS'] ?? mkdtempSync(join(tmpdir(), 'hjemmeside-billeder-'));

let browser: Browser | undefined;
let site = '';
/** The site of the example with two adopted versions: it has the »Hvad er ændret« pages the draft site lacks. */
let adoptedSite = '';

beforeAll(() => {
  const root = exampleKommune();
  const result = runCli(['site', '--out', '_site'], root);
  expect(result.status, result.stderr).toBe(0);
  site = join(root, '_site');
  const history = exampleKommuneWithHistory();
  expect(runCli(['site', '--out', '_site'], history).status).toBe(0);
  adoptedSite = join(history, '_site');
}, 90_000);

/** Every page of the draft site, and of the adopted site the pages only it has and a measure page with its history. */
function everyPage(): { root: string; path: string }[] {
  return [
    ...pagesOf(site).map((path) => ({ root: site, path })),
    ...pagesOf(adoptedSite)
      .filter((path) => path.startsWith('aendringer/') || path === 'foranstaltninger/praktisk-paedagogisk-stoette.html')
      .map((path) => ({ root: adoptedSite, path })),
  ];
}

afterAll(async () => {
  await browser?.close();
});

/** A page opened from disk at a width, failing on any request that leaves the site's folder. */
async function open(path: string, width = 1280, root = site): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  if (!CHROMIUM) throw new Error(missingBrowserMessage());
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(pathToFileURL(root).href)) foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(join(root, path)).href);
  return { page, foreign, errors };
}

describe('the example website in Chromium', () => {
  it('every page has no WCAG 2.1 AA violation, loads nothing from elsewhere and raises no CSP or script error', { timeout: 180_000 }, async () => {
    const pages = everyPage();
    expect(pages.length).toBeGreaterThan(3);
    const violations: string[] = [];
    for (const { root, path } of pages) {
      const { page, foreign, errors } = await open(path, 1280, root);
      // Evaluated through the DevTools protocol, which the page's CSP does not govern; a <script> tag would be refused.
      await page.evaluate(AXE);
      // preload off: axe would fetch the style sheet itself, which the site's CSP rightly refuses.
      const result = await page.evaluate<{ violations: { id: string; nodes: { target: unknown }[] }[] }>(
        `axe.run(document, { preload: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
      );
      for (const violation of result.violations) violations.push(`${path}: ${violation.id} ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
      expect(foreign, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    expect(violations).toEqual([]);
  });

  it(
    'at 320 px no page scrolls sideways; front page, a measure page and the search are photographed at phone and desktop width',
    { timeout: 120_000 },
    async () => {
      for (const { root, path } of everyPage()) {
        const { page } = await open(path, 320, root);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(320);
        await page.close();
      }
      for (const [name, path] of [
        ['forside', 'index.html'],
        ['foranstaltning', 'foranstaltninger/familiebehandling.html'],
        ['soeg', 'soeg.html'],
        ['aendringer', 'aendringer/2026-02-10.html'],
      ] as const) {
        for (const width of [320, 1280]) {
          const { page } = await open(path, width, path.startsWith('aendringer/') ? adoptedSite : site);
          await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: width === 320 ? false : true });
          await page.close();
        }
      }
    },
  );

  it('the first Tab on a page reaches the skip link, which leads to the main content', async () => {
    const { page } = await open('foranstaltninger/familiebehandling.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Spring til indholdet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('indhold');
    await page.close();
  });

  it('the search finds a measure by a word from its text, and filters by kategori', async () => {
    const { page, errors } = await open('soeg.html');
    await page.getByLabel('Søgeord').fill('aflastningsfamilie');
    const visible = await page.locator('#resultater li:not([hidden]) a').allTextContents();
    expect(visible).toContain('Afløsning og aflastning til familier med et barn med handicap');
    expect(visible.length).toBeLessThan(pagesOf(site).filter((path) => path.startsWith('foranstaltninger/')).length);
    expect(await page.locator('#antal').textContent()).toMatch(/^\d+ foranstaltning/);
    await page.getByLabel('Søgeord').fill('');
    await page.getByLabel('Kategori').selectOption('Anbringelse');
    const placements = await page.locator('#resultater li:not([hidden]) a').allTextContents();
    expect(placements.length).toBeGreaterThan(0);
    expect(placements.every((titel) => titel.startsWith('Anbringelse'))).toBe(true);
    await page.getByLabel('Barnets alder i år').fill('20');
    expect(await page.locator('#resultater li:not([hidden])').count()).toBe(0);
    expect(await page.locator('#antal').textContent()).toBe('0 foranstaltninger');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript the search page lists every measure', async () => {
    if (!CHROMIUM) throw new Error(missingBrowserMessage());
    browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(site, 'soeg.html')).href);
    const measures = pagesOf(site).filter((path) => path.startsWith('foranstaltninger/')).length;
    expect(await page.locator('#resultater li a').count()).toBe(measures);
    expect(await page.locator('#soegning').isVisible()).toBe(false);
    await context.close();
  });
});
