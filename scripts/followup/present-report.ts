import { formatCount } from '../revision/present/format.js';
import { durationLimitOf, type Frame } from './frame.js';
import type { RowProblem, UnmappedCode } from './model.js';
import type { Period } from './period.js';
import {
  HIDDEN,
  isHidden,
  type Shown,
  type ShownChange,
  type ShownDistribution,
  type ShownFrameCheck,
  type ShownMeasure,
  type ShownStatistics,
  type ShownTotal,
} from './suppression.js';

// The report as a format-neutral presentation: every text and every number as it is shown, so html, docx, md and the
// terminal only draw it and can never disagree about a figure or about what is hidden.

/** A table column: its heading, and whether it holds numbers (set right-aligned). */
export interface Column {
  label: string;
  numeric: boolean;
}

/** A table row: its header cell and the rest. */
export interface Row {
  header: string;
  cells: string[];
  /** The id of the section the header links to, in html. */
  link?: string;
}

export interface Table {
  caption: string;
  columns: Column[];
  rows: Row[];
  total?: Row;
}

/** One bar of a distribution chart; `value` undefined where the count is hidden. */
export interface Bar {
  label: string;
  value?: number;
  shown: string;
  inFrame: boolean;
}

/** A chart's data, drawn by charts.ts: the bars of a distribution, or each frame bound split into inside and outside. */
export type Chart =
  | { kind: 'distribution'; label: string; axis: string; framed: boolean; bars: Bar[] }
  | { kind: 'frame'; label: string; rows: { dimension: string; parts: { side: string; value: number }[] }[] };

/** A chart with the table of its numbers beside it; the table alone where nothing can be drawn. */
export interface Figure {
  heading: string;
  chart?: Chart;
  table: Table;
  note?: string;
}

export interface MeasureSection {
  id: string;
  anchor: string;
  titel: string;
  frame: { label: string; value: string }[];
  keyFigures: Table;
  figures: Figure[];
}

/** What the report says about the export itself: rows read, skipped, unusable and unmapped, and columns dropped. */
export interface DataNotes {
  file: string;
  totalRows: number;
  skippedRows: number;
  allocations: number;
  problems: readonly RowProblem[];
  unmapped: readonly UnmappedCode[];
  droppedColumns: readonly string[];
}

export interface ReportPresentation {
  title: string;
  kommune: string;
  omraade: string;
  periodText: string;
  summaryHeading: string;
  summary: string[];
  summaryTable: Table;
  comparisonTable?: Table;
  measures: MeasureSection[];
  dataHeading: string;
  data: string[];
  problemLines: string[];
  definitionsHeading: string;
  definitions: string[];
}

/** The heading of the summary section, from issue 17. */
export const SUMMARY_HEADING = 'Serviceniveauet som ramme i praksis';
/** Row numbers listed in a document before »og N flere«; the terminal lists them all. */
const LISTED_ROWS = 20;

const DECIMAL = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });
const KRONER = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const MINUS = '\u2212';

/** A count as shown: »1.234« or »færre end 5«. */
export function countText(value: Shown): string {
  return isHidden(value) ? value : formatCount(value);
}

/** A share (0–1) as »83 %«, »skjult«, or »–« when there is nothing to share out. */
export function shareText(value: Shown | undefined): string {
  return value === undefined ? '–' : isHidden(value) ? HIDDEN : PERCENT.format(value);
}

/** Kroner as »1.234.567 kr.«. */
export function kronerText(value: Shown | undefined): string {
  return value === undefined ? '–' : isHidden(value) ? value : `${KRONER.format(value)} kr.`;
}

function averageText(value: Shown | undefined): string {
  return value === undefined ? '–' : isHidden(value) ? HIDDEN : `${KRONER.format(value)} kr.`;
}

