import { memoizeByObject } from '../memoize.js';
import { escapeHtml } from '../revision/html-escape.js';
import { markdownToHtml, sanitizedLink } from '../revision/markdown-to-html.js';
import { rolePlanTable } from '../revision/render-html.js';
import type { LawBasisEntry } from '../revision/present/law-basis.js';
import type { MeasureText, RolePlanTable, ServiceLevelPresentation } from '../revision/present/service-level.js';
import { CHANGES_INDEX, type HistoryEntry } from './change-pages.js';
import { serviceLevelTitle, type PageContent } from './layout.js';

/** A measure as the site lists it: its page, its kategori and its age range (for the search page's filters). */
export interface SiteMeasure {
  measure: MeasureText;
  kategori: string;
  /** From the site's root: »foranstaltninger/familiebehandling.html«. */
  path: string;
  alder?: { fra: number; til: number };
}

/** The folder of the measure pages. */
export const MEASURE_FOLDER = 'foranstaltninger';

/**
 * The page of a measure, by its id: a stable address to cite. An id that is not a plain kebab-case name (the schema
 * asks for one, but the file may not pass check) gets its place instead, so no id can lead outside the folder.
 */
export function measurePath(measure: Pick<MeasureText, 'id' | 'number'>): string {
  const name = /^[a-z0-9][a-z0-9-]{0,120}$/.test(measure.id) ? measure.id : `foranstaltning-${measure.number}`;
  return `${MEASURE_FOLDER}/${name}.html`;
}

