import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join, posix } from 'node:path';
import { UsageError } from '../errors.js';
import type { PolicyRepository } from '../git/repository.js';
import {
  areaFolderOf,
  areaNameOf,
  areaOfPath,
  areaOfRepositoryPath,
  belongsToArea,
  documentKindOf,
  measureIdOf,
  POLICY_FOLDER,
  registerPathOf,
} from '../layout.js';
import { loadDocument } from '../load/load-document.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';
import type { PolicyDocument } from '../model/document.js';

/** The policy documents of one version (a commit or the working tree), by repository path. */
export interface Snapshot {
  documents: PolicyDocument[];
}

/** One area of a snapshot: its frame, role plan, register and measures by id. */
export interface AreaSnapshot {
  area: string;
  frame?: PolicyDocument;
  rolePlan?: PolicyDocument;
  register?: PolicyDocument;
  /** Measure id (the file name) → document. */
  measures: Map<string, PolicyDocument>;
}

/** Which files of a version to read: all of them, or just one area and the register. */
export type PathFilter = (path: string) => boolean;

/** The policy files at a commit (paths only). */
export async function pathsAt(repository: PolicyRepository, sha: string): Promise<string[]> {
  return (await repository.listFiles(sha, POLICY_FOLDER)).map((file) => file.path);
}

/** Documents read from git, by blob id and path: a file unchanged between the two sides of a round is read and parsed once. */
export type BlobDocuments = Map<string, PolicyDocument | undefined>;

/** The policy documents at a commit that pass the filter, read in one batch. Documents that cannot be read are left out. */
export async function snapshotAt(
  repository: PolicyRepository,
  sha: string,
  wanted: PathFilter = () => true,
  known: BlobDocuments = new Map(),
): Promise<Snapshot> {
  const listed = await repository.listFiles(sha, POLICY_FOLDER);
  const link = listed.find((file) => file.link && wanted(file.path));
  if (link) throw linkRefused(link.path, `i versionen ${sha.slice(0, 12)}`);
  const files = listed.filter((file) => wanted(file.path) && documentKindOf(file.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const keyOf = (file: { path: string; oid: string }): string => `${file.oid}\u0000${file.path}`;
  const unread = files.filter((file) => !known.has(keyOf(file)));
  const blobs = await repository.readBlobs(unread.map((file) => file.oid));
  unread.forEach((file, index) => known.set(keyOf(file), loadPolicyDocument(file.path, blobs[index] ?? Buffer.alloc(0))));
  return { documents: files.map((file) => known.get(keyOf(file))).filter((document) => document !== undefined) };
}

/** The policy files on disk now (paths only). */
export function pathsOfWorkingTree(root: string): string[] {
  const paths: string[] = [];
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = posix.join(folder, entry.name);
      if (entry.isSymbolicLink()) throw linkRefused(path, 'i arbejdskopien');
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(path);
      else if (entry.isFile()) paths.push(path);
    }
  };
  if (lstatOrUndefined(join(root, POLICY_FOLDER))?.isSymbolicLink()) throw linkRefused(POLICY_FOLDER, 'i arbejdskopien');
  walk(POLICY_FOLDER);
  return paths;
}

/**
 * A linked file or folder under policies/ stops the document being built: it is never followed (it could lead
 * outside the repository), and leaving it out would hand the committee a service level with a measure missing.
 */
function linkRefused(path: string, where: string): UsageError {
  return new UsageError(
    `»${path}« er et symbolsk link ${where}; dokumentet bygges ikke, for indholdet bag linket bliver ikke læst`,
    'Læg selve filen eller mappen i repositoriet i stedet for linket; »serviceniveau check« viser alle links.',
  );
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The policy documents on disk now that pass the filter. */
export function snapshotOfWorkingTree(root: string, wanted: PathFilter = () => true): Snapshot {
  return {
    documents: loadAll(
      pathsOfWorkingTree(root)
        .filter(wanted)
        .map((path) => ({ path, read: () => readBounded(join(root, path), { display: path, limit: READ_LIMITS.document, refuseLinks: true }) })),
    ),
  };
}

/** Only the files of one area, and the register beside it. */
export function areaFilter(area: string): PathFilter {
  return (path) => belongsToArea(path, area);
}

function loadAll(files: readonly { path: string; read: () => Buffer }[]): PolicyDocument[] {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((file) => (documentKindOf(file.path) ? loadPolicyDocument(file.path, file.read()) : undefined))
    .filter((document) => document !== undefined);
}

/** A policy document (not the config) that loads whole, or undefined. */
function loadPolicyDocument(path: string, bytes: Uint8Array): PolicyDocument | undefined {
  const kind = documentKindOf(path);
  if (!kind || kind === 'config') return undefined;
  const loaded = loadDocument(path, kind, bytes);
  return loaded.document && !loaded.broken ? loaded.document : undefined;
}

/** The areas (policies/<area>/) among some paths, sorted. */
export function areasOfPaths(paths: readonly string[]): string[] {
  const areas = paths.filter((path) => documentKindOf(path)).map(areaOfRepositoryPath);
  return [...new Set(areas.filter((area) => area !== undefined))].sort();
}

/** Picks one area: the one asked for, or the only one there is. */
export function selectArea(paths: readonly string[], wanted: string | undefined): string {
  const areas = areasOfPaths(paths);
  if (wanted !== undefined) {
    const area = areaFolderOf(wanted);
    if (!areas.includes(area)) throw new UsageError(`Området »${wanted}« findes ikke`, `Kendte områder: ${areas.map(areaNameOf).join(', ') || 'ingen'}.`);
    return area;
  }
  const [only, ...others] = areas;
  if (!only)
    throw new UsageError('Der er ingen politikdokumenter under policies/', 'Kør kommandoen i repositoriets rod, og tjek at policies/<område>/ findes.');
  if (others.length > 0) throw new UsageError('Der er flere områder; vælg et med --omraade', `Kendte områder: ${areas.map(areaNameOf).join(', ')}.`);
  return only;
}

/** The documents of one area, with measures keyed by their id (the file name). */
export function areaSnapshot(snapshot: Snapshot, area: string): AreaSnapshot {
  const result: AreaSnapshot = { area, measures: new Map() };
  for (const document of snapshot.documents) {
    if (document.kind === 'lovregister') {
      if (registerPathOf(area) === document.file) result.register ??= document;
      continue;
    }
    if (areaOfPath(document.file, document.kind) !== area) continue;
    if (document.kind === 'serviceniveau') result.frame ??= document;
    else if (document.kind === 'rolleplan') result.rolePlan ??= document;
    else if (document.kind === 'foranstaltning') {
      const id = measureIdOf(document.file);
      if (!result.measures.has(id)) result.measures.set(id, document);
    }
  }
  return result;
}
