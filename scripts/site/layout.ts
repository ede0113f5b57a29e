import { escapeHtml } from '../revision/html-escape.js';

/** The site's name, look and contact, from the config and the frame. */
export interface SiteLook {
  kommune: string;
  /** Six hex digits with #, already checked for contrast against white. */
  primaryColor: string;
  /** The logo's file name in the output, when the config gives one. */
  logoFile?: string;
  contact?: string;
  /** https://… of the kommune's tilgængelighedserklæring. */
  accessibilityStatement?: string;
}

/** What every page says about the version it belongs to. */
export interface SiteEdition {
  omraade: string;
  /** »Version 2025.1 · Gyldig fra 1. marts 2025 · Vedtaget 11. februar 2025 af …«. */
  facts: string[];
  /** Where the pages were built from: »vedtaget/2025-02-11« or »arbejdskopien«. */
  sourceLabel: string;
  /** False for the working tree or a ref that is not an adopted version: every page carries the draft banner. */
  adopted: boolean;
  hasRolePlan: boolean;
  /** Whether the site has the pages »Hvad er ændret« (built from an adopted version's history). */
  hasChanges: boolean;
}

/** The pages in the main menu, by path from the site's root. */
export type MenuPage = 'index.html' | 'rolleplan.html' | 'aendringer/index.html' | 'soeg.html';

/** One page to draw in the frame. */
export interface PageContent {
  /** Path from the site's root, with forward slashes: »foranstaltninger/familiebehandling.html«. */
  path: string;
  title: string;
  /** The menu entry this page is, if any (aria-current). */
  current?: MenuPage;
  main: readonly string[];
  /** Script files from the site's root, loaded at the end of the body. */
  scripts?: readonly string[];
}

/** The text of the banner on every page that is not built from an adopted version. */
export const DRAFT_BANNER = 'Forslag — ikke vedtaget';

/** Only the site's own files: no inline script or style, nothing from another origin, no forms sent anywhere. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** The relative way from a page back to the site's root: '' or '../'. */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/** A whole page: lang="da", the CSP, a skip link, header with the kommune and menu, the draft banner, main, and the footer with version and date. */
export function renderPage(page: PageContent, look: SiteLook, edition: SiteEdition): string {
  const root = rootOf(page.path);
  const menu: [MenuPage, string][] = [
    ['index.html', 'Forside'],
    ...(edition.hasRolePlan ? ([['rolleplan.html', 'Rolleplan']] as [MenuPage, string][]) : []),
    ...(edition.hasChanges ? ([['aendringer/index.html', 'Hvad er ændret']] as [MenuPage, string][]) : []),
    ['soeg.html', 'Søg'],
  ];
  const menuItems = menu.map(([target, label]) => `<li><a href="${root}${target}"${page.current === target ? ' aria-current="page"' : ''}>${label}</a></li>`);
  const logo = look.logoFile ? `<img src="${root}${escapeHtml(look.logoFile)}" alt="">` : '';
  const footer = [
    `<p><strong>${escapeHtml(look.kommune)}</strong> · ${escapeHtml(serviceLevelTitle(edition.omraade))}</p>`,
    ...(edition.facts.length > 0 ? [`<p>${edition.facts.map(escapeHtml).join(' · ')}</p>`] : []),
    `<p>${edition.adopted ? 'Vedtaget version' : DRAFT_BANNER}: ${escapeHtml(edition.sourceLabel)}</p>`,
    ...(look.contact ? [`<p>Kontakt: ${escapeHtml(look.contact)}</p>`] : []),
    ...(look.accessibilityStatement ? [`<p><a href="${escapeHtml(look.accessibilityStatement)}">Tilgængelighedserklæring</a></p>`] : []),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)} – ${escapeHtml(look.kommune)}</title>`,
    `<link rel="stylesheet" href="${root}site.css">`,
    '</head>',
    '<body>',
    '<a class="spring-over" href="#indhold">Spring til indholdet</a>',
    '<header class="sidehoved">',
    '<div class="sidehoved-indhold">',
    `<a class="kommunenavn" href="${root}index.html">${logo}<span>${escapeHtml(look.kommune)}</span></a>`,
    '<nav class="hovedmenu" aria-label="Hovedmenu">',
    `<ul>${menuItems.join('')}</ul>`,
    '</nav>',
    '</div>',
    '</header>',
    ...(edition.adopted
      ? []
      : [
          '<div class="forslag-banner" role="note">',
          `<p><strong>${DRAFT_BANNER}.</strong> Siden viser et udkast til serviceniveauet, ikke den version, byrådet har vedtaget.</p>`,
          '</div>',
        ]),
    '<main id="indhold" tabindex="-1">',
    ...page.main,
    '</main>',
    '<footer class="sidefod">',
    '<div class="sidefod-indhold">',
    ...footer,
    '</div>',
    '</footer>',
    ...(page.scripts ?? []).map((script) => `<script src="${root}${script}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * »Serviceniveau for børn og unge med særlige behov«: the area's name starts a sentence in the frame (»Børn og
 * unge …«) and is lower-cased after »for«, unless it starts with an abbreviation such as »PPR«.
 */
export function serviceLevelTitle(omraade: string): string {
  const [first = '', second = ''] = omraade;
  const lower = second !== '' && second === second.toLocaleLowerCase('da') ? first.toLocaleLowerCase('da') : first;
  return `Serviceniveau for ${lower}${omraade.slice(first.length)}`;
}
