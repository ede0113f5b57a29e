import { createHash } from 'node:crypto';
import { escapeHtml } from './html-escape.js';
import { LAW_BASIS_ID, lawBasisSection } from './html-law-basis.js';
import { BASE_CSS, CHANGELOG_CSS, LAW_BASIS_CSS, SERVICE_LEVEL_CSS } from './html-styles.js';
import { CLASS_LABELS, CLASS_ORDER, CLASS_PLURALS } from './labels.js';
import { inlineMarkdownToHtml, markdownToHtml } from './markdown-to-html.js';
import type { AcceptedDeviation, Round, RoundSide, ServiceLevel } from './model.js';
import { presentChangelog, SIDE_HEADINGS, type ChangelogPresentation, type FieldPresentation, type MeasurePresentation } from './present/changelog.js';
import { formatCount } from './present/format.js';
import { presentServiceLevel, type Fact, type MeasureText, type RolePlanTable } from './present/service-level.js';
import { redline } from './redline.js';

export { escapeHtml };

/** The changelog of a round as one self-contained, print-ready HTML file: cover, summary, a paralleltekst and amendment instructions per measure. */
export function renderChangelogHtml(round: Round): string {
  const presentation = presentChangelog(round, { lawBasis: true });
  const title = `Ændringer i serviceniveauet – ${presentation.kommune} – ${presentation.omraade}`;
  const body = [
    ...changelogCover(presentation),
    ...changelogSummary(presentation),
    ...presentation.measures.flatMap(changeSection),
    ...deviationsSection(presentation.deviations),
    ...(presentation.lawBasis ? lawBasisSection(presentation.lawBasis, 'aendring') : []),
    `<p class="proveniens">${escapeHtml(presentation.provenance)}</p>`,
  ];
  return htmlDocument(title, CHANGELOG_CSS + LAW_BASIS_CSS, body);
}

/** The whole service level at one side of a round as one self-contained, print-ready HTML document: what the committee adopts and what is published. */
export function renderServiceLevelHtml(level: ServiceLevel, side: RoundSide, meta: { kommune: string; omraade: string }): string {
  const presentation = presentServiceLevel(level, side, meta, { lawBasis: true });
  const { groups, rolePlan, signatory, source, lawBasis } = presentation;

  const toc = [
    ...presentation.frameSections.map((section) => `<li><a href="#${section.key}">${escapeHtml(section.heading)}</a></li>`),
    ...groups.map((group) => {
      const items = group.measures.map((measure) => `<li><a href="#foranstaltning-${measure.number}">${escapeHtml(measure.titel)}</a></li>`);
      return `<li><a href="#kategori-${group.number}">${escapeHtml(group.kategori)}</a>\n<ol>\n${items.join('\n')}\n</ol>\n</li>`;
    }),
    ...(rolePlan ? [`<li><a href="#rolleplan">${escapeHtml(rolePlan.titel)}</a></li>`] : []),
    ...(lawBasis ? [`<li><a href="#${LAW_BASIS_ID}">${escapeHtml(lawBasis.heading)}</a></li>`] : []),
  ];

  const body = [
    '<header class="forside">',
    `<p class="kommune">${escapeHtml(presentation.kommune)}</p>`,
    '<h1>Serviceniveau</h1>',
    `<p class="omraade">${escapeHtml(presentation.omraade)}</p>`,
    '<dl class="fakta">',
    ...presentation.facts.map(factItem),
    '</dl>',
    `<p class="grundlag">Udskrevet fra ${escapeHtml(source.label)}${source.commit ? `, commit <code>${escapeHtml(source.commit)}</code>` : ''}.</p>`,
    '</header>',
    '<nav class="indholdsfortegnelse" aria-labelledby="indhold">',
    '<h2 id="indhold">Indhold</h2>',
    '<ol>',
    ...toc,
    '</ol>',
    '</nav>',
    ...presentation.frameSections.flatMap((section) => {
      const signature =
        section.key === 'forord' && signatory ? [`<p class="underskrift">${escapeHtml(signatory.navn)}<br>\n${escapeHtml(signatory.titel)}</p>`] : [];
      return [`<section class="ramme" id="${section.key}">`, `<h2>${escapeHtml(section.heading)}</h2>`, fieldContent(section.text), ...signature, '</section>'];
    }),
    ...groups.flatMap((group) => [
      `<section class="kategori" id="kategori-${group.number}">`,
      `<h2>${escapeHtml(group.kategori)}</h2>`,
      ...group.measures.flatMap(measureArticle),
      '</section>',
    ]),
    ...(rolePlan ? rolePlanSection(rolePlan) : []),
    ...(lawBasis ? lawBasisSection(lawBasis, 'foranstaltning') : []),
  ];
  const title = `Serviceniveau – ${presentation.omraade} – ${presentation.kommune}`;
  return htmlDocument(title, SERVICE_LEVEL_CSS + LAW_BASIS_CSS, body);
}

