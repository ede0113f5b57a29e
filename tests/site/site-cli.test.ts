import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { exampleKommune, exampleKommuneWithHistory, filesUnder, pagesOf, readSite } from './site-helpers.js';

// `serviceniveau site` on the example kommune: the pages a family, a supplier and a caseworker look things up in,
// every link leading to a file that is there, nothing loaded from elsewhere, and bad input refused with nothing written.

/** The only other sites a page may link to: the law text on retsinformation.dk (and Lovdata-style law links). */
const LAW_LINK = /^https:\/\/(?:www\.)?(?:retsinformation\.dk|lovdata\.no)\//;

/** The href and src attributes of a page, as written. */
function addressesOf(html: string): { attribute: string; value: string }[] {
  return [...html.matchAll(/\s(href|src)="([^"]*)"/g)].map((match) => ({ attribute: match[1]!, value: match[2]! }));
}

/** Every internal link and asset of every page resolves to a file (and anchor) in the site; only the law is linked outside. */
function expectLinksResolve(site: string): void {
  for (const page of pagesOf(site)) {
    for (const { attribute, value } of addressesOf(readSite(site, page))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
        expect(attribute, `${page}: ${value}`).toBe('href');
        expect(value, page).toMatch(LAW_LINK);
        continue;
      }
      if (value.startsWith('#')) {
        expect(readSite(site, page), `${page}: ${value}`).toContain(`id="${value.slice(1)}"`);
        continue;
      }
      const [file, anchor] = value.split('#');
      const target = posix.normalize(posix.join(posix.dirname(page), file!));
      expect(target.startsWith('..'), `${page}: ${value}`).toBe(false);
      expect(existsSync(join(site, target)), `${page}: ${value}`).toBe(true);
      if (anchor) expect(readSite(site, target), `${page}: ${value}`).toContain(`id="${anchor}"`);
    }
  }
}

/** Every page is Danish, has a CSP allowing only its own files, a skip link, one h1, no heading level skipped, and the version. */
function expectPageFrame(site: string, options: { draft: boolean }): void {
  for (const page of pagesOf(site)) {
    const html = readSite(site, page);
    expect(html, page).toContain('<html lang="da">');
    expect(html, page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';/);
    expect(html, page).toContain('<a class="spring-over" href="#indhold">');
    expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html, page).not.toMatch(/<style|\sstyle=/);
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    expect(
      levels.filter((level) => level === 1),
      page,
    ).toHaveLength(1);
    levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0), `${page}: h${level}`).toBeLessThanOrEqual(1));
    if (options.draft) expect(html, page).toContain('Forslag — ikke vedtaget');
    else expect(html, page).not.toContain('Forslag — ikke vedtaget');
    expect(html, page).toContain('Version: 2026.1');
    expect(html, page).toContain('Eksempel Kommune');
  }
}

describe('the example as a website from the working tree', () => {
  let root = '';
  let site = '';
  beforeAll(() => {
    root = exampleKommune();
    const result = runCli(['site', '--out', '_site'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('forslag, ikke vedtaget');
    site = join(root, '_site');
  }, 60_000);

  it('has a front page, the role plan, the search page and one page per measure named by its id', () => {
    const pages = pagesOf(site);
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'rolleplan.html', 'soeg.html', 'foranstaltninger/familiebehandling.html']));
    const measures = filesUnder(join(root, 'policies/boern-og-unge/foranstaltninger')).map(
      (file) => `foranstaltninger/${file.replace(/\.(md|json)$/, '')}.html`,
    );
    expect(pages.filter((page) => page.startsWith('foranstaltninger/'))).toEqual(measures.sort());
    for (const asset of ['site.css', 'minisearch.js', 'search-index.js', 'search.js']) expect(existsSync(join(site, asset)), asset).toBe(true);
  });

  it('every internal link and asset resolves to a file in the site, and nothing points at another site but the law', () => {
    expectLinksResolve(site);
  });

  it('every page is Danish, has a CSP allowing only its own files, a skip link, one h1 and no heading level skipped', () => {
    expectPageFrame(site, { draft: true });
    expect(readSite(site, 'site.css')).toContain('@media print');
  });

  it('a measure page links its legal basis to the act on retsinformation.dk', () => {
    const html = readSite(site, 'foranstaltninger/familiebehandling.html');
    expect(html).toMatch(/<a href="https:\/\/www\.retsinformation\.dk\/eli\/lta\/\d{4}\/\d+">Barnets Lov § 32, stk\. 1, nr\. 5<\/a>/);
    expect(html).toContain('<h2 id="felt-lovhjemmel">');
  });

  it('a page left from an earlier build of a measure that is gone is removed; other files are left alone', () => {
    writeFileSync(join(site, 'foranstaltninger/udgaaet-foranstaltning.html'), '<p>Gammel side</p>');
    writeFileSync(join(site, 'CNAME'), 'serviceniveau.eksempel.dk');
    expect(runCli(['site', '--out', '_site'], root).status).toBe(0);
    expect(existsSync(join(site, 'foranstaltninger/udgaaet-foranstaltning.html'))).toBe(false);
    expect(readSite(site, 'CNAME')).toBe('serviceniveau.eksempel.dk');
  });

  it('the same tree builds the same bytes', () => {
    const before = new Map(filesUnder(site).map((file) => [file, readFileSync(join(site, file))]));
    expect(runCli(['site', '--out', '_site'], root).status).toBe(0);
    for (const [file, bytes] of before) expect(readFileSync(join(site, file)).equals(bytes), file).toBe(true);
  });
});

