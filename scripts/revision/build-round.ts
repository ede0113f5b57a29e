import { requireConfig } from '../config/require-config.js';
import { UsageError } from '../errors.js';
import { areaNameOf, documentKindOf, POLICY_FOLDER } from '../layout.js';
import { PolicyRepository } from '../git/repository.js';
import { frameData, measureData, registerData, rolePlanData } from '../model/document-data.js';
import { individuelVurdering } from '../rules/individuel-vurdering.js';
import { RULE_IDS } from '../rules/registry.js';
import { ruleOptions } from '../rules/run-rules.js';
import { readSuppressions, type Suppression } from '../rules/suppressions.js';
import { changedByOf } from './changed-by.js';
import { classifyChanges } from './classify-changes.js';
import { diffSnapshots } from './diff-snapshots.js';
import type { AcceptedDeviation, Round, RoundSide, ServiceLevel } from './model.js';
import {
  areaFilter,
  areaSnapshot,
  pathsAt,
  pathsOfWorkingTree,
  selectArea,
  snapshotAt,
  snapshotOfWorkingTree,
  type AreaSnapshot,
  type BlobDocuments,
  type PathFilter,
  type Snapshot,
} from './snapshot.js';

export const WORKING_TREE_LABEL = 'arbejdskopien';

export interface RoundRequest {
  cwd: string;
  /** The config file, as for check (default: serviceniveau.config.json if it exists). */
  config?: string;
  from?: string;
  to?: string;
  omraade?: string;
  /**
   * `touched`: read only the measures the round changed, with the frame, role plan and register — all the
   * json, md and html changelogs show, so their cost follows the round, not the repository. `all` (the
   * default) reads every measure, for the Word changelog's full proposal.
   */
  reads?: 'touched' | 'all';
}

/** One side of a round as read from git or disk. */
interface ReadSide {
  side: RoundSide;
  sha?: string;
  snapshot: Snapshot;
}

/** One side before reading: its commit (none for the working tree) and its policy file paths. */
interface SideSource {
  side: RoundSide;
  sha?: string;
  paths: string[];
}

/**
 * Reads both sides of a revision round and diffs them. `from` defaults to the newest `vedtaget/*` tag
 * reachable from `to`; `to` defaults to the working tree.
 */
export async function buildRound(request: RoundRequest): Promise<Round> {
  const statement = ruleOptions(individuelVurdering, requireConfig(request.config, request.cwd));
  const repository = await PolicyRepository.open(request.cwd);
  const toSource = request.to !== undefined ? await commitSource(repository, request.to) : workingTreeSource(repository);
  const fromSource = await commitSource(repository, request.from ?? (await defaultFrom(repository, toSource.sha)));
  const area = selectArea([...toSource.paths, ...fromSource.paths], request.omraade);
  // Read only the chosen area (and the register): a shared repository may hold thousands of other measures.
  // One after the other, so that files the round did not touch are parsed once and shared by both sides.
  const known: BlobDocuments = new Map();
  const wanted =
    request.reads === 'touched' ? touchedFilter(area, await repository.changedFiles(fromSource.sha, toSource.sha, POLICY_FOLDER)) : areaFilter(area);
  const from = await read(repository, fromSource, wanted, known);
  const to = await read(repository, toSource, wanted, known);
  const [before, after] = [areaSnapshot(from.snapshot, area), areaSnapshot(to.snapshot, area)];
  const renames = from.sha ? await repository.renames(from.sha, to.sha, POLICY_FOLDER) : new Map<string, string>();
  const { changedBy, proposal } = await changedByOf(repository, fromSource.sha, toSource.sha, area);
  const register = registerData(after.register) ?? registerData(before.register);
  const frame = frameData(after.frame ?? before.frame);
  return {
    kommune: frame?.kommune ?? '',
    omraade: frame?.omraade ?? areaNameOf(area),
    from: withFrameFacts(from.side, before),
    to: withFrameFacts(to.sha ? to.side : { ...to.side, ...proposal }, after),
    changelog: { from: from.side.label, to: to.side.label, changes: classifyChanges(diffSnapshots(before, after, renames), register, statement) },
    before: serviceLevelOf(before),
    after: serviceLevelOf(after),
    deviations: newDeviations(before, after),
    changedBy,
  };
}

