import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ADOPTED_TAG_PREFIX } from '../git/adopted-tag.js';
import { areaOfRepositoryPath, documentKindOf, POLICY_FOLDER } from '../layout.js';
import { loadDocument } from '../load/load-document.js';
import type { PolicyDocument } from '../model/document.js';
import { frameData } from '../model/document-data.js';
import type { AdoptedVersion } from '../rules/policy-set.js';

/**
 * What the newest `vedtaget/*` tag reachable from HEAD says about the frames that claim to be adopted, and whether
 * each one's area has changed since (committed, uncommitted or new files). Git is asked only when a frame says
 * »vedtaget«; outside a git repository, without commits or without a tag, there is nothing to compare with.
 */
export async function readAdoptedVersion(documents: readonly PolicyDocument[], cwd: string): Promise<AdoptedVersion | undefined> {
  const claimed = documents.filter((document) => document.kind === 'serviceniveau' && frameData(document)?.status === 'vedtaget');
  if (claimed.length === 0 || !insideGitRepository(resolve(cwd)) || !hasAdoptedTag(cwd)) return undefined;
  const { PolicyRepository } = await import('../git/repository.js');
  try {
    const repository = await PolicyRepository.open(cwd);
    const tag = await repository.newestAdoptedTag(await repository.resolveCommit('HEAD'));
    if (!tag) return undefined;
    const tagSha = await repository.resolveCommit(tag);
    const changed = (await repository.changedFiles(tagSha, undefined, POLICY_FOLDER)).filter((path) => documentKindOf(path));
    const atTag = new Map((await repository.listFiles(tagSha, POLICY_FOLDER)).map((file) => [file.path, file.oid]));
    const frames = new Map<string, { version?: string; gyldigFra?: string; changed: boolean }>();
    for (const document of claimed) {
      const path = relative(repository.root, resolve(cwd, document.file)).split(sep).join('/');
      const area = areaOfRepositoryPath(path);
      if (area === undefined) continue;
      const oid = atTag.get(path);
      const [bytes] = oid ? await repository.readBlobs([oid]) : [];
      const before = bytes ? frameData(loadDocument(path, 'serviceniveau', bytes).document) : undefined;
      frames.set(document.file, {
        ...(before?.version !== undefined ? { version: before.version } : {}),
        ...(before?.gyldig_fra !== undefined ? { gyldigFra: before.gyldig_fra } : {}),
        changed: changed.some((file) => file.startsWith(`${area}/`)),
      });
    }
    return { tag, frames };
  } catch {
    return undefined; // no commit yet, or git cannot answer: the rule has nothing to compare with
  }
}

/**
 * Whether HEAD has any `vedtaget/*` tag behind it, asked with one plain git process: most checks (the example, a
 * kommune before its first adoption) stop here, without loading the git library or reading any tree.
 */
function hasAdoptedTag(cwd: string): boolean {
  const listed = spawnSync('git', ['tag', '--list', `${ADOPTED_TAG_PREFIX}*`, '--merged', 'HEAD'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return listed.status === 0 && listed.stdout.trim() !== '';
}

/** Whether a folder or one of its parents holds `.git`: no git process is started for a folder outside any repository. */
function insideGitRepository(folder: string): boolean {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return true;
    if (dirname(current) === current) return false;
  }
}
