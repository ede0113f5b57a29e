import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Once per vitest run: compile scripts/ to dist/, so the CLI tests (which spawn the real binary) never run
 * yesterday's build; and give the run one temporary folder of its own (TMPDIR, inherited by the test workers
 * and the processes they spawn), removed with everything in it when the run ends.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(REPO_ROOT, 'tsconfig.build.json')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  const folder = mkdtempSync(join(tmpdir(), 'serviceniveau-tests-'));
  process.env['TMPDIR'] = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
