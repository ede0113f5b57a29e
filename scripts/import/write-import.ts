import { lstatSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { createAtomically } from '../commands/temporary-file.js';
import { UsageError } from '../errors.js';
import { linkedAncestorOf } from '../load/discover-files.js';
import type { PlannedFile } from './compose.js';

/** The files already there that an import would write over: the planned path, or the same document in the other format (.md/.json). */
export function existingTargets(cwd: string, files: readonly PlannedFile[]): string[] {
  const existing: string[] = [];
  for (const file of files) {
    const stem = file.path.slice(0, -posix.extname(file.path).length);
    for (const candidate of [`${stem}.md`, `${stem}.json`]) if (exists(resolve(cwd, candidate))) existing.push(candidate);
  }
  return existing;
}

/**
 * Writes all the files or none: refuses when any target exists (or lies behind a symbolic link), creates each
 * atomically and never over another file, and removes what it wrote if a later file cannot be created.
 */
export function writeImport(cwd: string, files: readonly PlannedFile[]): void {
  refuseExisting(cwd, files);
  for (const file of files) {
    const linked = linkedAncestorOf(resolve(cwd, file.path), cwd);
    if (linked)
      throw new UsageError(
        `Importen skriver ikke gennem det symbolske link »${linked}«`,
        'Vælg et andet --omraade, eller erstat linket med en almindelig mappe.',
      );
  }
  const written: string[] = [];
  try {
    for (const file of files) {
      const target = resolve(cwd, file.path);
      mkdirSync(dirname(target), { recursive: true });
      createAtomically(target, file.content);
      written.push(target);
    }
  } catch (cause) {
    for (const target of written) rmSync(target, { force: true });
    if (cause instanceof UsageError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'EEXIST'
        ? 'En af filerne blev oprettet af en anden under importen; intet er skrevet'
        : `Filerne kunne ikke skrives (${code ?? 'ukendt fejl'}); intet er skrevet`,
      'Tjek, at du har skriveadgang til policies/, og prøv igen.',
      { cause },
    );
  }
}

/** Stops before anything is written when a target exists: the import never overwrites. */
export function refuseExisting(cwd: string, files: readonly PlannedFile[]): void {
  const existing = existingTargets(cwd, files);
  if (existing.length === 0) return;
  const shown = existing.slice(0, 5).join(', ') + (existing.length > 5 ? ` og ${existing.length - 5} til` : '');
  throw new UsageError(
    `${existing.length === 1 ? 'Filen findes' : 'Filerne findes'} allerede: ${shown}; intet er skrevet`,
    'Importen overskriver aldrig. Vælg et andet område med --omraade, eller flyt de eksisterende filer væk først.',
  );
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
