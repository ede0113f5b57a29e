import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { documentKindOf, POLICY_FOLDER } from '../layout.js';

/** Where a path really points: its nearest existing folder resolved through symlinks, so a link cannot lead into policies/. */
function realTarget(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const real = realpathSync(existing);
  return existing === path ? real : join(real, relative(existing, path));
}

/** Folders whose files only people write: the policies and the schemas. */
const PROTECTED_FOLDERS = [POLICY_FOLDER, 'schemas'];

/**
 * Writes a generated document to `--out`, atomically (a temporary file renamed into place, so an
 * interrupted write leaves any old file whole), and never into policies/ or schemas/ or over a file
 * named like a policy document.
 */
export function writeOutput(cwd: string, out: string, content: string | Uint8Array): string {
  const target = realTarget(resolve(cwd, out));
  for (const protectedFolder of PROTECTED_FOLDERS) {
    const inside = relative(realTarget(resolve(cwd, protectedFolder)), target);
    if (inside === '' || (!inside.startsWith('..') && !inside.startsWith(sep) && !/^[a-zA-Z]:/.test(inside))) {
      throw new UsageError(
        `»${out}« ligger i ${protectedFolder}/, og dér skriver værktøjet aldrig`,
        'Vælg en fil uden for policies/ og schemas/, fx --out aendringer.html.',
      );
    }
  }
  if (documentKindOf(target))
    throw new UsageError(`»${out}« har navn som et politikdokument, og det overskriver værktøjet aldrig`, 'Vælg et andet filnavn, fx --out aendringer.html.');
  if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`»${out}« er en mappe`, 'Angiv et filnavn, fx --out aendringer.html.');
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
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