/** The whole service level of an area at a ref, or in the working tree, for `render`. */
export async function readServiceLevel(request: {
  cwd: string;
  ref?: string;
  omraade?: string;
}): Promise<{ level: ServiceLevel; side: RoundSide; kommune: string; omraade: string }> {
  const repository = await PolicyRepository.open(request.cwd);
  const source = request.ref !== undefined ? await commitSource(repository, request.ref) : workingTreeSource(repository);
  const selected = selectArea(source.paths, request.omraade);
  const side = await read(repository, source, areaFilter(selected));
  const area = areaSnapshot(side.snapshot, selected);
  const frame = frameData(area.frame);
  return { level: serviceLevelOf(area), side: withFrameFacts(side.side, area), kommune: frame?.kommune ?? '', omraade: frame?.omraade ?? area.area };
}

/** The area's files the round changed, and its frame, role plan and register, which every changelog shows or reads. */
function touchedFilter(area: string, changed: readonly string[]): PathFilter {
  const touched = new Set(changed);
  const inArea = areaFilter(area);
  return (path) => inArea(path) && (touched.has(path) || documentKindOf(path) !== 'foranstaltning');
}

async function defaultFrom(repository: PolicyRepository, toSha: string | undefined): Promise<string> {
  const head = toSha ?? (await repository.resolveCommit('HEAD'));
  const tag = await repository.newestAdoptedTag(head);
  if (tag) return tag;
  const hint = (await repository.isShallow())
    ? 'Repositoriet er en overfladisk klon uden tags. Hent historik og tags med »git fetch --unshallow --tags« (i GitHub Actions: fetch-depth: 0).'
    : 'Angiv --from, eller mærk den vedtagne version med et tag, fx »git tag vedtaget/2025-02-11 <commit>«.';
  throw new UsageError('Der er ingen vedtagne versioner (tags »vedtaget/ÅÅÅÅ-MM-DD«) at sammenligne med', hint);
}

async function commitSource(repository: PolicyRepository, ref: string): Promise<SideSource & { sha: string }> {
  const sha = await repository.resolveCommit(ref);
  const [paths, info] = await Promise.all([pathsAt(repository, sha), repository.commitInfo(sha)]);
  return { sha, paths, side: { label: ref, commit: sha, ...(info.date ? { date: info.date } : {}), ...(info.author ? { author: info.author } : {}) } };
}

function workingTreeSource(repository: PolicyRepository): SideSource {
  return { paths: pathsOfWorkingTree(repository.root), side: { label: WORKING_TREE_LABEL } };
}

async function read(repository: PolicyRepository, source: SideSource, wanted: PathFilter, known?: BlobDocuments): Promise<ReadSide> {
  const snapshot = source.sha ? await snapshotAt(repository, source.sha, wanted, known) : snapshotOfWorkingTree(repository.root, wanted);
  return { side: source.side, snapshot, ...(source.sha ? { sha: source.sha } : {}) };
}

function withFrameFacts(side: RoundSide, area: AreaSnapshot): RoundSide {
  const frame = frameData(area.frame);
  return { ...side, ...(frame?.version ? { version: frame.version } : {}), ...(frame?.gyldig_fra ? { gyldigFra: frame.gyldig_fra } : {}) };
}

/** The service level as values: the frame, the measures sorted by kategori then titel, the role plan and the register. */
export function serviceLevelOf(area: AreaSnapshot): ServiceLevel {
  const measures = [...area.measures.values()].flatMap((document) => measureData(document) ?? []);
  measures.sort((a, b) => (a.kategori ?? '').localeCompare(b.kategori ?? '', 'da') || (a.titel ?? '').localeCompare(b.titel ?? '', 'da'));
  return {
    ...optional('frame', frameData(area.frame)),
    measures,
    ...optional('rolePlan', rolePlanData(area.rolePlan)),
    ...optional('register', registerData(area.register)),
  };
}

/** Suppressions at the `to` side that the `from` side did not have: the round's accepted deviations. */
function newDeviations(before: AreaSnapshot, after: AreaSnapshot): AcceptedDeviation[] {
  const collect = (area: AreaSnapshot): Suppression[] =>
    [area.frame, area.rolePlan, ...area.measures.values()].flatMap((document) => (document ? readSuppressions(document, RULE_IDS).suppressions : []));
  const known = new Set(collect(before).map((suppression) => `${suppression.file}\u0000${suppression.rules.join(',')}\u0000${suppression.reason}`));
  return collect(after)
    .filter((suppression) => !known.has(`${suppression.file}\u0000${suppression.rules.join(',')}\u0000${suppression.reason}`))
    .map((suppression) => ({ file: suppression.file, line: suppression.targetLine, rules: suppression.rules, reason: suppression.reason }));
}

/** `{ [key]: value }` when there is a value, else nothing: for optional members under exactOptionalPropertyTypes. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}