/** A signed change: »+12«, »−3«, »0«; shares in percentage points, kroner with »kr.«. */
export function changeText(value: Shown | undefined, kind: 'count' | 'points' | 'kroner' = 'count'): string {
  if (value === undefined) return '–';
  if (isHidden(value)) return HIDDEN;
  const size = kind === 'points' ? DECIMAL.format(Math.abs(value) * 100) : kind === 'kroner' ? KRONER.format(Math.abs(value)) : formatCount(Math.abs(value));
  const sign = value > 0 ? '+' : value < 0 ? MINUS : '';
  return `${sign}${size}${kind === 'kroner' ? ' kr.' : ''}`;
}

function number(value: number): string {
  return DECIMAL.format(value);
}

/** A measure's frame in words, one line per bound it sets. */
export function frameFacts(frame: Frame): { label: string; value: string }[] {
  const facts: { label: string; value: string }[] = [];
  if (frame.alder) facts.push({ label: 'Alder', value: `${frame.alder.fra}–${frame.alder.til} år` });
  if (frame.omfang) facts.push({ label: 'Omfang', value: `${number(frame.omfang.fra)}–${number(frame.omfang.til)} ${frame.omfang.enhed}` });
  const { varighed, opfoelgning, enhedspris } = frame;
  if (varighed && (varighed.fra !== undefined || varighed.til !== undefined || varighed.maks !== undefined)) {
    const typical =
      varighed.fra !== undefined && varighed.til !== undefined
        ? `typisk ${varighed.fra === varighed.til ? number(varighed.til) : `${number(varighed.fra)}–${number(varighed.til)}`} måneder`
        : varighed.til !== undefined
          ? `typisk op til ${number(varighed.til)} måneder`
          : undefined;
    const maximum = varighed.maks !== undefined ? `højst ${number(varighed.maks)} måneder` : undefined;
    facts.push({ label: 'Varighed', value: [typical, maximum].filter(Boolean).join(', ') });
  }
  if (opfoelgning && (opfoelgning.foerste !== undefined || opfoelgning.derefter !== undefined)) {
    const first = opfoelgning.foerste !== undefined ? `første gang efter ${number(opfoelgning.foerste)} måneder` : undefined;
    const then = opfoelgning.derefter !== undefined ? `${first ? 'derefter ' : ''}hver ${number(opfoelgning.derefter)}. måned` : undefined;
    facts.push({ label: 'Opfølgning', value: [first, then].filter(Boolean).join(', ') });
  }
  if (enhedspris) facts.push({ label: 'Enhedspris', value: `${KRONER.format(enhedspris.beloeb)} kr. pr. ${enhedspris.enhed}` });
  return facts;
}

const DIMENSION_LABELS = { age: 'Alder', scope: 'Omfang', duration: 'Varighed' } as const;
const SHORT_SIDE_LABELS = { inside: 'Inden for', below: 'Under', above: 'Over', unknown: 'Uden oplysning' } as const;
const SIDE_LABELS = { inside: 'Inden for rammen', below: 'Under rammen', above: 'Over rammen', unknown: 'Uden oplysning' } as const;

