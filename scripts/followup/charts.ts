import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from '../revision/html-escape.js';
import type { Chart } from './present-report.js';

// The report's charts as static SVG: a Vega-Lite spec per chart, compiled and rendered by Vega in Node, with no
// JavaScript needed to view it. Each SVG is one image to assistive technology (role="img" with the chart's label and
// a <title>), its marks carry no ARIA of their own, and the table beside it holds the same numbers.

/** Inside the frame: the heading colour of the committee documents; outside: a dark orange that keeps 3:1 on white. */
export const CHART_COLORS = { inside: '#1F4E79', outside: '#B4580E', unknown: '#767676', neutral: '#4A6A8A' } as const;
const FONT = 'Calibri, Carlito, Arial, sans-serif';
const DANISH_NUMBERS = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] as [string, string] };

const BASE_CONFIG = {
  font: FONT,
  aria: false,
  background: 'white',
  view: { stroke: null },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    labelColor: '#1a1a1a',
    titleColor: '#1a1a1a',
    domainColor: '#595959',
    tickColor: '#595959',
    gridColor: '#d9d9d9',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: '#1a1a1a', titleColor: '#1a1a1a', orient: 'bottom' as const },
};

/** The Vega-Lite spec of a chart. */
export function chartSpec(chart: Chart): TopLevelSpec {
  if (chart.kind === 'distribution') {
    const values = chart.bars.map((bar) => ({
      label: bar.label,
      value: bar.value ?? 0,
      text: bar.shown,
      frame: chart.framed ? (bar.inFrame ? 'Inden for rammen' : 'Uden for rammen') : 'Bevillinger',
    }));
    const domain = chart.framed ? ['Inden for rammen', 'Uden for rammen'] : ['Bevillinger'];
    const range = chart.framed ? [CHART_COLORS.inside, CHART_COLORS.outside] : [CHART_COLORS.neutral];
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 520,
      height: 220,
      data: { values },
      encoding: {
        x: { field: 'label', type: 'ordinal', sort: chart.bars.map((bar) => bar.label), title: chart.axis, axis: { labelAngle: 0 } },
      },
      layer: [
        {
          mark: { type: 'bar', cornerRadiusEnd: 0 },
          encoding: {
            y: { field: 'value', type: 'quantitative', title: 'Bevillinger', axis: { tickMinStep: 1, format: 'd' } },
            color: { field: 'frame', type: 'nominal', title: null, scale: { domain, range }, legend: chart.framed ? {} : null },
          },
        },
        {
          mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: '#1a1a1a' },
          encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
        },
      ],
      config: BASE_CONFIG,
    };
  }
  const sides = ['Inden for rammen', 'Under rammen', 'Over rammen', 'Uden oplysning'];
  const values = chart.rows.flatMap((row) =>
    row.parts.map((part) => ({ dimension: row.dimension, side: part.side, order: sides.indexOf(part.side), value: part.value })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: { step: 34 },
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
    encoding: {
      y: { field: 'dimension', type: 'nominal', title: null, sort: null },
      x: { field: 'value', type: 'quantitative', stack: 'normalize', title: 'Andel af bevillingerne', axis: { format: '.0%' } },
      color: {
        field: 'side',
        type: 'nominal',
        title: null,
        scale: { domain: sides, range: [CHART_COLORS.inside, '#E3A263', CHART_COLORS.outside, CHART_COLORS.unknown] },
      },
      order: { field: 'order' },
    },
    config: BASE_CONFIG,
  };
}

/** Vega's formatters with Danish decimal comma and thousands point (vega exports `locale`; its typings do not declare it). */
function danishLocale(): vega.LocaleFormatters {
  return (vega as unknown as { locale: (number: object) => vega.LocaleFormatters }).locale(DANISH_NUMBERS);
}

/** The chart as a self-contained SVG image named by its label. */
export async function renderChartSvg(chart: Chart): Promise<string> {
  const view = new vega.View(vega.parse(compile(chartSpec(chart)).spec), { renderer: 'none', locale: danishLocale() });
  const svg = await view.toSVG();
  view.finalize();
  return accessibleSvg(svg, chart.label);
}

/** The SVG as one image with a name, and nothing in it that could run. */
export function accessibleSvg(svg: string, label: string): string {
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(svg)) throw new Error('Diagrammet indeholder noget, der kan køre, og bliver ikke skrevet');
  const name = escapeHtml(label);
  // Vega names its marks for assistive technology; inside one image they are noise, and axe asks each to have a name.
  const inert = svg.replace(/\s(?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '');
  return inert.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => `<svg${attributes} role="img" aria-label="${name}"><title>${name}</title>`);
}
