import { existsSync, lstatSync, type Stats } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { PolicyRepository } from '../git/repository.js';
import { documentKindOf, measureFolderOf, POLICY_FOLDER } from '../layout.js';

/**
 * The policy documents to check for `check --changed-since REF`: those changed since REF (committed,
 * uncommitted or new), and — because cross-document rules read them — every measure of an area whose
 * frame changed, or every document when the register changed. Paths are relative to `cwd`.
 */
export async function documentsChangedSince(ref: string, cwd: string): Promise<string[]> {
  const repository = await PolicyRepository.open(cwd);
  const sha = await repository.resolveCommit(ref);
  const wanted = new Set<string>();
  const changed: string[] = [];
  for (const path of await repository.changedFilesSince(sha, POLICY_FOLDER)) {
    // A changed path at or behind a link is handed on as the link itself, which the check reports and never follows.
    const link = linkOnTheWay(repository.root, path);
    if (link) wanted.add(link);
    else if (documentKindOf(path) && existsSync(join(repository.root, path))) changed.push(path);
  }
  for (const path of changed) wanted.add(path);
  for (const path of changed) {
    const kind = documentKindOf(path);
    if (kind === 'lovregister') return [relative(cwd, join(repository.root, POLICY_FOLDER)) || '.'];
    // The whole measure folder, not its listing: the walk reports a linked folder instead of reading through it.
    if (kind === 'serviceniveau') {
      const measures = measureFolderOf(posix.dirname(path));
      if (lstatOrUndefined(join(repository.root, measures))) wanted.add(measures);
    }
  }
  return [...wanted].sort().map((path) => relative(cwd, resolve(repository.root, path)));
}

/** The first symbolic link among a repository path's folders and the path itself, as a repository path. */
function linkOnTheWay(root: string, path: string): string | undefined {
  const parts = path.split('/');
  for (let end = 1; end <= parts.length; end++) {
    const prefix = parts.slice(0, end).join('/');
    if (lstatOrUndefined(join(root, prefix))?.isSymbolicLink()) return prefix;
  }
  return undefined;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