/** The whole report: summary, one section per measure, the data it is made from and what the figures mean. */
export function presentReport(statistics: ShownStatistics, meta: { kommune: string; omraade: string }, notes: DataNotes): ReportPresentation {
  const { current, previous } = statistics;
  const periodText = previous ? `${current.period.label} sammenlignet med ${previous.period.label}` : current.period.label;
  const total = current.total;
  const withAllocations = current.measures.filter((measure) => measure.allocations !== 0).length;
  return {
    title: `Opfølgning på serviceniveauet – ${meta.omraade} – ${meta.kommune}`,
    kommune: meta.kommune,
    omraade: meta.omraade,
    periodText,
    summaryHeading: SUMMARY_HEADING,
    summary: [
      `Rapporten sammenholder de bevillinger, der var i gang i ${periodLabel(current.period)}, med den ramme, serviceniveauet sætter for hver foranstaltning: målgruppens alder, det typiske omfang, varigheden og hvor ofte der følges op.`,
      `I perioden var der ${countText(total.allocations)} bevillinger til ${countText(total.children)} børn og unge fordelt på ${withAllocations} af serviceniveauets ${current.measures.length} foranstaltninger.`,
      'Et antal, der bygger på færre end 5 børn, vises som »færre end 5«. Et tal, der ville afsløre et sådant antal — et andet antal i samme tabel, en andel, et gennemsnit eller en ændring — vises som »skjult«.',
    ],
    summaryTable: summaryTable(statistics),
    ...(previous && statistics.change ? { comparisonTable: comparisonTable(statistics) } : {}),
    measures: current.measures.map((measure, index) => measureSection(measure, index + 1, statistics)),
    dataHeading: 'Datagrundlag',
    data: dataLines(notes),
    problemLines: problemLines(notes, LISTED_ROWS),
    definitionsHeading: 'Sådan er tallene opgjort',
    definitions: DEFINITIONS,
  };
}

function periodLabel(period: Period): string {
  return /^\d{4}$/.test(period.label) ? period.label : `perioden ${period.label}`;
}

/** How each figure is counted, in the report's words. */
export const DEFINITIONS = [
  'En bevilling tæller med i perioden, når den er startet senest periodens sidste dag og ikke er slut før periodens første dag. En bevilling uden slutdato er i gang.',
  'Børn: forskellige børn ud fra sagsnummer (eller en nøgle, der kun gælder denne kørsel). Har udtrækket ingen af delene, tæller hver bevilling som ét barn.',
  'Alder: barnets alder ved bevillingens start, inden for rammen når den ligger i foranstaltningens aldersspænd (begge ender med).',
  'Omfang: det bevilgede omfang i rammens enhed, inden for rammen fra og med den laveste til og med den højeste værdi.',
  'Varighed: måneder fra start til slut, eller til periodens slutning for en bevilling uden slutdato; inden for rammen, når den er højst rammens maksimum (eller den typiske øvre grænse, når der ikke er et maksimum).',
  'Over opfølgningsfristen: bevillinger, der stadig er i gang ved periodens slutning, og hvis seneste opfølgning (eller start, hvis der ikke er fulgt op) ligger mere end rammens opfølgningsinterval før periodens slutning.',
  'Udgift: summen af de udgifter, udtrækket angiver for bevillingerne i perioden, og gennemsnittet pr. bevilling med en udgift.',
  'Diskretion: et antal, der omfatter 1 til 4 børn, vises som »færre end 5«. Kan et sådant antal regnes ud som forskellen mellem en sum og de andre tal, vises også det mindste af de andre tal ikke (»skjult«). En andel vises kun, når alle tallene i dens tabel vises; et gennemsnit kun over mindst 5 børn; en ændring kun, når begge perioders tal vises.',
];

function summaryTable({ current }: ShownStatistics): Table {
  const row = (figures: ShownTotal): string[] => [
    countText(figures.allocations),
    countText(figures.children),
    shareText(figures.age?.shareInside),
    shareText(figures.scope?.shareInside),
    shareText(figures.duration?.shareInside),
    figures.followUp ? countText(figures.followUp.overdue) : '–',
    kronerText(figures.cost.total),
  ];
  return {
    caption: `Bevillinger i ${current.period.label} set mod rammen`,
    columns: [
      { label: 'Foranstaltning', numeric: false },
      { label: 'Bevillinger', numeric: true },
      { label: 'Børn', numeric: true },
      { label: 'Alder inden for rammen', numeric: true },
      { label: 'Omfang inden for rammen', numeric: true },
      { label: 'Varighed inden for rammen', numeric: true },
      { label: 'Over opfølgningsfristen', numeric: true },
      { label: 'Udgift i alt', numeric: true },
    ],
    rows: current.measures.map((measure, index) => ({ header: measure.titel, link: anchorOf(index + 1), cells: row(measure) })),
    total: { header: 'I alt', cells: row(current.total) },
  };
}

