import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodsOf, runOpfoelgning, type ReadExportFunction } from '../../scripts/commands/opfoelgning.js';
import type { Allocation, ReadExport } from '../../scripts/followup/model.js';
import { REPO_ROOT, runCli } from '../helpers.js';
import { exampleKommune } from '../site/site-helpers.js';

// The command on the example kommune, with the export reader replaced by one that hands back allocations built here
// (scripts/followup/read-export.ts is built beside this, in its own branch): policies read, frames found, every format
// written, problem rows listed by number. The CLI's own checks of its options need no export at all.

/** The example's familiebehandling with a `ramme` block, as issue 17's first piece fills it in. */
function familiebehandlingWithFrame(): string {
  const file = join(REPO_ROOT, 'policies/boern-og-unge/foranstaltninger/familiebehandling.md');
  return readFileSync(file, 'utf8').replace(
    /^alder:\n {2}fra: 0\n {2}til: 17\n/m,
    'alder:\n  fra: 0\n  til: 17\nramme:\n  omfang:\n    enhed: sessioner om ugen\n    fra: 1\n    til: 2\n  varighed:\n    til: 6\n  opfoelgning:\n    foerste: 3\n',
  );
}

/** 30 children in familiebehandling, 12 in ungestøtte, 3 in fast kontaktperson. */
function allocations(): Allocation[] {
  const rows: Allocation[] = [];
  for (let index = 0; index < 30; index++)
    rows.push({
      row: index + 2,
      measureId: 'familiebehandling',
      childKey: `sag-${1000 + index}`,
      age: index % 19,
      start: '2025-02-01',
      scope: 1 + (index % 3),
      cost: 1234.25 + index * 101,
    });
  for (let index = 0; index < 12; index++)
    rows.push({ row: 60 + index, measureId: 'ungestoette', childKey: `sag-${3000 + index}`, age: 19, start: '2024-09-01' });
  for (let index = 0; index < 3; index++)
    rows.push({ row: 40 + index, measureId: 'fast-kontaktperson', childKey: `sag-${2000 + index}`, age: 12, start: '2025-03-01' });
  return rows;
}

function reader(calls: Parameters<ReadExportFunction>[] = []): ReadExportFunction {
  return (file, options) => {
    calls.push([file, options]);
    const exported: ReadExport = {
      file: '/hjemme/leder/udtraek/bevillinger.csv',
      totalRows: 48,
      skippedRows: 1,
      allocations: allocations(),
      problems: [
        { row: 50, column: 'Startdato', message: 'Datoen kan ikke læses' },
        { row: 44, column: 'Slutdato', message: 'Slutdatoen ligger før startdatoen' },
      ],
      unmapped: [{ code: 'FAM-99', rows: 1 }],
      droppedColumns: ['CPR-nr.'],
    };
    return Promise.resolve(exported);
  };
}

