import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import { REPO_ROOT } from '../helpers.js';

/** The example kommune (policies/ of this repository) in a git repository of its own, committed once; optionally tagged as adopted. */
export function exampleKommune(options: { files?: Record<string, string | Uint8Array>; tag?: string } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'hjemmeside-'));
  cpSync(join(REPO_ROOT, 'policies'), join(root, 'policies'), { recursive: true });
  for (const [path, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const git = (...args: string[]) => gitIn(root, ...args);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Serviceniveauet');
  if (options.tag) git('tag', options.tag);
  return root;
}

/**
 * The example with a history of two adopted versions: the example as adopted 11 February 2025, then one adopted 10
 * February 2026 in which one measure's scope changed, one measure was added and one removed. The working tree is the
 * second version.
 */
export function exampleKommuneWithHistory(): string {
  const root = exampleKommune({ tag: 'vedtaget/2025-02-11' });
  const measures = join(root, 'policies/boern-og-unge/foranstaltninger');
  const support = join(measures, 'praktisk-paedagogisk-stoette.md');
  writeFileSync(support, readFileSync(support, 'utf8').replace('3-5 timer om ugen', '2-4 timer om ugen'));
  const added = readFileSync(join(measures, 'familiebehandling.md'), 'utf8')
    .replace(/^id: .*$/m, 'id: familiebehandling-i-grupper')
    .replace(/^titel: .*$/m, 'titel: Familiebehandling i grupper');
  writeFileSync(join(measures, 'familiebehandling-i-grupper.md'), added);
  rmSync(join(measures, 'forebyggende-konsulentbistand.md'));
  gitIn(root, 'add', '-A');
  gitIn(root, 'commit', '-qm', 'Revision 2026');
  gitIn(root, 'tag', 'vedtaget/2026-02-10');
  return root;
}

/** Every file under a folder, as paths from it with forward slashes, sorted. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix.join(relative(folder, entry.parentPath).split(sep).join('/'), entry.name))
    .sort();
}

function gitIn(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** The HTML pages of a built site. */
export function pagesOf(site: string): string[] {
  return filesUnder(site).filter((path) => path.endsWith('.html'));
}

/** The text of a file in the site. */
export function readSite(site: string, path: string): string {
  return readFileSync(join(site, path), 'utf8');
}
