import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rolleplan } from '../../scripts/model/generated-types.js';
import type { Round, ServiceLevel } from '../../scripts/revision/model.js';
import { renderChangelogHtml, renderServiceLevelHtml } from '../../scripts/revision/render-html.js';
import { findBrowser, missingBrowserMessage } from '../clients/find-browser.js';
import { sampleRound } from '../revision/sample-round.js';
import { hostile } from './xss-payloads.js';

// The committee documents carry text from anyone who can open a pull request. Open them in a real browser,
// click every link, and prove that no script ran: not through escaping, Markdown or the sanitiser, and not
// even with the Content-Security-Policy taken out.

// Debian's Chromium here and in .ci/run; on GitHub's runners Google Chrome (or CHROMIUM_PATH).
const CHROMIUM = findBrowser();

const ROLE_PLAN: Rolleplan = {
  titel: 'Rolle- og ansvarsfordeling',
  roller: [
    {
      rolle: 'Politiker',
      udvikling: ['Træffer den endelige beslutning i Børne- og Ungeudvalget.'],
      implementering: ['Fortæller borgerne om serviceniveauet.'],
      opfoelgning: ['Får hvert år en status.'],
    },
    { rolle: 'Sagsbehandlere', udvikling: [], implementering: ['Bruger serviceniveauet i **hver** sag.'], opfoelgning: ['Melder tilbage til ledelsen.'] },
  ],
};

/** The sample round with a payload in every text, and a measure without kategori so the »Øvrige« group is drawn too. */
function hostileRound(): Round {
  const round = sampleRound();
  round.after.rolePlan = ROLE_PLAN;
  round.after.frame = {
    ...round.after.frame,
    vedtagelse: { dato: '2025-02-11', organ: 'Børne- og Ungeudvalget', reference: 'Sag 25/01234' },
    naeste_revision: '2027-02-01',
  };
  round.after.measures = [...round.after.measures, { id: 'uden-kategori', titel: 'Foranstaltning uden kategori', formaal: 'Formål.' }];
  return hostile(round);
}

function hostileServiceLevel(): { level: ServiceLevel; round: Round } {
  const round = hostileRound();
  return { level: round.after, round };
}

interface Visit {
  /** window.__pwned in every frame, after loading and after each click. */
  pwned: unknown[];
  dialogs: string[];
  consoleErrors: string[];
  clicked: number;
  /** What the DOM holds that could run script or leave the page. */
  scripts: number;
  handlers: string[];
  frames: number;
  embeds: number;
  unsafeLinks: string[];
}

/** Run in the page (the project's TypeScript has no DOM types): what in the DOM could run script or leave the page. */
const INSPECT_DOM = `(() => {
  const elements = [...document.querySelectorAll('*')];
  return {
    scripts: document.querySelectorAll('script').length,
    handlers: elements.flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => element.tagName + ' ' + attribute.name)),
    frames: document.querySelectorAll('iframe, frame').length,
    embeds: document.querySelectorAll('object, embed, form, base, meta[http-equiv="refresh"]').length,
    unsafeLinks: [...document.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')).filter((href) => !/^(?:#|https?:|mailto:)/i.test(href.trim())),
  };
})()`;

let browser: Promise<Browser> | undefined;

/** The browser, started once. Without Chromium every browser test fails (never skips) and says how to install it. */
function openBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(missingBrowserMessage());
  browser ??= chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return browser;
}

/** Opens the HTML, clicks every link, and records what ran. */
async function visit(html: string): Promise<Visit> {
  const context = await (await openBrowser()).newContext();
  const page = await context.newPage();
  const result: Visit = { pwned: [], dialogs: [], consoleErrors: [], clicked: 0, scripts: 0, handlers: [], frames: 0, embeds: 0, unsafeLinks: [] };
  // Nothing is loaded from elsewhere. An http(s) link gets »204 No Content«, which cancels the navigation,
  // so the page stays to be inspected after the click.
  await page.route('**/*', (route) => route.fulfill({ status: 204 }));
  page.on('dialog', (dialog) => {
    result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') result.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => result.consoleErrors.push(error.message));
  const readPwned = async (): Promise<void> => {
    for (const frame of page.frames()) {
      const value = await frame.evaluate<unknown>('window.__pwned').catch(() => undefined);
      if (value !== undefined) result.pwned.push(value);
    }
  };
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await readPwned();
    Object.assign(result, await page.evaluate<Pick<Visit, 'scripts' | 'handlers' | 'frames' | 'embeds' | 'unsafeLinks'>>(INSPECT_DOM));
    const links = await page.locator('a').count();
    for (let index = 0; index < links; index++) {
      // Load the page again only when a click took it elsewhere (after reading what ran there); an anchor keeps it.
      if (page.url().replace(/#.*$/, '') !== 'about:blank') {
        await readPwned();
        await page.setContent(html, { waitUntil: 'load' });
      }
      await page.locator('a').nth(index).click({ force: true, timeout: 5_000 });
      result.clicked++;
    }
    // A javascript: URL runs in a task after its click: give the last one time before looking.
    await page.waitForTimeout(250);
    await readPwned();
  } finally {
    await context.close();
  }
  return result;
}

/** The document without its Content-Security-Policy, so the escaping and sanitising stand alone. */
function withoutCsp(html: string): string {
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
  expect(stripped).not.toBe(html);
  return stripped;
}

function expectNothingRan(result: Visit): void {
  expect(result.pwned).toEqual([]);
  expect(result.dialogs).toEqual([]);
  expect(result.consoleErrors).toEqual([]);
  expect(result.scripts).toBe(0);
  expect(result.handlers).toEqual([]);
  expect(result.frames).toBe(0);
  expect(result.embeds).toBe(0);
  expect(result.unsafeLinks).toEqual([]);
}

afterAll(async () => {
  await (await browser)?.close();
});

describe('the committee documents run no script from a pull request, in a real browser', () => {
  it('the payloads reach the documents, so there is something to stop', () => {
    const html = renderChangelogHtml(hostileRound());
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
  });

  it('the changelog: nothing runs on load or on clicking any link', async () => {
    const result = await visit(renderChangelogHtml(hostileRound()));
    expect(result.clicked).toBeGreaterThan(0);
    expectNothingRan(result);
  }, 120_000);

  it('the changelog without its Content-Security-Policy: escaping alone stops every payload', async () => {
    expectNothingRan(await visit(withoutCsp(renderChangelogHtml(hostileRound()))));
  }, 120_000);

  it('the whole service level, with Markdown rendered: nothing runs on load or on clicking any link', async () => {
    const { level, round } = hostileServiceLevel();
    const result = await visit(renderServiceLevelHtml(level, round.to, { kommune: round.kommune, omraade: round.omraade }));
    expect(result.clicked).toBeGreaterThan(10);
    expectNothingRan(result);
  }, 120_000);

  it('the whole service level without its Content-Security-Policy: the sanitiser alone stops every payload', async () => {
    const { level, round } = hostileServiceLevel();
    expectNothingRan(await visit(withoutCsp(renderServiceLevelHtml(level, round.to, { kommune: round.kommune, omraade: round.omraade }))));
  }, 120_000);

  it('a page that does run script is caught, so a pass means something', async () => {
    const result = await visit('<!DOCTYPE html><title>kontrol</title><a href="javascript:window.__pwned=1">klik</a><img src=x onerror="console.error(1)">');
    expect(result.pwned).toEqual([1]);
    expect(result.handlers).toEqual(['IMG onerror']);
    expect(result.unsafeLinks).toEqual(['javascript:window.__pwned=1']);
  }, 60_000);
});