function comparisonTable(statistics: ShownStatistics): Table {
  const { current, previous, change } = statistics;
  const before = new Map(previous!.measures.map((measure) => [measure.measureId, measure]));
  const changes = new Map(change!.measures.map((entry) => [entry.measureId, entry]));
  const row = (earlier: ShownTotal | undefined, later: ShownTotal, difference: ShownChange | undefined): string[] => [
    earlier ? countText(earlier.allocations) : '–',
    countText(later.allocations),
    changeText(difference?.allocations),
    changeText(difference?.children),
    changeText(difference?.scopeShare, 'points'),
    changeText(difference?.durationShare, 'points'),
    changeText(difference?.costTotal, 'kroner'),
  ];
  return {
    caption: `Ændring fra ${previous!.period.label} til ${current.period.label}`,
    columns: [
      { label: 'Foranstaltning', numeric: false },
      { label: `Bevillinger ${previous!.period.label}`, numeric: true },
      { label: `Bevillinger ${current.period.label}`, numeric: true },
      { label: 'Ændring i bevillinger', numeric: true },
      { label: 'Ændring i børn', numeric: true },
      { label: 'Omfang inden for rammen (procentpoint)', numeric: true },
      { label: 'Varighed inden for rammen (procentpoint)', numeric: true },
      { label: 'Ændring i udgift', numeric: true },
    ],
    rows: current.measures.map((measure, index) => ({
      header: measure.titel,
      link: anchorOf(index + 1),
      cells: row(before.get(measure.measureId), measure, changes.get(measure.measureId)),
    })),
    total: { header: 'I alt', cells: row(previous!.total, current.total, change!.total) },
  };
}

/** The id of a measure's section: its number, so no user text reaches an attribute. */
export function anchorOf(number: number): string {
  return `indsats-${number}`;
}

function measureSection(measure: ShownMeasure, number: number, statistics: ShownStatistics): MeasureSection {
  const previous = statistics.previous?.measures.find((entry) => entry.measureId === measure.measureId);
  const change = statistics.change?.measures.find((entry) => entry.measureId === measure.measureId);
  const figures: Figure[] = [];
  const checks = (['age', 'scope', 'duration'] as const).filter((dimension) => measure[dimension]);
  if (checks.length > 0) figures.push(frameFigure(measure, checks));
  if (measure.scopeDistribution && measure.frame.omfang) figures.push(scopeFigure(measure.scopeDistribution, measure.frame, measure.allocations));
  figures.push(durationFigure(measure.durationDistribution, measure.frame));
  return {
    id: measure.measureId,
    anchor: anchorOf(number),
    titel: measure.titel,
    frame: frameFacts(measure.frame),
    keyFigures: keyFigures(measure, previous, change, statistics),
    figures,
  };
}

function keyFigures(measure: ShownMeasure, previous: ShownMeasure | undefined, change: ShownChange | undefined, statistics: ShownStatistics): Table {
  const compared = statistics.previous !== undefined;
  const rows: Row[] = [];
  const push = (header: string, now: string, before: string | undefined, difference: string) =>
    rows.push({ header, cells: compared ? [before ?? '–', now, difference] : [now] });
  push('Bevillinger', countText(measure.allocations), previous && countText(previous.allocations), changeText(change?.allocations));
  push('Børn', countText(measure.children), previous && countText(previous.children), changeText(change?.children));
  if (measure.followUp) {
    push('Åbne bevillinger ved periodens slutning', countText(measure.followUp.open), previous?.followUp && countText(previous.followUp.open), '–');
    push(
      'Heraf over opfølgningsfristen',
      countText(measure.followUp.overdue),
      previous?.followUp && countText(previous.followUp.overdue),
      changeText(change?.overdue),
    );
  }
  push('Udgift i alt', kronerText(measure.cost.total), previous && kronerText(previous.cost.total), changeText(change?.costTotal, 'kroner'));
  push(
    'Gennemsnitlig udgift pr. bevilling',
    averageText(measure.cost.average),
    previous && averageText(previous.cost.average),
    changeText(change?.costAverage, 'kroner'),
  );
  const columns: Column[] = compared
    ? [
        { label: 'Nøgletal', numeric: false },
        { label: statistics.previous!.period.label, numeric: true },
        { label: statistics.current.period.label, numeric: true },
        { label: 'Ændring', numeric: true },
      ]
    : [
        { label: 'Nøgletal', numeric: false },
        { label: statistics.current.period.label, numeric: true },
      ];
  return { caption: `Nøgletal for ${measure.titel}`, columns, rows };
}

