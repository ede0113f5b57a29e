import type { PolicyRepository } from '../git/repository.js';
import { belongsToArea, documentKindOf, measureIdOf, POLICY_FOLDER } from '../layout.js';
import { FRAME_ID, ROLE_PLAN_ID } from './diff-snapshots.js';
import type { Authorship } from './model.js';

/** Who a change is credited to when git knows no user: the tool itself. */
export const TOOL_AUTHOR = 'serviceniveau';

/**
 * Who made each change of a round, and when: per document, the newest commit in from..to that changed it;
 * up to the working tree, a document with uncommitted changes is the git user's, now. So a working tree
 * identical to HEAD gives exactly what `--to HEAD` gives. `proposal` is the to side's own author and date.
 */
export async function changedByOf(
  repository: PolicyRepository,
  fromSha: string,
  toSha: string | undefined,
  area: string,
): Promise<{ changedBy: Record<string, Authorship>; proposal: Authorship }> {
  const head = toSha ?? (await repository.resolveCommit('HEAD'));
  const changedBy: Record<string, Authorship> = {};
  for (const [path, commit] of await repository.lastChanges(fromSha, head, POLICY_FOLDER)) {
    const key = belongsToArea(path, area) ? changeIdOf(path) : undefined;
    if (key !== undefined && !(key in changedBy)) changedBy[key] = { author: commit.author, date: commit.date };
  }
  const uncommitted = toSha
    ? []
    : (await repository.changedFiles(head, undefined, POLICY_FOLDER)).filter((path) => belongsToArea(path, area) && changeIdOf(path));
  if (uncommitted.length === 0) {
    const commit = await repository.commitInfo(head);
    return { changedBy, proposal: { author: commit.author || TOOL_AUTHOR, date: commit.date } };
  }
  const now: Authorship = { author: (await repository.userName()) ?? TOOL_AUTHOR, date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  for (const path of uncommitted) changedBy[changeIdOf(path)!] = now;
  return { changedBy, proposal: now };
}

/** The id a document's changes go under in the changelog; the register has none. */
function changeIdOf(path: string): string | undefined {
  switch (documentKindOf(path)) {
    case 'serviceniveau':
      return FRAME_ID;
    case 'rolleplan':
      return ROLE_PLAN_ID;
    case 'foranstaltning':
      return measureIdOf(path);
    default:
      return undefined;
  }
}
