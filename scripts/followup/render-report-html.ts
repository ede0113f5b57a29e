import { escapeHtml } from '../revision/html-escape.js';
import { htmlDocument } from '../revision/render-html.js';
import { renderChartSvg } from './charts.js';
import type { Figure, MeasureSection, ReportPresentation, Row, Table } from './present-report.js';

// The follow-up report as one self-contained HTML file in the committee documents' style: no script, the charts inline
// SVG, every text from the export or the policies escaped, ids made from numbers only.

/** The report's own rules on top of the committee documents' page, type and tables. */
export const REPORT_CSS = `body { max-width: 72rem; }
.forside .periode { font-size: 13pt; }
.sammenfatning { break-after: page; page-break-after: always; }
.indsats { break-before: page; page-break-before: always; }
.tal { text-align: right; }
td.tal { white-space: nowrap; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; caption-side: top; }
.ramme-fakta { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.2em; }
.ramme-fakta dt { font-weight: bold; }
.ramme-fakta dd { margin: 0; }
.meta { color: #444; }
.figur { display: grid; grid-template-columns: minmax(0, 34rem) minmax(0, 1fr); gap: 1.5em; align-items: start; break-inside: avoid; page-break-inside: avoid; }
.figur figure { margin: 0; }
.figur svg { max-width: 100%; height: auto; }
.figur table { margin-top: 0; }
.note { font-size: 10pt; color: #444; }
.problemer { font-size: 10pt; }
.tom { color: #444; font-style: italic; }
@media (max-width: 64rem) { .figur { grid-template-columns: 1fr; } }
@media print { .figur { grid-template-columns: 1fr; } }
`;

/** The report as HTML; async because the charts are rendered by Vega. */
export async function renderReportHtml(report: ReportPresentation): Promise<string> {
  const sections: string[] = [];
  for (const measure of report.measures) sections.push(...(await measureSection(measure)));
  const body = [
    '<header class="forside">',
    `<p class="kommune">${escapeHtml(report.kommune)}</p>`,
    '<h1>Opfølgning på serviceniveauet</h1>',
    `<p class="omraade">${escapeHtml(report.omraade)}</p>`,
    `<p class="periode">${escapeHtml(report.periodText)}</p>`,
    '</header>',
    '<nav class="indholdsfortegnelse" aria-labelledby="indhold">',
    '<h2 id="indhold">Indhold</h2>',
    '<ol>',
    `<li><a href="#sammenfatning">${escapeHtml(report.summaryHeading)}</a></li>`,
    ...report.measures.map((measure) => `<li><a href="#${measure.anchor}">${escapeHtml(measure.titel)}</a></li>`),
    `<li><a href="#datagrundlag">${escapeHtml(report.dataHeading)}</a></li>`,
    `<li><a href="#definitioner">${escapeHtml(report.definitionsHeading)}</a></li>`,
    '</ol>',
    '</nav>',
    '<section class="sammenfatning" id="sammenfatning">',
    `<h2>${escapeHtml(report.summaryHeading)}</h2>`,
    ...report.summary.map((text) => `<p>${escapeHtml(text)}</p>`),
    ...tableHtml(report.summaryTable),
    ...(report.comparisonTable ? tableHtml(report.comparisonTable) : []),
    '</section>',
    ...sections,
    '<section class="datagrundlag" id="datagrundlag">',
    `<h2>${escapeHtml(report.dataHeading)}</h2>`,
    ...report.data.map((text) => `<p>${escapeHtml(text)}</p>`),
    ...(report.problemLines.length > 0 ? ['<ul class="problemer">', ...report.problemLines.map((line) => `<li>${escapeHtml(line)}</li>`), '</ul>'] : []),
    '</section>',
    '<section class="definitioner" id="definitioner">',
    `<h2>${escapeHtml(report.definitionsHeading)}</h2>`,
    '<ul>',
    ...report.definitions.map((text) => `<li>${escapeHtml(text)}</li>`),
    '</ul>',
    '</section>',
  ];
  return htmlDocument(report.title, REPORT_CSS, body);
}

async function measureSection(measure: MeasureSection): Promise<string[]> {
  const figures: string[] = [];
  for (const figure of measure.figures) figures.push(...(await figureHtml(figure)));
  return [
    `<section class="indsats" id="${measure.anchor}" aria-labelledby="${measure.anchor}-titel">`,
    `<h2 id="${measure.anchor}-titel">${escapeHtml(measure.titel)}</h2>`,
    `<p class="meta">id <code>${escapeHtml(measure.id)}</code></p>`,
    ...(measure.frame.length > 0
      ? [
          '<h3>Rammen i serviceniveauet</h3>',
          '<dl class="ramme-fakta">',
          ...measure.frame.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`),
          '</dl>',
        ]
      : ['<p class="tom">Foranstaltningen har ingen ramme (»ramme« og »alder«) at følge op på.</p>']),
    ...tableHtml(measure.keyFigures),
    ...figures,
    '</section>',
  ];
}

async function figureHtml(figure: Figure): Promise<string[]> {
  const chart = figure.chart ? await renderChartSvg(figure.chart) : undefined;
  return [
    `<h3>${escapeHtml(figure.heading)}</h3>`,
    '<div class="figur">',
    ...(chart ? ['<figure>', chart, '</figure>'] : []),
    '<div>',
    ...tableHtml(figure.table),
    ...(figure.note ? [`<p class="note">${escapeHtml(figure.note)}</p>`] : []),
    '</div>',
    '</div>',
  ];
}

function tableHtml(table: Table): string[] {
  const numeric = table.columns.map((column) => column.numeric);
  const cell = (text: string, index: number) => `<td${numeric[index + 1] ? ' class="tal"' : ''}>${escapeHtml(text)}</td>`;
  const row = (input: Row) => {
    const header = input.link ? `<a href="#${input.link}">${escapeHtml(input.header)}</a>` : escapeHtml(input.header);
    return `<tr><th scope="row">${header}</th>${input.cells.map(cell).join('')}</tr>`;
  };
  return [
    '<table>',
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${table.columns.map((column) => `<th scope="col"${column.numeric ? ' class="tal"' : ''}>${escapeHtml(column.label)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...table.rows.map(row),
    '</tbody>',
    ...(table.total ? [`<tfoot>${row(table.total)}</tfoot>`] : []),
    '</table>',
  ];
}
