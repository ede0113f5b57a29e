import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../helpers.js';

/** One commit of a test repository: files to write (a string) or delete (null), and an optional tag. */
export interface CommitSpec {
  files: Record<string, string | null>;
  tag?: string;
  author?: string;
  date?: string;
  message?: string;
}

const REGISTER = readFileSync(join(REPO_ROOT, 'policies/lovregister.json'), 'utf8');

/** Runs git in a folder with a fixed identity, so tests never depend on the machine's git config. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.org',
      '-c',
      'init.defaultBranch=main',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'tag.gpgsign=false',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    },
  );
}

/** A temporary git repository built from commits of files; the real register is in the first commit. */
export function makeRepository(commits: readonly CommitSpec[]): string {
  const root = mkdtempSync(join(tmpdir(), 'serviceniveau-git-'));
  git(root, 'init', '-q');
  commits.forEach((commit, index) => {
    const files = index === 0 ? { 'policies/lovregister.json': REGISTER, ...commit.files } : commit.files;
    writeFiles(root, files);
    git(root, 'add', '-A');
    const date = commit.date ?? `2025-0${Math.min(9, index + 1)}-01T10:00:00+01:00`;
    execFileSync(
      'git',
      [
        '-c',
        'user.name=Test',
        '-c',
        'user.email=test@example.org',
        '-c',
        'commit.gpgsign=false',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        commit.message ?? `Runde ${index + 1}`,
        `--author=${commit.author ?? 'Mette Sørensen'} <mette@example.org>`,
      ],
      {
        cwd: root,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1' },
      },
    );
    if (commit.tag) git(root, 'tag', commit.tag);
  });
  return root;
}

/** Writes (or, for null, deletes) files in a folder. */
export function writeFiles(root: string, files: Record<string, string | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    if (content === null) rmSync(absolute, { force: true });
    else {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
  }
}

export { frameText } from '../helpers.js';
