import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { POLICY_FOLDER } from '../layout.js';

/**
 * The working tree a data file must stay out of: the git toplevel of `cwd` (the nearest folder with a `.git`, also a
 * worktree's `.git` file), else the folder holding the nearest `policies/`; undefined when there is neither. Real path.
 */
export function repositoryRootOf(cwd: string): string | undefined {
  const start = realpathSync(resolve(cwd));
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) break;
  }
  for (let folder = start; ; folder = dirname(folder)) {
    if (isDirectory(join(folder, POLICY_FOLDER))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The real path of a file that may not exist yet: the nearest existing folder resolved, the rest appended. */
function realPathOf(path: string): string {
  const rest: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      if (dirname(current) === current) return path;
      rest.push(basename(current));
    }
  }
}

const PERSONAL_DATA_HINT =
  'En eksport af bevillinger er personoplysninger og må aldrig ligge i repositoriet, hvor den kan blive committet og delt. ' +
  'Læg filen i en mappe uden for repositoriet med adgangsstyring, fx dit personlige drev, og angiv stien dertil.';

/** Refuses, before anything is read or written, a data file inside the repository's working tree (links resolved). */
export function refuseInsideRepository(path: string, cwd: string, action: 'læst' | 'skrevet'): void {
  const root = repositoryRootOf(cwd);
  if (!root) return;
  const real = realPathOf(resolve(cwd, path));
  if (real === root || real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    throw new UsageError(`»${path}« ligger inde i repositoriet (${root}) og bliver ikke ${action}`, PERSONAL_DATA_HINT);
  }
}
