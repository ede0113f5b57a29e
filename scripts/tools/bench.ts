import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

// `npm run bench`: whole-process timings of the CLI against baselines measured in the same run.
// Numbers are medians of several runs; compare ratios, not milliseconds, across machines.

const ROOT = packageRoot();
const BIN = join(ROOT, 'bin', 'serviceniveau.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const AREA = 'policies/boern-og-unge';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
}

function median(command: string, args: string[], cwd: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString()}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

/** A repository with the example kommune adopted, then `edit` applied to every measure in a second commit. */
function exampleRepository(copies: number): string {
  const cwd = mkdtempSync(join(tmpdir(), 'serviceniveau-bench-'));
  cpSync(join(ROOT, 'policies'), join(cwd, 'policies'), { recursive: true });
  const folder = join(cwd, AREA, 'foranstaltninger');
  const originals = readdirSync(folder);
  for (let copy = 1; copy < copies; copy++) {
    const name = originals[copy % originals.length]!;
    const [stem, extension] = [name.replace(/\.(md|json)$/, ''), name.endsWith('.json') ? '.json' : '.md'];
    const text = readFileSync(join(folder, name), 'utf8').replace(new RegExp(`"?id"?: "?${stem}"?`), (match) => match.replace(stem, `${stem}-${copy}`));
    writeFileSync(join(folder, `${stem}-${copy}${extension}`), text);
  }
  git(cwd, 'init', '-q');
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-qm', 'Vedtaget');
  git(cwd, 'tag', 'vedtaget/2025-02-11');
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/(\d+)-(\d+) timer/, (_, a: string, b: string) => `${Math.max(1, Number(a) - 1)}-${b} timer`).replace('Der foretages altid', 'Der foretages altid,'));
  }
  git(cwd, 'commit', '-qam', 'Forslag');
  return cwd;
}

const baseline = median(process.execPath, ['-e', ''], ROOT);
const rows: [string, number, number][] = [];
const check = median(process.execPath, [BIN, 'check'], ROOT);
rows.push(['check, example kommune (15 documents)', check, check / baseline]);
for (const copies of [12, 1000]) {
  const cwd = exampleRepository(copies);
  const wordDiff = median('git', ['diff', '--word-diff', 'vedtaget/2025-02-11', 'HEAD'], cwd);
  rows.push([`git diff --word-diff, ${copies} measures (baseline)`, wordDiff, 1]);
  for (const format of ['json', 'md', 'html', 'docx']) {
    const time = median(process.execPath, [BIN, 'changelog', '--from', 'vedtaget/2025-02-11', '--to', 'HEAD', '--format', format, '--out', join(cwd, `out.${format}`)], cwd);
    rows.push([`changelog --format ${format}, ${copies} measures`, time, time / wordDiff]);
  }
  rmSync(cwd, { recursive: true, force: true });
}
console.log(`node -e "" (process start-up baseline): ${baseline.toFixed(0)} ms; median of ${RUNS} runs each\n`);
console.log('| what | median ms | ratio to its baseline |\n| --- | ---: | ---: |');
for (const [name, time, ratio] of rows) console.log(`| ${name} | ${time.toFixed(0)} | ${ratio.toFixed(1)}× |`);
