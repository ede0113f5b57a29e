import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// A file is written whole or not at all: into a temporary file beside it, then renamed (or linked) into place.
// The temporary file has an unguessable name and is created exclusively, so no planted file or link can be
// written through; one a killed run left behind is removed by the next write to the same target.

const MARK = 'serviceniveau';

function temporaryName(target: string): string {
  return join(dirname(target), `${basename(target)}.${MARK}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `content` to a new temporary file beside `target` (exclusive create, so never through a link) and returns its path. */
function writeTemporary(target: string, content: string | Uint8Array): string {
  removeStaleTemporaries(target);
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
  const temporary = writeTemporary(target, content);
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
  const prefix = `${basename(target)}.${MARK}-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target)).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^(\d+)-[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length))?.[1];
    const path = join(dirname(target), name);
    if (pid === undefined || isRunning(Number(pid))) continue;
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
