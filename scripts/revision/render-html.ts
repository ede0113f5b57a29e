import { createHash } from 'node:crypto';
import type { Foranstaltning } from '../model/generated-types.js';
import { rolePhaseFields, sectionFields } from '../model/schema-catalog.js';
import { amendmentInstructions } from './amendment.js';
import { CLASS_LABELS, KIND_LABELS, fieldLabel } from './labels.js';
import { inlineMarkdownToHtml, markdownToHtml } from './markdown-to-html.js';
import type { AcceptedDeviation, ChangeClass, FieldChange, MeasureChange, Round, RoundSide, ServiceLevel } from './model.js';
import { redline } from './redline.js';
import { classSummary, countByClass, fieldHeading, formatCount, isMaterial, orderChanges, wholeMeasureOf } from './render-markdown.js';

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

const STATUS_LABELS: Record<string, string> = { udkast: 'Udkast', hoering: 'Sendt i høring', vedtaget: 'Vedtaget' };

const CLASS_COLUMNS: Record<ChangeClass, string> = { material: 'Væsentlige', content: 'Indholdsmæssige', editorial: 'Redaktionelle' };

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const CLASSES: readonly ChangeClass[] = ['material', 'content', 'editorial'];

/** The changelog of a round as one self-contained, print-ready HTML file: cover, summary, a paralleltekst and amendment instructions per measure. */
export function renderChangelogHtml(round: Round): string {
  const changes = orderChanges(round.changelog.changes);
  const title = `Ændringer i serviceniveauet – ${round.kommune} – ${round.from.label} til ${round.to.label}`;
  const body = [
    ...changelogCover(round),
    ...changelogSummary(changes),
    ...changes.flatMap((change, index) => changeSection(change, index, round)),
    ...deviationsSection(round.deviations),
  ];
  return htmlDocument(title, CHANGELOG_CSS, body);
}

/** The whole service level at one side of a round as one self-contained, print-ready HTML document: what the committee adopts and what is published. */
export function renderServiceLevelHtml(level: ServiceLevel, side: RoundSide, meta: { kommune: string; omraade: string }): string {
  const frame = level.frame ?? {};
  const groups = groupByKategori(level.measures);
  const frameSections = sectionFields('serviceniveau');
  const rolePlan = level.rolePlan?.roller && level.rolePlan.roller.length > 0 ? level.rolePlan : undefined;
  const rolePlanTitle = rolePlan?.titel ?? 'Rolle- og ansvarsfordeling';

  const toc = [
    ...frameSections.map((section) => `<li><a href="#${section.key}">${escapeHtml(section.heading)}</a></li>`),
    ...groups.map((group, groupIndex) => {
      const items = group.measures.map((entry) => `<li><a href="#foranstaltning-${entry.index + 1}">${escapeHtml(entry.measure.titel ?? entry.measure.id ?? '')}</a></li>`);
      return `<li><a href="#kategori-${groupIndex + 1}">${escapeHtml(group.kategori)}</a>\n<ol>\n${items.join('\n')}\n</ol>\n</li>`;
    }),
    ...(rolePlan ? [`<li><a href="#rolleplan">${escapeHtml(rolePlanTitle)}</a></li>`] : []),
  ];

  const body = [
    '<header class="forside">',
    `<p class="kommune">${escapeHtml(meta.kommune)}</p>`,
    '<h1>Serviceniveau</h1>',
    `<p class="omraade">${escapeHtml(meta.omraade)}</p>`,
    '<dl class="fakta">',
    ...fact('Version', frame.version ?? side.version),
    ...fact('Gyldig fra', dateOrUndefined(frame.gyldig_fra ?? side.gyldigFra)),
    ...fact('Status', frame.status ? (STATUS_LABELS[frame.status] ?? frame.status) : undefined),
    ...fact('Vedtaget', frame.vedtagelse ? `${formatDanishDate(frame.vedtagelse.dato)} af ${frame.vedtagelse.organ} (${frame.vedtagelse.reference})` : undefined),
    ...fact('Næste revision', dateOrUndefined(frame.naeste_revision)),
    '</dl>',
    `<p class="grundlag">Udskrevet fra ${escapeHtml(side.label)}${side.commit ? `, commit <code>${escapeHtml(side.commit.slice(0, 7))}</code>` : ''}.</p>`,
    '</header>',
    '<nav class="indholdsfortegnelse" aria-labelledby="indhold">',
    '<h2 id="indhold">Indhold</h2>',
    '<ol>',
    ...toc,
    '</ol>',
    '</nav>',
    ...frameSections.flatMap((section) => {
      const text = frame[section.key as keyof typeof frame];
      const signature = section.key === 'forord' && frame.underskriver ? [`<p class="underskrift">${escapeHtml(frame.underskriver.navn)}<br>\n${escapeHtml(frame.underskriver.titel)}</p>`] : [];
      return [`<section class="ramme" id="${section.key}">`, `<h2>${escapeHtml(section.heading)}</h2>`, fieldContent(text), ...signature, '</section>'];
    }),
    ...groups.flatMap((group, groupIndex) => [
      `<section class="kategori" id="kategori-${groupIndex + 1}">`,
      `<h2>${escapeHtml(group.kategori)}</h2>`,
      ...group.measures.flatMap(({ measure, index }) => measureArticle(measure, index)),
      '</section>',
    ]),
    ...(rolePlan ? rolePlanSection(rolePlanTitle, rolePlan.roller ?? []) : []),
  ];
  const title = `Serviceniveau – ${meta.omraade} – ${meta.kommune}`;
  return htmlDocument(title, SERVICE_LEVEL_CSS, body);
}