function changelogCover(presentation: ChangelogPresentation): string[] {
  return [
    '<header class="forside">',
    `<p class="kommune">${escapeHtml(presentation.kommune)}</p>`,
    '<h1>Ændringer i serviceniveauet</h1>',
    `<p class="omraade">${escapeHtml(presentation.omraade)}</p>`,
    `<p class="runde">${escapeHtml(presentation.roundText)}</p>`,
    '<table class="sider">',
    `<thead><tr><td></td><th scope="col">${SIDE_HEADINGS.from}</th><th scope="col">${SIDE_HEADINGS.to}</th></tr></thead>`,
    '<tbody>',
    ...presentation.sides.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.from)}</td><td>${escapeHtml(row.to)}</td></tr>`),
    '</tbody>',
    '</table>',
    '<p class="laesevejledning">Ændringerne vises som paralleltekst: til venstre den gældende formulering, hvor den tekst, der udgår, er <del>overstreget</del>; til højre den nye formulering, hvor den tekst, der kommer til, er <ins>understreget</ins>. Under hver tabel står ændringerne som ændringsforslag, nummereret fortløbende for hele runden. Væsentlige ændringer står først.</p>',
    '</header>',
  ];
}

function changelogSummary(presentation: ChangelogPresentation): string[] {
  const { measures, totals } = presentation;
  if (measures.length === 0) return ['<section class="overblik">', '<h2>Overblik</h2>', '<p>Runden indeholder ingen ændringer.</p>', '</section>'];
  const rows = measures.map((measure) => {
    const cells = CLASS_ORDER.map((changeClass) => `<td class="tal">${formatCount(measure.counts[changeClass])}</td>`).join('');
    return `<tr${measure.material ? ' class="vaesentlig"' : ''}><th scope="row"><a href="#aendring-${measure.number}">${escapeHtml(measure.titel)}</a></th><td>${measure.kindLabel}</td>${cells}</tr>`;
  });
  const count = (value: number) => `<td class="tal">${formatCount(value)}</td>`;
  return [
    '<section class="overblik">',
    '<h2>Overblik</h2>',
    '<table class="tal-oversigt">',
    '<thead><tr><th scope="col">Ændringer</th><th scope="col" class="tal">Antal</th></tr></thead>',
    '<tbody>',
    ...CLASS_ORDER.map((changeClass) => `<tr><th scope="row">${CLASS_PLURALS[changeClass]} ændringer</th>${count(totals.byClass[changeClass])}</tr>`),
    `<tr><th scope="row">Nye foranstaltninger</th>${count(totals.added)}</tr>`,
    `<tr><th scope="row">Fjernede foranstaltninger</th>${count(totals.removed)}</tr>`,
    `<tr><th scope="row">Omdøbte foranstaltninger</th>${count(totals.renamed)}</tr>`,
    '</tbody>',
    '</table>',
    `<p class="i-alt">${escapeHtml(totals.text)}</p>`,
    '<p>En ny eller fjernet foranstaltning er altid én væsentlig ændring. Foranstaltninger med væsentlige ændringer står først, også i oversigten herunder.</p>',
    '<table class="oversigt">',
    `<thead><tr><th scope="col">Foranstaltning</th><th scope="col">Art</th>${CLASS_ORDER.map((changeClass) => `<th scope="col" class="tal">${CLASS_PLURALS[changeClass]}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    `<tfoot><tr><th scope="row">I alt</th><td></td>${CLASS_ORDER.map((changeClass) => count(totals.byClass[changeClass])).join('')}</tr></tfoot>`,
    '</table>',
    '</section>',
  ];
}

interface ParallelRow {
  heading: string;
  field?: FieldPresentation;
  left: string;
  right: string;
}

function changeSection(measure: MeasurePresentation): string[] {
  const rows: ParallelRow[] = [];
  const whole = measure.whole;
  for (const row of whole ? [...whole.facts, ...whole.sections] : []) {
    const html = escapeHtml(row.text);
    rows.push(whole?.side === 'after' ? { heading: row.heading, left: '', right: html } : { heading: row.heading, left: html, right: '' });
  }
  for (const field of measure.fields) {
    const segments = redline(field.before, field.after);
    const left = segments
      .map((segment) => (segment.type === 'same' ? escapeHtml(segment.text) : segment.type === 'del' ? `<del>${escapeHtml(segment.text)}</del>` : ''))
      .join('');
    const right = segments
      .map((segment) => (segment.type === 'same' ? escapeHtml(segment.text) : segment.type === 'ins' ? `<ins>${escapeHtml(segment.text)}</ins>` : ''))
      .join('');
    rows.push({ heading: field.heading, field, left, right });
  }

  const meta = [measure.kindLabel, `id <code>${escapeHtml(measure.id)}</code>`];
  if (measure.previousId) meta.push(`tidligere <code>${escapeHtml(measure.previousId)}</code>`);
  if (measure.kind === 'added' || measure.kind === 'removed') meta.push(CLASS_LABELS.material);
  if (measure.summary) meta.push(measure.summary);

  const amendments = measure.amendments;
  return [
    `<section class="aendring${measure.material ? ' vaesentlig' : ''}" id="aendring-${measure.number}">`,
    `<h2>${escapeHtml(measure.titel)}</h2>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
    ...(rows.length > 0 ? parallelTable(rows) : []),
    // The amendments as one block, which print keeps with the end of the paralleltekst they amend.
    '<div class="forslag">',
    '<h3>Ændringsforslag</h3>',
    amendments.length > 0
      ? `<ol class="aendringsforslag" start="${amendments[0]!.number}">\n${amendments.map((amendment) => `<li>${escapeHtml(amendment.text)}</li>`).join('\n')}\n</ol>`
      : '<p>Ingen ændringer i ordlyden.</p>',
    '</div>',
    '</section>',
  ];
}

