import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { areaFolderOf, measureFolderOf, measurePathOf, registerPathOf } from '../layout.js';
import { packageRoot } from '../package-root.js';
import { exampleExport } from '../followup/example-export.js';
import { benchmarkDocx } from './bench-import.js';

// `npm run bench`: whole-process timings of the CLI, each beside a baseline measured in the same run.
// Medians (and spread) of several runs; compare the ratios, not the milliseconds, across machines.

const ROOT = packageRoot();
const BIN = join(ROOT, 'bin', 'serviceniveau.js');
const FLOOR = join(ROOT, 'dist', 'scripts', 'tools', 'bench-floor.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SIZES = (process.env['BENCH_SIZES'] ?? '100,1000,5000').split(',').map(Number);
const AREAS = 4;
/** Where the website is built while it is timed. */
const SITE_OUT = mkdtempSync(join(tmpdir(), 'serviceniveau-bench-site-'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** Another checkout's bin/serviceniveau.js (say, main before a change), timed on the same repositories in the same run. */
const BEFORE = process.env['BENCH_BEFORE'];

interface Measure {
  median: number;
  spread: number;
  peakMiB?: number;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

/** One whole-process run: wall time, and peak RSS from /usr/bin/time where it exists. */
function runOnce(command: string, args: string[], cwd: string): { ms: number; peakMiB?: number } {
  const start = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString().slice(-500)}`);
  return TIME ? { ms, peakMiB: Number(result.stderr.toString().trim().split('\n').at(-1)) / 1024 } : { ms };
}

/** Median and spread (max − min) of RUNS runs of each command, the commands taking turns so a slow spell of the machine hits all alike. */
function measureTogether(commands: readonly { command: string; args: string[] }[], cwd: string): Measure[] {
  const runs = commands.map(() => [] as { ms: number; peakMiB?: number }[]);
  for (let run = 0; run < RUNS; run++) commands.forEach(({ command, args }, index) => runs[index]!.push(runOnce(command, args, cwd)));
  return runs.map((results) => {
    const times = results.map((result) => result.ms).sort((a, b) => a - b);
    const peak = Math.max(0, ...results.map((result) => result.peakMiB ?? 0));
    return { median: times[Math.floor(times.length / 2)] ?? 0, spread: (times.at(-1) ?? 0) - (times[0] ?? 0), ...(TIME ? { peakMiB: peak } : {}) };
  });
}

function measure(command: string, args: string[], cwd: string): Measure {
  return measureTogether([{ command, args }], cwd)[0]!;
}

/**
 * A synthetic repository: N measures across several areas, made from the example kommune's measures
 * with varied ids and numbers; tag vedtaget/2024-02-01, then a round that changes 20 % of the measures
 * (scope numbers, target groups, legal basis, wording), tagged vedtaget/2025-02-11.
 */
function syntheticRepository(size: number, areas = AREAS): { cwd: string; paths: string[] } {
  const cwd = mkdtempSync(join(tmpdir(), 'serviceniveau-bench-'));
  const example = areaFolderOf('boern-og-unge');
  const originals = readdirSync(join(ROOT, measureFolderOf(example)));
  cpSync(join(ROOT, registerPathOf(example)), join(cwd, registerPathOf(example)));
  const paths: string[] = [];
  for (let index = 0; index < size; index++) {
    const area = areaFolderOf(`omraade-${(index % areas) + 1}`);
    if (index < areas) {
      mkdirSync(join(cwd, measureFolderOf(area)), { recursive: true });
      for (const name of ['serviceniveau.md', 'rolleplan.md']) cpSync(join(ROOT, example, name), join(cwd, area, name));
    }
    const name = originals[index % originals.length]!;
    const [stem, extension] = [name.replace(/\.(md|json)$/, ''), name.endsWith('.json') ? '.json' : '.md'];
    const id = `${stem}-${index}`;
    const text = readFileSync(join(ROOT, measureFolderOf(example), name), 'utf8')
      .replace(new RegExp(`("?id"?: "?)${stem}`), `$1${id}`)
      .replace(/(\d+)-(\d+) timer/, (_, a: string, b: string) => `${Number(a) + (index % 3)}-${Number(b) + (index % 3)} timer`);
    const path = measurePathOf(area, id, extension === '.json' ? '.json' : '.md');
    writeFileSync(join(cwd, path), text);
    paths.push(path);
  }
  git(cwd, 'init', '-q');
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-qm', 'Vedtaget 2024');
  git(cwd, 'tag', 'vedtaget/2024-02-01');
  paths.forEach((path, index) => {
    if (index % 5 !== 0) return;
    const edits = [
      (text: string) => text.replace(/(\d+)-(\d+) timer/, (_, a: string, b: string) => `${Math.max(1, Number(a) - 1)}-${b} timer`),
      (text: string) => text.replace(/"?til"?: (\d+)/, (match, age: string) => match.replace(age, String(Math.max(1, Number(age) - 1)))),
      (text: string) => text.replace('Barnets Lov § 45', 'Barnets Lov § 45, stk. 1'),
      (text: string) => text.replace('Der foretages altid', 'Der foretages altid,'),
      (text: string) => text.replace(/Formålet er at/, 'Formålet er først og fremmest at'),
    ];
    writeFileSync(join(cwd, path), edits[(index / 5) % edits.length]!(readFileSync(join(cwd, path), 'utf8')));
  });
  git(cwd, 'commit', '-qam', 'Revisionsrunde');
  git(cwd, 'tag', 'vedtaget/2025-02-11');
  return { cwd, paths };
}

/** The CLI with these arguments, now and (with BENCH_BEFORE) as the other checkout runs it. */
function cli(args: string[], cwd: string): { now: Measure; before?: Measure } {
  const [now, before] = measureTogether(
    [{ command: process.execPath, args: [BIN, ...args] }, ...(BEFORE ? [{ command: process.execPath, args: [BEFORE, ...args] }] : [])],
    cwd,
  );
  return { now: now!, ...(before ? { before } : {}) };
}

const rows: string[] = [];
const row = (what: string, value: { now: Measure; before?: Measure }, baseline: Measure, target?: string): void => {
  const { now, before } = value;
  const ratio = now.median / Math.max(1, baseline.median);
  const cells = [
    what,
    `${now.median.toFixed(0)} ± ${(now.spread / 2).toFixed(0)}`,
    baseline.median.toFixed(0),
    `${ratio.toFixed(2)}×`,
    now.peakMiB ? now.peakMiB.toFixed(0) : '–',
  ];
  if (before)
    cells.push(
      `${before.median.toFixed(0)} ± ${(before.spread / 2).toFixed(0)}`,
      `${(before.median / Math.max(1, baseline.median)).toFixed(2)}×`,
      `${(now.median / Math.max(1, before.median)).toFixed(2)}×`,
    );
  rows.push(`| ${[...cells, target ?? ''].join(' | ')} |`);
};

// What `check` loads from node_modules: the parsers, and ajv's runtime helpers for the precompiled validators.
const imports =
  "await Promise.all(['ajv/dist/runtime/ucs2length.js','ajv-formats/dist/formats.js','unified','remark-parse','remark-frontmatter','yaml','jsonc-parser'].map((name) => import(name)))";
const importOnly = measure(process.execPath, ['--input-type=module', '-e', imports], ROOT);
row('check, example kommune (15 documents) vs importing the same dependencies', cli(['check'], ROOT), importOnly, '≤ 1.5×');
// The citizens' website (issue 16) against check on the same tree, in the same run: at most 1.5× check.
row(
  'site, example kommune vs check of the same tree',
  cli(['site', '--out', SITE_OUT], ROOT),
  measure(process.execPath, [BIN, 'check'], ROOT),
  '< 1 s, ≤ 1.5×',
);
{
  // import: a generated 100-measure Word document, whole process, against mammoth's bare conversion of the same file.
  const cwd = mkdtempSync(join(tmpdir(), 'serviceniveau-bench-import-'));
  writeFileSync(join(cwd, 'serviceniveau.docx'), await benchmarkDocx(100));
  const mammothOnly = measure(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = (await import(${JSON.stringify(join(ROOT, 'node_modules/mammoth/lib/index.js'))})).default; await m.convertToHtml({ path: 'serviceniveau.docx' });`,
    ],
    cwd,
  );
  row(
    'import --dry-run, 100 measures in Word vs mammoth.convertToHtml of the same file',
    cli(['import', 'serviceniveau.docx', '--omraade', 'bench', '--dry-run'], cwd),
    mammothOnly,
    '≤ 5 s',
  );
  rmSync(cwd, { recursive: true, force: true });
}
{
  // Reading an export of allocations (issue 17): 100,000 rows of the example export, whole process, against a bare
  // csv-parse of the same file. Times readExport through bench-read-export.js until `opfoelgning` is timed itself.
  const cwd = mkdtempSync(join(tmpdir(), 'serviceniveau-bench-export-'));
  const file = join(cwd, 'bevillinger.csv');
  writeFileSync(file, exampleExport(100_000));
  const bareParse = measure(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { parse } = await import(${JSON.stringify(join(ROOT, 'node_modules/csv-parse/lib/sync.js'))}); const { readFileSync } = await import('node:fs'); parse(readFileSync(${JSON.stringify(file)}, 'latin1'), { delimiter: ';', relax_column_count: true });`,
    ],
    cwd,
  );
  row(
    'read an export of 100,000 allocations (CSV, Windows-1252) vs a bare csv-parse of the same file',
    { now: measure(process.execPath, [join(ROOT, 'dist', 'scripts', 'tools', 'bench-read-export.js'), file], cwd) },
    bareParse,
    '≤ 3 s, < 300 MiB',
  );
  rmSync(cwd, { recursive: true, force: true });
}
for (const size of SIZES) {
  const { cwd, paths } = syntheticRepository(size);
  const floor = measure(process.execPath, [FLOOR, 'policies'], cwd);
  row(`check, ${size} measures vs bare remark-parse + yaml of the same files`, cli(['check'], cwd), floor, size === 5000 ? '≤ 2×' : undefined);
  row(
    `site, one area of ${size / AREAS} measures vs check of the whole tree`,
    cli(['site', '--omraade', 'omraade-1', '--out', SITE_OUT], cwd),
    measure(process.execPath, [BIN, 'check'], cwd),
    size === 5000 ? '≤ 1.5×' : undefined,
  );
  if (size === 5000) {
    // Like for like: the whole site of one area of 5,000 measures, with the page of its adopted round, against check of the same tree.
    const single = syntheticRepository(size, 1);
    row(
      `site, one area of ${size} measures (with its adopted round) vs check of the same tree`,
      cli(['site', '--out', SITE_OUT], single.cwd),
      measure(process.execPath, [BIN, 'check'], single.cwd),
      '≤ 1.5×',
    );
    rmSync(single.cwd, { recursive: true, force: true });
  }
  const wordDiff = measure('git', ['diff', '--word-diff', 'vedtaget/2024-02-01', 'vedtaget/2025-02-11'], cwd);
  for (const format of ['json', 'docx']) {
    for (let area = 1; area <= 1; area++) {
      const args = [
        'changelog',
        '--from',
        'vedtaget/2024-02-01',
        '--to',
        'vedtaget/2025-02-11',
        '--omraade',
        `omraade-${area}`,
        '--format',
        format,
        '--out',
        join(cwd, `ud.${format}`),
      ];
      row(
        `changelog ${format}, one area of ${size / AREAS} measures (20 % changed) vs git diff --word-diff of the whole repo`,
        cli(args, cwd),
        wordDiff,
        size === 5000 ? '≤ 3×' : undefined,
      );
    }
  }
  // A round that touches one file, up to the working tree: what a pull request's changelog costs.
  const touched = paths[0]!;
  writeFileSync(
    join(cwd, touched),
    readFileSync(join(cwd, touched), 'utf8').replace(/(\d+)-(\d+) timer/, (_, a: string, b: string) => `${a}-${Number(b) + 1} timer`),
  );
  const changedCheck = measure(process.execPath, [BIN, 'check', '--changed-since', 'vedtaget/2025-02-11'], cwd);
  row(
    `changelog json, a one-file round in ${size} measures vs check --changed-since on the same round`,
    cli(['changelog', '--omraade', 'omraade-1', '--format', 'json', '--out', join(cwd, 'ud.json')], cwd),
    changedCheck,
    size === 5000 ? '≤ 2×' : undefined,
  );
  rmSync(cwd, { recursive: true, force: true });
}
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${RUNS} whole-process runs (± half the spread).\n`,
);
const beforeColumns = BEFORE ? [' before ms | before ratio | now / before |', ' ---: | ---: | ---: |'] : ['', ''];
console.log(`| what | median ms | baseline ms | ratio | peak MiB |${beforeColumns[0]} target |\n| --- | ---: | ---: | ---: | ---: |${beforeColumns[1]} --- |`);
console.log(rows.join('\n'));