describe('opfoelgning on the example kommune', () => {
  it('reads the frames from the policies and writes html, docx, md and json with no row value in any of them', async () => {
    const root = exampleKommune({ files: { 'policies/boern-og-unge/foranstaltninger/familiebehandling.md': familiebehandlingWithFrame() } });
    const calls: Parameters<ReadExportFunction>[] = [];
    const result = await runOpfoelgning({
      cwd: root,
      data: '/hjemme/leder/udtraek/bevillinger.csv',
      periode: ['2025'],
      formats: ['html', 'docx', 'md', 'json'],
      outDir: 'rapport',
      readExport: reader(calls),
    });
    expect(result.written.map((file) => file.slice(file.lastIndexOf('/') + 1))).toEqual([
      'opfoelgning.html',
      'opfoelgning.docx',
      'opfoelgning.md',
      'opfoelgning.json',
    ]);
    // The reader gets every measure with its legal basis and the frame's unit, and the register.
    const [, options] = calls[0]!;
    const familiebehandling = options.measures.find((measure) => measure.id === 'familiebehandling')!;
    expect(familiebehandling.omfangEnhed).toBe('sessioner om ugen');
    expect(familiebehandling.lovhjemmel).toMatch(/§/);
    expect(options.register.love.length).toBeGreaterThan(0);

    const json = JSON.parse(readFileSync(join(root, 'rapport/opfoelgning.json'), 'utf8')) as {
      kommune: string;
      data: { file: string; problems: { row: number }[] };
      current: { measures: { measureId: string; allocations: unknown; scope?: { shareInside?: unknown } }[]; total: { allocations: unknown } };
    };
    expect(json.kommune).toBe('Eksempel Kommune');
    // The file by its name only: the folder can name the person who ran it.
    expect(json.data.file).toBe('bevillinger.csv');
    expect(json.data.problems.map((problem) => problem.row)).toEqual([50, 44]);
    const byId = new Map(json.current.measures.map((measure) => [measure.measureId, measure]));
    // Fast kontaktperson's 3 are hidden, and ungestøtte's 12, the next smallest, with them: the total 45 would give them back.
    expect(byId.get('fast-kontaktperson')!.allocations).toBe('færre end 5');
    expect(byId.get('ungestoette')!.allocations).toBe('skjult');
    expect(byId.get('familiebehandling')!.allocations).toBe(30);
    expect(json.current.total.allocations).toBe(45);
    // Scopes 1, 2, 3 in turn against 1–2 sessions: 20 inside, 10 above.
    expect(byId.get('familiebehandling')!.scope?.shareInside).toBeCloseTo(20 / 30, 10);

    for (const format of ['html', 'md', 'json']) {
      const text = readFileSync(join(root, `rapport/opfoelgning.${format}`), 'utf8');
      for (const row of allocations()) {
        expect(text, format).not.toContain(row.childKey!);
        if (row.cost) expect(text, format).not.toContain(String(row.cost));
      }
      expect(text, format).not.toContain('/hjemme/leder');
    }
  }, 60_000);

  it('prints the summary table and every problem row by number in the terminal', async () => {
    const root = exampleKommune();
    const result = await runOpfoelgning({ cwd: root, data: 'x.csv', periode: ['2025'], formats: ['pretty'], readExport: reader() });
    const text = String(result.stdout);
    expect(text).toMatch(/^Serviceniveauet som ramme i praksis: /);
    expect(text).toMatch(/^Familiebehandling og behandling af barnet eller den unge\s+30\s+30\s/m);
    expect(text).toContain('Kolonnen »CPR-nr.« er personoplysninger');
    expect(text).toMatch(/^I alt\s+45\s+45\s/m);
    expect(text).toContain('  Række 44, kolonne »Slutdato«: Slutdatoen ligger før startdatoen');
    expect(text.indexOf('Række 44')).toBeLessThan(text.indexOf('Række 50'));
    expect(text).toContain('»FAM-99« (1)');
  }, 60_000);

  it('never writes the report into policies/', async () => {
    const root = exampleKommune();
    await expect(
      runOpfoelgning({ cwd: root, data: 'x.csv', periode: ['2025'], formats: ['html'], out: 'policies/rapport.html', readExport: reader() }),
    ).rejects.toThrow(/policies\//);
    expect(existsSync(join(root, 'policies/rapport.html'))).toBe(false);
  }, 60_000);
});

describe('the period options', () => {
  it('defaults to the previous calendar year, and of two years the later is the period and the earlier its comparison', () => {
    expect(periodsOf({ today: '2026-03-15' })).toEqual({ current: { from: '2025-01-01', to: '2025-12-31', label: '2025' } });
    const periods = periodsOf({ periode: ['2025', '2024'] });
    expect([periods.current.label, periods.previous?.label]).toEqual(['2025', '2024']);
    expect(periodsOf({ fra: '2025-01-01', til: '2025-06-30' }).current).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
      label: '1. januar 2025 – 30. juni 2025',
    });
  });

  it('refuses a period it cannot use, in Danish', () => {
    expect(() => periodsOf({ periode: ['25'] })).toThrow('--periode »25« er ikke et årstal');
    expect(() => periodsOf({ periode: ['2024', '2024'] })).toThrow('--periode 2024 er angivet to gange');
    expect(() => periodsOf({ periode: ['2023', '2024', '2025'] })).toThrow('--periode er angivet 3 gange');
    expect(() => periodsOf({ fra: '2025-01-01' })).toThrow('--til mangler');
    expect(() => periodsOf({ fra: '2025-07-01', til: '2025-06-30' })).toThrow('--til 2025-06-30 ligger før --fra 2025-07-01');
    expect(() => periodsOf({ fra: '2025-02-30', til: '2025-06-30' })).toThrow('--fra »2025-02-30« er ikke en dato');
    expect(() => periodsOf({ periode: ['2025'], fra: '2025-01-01', til: '2025-06-30' })).toThrow('Brug enten --periode eller --fra og --til');
  });
});

describe('serviceniveau opfoelgning on the command line', () => {
  it('without --data, or with a period it cannot use, exits 2 with a Danish message and reads nothing', () => {
    const missing = runCli(['opfoelgning'], REPO_ROOT);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Brug: serviceniveau opfoelgning --data FIL');
    const year = runCli(['opfoelgning', '--data', '/findes/ikke.csv', '--periode', '2025', '--periode', '2025'], REPO_ROOT);
    expect(year.status).toBe(2);
    expect(year.stderr).toContain('--periode 2025 er angivet to gange');
    const word = runCli(['opfoelgning', '--data', '/findes/ikke.csv', '--format', 'docx'], REPO_ROOT);
    expect(word.status).toBe(2);
    expect(word.stderr).toContain('Et Word-dokument skal skrives til en fil');
    expect(runCli(['--help'], REPO_ROOT).stdout).toContain('opfoelgning --data FIL');
  });

  it('reads the example export end to end: two periods, personal data dropped, problem rows by number only', () => {
    // Issue 17's synthetic export, written outside the repository by `npm run eksempeldata`, with the config it prints.
    const root = exampleKommune();
    const export_ = join(root, '..', `eksport-${process.pid}.csv`);
    const config = execFileSync(process.execPath, [join(REPO_ROOT, 'dist/scripts/tools/example-export.js'), export_], { cwd: root, encoding: 'utf8' });
    writeFileSync(join(root, 'serviceniveau.config.json'), config);
    const result = runCli(['opfoelgning', '--data', export_, '--periode', '2024', '--periode', '2025', '--format', 'json'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('change');
    const pretty = runCli(['opfoelgning', '--data', export_, '--periode', '2025'], root);
    expect(pretty.status, pretty.stderr).toBe(0);
    expect(pretty.stdout).toContain('Serviceniveauet som ramme i praksis');
    expect(pretty.stdout).toContain('»CPR-nr.«');
    expect(pretty.stdout).not.toMatch(/Testbarn|Eksempelvej|\d{6}-\d{4}|Række (\d+), kolonne »[^«]+«: Række \1/);
  });
});
