import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { POLICY_FOLDER } from '../revision/snapshot.js';

/**
 * Writes a generated document to `--out`, atomically (a temporary file renamed into place), and
 * never into policies/: the tools do not write policy files.
 */
export function writeOutput(cwd: string, out: string, content: string | Uint8Array): string {
  const target = resolve(cwd, out);
  const inside = relative(resolve(cwd, POLICY_FOLDER), target);
  if (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== '' && !/^[a-zA-Z]:/.test(inside)) {
    throw new UsageError(`»${out}« ligger i ${POLICY_FOLDER}/, og dér skriver værktøjet aldrig`, 'Vælg en fil uden for policies/, fx --out aendringer.html.');
  }
  if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`»${out}« er en mappe`, 'Angiv et filnavn, fx --out aendringer.html.');
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, target);
  return target;
}
