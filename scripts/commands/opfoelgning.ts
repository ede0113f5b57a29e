import { basename, join } from 'node:path';
import { requireConfig } from '../config/require-config.js';
import { UsageError } from '../errors.js';
import type { Frame, MeasureFrame } from '../followup/frame.js';
import type { MeasureRef } from '../followup/model.js';
import { readExport } from '../followup/read-export.js';
import { datePeriod, yearPeriod, type Periods } from '../followup/period.js';
import { presentReport, problemLines, type DataNotes, type ReportPresentation } from '../followup/present-report.js';
import { computeStatistics } from '../followup/statistics.js';
import { suppressStatistics, type ShownStatistics } from '../followup/suppression.js';
import type { Foranstaltning, Lovregister } from '../model/generated-types.js';
import { readServiceLevel } from '../revision/build-round.js';
import { checkOutputTargets, isStandardOutput, writeOutput } from './write-output.js';

export const FOLLOW_UP_FORMATS = ['pretty', 'html', 'docx', 'md', 'json'] as const;
export type FollowUpFormat = (typeof FOLLOW_UP_FORMATS)[number];

/** The file name `--out-dir` writes each format as: opfoelgning.<format>. */
export const FOLLOW_UP_FILE_STEM = 'opfoelgning';

/** The export reader: scripts/followup/read-export.ts, or a stand-in in tests. */
export type ReadExportFunction = typeof readExport;

/** What the command line asked for, checked. */
export interface FollowUpOptions {
  cwd: string;
  data: string;
  /** `--periode ÅÅÅÅ`, once or twice. */
  periode?: readonly string[];
  fra?: string;
  til?: string;
  formats: readonly FollowUpFormat[];
  out?: string;
  outDir?: string;
  config?: string;
  omraade?: string;
  ref?: string;
  /** Today, for the default period (the previous calendar year); the clock when left out. */
  today?: string;
  /** The export reader; scripts/followup/read-export.ts when left out. */
  readExport?: ReadExportFunction;
}

/** `opfoelgning`: the allocations of an export set against each measure's frame, as a report for management and the committee. */
export async function runOpfoelgning(options: FollowUpOptions): Promise<{ stdout?: string | Uint8Array; written: string[] }> {
  const { formats } = options;
  if (options.outDir !== undefined && formats.includes('pretty'))
    throw new UsageError('Formatet pretty skrives til terminalen, ikke til en mappe', 'Vælg fx --format html,docx,md,json --out-dir rapport.');
  checkOutputTargets(formats, options, FOLLOW_UP_FILE_STEM);
  const periods = periodsOf(options);
  const { level, kommune, omraade } = await readServiceLevel(options);
  const measures = measureFramesOf(level.measures);
  const config = requireConfig(options.config, options.cwd);
  const read = options.readExport ?? readExport;
  const exported = await read(options.data, {
    cwd: options.cwd,
    config: config.opfoelgning ?? {},
    measures: measureRefsOf(level.measures),
    register: level.register ?? ({ love: [], paragraffer: [] } as unknown as Lovregister),
  });
  const statistics = suppressStatistics(computeStatistics(exported.allocations, measures, periods));
  const notes: DataNotes = {
    file: basename(exported.file),
    totalRows: exported.totalRows,
    skippedRows: exported.skippedRows,
    allocations: exported.allocations.filter((allocation) => measures.has(allocation.measureId)).length,
    problems: exported.problems,
    unmapped: exported.unmapped,
    droppedColumns: exported.droppedColumns,
  };
  const meta = { kommune, omraade };
  const report = presentReport(statistics, meta, notes);
  const contentOf = async (format: FollowUpFormat): Promise<string | Uint8Array> => {
    switch (format) {
      case 'html':
        return (await import('../followup/render-report-html.js')).renderReportHtml(report);
      case 'docx':
        return (await import('../followup/render-report-docx.js')).renderReportDocx(report, config.document);
      case 'md':
        return (await import('../followup/render-report-md.js')).renderReportMarkdown(report);
      case 'json':
        return `${JSON.stringify(followUpJson(statistics, meta, notes), null, 2)}\n`;
      case 'pretty':
        return renderPretty(report, notes);
    }
  };
  if (options.outDir !== undefined) {
    const written: string[] = [];
    for (const format of formats) written.push(writeOutput(options.cwd, join(options.outDir, `${FOLLOW_UP_FILE_STEM}.${format}`), await contentOf(format)));
    return { written };
  }
  const content = await contentOf(formats[0]!);
  return options.out && !isStandardOutput(options.out) ? { written: [writeOutput(options.cwd, options.out, content)] } : { stdout: content, written: [] };
}

