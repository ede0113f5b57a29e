import { existsSync, readdirSync } from 'node:fs';
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
  const changed = (await repository.changedFilesSince(sha, POLICY_FOLDER)).filter((path) => documentKindOf(path) && existsSync(join(repository.root, path)));
  const wanted = new Set<string>(changed);
  for (const path of changed) {
    const kind = documentKindOf(path);
    if (kind === 'lovregister') return [relative(cwd, join(repository.root, POLICY_FOLDER)) || '.'];
    if (kind === 'serviceniveau') {
      const measures = measureFolderOf(posix.dirname(path));
      const folder = join(repository.root, measures);
      if (existsSync(folder)) for (const name of readdirSync(folder)) wanted.add(posix.join(measures, name));
    }
  }
  return [...wanted].sort().map((path) => relative(cwd, resolve(repository.root, path)));
}