describe('the example’s adopted versions on the website', () => {
  let root = '';
  let site = '';
  beforeAll(() => {
    root = exampleKommuneWithHistory();
    const result = runCli(['site', '--out', '_site'], root);
    expect(result.status, result.stderr).toBe(0);
    site = join(root, '_site');
  }, 60_000);

  it('has »Hvad er ændret« in the menu, listing every adopted version newest first', () => {
    const overview = readSite(site, 'aendringer/index.html');
    expect(readSite(site, 'index.html')).toContain('<a href="aendringer/index.html">Hvad er ændret</a>');
    expect(overview).toContain('<a href="../aendringer/index.html" aria-current="page">Hvad er ændret</a>');
    expect(overview.indexOf('10. februar 2026')).toBeLessThan(overview.indexOf('11. februar 2025'));
    expect(overview).toContain('<a href="2026-02-10.html">Vedtaget 10. februar 2026</a>');
    expect(overview).toContain('Vedtaget 11. februar 2025: den første vedtagne version.');
    expect(pagesOf(site).filter((page) => page.startsWith('aendringer/'))).toEqual(['aendringer/2026-02-10.html', 'aendringer/index.html']);
  });

  it('the version’s page shows the changed scope with the earlier and the new wording, and the added and removed measures', () => {
    const html = readSite(site, 'aendringer/2026-02-10.html');
    expect(html).toContain('<h1>Hvad er ændret i versionen vedtaget 10. februar 2026</h1>');
    expect(html).toContain('i forhold til versionen vedtaget 11. februar 2025');
    expect(html).toContain('<h2 id="praktisk-paedagogisk-stoette">');
    expect(html).toContain('<del>3-5</del>');
    expect(html).toContain('<ins>2-4</ins>');
    expect(html).toContain('<a href="../foranstaltninger/praktisk-paedagogisk-stoette.html">Se foranstaltningen nu</a>');
    expect(html).toContain('<h2 id="familiebehandling-i-grupper">Familiebehandling i grupper</h2>');
    // The removed measure has no page any more, so it is not linked; its text is on the version's page.
    const removed = html.slice(html.indexOf('<h2 id="forebyggende-konsulentbistand">'));
    expect(removed).toContain('Den tekst, der udgår:');
    expect(removed.slice(0, removed.indexOf('</section>'))).not.toContain('Se foranstaltningen nu');
  });

  it('a measure page links to the versions that changed it, and says so when none did', () => {
    expect(readSite(site, 'foranstaltninger/praktisk-paedagogisk-stoette.html')).toContain(
      '<li><a href="../aendringer/2026-02-10.html#praktisk-paedagogisk-stoette">Vedtaget 10. februar 2026</a>: ændret, 1 væsentlig</li>',
    );
    expect(readSite(site, 'foranstaltninger/familiebehandling.html')).toContain('Foranstaltningen er ikke ændret, siden den første gang blev vedtaget.');
    expect(readSite(site, 'foranstaltninger/familiebehandling-i-grupper.html')).toContain('href="../aendringer/2026-02-10.html#familiebehandling-i-grupper"');
  });

  it('every link resolves and every page has the frame, without the draft banner', () => {
    expectLinksResolve(site);
    expectPageFrame(site, { draft: false });
  });

  it('built from the first adopted version, has only that version and no later one', () => {
    const result = runCli(['site', '--out', 'foerste', '--ref', 'vedtaget/2025-02-11'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(pagesOf(join(root, 'foerste')).filter((page) => page.startsWith('aendringer/'))).toEqual(['aendringer/index.html']);
    expect(readSite(join(root, 'foerste'), 'aendringer/index.html')).not.toContain('10. februar 2026</a>');
  });
});

describe('the source of the site', () => {
  it('by default is the newest adopted version, without the draft banner', () => {
    const root = exampleKommune({ tag: 'vedtaget/2026-02-10' });
    const result = runCli(['site', '--out', 'ud'], root);
    expect(result.status, result.stderr).toBe(0);
    const html = readSite(join(root, 'ud'), 'index.html');
    expect(html).not.toContain('Forslag — ikke vedtaget');
    expect(html).toContain('Vedtaget version: vedtaget/2026-02-10');
  });

  it('a ref git does not know is a Danish error, and nothing is written', () => {
    const root = exampleKommune();
    const result = runCli(['site', '--out', 'ud', '--ref', 'vedtaget/1999-01-01'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Git kender ikke »vedtaget/1999-01-01«');
    expect(existsSync(join(root, 'ud'))).toBe(false);
  });
});

describe('the kommune’s own look', () => {
  const config = (site: object) => ({ 'serviceniveau.config.json': JSON.stringify({ site }) });

  it('takes the name, colour, logo, contact and accessibility statement from the config', () => {
    const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#0a5"/></svg>';
    const root = exampleKommune({
      files: {
        ...config({
          kommune: 'Kystby Kommune',
          primaryColor: '#6b1d5c',
          logo: 'design/logo.svg',
          contact: 'Familieafdelingen, tlf. 70 10 20 30',
          accessibilityStatement: 'https://www.was.digst.dk/kystby-dk',
        }),
        'design/logo.svg': logo,
      },
    });
    const result = runCli(['site', '--out', '_site'], root);
    expect(result.status, result.stderr).toBe(0);
    const site = join(root, '_site');
    const html = readSite(site, 'foranstaltninger/familiebehandling.html');
    expect(html).toContain('<img src="../logo.svg" alt="">');
    expect(html).toContain('<a href="https://www.was.digst.dk/kystby-dk">Tilgængelighedserklæring</a>');
    expect(html).toContain('Kontakt: Familieafdelingen, tlf. 70 10 20 30');
    expect(html).toContain('Kystby Kommune');
    expect(readSite(site, 'site.css')).toContain('--primaer: #6B1D5C;');
    expect(readSite(site, 'logo.svg')).toBe(logo);
  });

  it('a colour with too little contrast against white is refused in Danish, and nothing is written', () => {
    const root = exampleKommune({ files: config({ primaryColor: '#7fb2e5' }) });
    const result = runCli(['site', '--out', '_site'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Farven »#7fb2e5« har kun kontrasten 2,\d\d:1 mod hvid; hjemmesiden kræver mindst 4,5:1/);
    expect(existsSync(join(root, '_site'))).toBe(false);
  });

  it('a logo file that is not there is refused in Danish, and nothing is written', () => {
    const root = exampleKommune({ files: config({ logo: 'design/mangler.png' }) });
    const result = runCli(['site', '--out', '_site'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Logoet »design/mangler.png« findes ikke');
    expect(existsSync(join(root, '_site'))).toBe(false);
  });
});

describe('an output folder', () => {
  it('inside policies/ is refused, and nothing is written there', () => {
    const root = exampleKommune();
    const before = filesUnder(join(root, 'policies'));
    for (const out of ['policies/_site', 'policies', './policies/boern-og-unge/site']) {
      const result = runCli(['site', '--out', out], root);
      expect(result.status, out).toBe(2);
      expect(result.stderr, out).toContain('ligger i policies/, og dér skriver værktøjet aldrig');
    }
    expect(filesUnder(join(root, 'policies'))).toEqual(before);
    expect(existsSync(join(dirname(join(root, 'policies')), 'policies', '_site'))).toBe(false);
  });

  it('is required', () => {
    const result = runCli(['site'], exampleKommune());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Brug: serviceniveau site --out MAPPE');
  });
});