function frameFigure(measure: ShownMeasure, dimensions: readonly ('age' | 'scope' | 'duration')[]): Figure {
  const rows = dimensions.map((dimension) => {
    const check = measure[dimension]!;
    return { header: DIMENSION_LABELS[dimension], cells: [...SIDE_ORDER.map((side) => countText(check[side])), shareText(check.shareInside)] };
  });
  // Drawn only for the bounds whose counts are all shown: a bar with a hidden part would mislead.
  const drawable = dimensions.filter((dimension) => SIDE_ORDER.every((side) => !isHidden(measure[dimension]![side])));
  const chartRows = drawable.map((dimension) => {
    const check = measure[dimension]! as Record<keyof ShownFrameCheck, number>;
    return { dimension: DIMENSION_LABELS[dimension], parts: SIDE_ORDER.map((side) => ({ side: SIDE_LABELS[side], value: check[side] })) };
  });
  const hidden = dimensions.length - drawable.length;
  return {
    heading: 'Inden for og uden for rammen',
    ...(chartRows.some((row) => row.parts.some((part) => part.value > 0))
      ? {
          chart: {
            kind: 'frame' as const,
            label: `Vandrette søjler: bevillingerne til ${measure.titel} delt i inden for, under og over rammen og uden oplysning, for ${chartRows.map((row) => row.dimension.toLowerCase()).join(', ')}. Tallene står i tabellen.`,
            rows: chartRows,
          },
        }
      : {}),
    table: {
      caption: `Bevillinger set mod rammen for ${measure.titel}`,
      columns: [
        { label: 'Rammen', numeric: false },
        ...SIDE_ORDER.map((side) => ({ label: SHORT_SIDE_LABELS[side], numeric: true })),
        { label: 'Andel inden for', numeric: true },
      ],
      rows,
    },
    ...(hidden > 0 ? { note: 'Diagrammet viser kun de dele af rammen, hvor ingen tal er skjult.' } : {}),
  };
}

const SIDE_ORDER = ['inside', 'below', 'above', 'unknown'] as const;

function binLabel(from: number, to: number | undefined, first: boolean): string {
  if (to === undefined) return `over ${number(from)}`;
  if (first && from === 0) return `under ${number(to)}`;
  return `${number(from)}–${number(to)}`;
}

function distributionBars(distribution: ShownDistribution, label: (from: number, to: number | undefined, index: number) => string): Bar[] {
  return distribution.bins.map((bin, index) => ({
    label: label(bin.from, bin.to, index),
    ...(!isHidden(bin.allocations) ? { value: bin.allocations } : {}),
    shown: countText(bin.allocations),
    inFrame: bin.inFrame,
  }));
}

function distributionTable(caption: string, heading: string, bars: readonly Bar[], unknown: Shown, framed: boolean): Table {
  return {
    caption,
    columns: [{ label: heading, numeric: false }, { label: 'Bevillinger', numeric: true }, ...(framed ? [{ label: 'Inden for rammen', numeric: false }] : [])],
    rows: [
      ...bars.map((bar) => ({ header: bar.label, cells: [bar.shown, ...(framed ? [bar.inFrame ? 'ja' : 'nej'] : [])] })),
      { header: 'Uden oplysning', cells: [countText(unknown), ...(framed ? ['–'] : [])] },
    ],
  };
}