/** An ISO date (or date-time) the Danish way: »11. februar 2025«. Taken from the text as written, so no time zone moves the day. */
export function formatDanishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])}. ${month} ${match[1]}`;
}

/** Escapes text for HTML content and attribute values: nothing from a round can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

function changelogCover(round: Round): string[] {
  const row = (label: string, value: (side: RoundSide) => string | undefined) => `<tr><th scope="row">${label}</th><td>${escapeHtml(value(round.from) ?? '–')}</td><td>${escapeHtml(value(round.to) ?? '–')}</td></tr>`;
  return [
    '<header class="forside">',
    `<p class="kommune">${escapeHtml(round.kommune)}</p>`,
    '<h1>Ændringer i serviceniveauet</h1>',
    `<p class="omraade">${escapeHtml(round.omraade)}</p>`,
    `<p class="runde">Revisionsrunde fra ${escapeHtml(round.from.label)} til ${escapeHtml(round.to.label)}</p>`,
    '<table class="sider">',
    '<thead><tr><td></td><th scope="col">Gældende</th><th scope="col">Ny</th></tr></thead>',
    '<tbody>',
    row('Grundlag', (side) => side.label),
    row('Dato', (side) => dateOrUndefined(side.date)),
    row('Version', (side) => side.version),
    row('Gyldig fra', (side) => dateOrUndefined(side.gyldigFra)),
    row('Commit', (side) => side.commit?.slice(0, 7)),
    '</tbody>',
    '</table>',
    '<p class="laesevejledning">Ændringerne vises som paralleltekst: til venstre den gældende formulering, hvor den tekst, der udgår, er <del>overstreget</del>; til højre den nye formulering, hvor den tekst, der kommer til, er <ins>understreget</ins>. Under hver tabel står ændringerne som ændringsforslag. Væsentlige ændringer står først.</p>',
    '</header>',
  ];
}

function changelogSummary(changes: readonly MeasureChange[]): string[] {
  const all = countByClass(changes.flatMap((change) => change.fields));
  const kinds = (kind: MeasureChange['kind']) => formatCount(changes.filter((change) => change.kind === kind).length);
  if (changes.length === 0) return ['<section class="overblik">', '<h2>Overblik</h2>', '<p>Runden indeholder ingen ændringer.</p>', '</section>'];
  const rows = changes.map((change, index) => {
    const counts = countByClass(change.fields);
    const cells = CLASSES.map((changeClass) => `<td class="tal">${formatCount(counts[changeClass])}</td>`).join('');
    return `<tr${isMaterial(change) ? ' class="vaesentlig"' : ''}><th scope="row"><a href="#aendring-${index + 1}">${escapeHtml(change.titel)}</a></th><td>${KIND_LABELS[change.kind]}</td>${cells}</tr>`;
  });
  return [
    '<section class="overblik">',
    '<h2>Overblik</h2>',
    '<table class="tal-oversigt">',
    '<thead><tr><th scope="col">Ændringer</th><th scope="col" class="tal">Antal</th></tr></thead>',
    '<tbody>',
    ...CLASSES.map((changeClass) => `<tr><th scope="row">${CLASS_COLUMNS[changeClass]} ændringer</th><td class="tal">${formatCount(all[changeClass])}</td></tr>`),
    `<tr><th scope="row">Nye foranstaltninger</th><td class="tal">${kinds('added')}</td></tr>`,
    `<tr><th scope="row">Fjernede foranstaltninger</th><td class="tal">${kinds('removed')}</td></tr>`,
    `<tr><th scope="row">Omdøbte foranstaltninger</th><td class="tal">${kinds('renamed')}</td></tr>`,
    '</tbody>',
    '</table>',
    '<p>En ny eller fjernet foranstaltning er altid en væsentlig ændring. Foranstaltninger med væsentlige ændringer står først, også i oversigten herunder.</p>',
    '<table class="oversigt">',
    `<thead><tr><th scope="col">Foranstaltning</th><th scope="col">Art</th>${CLASSES.map((changeClass) => `<th scope="col" class="tal">${CLASS_COLUMNS[changeClass]}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    `<tfoot><tr><th scope="row">I alt</th><td></td>${CLASSES.map((changeClass) => `<td class="tal">${formatCount(all[changeClass])}</td>`).join('')}</tr></tfoot>`,
    '</table>',
    '</section>',
  ];
}

interface ParallelRow {
  heading: string;
  fieldChange?: FieldChange;
  left: string;
  right: string;
}

function changeSection(change: MeasureChange, index: number, round: Round): string[] {
  const whole = wholeMeasureOf(change, round);
  const rows: ParallelRow[] = [];
  const instructions: string[] = [];
  if (whole) {
    for (const [heading, text] of wholeMeasureRows(whole)) {
      const html = escapeHtml(text);
      rows.push(change.kind === 'added' ? { heading, left: '', right: html } : { heading, left: html, right: '' });
    }
  }
  // An added or removed measure shown whole already holds the text of its fields.
  for (const field of whole ? [] : change.fields) {
    const heading = fieldHeading(change, field.field);
    const segments = redline(field.before, field.after);
    const left = segments.map((segment) => (segment.type === 'same' ? escapeHtml(segment.text) : segment.type === 'del' ? `<del>${escapeHtml(segment.text)}</del>` : '')).join('');
    const right = segments.map((segment) => (segment.type === 'same' ? escapeHtml(segment.text) : segment.type === 'ins' ? `<ins>${escapeHtml(segment.text)}</ins>` : '')).join('');
    rows.push({ heading, fieldChange: field, left, right });
    if (change.kind !== 'added' && change.kind !== 'removed') instructions.push(...amendmentInstructions(heading, field.before, field.after));
  }
  if (change.kind === 'added') {
    const kategori = whole?.kategori ? ` under »${whole.kategori}«` : '';
    instructions.push(`Som ny foranstaltning indsættes »${change.titel}«${kategori}${rows.length > 0 ? ' med den formulering, der står i højre kolonne' : ''}.`);
  }
  if (change.kind === 'removed') instructions.push(`Foranstaltningen »${change.titel}« udgår.`);
  if (change.kind === 'renamed' && change.previousId) instructions.unshift(`Foranstaltningen »${change.previousId}« skifter id til »${change.id}«.`);

  const meta = [KIND_LABELS[change.kind], `id <code>${escapeHtml(change.id)}</code>`];
  if (change.previousId) meta.push(`tidligere <code>${escapeHtml(change.previousId)}</code>`);
  if (change.kind === 'added' || change.kind === 'removed') meta.push(CLASS_LABELS.material);
  if (change.fields.length > 0) meta.push(classSummary(change.fields));

  return [
    `<section class="aendring${isMaterial(change) ? ' vaesentlig' : ''}" id="aendring-${index + 1}">`,
    `<h2>${escapeHtml(change.titel)}</h2>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
    ...(rows.length > 0 ? parallelTable(rows) : []),
    '<h3>Ændringsforslag</h3>',
    instructions.length > 0 ? `<ol class="aendringsforslag">\n${instructions.map((instruction) => `<li>${escapeHtml(instruction)}</li>`).join('\n')}\n</ol>` : '<p>Ingen ændringer i ordlyden.</p>',
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
      const field = row.fieldChange;
      const labels = field
        ? ` <span class="klasse klasse-${field.class}">${CLASS_LABELS[field.class]}</span> <span class="aendrings-id">${escapeHtml(field.change)}</span>${field.note ? ` <span class="note">${escapeHtml(field.note)}</span>` : ''}`
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

/** A whole measure as headed texts: kategori and alder, then the eight sections in template order. */
function wholeMeasureRows(measure: Partial<Foranstaltning>): [string, string][] {
  const rows: [string, string][] = [];
  if (measure.kategori) rows.push([fieldLabel('kategori'), measure.kategori]);
  if (measure.alder) rows.push([fieldLabel('alder'), ageOf(measure.alder)]);
  for (const section of sectionFields('foranstaltning')) {
    const text = measure[section.key as keyof Foranstaltning];
    if (typeof text === 'string' && text.trim() !== '') rows.push([section.heading, text]);
  }
  return rows;
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

function measureArticle(measure: Partial<Foranstaltning>, index: number): string[] {
  return [
    `<article class="foranstaltning" id="foranstaltning-${index + 1}">`,
    `<h3>${escapeHtml(measure.titel ?? measure.id ?? '')}</h3>`,
    ...(measure.alder ? [`<p class="alder">${escapeHtml(fieldLabel('alder'))}: ${escapeHtml(ageOf(measure.alder))}</p>`] : []),
    ...sectionFields('foranstaltning').flatMap((section) => [`<h4>${escapeHtml(section.heading)}</h4>`, fieldContent(measure[section.key as keyof Foranstaltning])]),
    '</article>',
  ];
}

function rolePlanSection(title: string, roles: readonly { rolle: string; udvikling?: string[]; implementering?: string[]; opfoelgning?: string[] }[]): string[] {
  const phases = rolePhaseFields();
  return [
    '<section class="rolleplan" id="rolleplan">',
    `<h2>${escapeHtml(title)}</h2>`,
    '<table>',
    `<thead><tr><th scope="col">Rolle</th>${phases.map((phase) => `<th scope="col">${escapeHtml(phase.heading)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...roles.map((role) => {
      const cells = phases.map((phase) => {
        const items = (role as Record<string, unknown>)[phase.key];
        const list = Array.isArray(items) ? items.filter((item): item is string => typeof item === 'string') : [];
        return list.length > 0 ? `<td><ul>${list.map((item) => `<li>${inlineMarkdownToHtml(item)}</li>`).join('')}</ul></td>` : '<td>–</td>';
      });
      return `<tr><th scope="row">${escapeHtml(role.rolle)}</th>${cells.join('')}</tr>`;
    }),
    '</tbody>',
    '</table>',
    '</section>',
  ];
}

function fieldContent(text: unknown): string {
  return typeof text === 'string' && text.trim() !== '' ? markdownToHtml(text) : '<p class="mangler">Ikke udfyldt.</p>';
}

/** Measures grouped by kategori, in the order the level gives them (sorted by kategori, then titel); those without one last. */
function groupByKategori(measures: readonly Partial<Foranstaltning>[]): { kategori: string; measures: { measure: Partial<Foranstaltning>; index: number }[] }[] {
  const groups = new Map<string, { measure: Partial<Foranstaltning>; index: number }[]>();
  const ordered = [...measures.filter((measure) => measure.kategori), ...measures.filter((measure) => !measure.kategori)];
  ordered.forEach((measure, index) => {
    const kategori = measure.kategori ?? 'Øvrige foranstaltninger';
    const group = groups.get(kategori) ?? [];
    group.push({ measure, index });
    groups.set(kategori, group);
  });
  return [...groups].map(([kategori, entries]) => ({ kategori, measures: entries }));
}

function ageOf(alder: { fra: number; til: number }): string {
  return `${alder.fra}–${alder.til} år`;
}

function dateOrUndefined(iso: string | undefined): string | undefined {
  return iso ? formatDanishDate(iso) : undefined;
}

function fact(term: string, value: string | undefined): string[] {
  return value ? [`<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`] : [];
}

/** The frame of both documents: a Content-Security-Policy that allows no scripts and nothing from elsewhere, only this page's own style sheet. */
function htmlDocument(title: string, css: string, body: readonly string[]): string {
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

const BASE_CSS = `@page { size: A4; margin: 2.5cm 2cm 2.5cm 2.5cm; @bottom-right { content: "Side " counter(page) " af " counter(pages); font: 9pt Calibri, Arial, sans-serif; } }
@page :first { @bottom-right { content: none; } }
:root { color: #1a1a1a; background: #fff; }
body { font: 11pt/1.45 Calibri, Carlito, "Segoe UI", Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 26pt; margin: 0.2em 0; }
h2 { font-size: 17pt; margin: 1.6em 0 0.6em; }
h3 { font-size: 13.5pt; margin: 1.4em 0 0.4em; }
h4 { font-size: 11.5pt; margin: 1.2em 0 0.3em; }
p, li { orphans: 3; widows: 3; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
th, td { border: 0.5pt solid #888; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
thead th { background: #eee; }
tr, tbody { break-inside: avoid; page-break-inside: avoid; }
code { font-family: Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.forside { break-after: page; page-break-after: always; padding-top: 4cm; }
.forside .kommune { font-size: 14pt; font-weight: bold; letter-spacing: 0.03em; }
.forside .omraade { font-size: 15pt; margin-top: 0; }
a { color: inherit; }
@media screen { body { margin: 2rem auto 6rem; } .forside { padding-top: 1rem; } }
`;

const CHANGELOG_CSS = `body { max-width: 60rem; }
.forside .runde { font-size: 12pt; }
.sider { width: auto; min-width: 60%; }
.laesevejledning { margin-top: 2em; font-size: 10pt; }
.tal { text-align: right; width: 7.5em; }
.tal-oversigt { width: auto; min-width: 50%; }
.oversigt tr.vaesentlig th { font-weight: bold; }
.overblik { break-after: page; page-break-after: always; }
.aendring { break-before: page; page-break-before: always; }
.meta { color: #444; }
.paralleltekst { table-layout: fixed; }
.paralleltekst col { width: 50%; }
.paralleltekst tr.tekst td { white-space: pre-wrap; overflow-wrap: anywhere; }
.paralleltekst tr.afsnit th { background: #f6f6f6; font-weight: bold; }
.klasse, .aendrings-id, .note { font-weight: normal; font-size: 9pt; margin-left: 0.6em; }
.klasse { border: 0.5pt solid #666; border-radius: 2pt; padding: 0 0.3em; }
.klasse-material { border-color: #8a1c1c; color: #8a1c1c; font-weight: bold; }
.aendrings-id { font-family: Consolas, "Liberation Mono", monospace; color: #555; }
del { color: #8a1c1c; text-decoration: line-through; }
ins { color: #1d5c2e; text-decoration: underline; }
.aendringsforslag li { margin-bottom: 0.4em; }
.afvigelser { break-before: page; page-break-before: always; }
@media print { del, ins { color: inherit; } }
`;

const SERVICE_LEVEL_CSS = `@page rolleplan { size: A4 landscape; }
.fakta { display: grid; grid-template-columns: max-content auto; gap: 0.3em 1.5em; margin-top: 3em; }
.fakta dt { font-weight: bold; }
.fakta dd { margin: 0; }
.grundlag { margin-top: 3em; font-size: 9pt; color: #555; }
.indholdsfortegnelse { break-after: page; page-break-after: always; }
.indholdsfortegnelse ol { list-style: none; padding-left: 0; }
.indholdsfortegnelse ol ol { padding-left: 1.5em; }
.ramme, .kategori > h2 { break-before: page; page-break-before: always; }
.foranstaltning { break-before: page; page-break-before: always; }
.kategori > .foranstaltning:first-of-type { break-before: auto; page-break-before: auto; }
.alder { color: #444; margin-top: 0; }
.underskrift { margin-top: 2em; }
.mangler { color: #8a1c1c; font-style: italic; }
.rolleplan { page: rolleplan; break-before: page; page-break-before: always; }
.rolleplan table { table-layout: fixed; font-size: 10pt; }
.rolleplan th[scope="row"] { width: 9em; }
.rolleplan ul { margin: 0; padding-left: 1.1em; }
@media print { a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; } }
`;