/** `--format json`: the aggregates only, every hidden figure as »færre end 5« or »skjult«; never a row's values. */
export function followUpJson(statistics: ShownStatistics, meta: { kommune: string; omraade: string }, notes: DataNotes) {
  return {
    kommune: meta.kommune,
    omraade: meta.omraade,
    data: {
      file: notes.file,
      totalRows: notes.totalRows,
      skippedRows: notes.skippedRows,
      allocations: notes.allocations,
      problems: notes.problems.map((problem) => ({ row: problem.row, ...(problem.column ? { column: problem.column } : {}), message: problem.message })),
      unmapped: notes.unmapped,
      droppedColumns: notes.droppedColumns,
    },
    ...statistics,
  };
}

/** The period and the comparison from `--periode` (once or twice) or `--fra`/`--til`; else the previous calendar year. */
export function periodsOf(options: Pick<FollowUpOptions, 'periode' | 'fra' | 'til' | 'today'>): Periods {
  const years = options.periode ?? [];
  const dates = options.fra !== undefined || options.til !== undefined;
  if (years.length > 0 && dates)
    throw new UsageError('Brug enten --periode eller --fra og --til', 'Fx --periode 2025, eller --fra 2025-01-01 --til 2025-06-30.');
  if (dates) {
    if (options.fra === undefined || options.til === undefined)
      throw new UsageError(`${options.fra === undefined ? '--fra' : '--til'} mangler`, 'Angiv begge, fx --fra 2025-01-01 --til 2025-06-30.');
    const from = isoDate(options.fra, '--fra');
    const to = isoDate(options.til, '--til');
    if (to < from) throw new UsageError(`--til ${to} ligger før --fra ${from}`, 'Byt om på datoerne.');
    return { current: datePeriod(from, to) };
  }
  if (years.length > 2)
    throw new UsageError(`--periode er angivet ${years.length} gange`, 'Angiv én periode, eller to for at sammenligne, fx --periode 2024 --periode 2025.');
  const parsed = years.map((year) => {
    if (!/^\d{4}$/.test(year.trim())) throw new UsageError(`--periode »${year}« er ikke et årstal`, 'Skriv året med fire cifre, fx --periode 2025.');
    return Number(year.trim());
  });
  if (parsed.length === 2 && parsed[0] === parsed[1])
    throw new UsageError(`--periode ${parsed[0]} er angivet to gange`, 'Sammenlign to forskellige år, fx --periode 2024 --periode 2025.');
  const [earlier, later] = [...parsed].sort((a, b) => a - b);
  if (earlier === undefined) {
    const year = Number((options.today ?? new Date().toISOString()).slice(0, 4)) - 1;
    return { current: yearPeriod(year) };
  }
  return later === undefined ? { current: yearPeriod(earlier) } : { current: yearPeriod(later), previous: yearPeriod(earlier) };
}

function isoDate(value: string, option: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0])
    throw new UsageError(`${option} »${value}« er ikke en dato`, `Skriv datoen som ÅÅÅÅ-MM-DD, fx ${option} 2025-01-01.`);
  return match[0];
}

/** Each measure's title and frame: its `ramme` and its age range. */
export function measureFramesOf(measures: readonly Partial<Foranstaltning>[]): Map<string, MeasureFrame> {
  const result = new Map<string, MeasureFrame>();
  for (const measure of measures) {
    if (!measure.id) continue;
    const ramme = (measure as { ramme?: Omit<Frame, 'alder'> }).ramme;
    result.set(measure.id, { titel: measure.titel ?? measure.id, frame: { ...(ramme ?? {}), ...(measure.alder ? { alder: measure.alder } : {}) } });
  }
  return result;
}

function measureRefsOf(measures: readonly Partial<Foranstaltning>[]): MeasureRef[] {
  return measures.flatMap((measure) => {
    if (!measure.id) return [];
    const unit = (measure as { ramme?: Frame }).ramme?.omfang?.enhed;
    return [{ id: measure.id, titel: measure.titel ?? measure.id, lovhjemmel: measure.lovhjemmel ?? '', ...(unit ? { omfangEnhed: unit } : {}) }];
  });
}

/** The terminal's summary: the summary table as aligned text, then every unusable row by number and column. */
export function renderPretty(report: ReportPresentation, notes: DataNotes): string {
  const table = report.summaryTable;
  const header = ['Foranstaltning', 'Bevillinger', 'Børn', 'Alder', 'Omfang', 'Varighed', 'Over frist', 'Udgift'];
  const rows = [header, ...table.rows.map((row) => [row.header, ...row.cells]), ...(table.total ? [[table.total.header, ...table.total.cells]] : [])];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const lines = [
    `${report.summaryHeading}: ${report.omraade}, ${report.kommune}, ${report.periodText}`,
    '',
    line(rows[0]!),
    ...rows.slice(1, table.total ? -1 : undefined).map(line),
    ...(table.total ? ['', line(rows.at(-1)!)] : []),
    '',
    'Alder, omfang og varighed: andel af bevillingerne inden for rammen. »færre end 5«: færre end 5 børn; »skjult«: ville afsløre et sådant tal.',
    '',
    ...report.data,
    ...problemLines(notes, Number.POSITIVE_INFINITY).map((text) => `  ${text}`),
  ];
  return `${lines.join('\n')}\n`;
}
