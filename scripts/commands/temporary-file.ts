import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// A file is written whole or not at all: into a temporary file beside it, then renamed (or linked) into place.
// The temporary file has an unguessable name and is created exclusively, so no planted file or link can be
// written through; one a killed run left behind is removed by the next write to the same target.

const MARK = 'serviceniveau';
/** A temporary file of this tool: »<target>.serviceniveau-<pid>-<12 hex>.tmp«. */
const TEMPORARY = new RegExp(`^(.+)\\.${MARK}-(\\d+)-[0-9a-f]{12}\\.tmp$`);

function temporaryName(target: string): string {
  return join(dirname(target), `${basename(target)}.${MARK}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `content` to a new temporary file beside `target` (exclusive create, so never through a link) and returns its path. */
function writeTemporary(target: string, content: string | Uint8Array, clean = true): string {
  if (clean) removeStaleTemporaries(target);
  const temporary = temporaryName(target);
  try {
    writeFileSync(temporary, content, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return temporary;
}

/** Replaces (or creates) `target` atomically. */
export function replaceAtomically(target: string, content: string | Uint8Array): void {
  replaceOne(target, content, true);
}

/**
 * Replaces (or creates) each target atomically, as replaceAtomically does one. Each folder is listed once for what
 * killed runs left behind, not once per file: a folder of 5,000 pages was otherwise read 5,000 times.
 */
export function replaceAllAtomically(files: readonly (readonly [target: string, content: string | Uint8Array])[]): void {
  const byFolder = new Map<string, Set<string>>();
  for (const [target] of files) byFolder.set(dirname(target), (byFolder.get(dirname(target)) ?? new Set()).add(basename(target)));
  for (const [folder, names] of byFolder) removeStaleTemporariesIn(folder, names);
  for (const [target, content] of files) replaceOne(target, content, false);
}

function replaceOne(target: string, content: string | Uint8Array, clean: boolean): void {
  const temporary = writeTemporary(target, content, clean);
  try {
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Creates `target`, which must not exist, atomically: linking fails if something is already there. */
export function createAtomically(target: string, content: string | Uint8Array): void {
  const temporary = writeTemporary(target, content);
  try {
    linkSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Removes this tool's temporary files for `target` whose process is gone: what a kill -9 leaves behind. */
export function removeStaleTemporaries(target: string): void {
  removeStaleTemporariesIn(dirname(target), new Set([basename(target)]));
}

/** Removes, in one listing of `folder`, this tool's temporary files for the targets named whose process is gone. */
function removeStaleTemporariesIn(folder: string, targets: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const parts = TEMPORARY.exec(name);
    if (!parts || !targets.has(parts[1]!)) continue;
    const pid = parts[2];
    const path = join(folder, name);
    if (isRunning(Number(pid))) continue;
    try {
      if (lstatSync(path).isFile()) rmSync(path);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
