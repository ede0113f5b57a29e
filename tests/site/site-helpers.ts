import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Serviceniveauet');
  if (options.tag) git('tag', options.tag);
  return root;
}

/** Every file under a folder, as paths from it with forward slashes, sorted. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix.join(relative(folder, entry.parentPath).split(sep).join('/'), entry.name))
    .sort();
}

/** The HTML pages of a built site. */
export function pagesOf(site: string): string[] {
  return filesUnder(site).filter((path) => path.endsWith('.html'));
}

/** The text of a file in the site. */
export function readSite(site: string, path: string): string {
  return readFileSync(join(site, path), 'utf8');
}