function scopeFigure(distribution: ShownDistribution, frame: Frame, allocations: Shown): Figure {
  const unit = frame.omfang!.enhed;
  // The first bin starts at 0 and stops before the frame's low end: »under 2«, unless the frame starts at 0.
  const bars = distributionBars(distribution, (from, to, index) => binLabel(from, to, index === 0 && (frame.omfang?.fra ?? 0) > 0));
  return {
    heading: `Omfang (${unit})`,
    chart: {
      kind: 'distribution',
      axis: `Omfang, ${unit}`,
      framed: true,
      label: `Søjlediagram: ${countText(allocations)} bevillinger fordelt efter omfang i ${unit}; søjlerne inden for rammen ${frameFacts(frame).find((fact) => fact.label === 'Omfang')!.value} er mørkeblå. Tallene står i tabellen.`,
      bars,
    },
    table: distributionTable(`Bevillinger efter omfang (${unit})`, `Omfang, ${unit}`, bars, distribution.unknown, true),
  };
}

function durationFigure(distribution: ShownDistribution, frame: Frame): Figure {
  const limit = durationLimitOf(frame);
  const bars = distributionBars(distribution, (from, to) => (to === undefined ? `over ${number(from)}` : `${number(from)}–${number(to)}`));
  return {
    heading: 'Varighed (måneder)',
    chart: {
      kind: 'distribution',
      axis: 'Varighed, måneder',
      framed: limit !== undefined,
      label: `Søjlediagram: bevillingerne fordelt efter varighed i måneder${limit !== undefined ? `; søjlerne til og med rammens ${number(limit)} måneder er mørkeblå` : ''}. Tallene står i tabellen.`,
      bars,
    },
    table: distributionTable('Bevillinger efter varighed (måneder)', 'Varighed, måneder', bars, distribution.unknown, limit !== undefined),
  };
}

/** »1 række« or »12 rækker«. */
function rows(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'række' : 'rækker'}`;
}

function dataLines(notes: DataNotes): string[] {
  const lines = [
    `Udtrækket »${notes.file}« har ${rows(notes.totalRows).replace(/række/, 'datarække')}; ${formatCount(notes.allocations)} af dem er bevillinger til en af serviceniveauets foranstaltninger.`,
  ];
  if (notes.skippedRows > 0) lines.push(`${rows(notes.skippedRows)} uden data eller med en sum er sprunget over.`);
  const dropped = notes.droppedColumns.map((column) => `»${column}«`);
  if (dropped.length > 0) lines.push(`${dropped.length === 1 ? 'Kolonnen' : 'Kolonnerne'} ${dropped.join(', ')} er personoplysninger og er ikke læst ind.`);
  const unmappedRows = notes.unmapped.reduce((sum, code) => sum + code.rows, 0);
  if (notes.unmapped.length > 0)
    lines.push(
      `${rows(unmappedRows)} har en kode, der ikke hører til en foranstaltning: ${notes.unmapped.map((code) => `»${code.code}« (${formatCount(code.rows)})`).join(', ')}.`,
    );
  const unusable = new Set(notes.problems.map((problem) => problem.row)).size;
  if (unusable > 0) lines.push(`${rows(unusable)} kunne ikke bruges.`);
  return lines;
}

/** The unusable rows by row number and column, never by value; at most `limit` of them, or all when `limit` is Infinity. */
export function problemLines(notes: Pick<DataNotes, 'problems'>, limit: number): string[] {
  const sorted = [...notes.problems].sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '', 'da'));
  const lines = sorted.slice(0, limit).map((problem) => `Række ${problem.row}${problem.column ? `, kolonne »${problem.column}«` : ''}: ${problem.message}`);
  if (sorted.length > limit) lines.push(`… og ${formatCount(sorted.length - limit)} flere.`);
  return lines;
}
