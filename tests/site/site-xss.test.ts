import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Foranstaltning, Rolleplan, Serviceniveau } from '../../scripts/model/generated-types.js';
import type { Round, ServiceLevel } from '../../scripts/revision/model.js';
import { presentChangelog } from '../../scripts/revision/present/changelog.js';
import { renderSite } from '../../scripts/site/render-site.js';
import { findBrowser, missingBrowserMessage } from '../clients/find-browser.js';
import { hostile } from '../robustness/xss-payloads.js';

// A measure's text comes from anyone who can open a pull request. With every payload in every field of the frame,
// a measure (its titel and id too) and the role plan, the site holds no script of its own making and none runs.

const MEASURE: Partial<Foranstaltning> = {
  id: 'praktisk-paedagogisk-stoette',
  titel: 'Praktisk pædagogisk støtte i hjemmet',
  kategori: 'Støttende indsatser',
  alder: { fra: 0, til: 17 },
  formaal: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen.',
  indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner.',
  maalgruppe: 'Familier med børn 0-17 år. Der foretages altid en konkret og individuel vurdering af barnets behov.',
  omfang: 'Som udgangspunkt 3-5 timer om ugen i op til 6 måneder.',
  tildeling: 'Sagsbehandleren i Familieafdelingen træffer afgørelse.',
  levering: 'Ydelsen leveres af kommunens eget familiehus.',
  kvalitetskrav: 'Leverandøren sender en statusrapport hver 3. måned.',
  lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
};
const FRAME: Partial<Serviceniveau> = {
  kommune: 'Eksempel Kommune',
  omraade: 'Børn og unge med særlige behov',
  version: '2026.1',
  gyldig_fra: '2026-03-01',
  forord: 'Serviceniveauet giver klar besked om, hvordan vi hjælper børn og familier.',
  principper: 'Tidlig indsats.',
  maalgruppe: 'Børn og unge fra 0 til 18 år.',
};
const ROLE_PLAN: Partial<Rolleplan> = {
  titel: 'Rolle- og ansvarsfordeling',
  roller: [{ rolle: 'Sagsbehandler', udvikling: ['Giver input.'], implementering: ['Bruger serviceniveauet.'], opfoelgning: ['Følger op.'] }],
};

/** A round whose every text is hostile: a changed measure (renamed, with a note), an added one and a removed one. */
function hostileRound(level: ServiceLevel): Round {
  const changes = hostile([
    {
      id: 'praktisk-paedagogisk-stoette',
      previousId: 'praktisk-stoette',
      titel: 'Praktisk pædagogisk støtte i hjemmet',
      kind: 'renamed',
      fields: [
        {
          field: 'omfang',
          class: 'material',
          change: 'omfang-reduceret',
          before: 'Op til 10 timer om ugen.',
          after: 'Op til 8 timer om ugen.',
          note: '10 timer → 8 timer',
        },
      ],
    },
    { id: 'andet', titel: 'Praktisk pædagogisk støtte i hjemmet', kind: 'added', fields: [] },
    { id: 'udgaaet', titel: 'Udgået tilbud', kind: 'removed', fields: [] },
  ]) as Round['changelog']['changes'];
  return {
    kommune: hostile('Eksempel Kommune'),
    omraade: hostile('Børn og unge'),
    from: { label: 'vedtaget/2025-02-11' },
    to: { label: 'vedtaget/2026-02-10' },
    changelog: { from: 'vedtaget/2025-02-11', to: 'vedtaget/2026-02-10', changes },
    before: { ...level, measures: [...level.measures, hostile({ ...MEASURE, id: 'udgaaet', titel: 'Udgået tilbud' })] },
    after: level,
    deviations: [],
    changedBy: {},
  };
}

function hostileSite(): Map<string, string | Uint8Array> {
  const level: ServiceLevel = hostile({ frame: FRAME, measures: [MEASURE, { ...MEASURE, id: 'andet' }], rolePlan: ROLE_PLAN });
  return renderSite({
    rounds: [
      { label: 'vedtaget/2025-02-11' },
      { label: 'vedtaget/2026-02-10', previous: 'vedtaget/2025-02-11', changes: presentChangelog(hostileRound(level)) },
    ],
    level,
    side: { label: hostile('arbejdskopien') },
    meta: { kommune: hostile('Eksempel Kommune'), omraade: hostile('Børn og unge') },
    look: { kommune: hostile('Eksempel Kommune'), primaryColor: '#1F4E79', contact: hostile('Familieafdelingen') },
    adopted: false,
    minisearch: '/* minisearch */',
  });
}

interface Element {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Element[];
}

function elementsOf(node: Element): Element[] {
  return [node, ...(node.children ?? []).flatMap(elementsOf)];
}

describe('every payload in every field of the website', () => {
  const files = hostileSite();
  const pages = [...files.keys()].filter((path) => path.endsWith('.html'));

  it('a hostile id does not choose the page’s path', () => {
    expect(pages.filter((path) => path.startsWith('foranstaltninger/')).sort()).toEqual([
      'foranstaltninger/foranstaltning-1.html',
      'foranstaltninger/foranstaltning-2.html',
    ]);
  });

  it('the payloads are on the pages, as text', () => {
    expect(String(files.get('foranstaltninger/foranstaltning-1.html'))).toContain(
      '<h1>Praktisk pædagogisk støtte i hjemmet\n\n&lt;script&gt;window.__pwned=1&lt;/script&gt;',
    );
  });

  it('no page has a script of its own, an event handler, an embedded object or a script address', () => {
    for (const path of pages) {
      const tree = unified()
        .use(rehypeParse)
        .parse(String(files.get(path))) as unknown as Element;
      for (const element of elementsOf(tree).filter((node) => node.type === 'element')) {
        const where = `${path}: <${element.tagName}>`;
        if (element.tagName === 'script') expect(['minisearch.js', 'search-index.js', 'search.js'], where).toContain(element.properties?.['src']);
        expect(
          ['iframe', 'object', 'embed', 'img', 'svg', 'math', 'form', 'base', 'style'].filter((tag) => tag !== 'form' || path !== 'soeg.html'),
          where,
        ).not.toContain(element.tagName);
        if (element.tagName === 'meta') expect(element.properties?.['httpEquiv'] ?? ['Content-Security-Policy'], where).not.toContain('refresh');
        for (const [name, value] of Object.entries(element.properties ?? {})) {
          expect(name.toLowerCase().startsWith('on'), `${where} ${name}`).toBe(false);
          if (name === 'href' || name === 'src') expect(String(value), `${where} ${name}`).not.toMatch(/^\s*(?:javascript|vbscript|data):/i);
        }
      }
    }
  });

  it('no script runs when the pages are opened in Chromium', { timeout: 60_000 }, async () => {
    const chromiumPath = findBrowser();
    if (!chromiumPath) throw new Error(missingBrowserMessage());
    const site = mkdtempSync(join(tmpdir(), 'hjemmeside-xss-'));
    for (const [path, content] of files) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), content);
    }
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    try {
      for (const path of pages) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(site, path)).href);
        // A handler that slipped through would wait for the mouse or a toggle: give every element both.
        await page.evaluate(
          "document.querySelectorAll('*').forEach((node) => { node.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); node.dispatchEvent(new Event('toggle')); })",
        );
        expect(await page.evaluate<unknown>('window.__pwned'), path).toBeUndefined();
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