/** Lovkvalitetsvejledningen 4.4.1: the present wording on the left, the new on the right, one row per changed section. */
function parallelTable(rows: readonly ParallelRow[]): string[] {
  return [
    '<table class="paralleltekst">',
    '<colgroup><col><col></colgroup>',
    '<thead><tr><th scope="col">Gældende formulering</th><th scope="col">Ny formulering</th></tr></thead>',
    ...rows.flatMap((row) => {
      const field = row.field;
      const labels = field
        ? ` <span class="klasse klasse-${field.class}">${field.classLabel}</span> <span class="aendrings-id">${escapeHtml(field.change)}</span>${field.note ? ` <span class="note">${escapeHtml(field.note)}</span>` : ''}`
        : '';
      return [
        '<tbody>',
        `<tr class="afsnit"><th colspan="2" scope="colgroup">${escapeHtml(row.heading)}${labels}</th></tr>`,
        `<tr class="tekst"><td>${row.left}</td><td>${row.right}</td></tr>`,
        '</tbody>',
      ];
    }),
    '</table>',
  ];
}

function deviationsSection(deviations: readonly AcceptedDeviation[]): string[] {
  if (deviations.length === 0) return [];
  return [
    '<section class="afvigelser">',
    '<h2>Godkendte afvigelser</h2>',
    '<p>Her er en af de automatiske kontroller tilsidesat med en begrundelse i filen. Afvigelserne er nye i denne runde.</p>',
    '<table>',
    '<thead><tr><th scope="col">Fil og linje</th><th scope="col">Regler</th><th scope="col">Begrundelse</th></tr></thead>',
    '<tbody>',
    ...deviations.map(
      (deviation) =>
        `<tr><td><code>${escapeHtml(`${deviation.file}:${deviation.line}`)}</code></td><td>${deviation.rules.map((rule) => `<code>${escapeHtml(rule)}</code>`).join(', ')}</td><td>${escapeHtml(deviation.reason)}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    '</section>',
  ];
}

function measureArticle(measure: MeasureText): string[] {
  return [
    `<article class="foranstaltning" id="foranstaltning-${measure.number}">`,
    `<h3>${escapeHtml(measure.titel)}</h3>`,
    ...(measure.age ? [`<p class="alder">${escapeHtml(measure.age.label)}: ${escapeHtml(measure.age.value)}</p>`] : []),
    ...measure.sections.flatMap((section) => [`<h4>${escapeHtml(section.heading)}</h4>`, fieldContent(section.text)]),
    '</article>',
  ];
}

function rolePlanSection(plan: RolePlanTable): string[] {
  return ['<section class="rolleplan" id="rolleplan">', `<h2>${escapeHtml(plan.titel)}</h2>`, ...rolePlanTable(plan), '</section>'];
}

/** The role plan as a table: a row per role, a column per phase, each cell its list of tasks. */
export function rolePlanTable(plan: RolePlanTable): string[] {
  return [
    '<table>',
    `<thead><tr><th scope="col">Rolle</th>${plan.phases.map((phase) => `<th scope="col">${escapeHtml(phase.heading)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...plan.roles.map((role) => {
      const cells = role.phases.map((items) =>
        items.length > 0 ? `<td><ul>${items.map((item) => `<li>${inlineMarkdownToHtml(item)}</li>`).join('')}</ul></td>` : '<td>–</td>',
      );
      return `<tr><th scope="row">${escapeHtml(role.rolle)}</th>${cells.join('')}</tr>`;
    }),
    '</tbody>',
    '</table>',
  ];
}

function fieldContent(text: string): string {
  return text.trim() !== '' ? markdownToHtml(text) : '<p class="mangler">Ikke udfyldt.</p>';
}

function factItem(fact: Fact): string {
  return `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`;
}

/** The frame of both documents: a Content-Security-Policy that allows no scripts and nothing from elsewhere, only this page's own style sheet. */
export function htmlDocument(title: string, css: string, body: readonly string[]): string {
  const style = `\n${BASE_CSS}${css}`;
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return [
    '<!DOCTYPE html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
