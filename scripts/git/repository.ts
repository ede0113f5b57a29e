import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../errors.js';
import { ADOPTED_TAG_PREFIX } from './adopted-tag.js';

/** A commit with the facts the committee documents need. */
export interface CommitInfo {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

export { ADOPTED_TAG_PREFIX };

/** The git repository the policies live in; every ref from a user is resolved to a SHA before use. */
export class PolicyRepository {
  private readonly git: SimpleGit;

  constructor(readonly root: string) {
    // core.quotePath=false: paths with æ, ø and å come out as written, not quoted.
    this.git = simpleGit({ baseDir: root, config: ['core.quotePath=false'] });
  }

  /** Opens the repository that holds `cwd`, or says in Danish why it cannot. */
  static async open(cwd: string): Promise<PolicyRepository> {
    const git = simpleGit({ baseDir: cwd });
    let root: string;
    try {
      root = (await git.revparse(['--show-toplevel'])).trim();
    } catch (cause) {
      throw new UsageError('Mappen er ikke et git-repositorium', 'Kør kommandoen i det repositorium, hvor politikkerne ligger (klonet med git).', { cause });
    }
    return new PolicyRepository(root);
  }

  /**
   * Resolves a user's ref to a commit SHA. A ref that starts with "-" or holds control characters is
   * refused before git sees it (no `--upload-pack=…` tricks); `--end-of-options` guards the rest.
   */
  async resolveCommit(ref: string): Promise<string> {
    checkRefText(ref);
    try {
      const sha = (await this.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
      if (/^[0-9a-f]{40,64}$/.test(sha)) return sha;
    } catch {
      // fall through to the Danish error below
    }
    const hint = (await this.isShallow())
      ? 'Repositoriet er en overfladisk klon uden den fulde historik. Hent den med »git fetch --unshallow --tags« (i GitHub Actions: actions/checkout med fetch-depth: 0).'
      : 'Tjek stavningen; se tags med »git tag --list "vedtaget/*"« og grene med »git branch -a«.';
    throw new UsageError(`Git kender ikke »${ref}«`, hint);
  }

  async isShallow(): Promise<boolean> {
    try {
      return (await this.git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    } catch {
      return false;
    }
  }

  /** The newest adopted version (tag `vedtaget/YYYY-MM-DD`) reachable from a commit. */
  async newestAdoptedTag(sha: string): Promise<string | undefined> {
    return (await this.adoptedTags(sha)).at(-1);
  }

  /** The adopted versions reachable from a commit (or all), oldest first; the tag name is the date. */
  async adoptedTags(reachableFrom?: string): Promise<string[]> {
    const args = ['tag', '--list', `${ADOPTED_TAG_PREFIX}*`];
    if (reachableFrom) args.push('--merged', reachableFrom);
    const tags = (await this.git.raw(args))
      .split('\n')
      .map((line) => line.trim())
      .filter((tag) => /^vedtaget\/\d{4}-\d{2}-\d{2}$/.test(tag));
    return tags.sort();
  }

  async commitInfo(sha: string): Promise<CommitInfo> {
    const [author = '', date = ''] = (await this.git.raw(['log', '-1', '--format=%an%x00%aI', sha, '--'])).trim().split('\0');
    return { sha, author, date };
  }

  /**
   * For each file under `folder` that the commits in `fromSha..toSha` changed (deleted files included), the
   * newest of those commits: who made the change, and when. One `git log` for the whole round.
   */
  async lastChanges(fromSha: string, toSha: string, folder: string): Promise<Map<string, CommitInfo>> {
    const log = await this.git.raw(['log', '-z', '--no-renames', '--format=%x01%H%x00%an%x00%aI', '--name-only', `${fromSha}..${toSha}`, '--', folder]);
    const changes = new Map<string, CommitInfo>();
    for (const entry of log.split('\x01').filter(Boolean)) {
      const [sha = '', author = '', date = '', ...paths] = entry.split('\0');
      for (const path of paths.map((path) => path.replace(/^\n/, '')).filter(Boolean)) if (!changes.has(path)) changes.set(path, { sha, author, date });
    }
    return changes;
  }

  /** The name git would write as author of a commit made now (user.name, or what git derives), if any. */
  async userName(): Promise<string | undefined> {
    try {
      return /^(.*?) </.exec((await this.git.raw(['var', 'GIT_AUTHOR_IDENT'])).trim())?.[1]?.trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** The files under `folder` at a commit, with their blob ids, without reading them; `link` marks a committed symbolic link. */
  async listFiles(sha: string, folder: string): Promise<{ path: string; oid: string; link?: true }[]> {
    const listing = await this.git.raw(['ls-tree', '-r', '-z', '--full-tree', sha, '--', folder]);
    return listing
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, oid] = line.slice(0, tab).split(' ');
        return { path: line.slice(tab + 1), mode, type, oid: oid ?? '' };
      })
      .filter((entry) => entry.type === 'blob')
      .map(({ path, oid, mode }) => (mode === '120000' ? { path, oid, link: true as const } : { path, oid }));
  }

  /** Reads blobs in one `git cat-file --batch` process rather than one process per file. */
  readBlobs(oids: readonly string[]): Promise<Buffer[]> {
    return catFileBatch(this.root, oids);
  }

  /** Lines added or changed per file under `folder` between two commits, resolved to SHAs first. */
  async changedLines(base: string, head: string, folder: string): Promise<Map<string, Set<number>>> {
    const [from, to] = [await this.resolveCommit(base), await this.resolveCommit(head)];
    return parseChangedLines(await this.git.raw(['diff', '-U0', '--no-color', '--no-ext-diff', from, to, '--', folder]));
  }

  /** Files under `folder` that differ between a commit and the working tree, new untracked files included. */
  async changedFilesSince(sha: string, folder: string): Promise<string[]> {
    return this.changedFiles(sha, undefined, folder);
  }

  /** Files under `folder` that differ between two commits, or (no `toSha`) a commit and the working tree with its new files; both paths of a rename. */
  async changedFiles(fromSha: string, toSha: string | undefined, folder: string): Promise<string[]> {
    const changed = (await this.git.raw(['diff', '--name-only', '-z', '--no-renames', fromSha, ...(toSha ? [toSha] : []), '--', folder])).split('\0');
    const untracked = toSha ? [] : (await this.git.raw(['ls-files', '-z', '--others', '--exclude-standard', '--', folder])).split('\0');
    return [...new Set([...changed, ...untracked].filter(Boolean))].sort();
  }

  /** Renamed files between two commits (or a commit and the working tree), old path → new path; -M30% catches short edited files. */
  async renames(fromSha: string, toSha: string | undefined, folder: string): Promise<Map<string, string>> {
    const args = ['diff', '--name-status', '-z', '-M30%', fromSha, ...(toSha ? [toSha] : []), '--', folder];
    const fields = (await this.git.raw(args)).split('\0');
    const renames = new Map<string, string>();
    for (let index = 0; index < fields.length; index++) {
      const status = fields[index] ?? '';
      if (status.startsWith('R')) {
        renames.set(fields[index + 1] ?? '', fields[index + 2] ?? '');
        index += 2;
      } else if (status.startsWith('C')) {
        index += 2;
      } else if (status) {
        index += 1;
      }
    }
    return renames;
  }
}

/** Lines added or changed per file between two commits (`git diff -U0`), for choosing which findings to annotate. */
export function parseChangedLines(diff: string): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      current = path === '/dev/null' ? undefined : new Set();
      if (current) changed.set(path.replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let offset = 0; offset < count; offset++) current.add(start + offset);
    }
  }
  return changed;
}

/** Refuses refs that could be read as options or that carry control characters. */
export function checkRefText(ref: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (ref.startsWith('-') || /[\u0000-\u001f\u007f]/.test(ref) || ref.trim() === '' || ref.length > 255) {
    throw new UsageError(
      `Ugyldig git-reference »${ref.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?')}«`,
      'En reference er et tag, en gren eller en commit, fx »vedtaget/2025-02-11« eller »main«, og kan ikke begynde med »-«.',
    );
  }
}

/** Reads many blobs through one `git cat-file --batch` process. */
function catFileBatch(root: string, oids: readonly string[]): Promise<Buffer[]> {
  if (oids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let offset = 0;
      for (let index = 0; index < oids.length; index++) {
        const newline = output.indexOf(10, offset);
        const header = output.subarray(offset, newline).toString('utf8').split(' ');
        const size = Number(header[2]);
        blobs.push(Buffer.from(output.subarray(newline + 1, newline + 1 + size)));
        offset = newline + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}
