import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { documentKindOf, POLICY_FOLDER } from '../layout.js';
import { replaceAllAtomically, replaceAtomically } from './temporary-file.js';

/** Where a path really points: its nearest existing folder resolved through symlinks, so a link cannot lead into policies/. */
function realTarget(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const real = realpathSync(existing);
  return existing === path ? real : join(real, relative(existing, path));
}

/** Folders whose files only people write: the policies and the schemas. */
const PROTECTED_FOLDERS = [POLICY_FOLDER, 'schemas'];

/** `--out -` and `--out /dev/stdout` mean the standard output, written as a stream, never replaced by a renamed file. */
export function isStandardOutput(out: string): boolean {
  return out === '-' || ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'].includes(out);
}

/**
 * The folders a generated document may never go into: policies/ and schemas/ of the repository (the nearest folder
 * up from `cwd` with .git), and of `cwd` itself — so running from policies/<område>/ protects them too.
 */
function protectedFolders(cwd: string): { name: string; path: string }[] {
  const roots = new Set([resolve(cwd)]);
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) {
      roots.add(folder);
      break;
    }
    if (dirname(folder) === folder) break;
  }
  return [...roots].flatMap((root) => PROTECTED_FOLDERS.map((name) => ({ name, path: realTarget(join(root, name)) })));
}

/**
 * Where `out` really points, or a usage error when that is inside policies/ or schemas/ (or is one of them): a
 * file or a whole output folder such as the website's is checked the same way, before anything is written.
 */
export function refuseProtectedTarget(cwd: string, out: string, example = '--out aendringer.html'): string {
  const target = realTarget(resolve(cwd, out));
  for (const { name, path } of protectedFolders(cwd)) {
    const inside = relative(path, target);
    if (inside === '' || (!inside.startsWith('..') && !inside.startsWith(sep) && !/^[a-zA-Z]:/.test(inside))) {
      throw new UsageError(`»${out}« ligger i ${name}/, og dér skriver værktøjet aldrig`, `Vælg en placering uden for policies/ og schemas/, fx ${example}.`);
    }
  }
  return target;
}

/**
 * Writes a generated document to `--out`, atomically (a temporary file renamed into place, so an interrupted
 * write leaves any old file whole). It only ever replaces a regular file or creates a new one: never a device,
 * a named pipe, a socket or a folder, never into policies/ or schemas/, never over a file named like a policy
 * document.
 */
export function writeOutput(cwd: string, out: string, content: string | Uint8Array): string {
  const target = writableTarget(cwd, out);
  replaceAtomically(target, content);
  return target;
}

/** Writes several files as writeOutput writes one, each checked before the first is written; returns the paths written. */
export function writeOutputs(cwd: string, files: readonly (readonly [out: string, content: string | Uint8Array])[]): string[] {
  const targets = files.map(([out, content]) => [writableTarget(cwd, out), content] as const);
  replaceAllAtomically(targets);
  return targets.map(([target]) => target);
}

/** The resolved path `out` may be written at (its folder made), or a usage error: a policy file, a folder, a device. */
function writableTarget(cwd: string, out: string): string {
  const target = refuseProtectedTarget(cwd, out);
  if (documentKindOf(target))
    throw new UsageError(`»${out}« har navn som et politikdokument, og det overskriver værktøjet aldrig`, 'Vælg et andet filnavn, fx --out aendringer.html.');
  const existing = existsSync(target) ? statSync(target) : undefined;
  if (existing?.isDirectory()) throw new UsageError(`»${out}« er en mappe`, 'Angiv et filnavn, fx --out aendringer.html.');
  if (existing && !existing.isFile())
    throw new UsageError(
      `»${out}« er ikke en almindelig fil, men en enhed, en navngiven pipe eller en socket, og den erstatter værktøjet ikke`,
      'Skriv til en almindelig fil, fx --out aendringer.html, eller til standardudgangen med --out - (eller uden --out).',
    );
  mkdirSync(dirname(target), { recursive: true });
  return target;
}

/**
 * Refuses output options that cannot be met before anything is read: several formats without `--out-dir`, Word
 * to the terminal, or both `--out` and `--out-dir`. `stem` names the example file in the hints (aendringer, serviceniveau).
 */
export function checkOutputTargets(formats: readonly string[], targets: { out?: string | undefined; outDir?: string | undefined }, stem: string): void {
  if (targets.outDir !== undefined) {
    if (targets.out !== undefined)
      throw new UsageError('Brug enten --out eller --out-dir', '--out skriver ét format til én fil, --out-dir alle formaterne til en mappe.');
    return;
  }
  if (formats.length > 1)
    throw new UsageError('Flere formater skal skrives til en mappe', `Tilføj --out-dir, fx --format ${formats.join(',')} --out-dir udvalg.`);
  if (formats[0] === 'docx' && !targets.out) throw new UsageError('Et Word-dokument skal skrives til en fil', `Tilføj --out, fx --out ${stem}.docx.`);
}