/** The front page: the facts, foreword, principles and target group, and every measure as a link, grouped by kategori. */
export function frontPage(presentation: ServiceLevelPresentation, measures: readonly SiteMeasure[]): PageContent {
  const { signatory } = presentation;
  return {
    path: 'index.html',
    title: serviceLevelTitle(presentation.omraade),
    current: 'index.html',
    main: [
      `<h1>${escapeHtml(serviceLevelTitle(presentation.omraade))}</h1>`,
      `<p class="kommune">${escapeHtml(presentation.kommune)}</p>`,
      ...(presentation.facts.length > 0
        ? ['<dl class="fakta">', ...presentation.facts.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`), '</dl>']
        : []),
      ...presentation.frameSections.flatMap((section) => [
        `<section class="ramme" aria-labelledby="${section.key}">`,
        `<h2 id="${section.key}">${escapeHtml(section.heading)}</h2>`,
        fieldContent(section.text),
        ...(section.key === 'forord' && signatory ? [`<p class="underskrift">${escapeHtml(signatory.navn)}<br>\n${escapeHtml(signatory.titel)}</p>`] : []),
        '</section>',
      ]),
      '<section aria-labelledby="foranstaltninger">',
      '<h2 id="foranstaltninger">Foranstaltninger</h2>',
      `<p>Serviceniveauet har ${measures.length === 1 ? 'én foranstaltning' : `${measures.length} foranstaltninger`}. Du kan også <a href="soeg.html">søge i dem</a>.</p>`,
      ...presentation.groups.flatMap((group) => [
        '<div class="kategori">',
        `<h3>${escapeHtml(group.kategori)}</h3>`,
        '<ul>',
        ...group.measures.map((measure) => `<li><a href="${measurePath(measure)}">${escapeHtml(measure.titel)}</a></li>`),
        '</ul>',
        '</div>',
      ]),
      '</section>',
    ],
  };
}

/**
 * A measure's own page: every section, the wording of the provisions it cites with a link to the act on
 * retsinformation.dk, and, when the site has the adopted versions' history, the versions that changed it.
 */
export function measurePage(entry: SiteMeasure, provisions: readonly LawBasisEntry[], history?: readonly HistoryEntry[]): PageContent {
  const { measure } = entry;
  return {
    path: entry.path,
    title: measure.titel,
    main: [
      `<p><a href="../index.html#foranstaltninger">Alle foranstaltninger</a></p>`,
      `<h1>${escapeHtml(measure.titel)}</h1>`,
      '<dl class="fakta">',
      `<dt>Kategori</dt><dd>${escapeHtml(entry.kategori)}</dd>`,
      ...(measure.age ? [`<dt>${escapeHtml(measure.age.label)}</dt><dd>${escapeHtml(measure.age.value)}</dd>`] : []),
      `<dt>Id</dt><dd><code>${escapeHtml(measure.id)}</code></dd>`,
      '</dl>',
      ...measure.sections.flatMap((section) => [
        `<section class="felt" aria-labelledby="felt-${section.key}">`,
        `<h2 id="felt-${section.key}">${escapeHtml(section.heading)}</h2>`,
        fieldContent(section.text),
        '</section>',
      ]),
      ...(provisions.length > 0
        ? ['<section class="lovtekst" aria-labelledby="lovtekst">', '<h2 id="lovtekst">Lovtekst</h2>', ...provisions.flatMap(provisionHtml), '</section>']
        : []),
      ...(history ? historySection(history) : []),
    ],
  };
}

/** The adopted versions that changed the measure, newest first, each linking to the change on its version's page. */
function historySection(history: readonly HistoryEntry[]): string[] {
  return [
    '<section class="historik" aria-labelledby="historik">',
    '<h2 id="historik">Historik</h2>',
    history.length === 0
      ? '<p>Foranstaltningen er ikke ændret, siden den første gang blev vedtaget.</p>'
      : `<ul>${history.map((item) => `<li><a href="../${item.href}">Vedtaget ${escapeHtml(item.date)}</a>: ${escapeHtml([item.kindLabel.toLocaleLowerCase('da'), item.summary].filter(Boolean).join(', '))}</li>`).join('\n')}</ul>`,
    `<p><a href="../${CHANGES_INDEX}">Alle ændringer i serviceniveauet</a></p>`,
    '</section>',
  ];
}

/** The role plan: roles by phases, in a table that scrolls on its own on a phone, so the page does not. */
export function rolePlanPage(plan: RolePlanTable): PageContent {
  return {
    path: 'rolleplan.html',
    title: plan.titel,
    current: 'rolleplan.html',
    main: [
      `<h1>${escapeHtml(plan.titel)}</h1>`,
      '<div class="tabel" role="region" aria-label="Rolleplanen som tabel" tabindex="0">',
      ...rolePlanTable(plan),
      '</div>',
    ],
  };
}

/** The search page: without JavaScript the full list of measures; with it a search field and filters by kategori and age above it. */
export function searchPage(measures: readonly SiteMeasure[]): PageContent {
  const kategorier = [...new Set(measures.map((entry) => entry.kategori))];
  const count = measures.length === 1 ? '1 foranstaltning' : `${measures.length} foranstaltninger`;
  return {
    path: 'soeg.html',
    title: 'Søg i foranstaltningerne',
    current: 'soeg.html',
    main: [
      '<h1>Søg i foranstaltningerne</h1>',
      '<form id="soegning" class="soegning" role="search" hidden>',
      '<label for="soegeord">Søgeord</label>',
      '<input type="search" id="soegeord" name="q" autocomplete="off">',
      '<label for="kategori">Kategori</label>',
      `<select id="kategori"><option value="">Alle kategorier</option>${kategorier.map((kategori) => `<option value="${escapeHtml(kategori)}">${escapeHtml(kategori)}</option>`).join('')}</select>`,
      '<label for="alder">Barnets alder i år</label>',
      '<input type="number" id="alder" min="0" max="30" inputmode="numeric">',
      '</form>',
      `<p id="antal" class="antal" aria-live="polite">${count}</p>`,
      '<ul id="resultater" class="soegeresultater">',
      ...measures.map((entry) => {
        const data = `data-id="${escapeHtml(entry.path)}" data-kategori="${escapeHtml(entry.kategori)}" data-fra="${entry.alder?.fra ?? ''}" data-til="${entry.alder?.til ?? ''}"`;
        return `<li ${data}><a href="${entry.path}">${escapeHtml(entry.measure.titel)}</a> <span class="alder">(${escapeHtml(entry.kategori)}${entry.measure.age ? `, <span class="ingen-brud">${escapeHtml(entry.measure.age.value)}</span>` : ''})</span></li>`;
      }),
      '</ul>',
    ],
    scripts: ['minisearch.js', 'search-index.js', 'search.js'],
  };
}

/**
 * A provision's heading, linked to the act, and its wording: drawn once per provision, however many measures cite
 * it (the link goes through the Markdown sanitiser, which is the slow part of a site with thousands of measures).
 */
const provisionHtml = memoizeByObject((provision: LawBasisEntry): string[] => [
  `<h3>${'quote' in provision ? sanitizedLink(provision.written, provision.quote.act.eli) : escapeHtml(provision.written)}</h3>`,
  ...('quote' in provision
    ? [
        '<figure>',
        '<blockquote>',
        ...provision.quote.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
        '</blockquote>',
        `<figcaption>${escapeHtml(provision.quote.source)}</figcaption>`,
        '</figure>',
      ]
    : [`<p class="mangler">${escapeHtml(provision.missing)}</p>`]),
]);

function fieldContent(text: string): string {
  return text.trim() !== '' ? markdownToHtml(text) : '<p class="mangler">Ikke udfyldt.</p>';
}
