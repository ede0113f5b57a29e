import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { buildGeneratedTemplate } from '../../tests/import/fixtures/template-layout.js';
import { packageRoot } from '../package-root.js';

// `npm run build && node dist/scripts/tools/bench-import.js`: how long `serviceniveau import` takes on a generated
// 100-measure Word document in the ministry's template (layout a), beside mammoth's bare conversion of the same file.
// Issue 15's target: the whole process ≤ 5 s. Medians of BENCH_RUNS runs; compare ratios, not milliseconds.

const ROOT = packageRoot();
const BIN = join(ROOT, 'bin', 'serviceniveau.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const MEASURES = Number(process.env['BENCH_MEASURES'] ?? 100);
const TARGET_MS = 5_000;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The wall time of one child process; fails the bench with its stderr when it does not exit 0. */
function timeProcess(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(-500)}`);
  return ms;
}

/** A kommune's fresh repository (the law register, committed) with the generated document beside it. */
function repositoryWith(docx: Buffer): string {
  const cwd = mkdtempSync(join(tmpdir(), 'serviceniveau-bench-import-'));
  mkdirSync(join(cwd, 'policies'));
  writeFileSync(join(cwd, 'policies/lovregister.json'), readFileSync(join(ROOT, 'policies/lovregister.json')));
  writeFileSync(join(cwd, 'gen.docx'), docx);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
      {
        cwd,
        stdio: 'ignore',
      },
    );
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Lovregister');
  return cwd;
}

const docx = await buildGeneratedTemplate(MEASURES);
const cwd = repositoryWith(docx);
try {
  const inProcess: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    await mammoth.convertToHtml({ buffer: docx });
    inProcess.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  // the kommune's repository has no node_modules: load this package's mammoth by its path
  const entry = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('mammoth')).href;
  const bare = `const { default: mammoth } = await import(${JSON.stringify(entry)}); await mammoth.convertToHtml({ path: 'gen.docx' });`;
  const mammothProcess: number[] = [];
  const importProcess: number[] = [];
  // taking turns, so a slow spell of the machine hits both alike
  for (let run = 0; run < RUNS; run++) {
    mammothProcess.push(timeProcess(['--input-type=module', '-e', bare], cwd));
    importProcess.push(timeProcess([BIN, 'import', 'gen.docx', '--dry-run', '--omraade', 'bench'], cwd));
  }
  const [convert, mammothWhole, importWhole] = [median(inProcess), median(mammothProcess), median(importProcess)];
  console.log(`Import of a generated ${MEASURES}-measure document (${(docx.length / 1024).toFixed(0)} KiB, layout a), medians of ${RUNS} runs:\n`);
  console.log('| what | ms | ratio to mammoth alone |');
  console.log('| --- | ---: | ---: |');
  console.log(`| mammoth.convertToHtml, in process | ${convert.toFixed(0)} | 1.00× |`);
  console.log(`| node + mammoth.convertToHtml, whole process | ${mammothWhole.toFixed(0)} | ${(mammothWhole / Math.max(1, convert)).toFixed(2)}× |`);
  console.log(
    `| serviceniveau import --dry-run, whole process | ${importWhole.toFixed(0)} | ${(importWhole / Math.max(1, convert)).toFixed(2)}× (${(importWhole / Math.max(1, mammothWhole)).toFixed(2)}× the bare process) |`,
  );
  console.log(`\nTarget: whole process ≤ ${TARGET_MS / 1000} s: ${importWhole <= TARGET_MS ? 'met' : 'NOT met'}.`);
  if (importWhole > TARGET_MS) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`bench-import: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  rmSync(cwd, { recursive: true, force: true });
}
