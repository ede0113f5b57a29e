import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { DocumentKind } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { UsageError } from '../errors.js';
import { documentKindOf, isPolicyExtension, LAYOUT_HINT } from '../layout.js';

/** A policy file found on disk. */
export interface FoundFile {
  absolute: string;
  /** Relative to the working directory, with forward slashes: the name users see. */
  file: string;
  kind: DocumentKind;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage']);

/** Finds the policy documents under the given paths (files or folders), sorted and without duplicates. */
export function discoverFiles(paths: readonly string[], cwd: string): { files: FoundFile[]; findings: Finding[] } {
  const files = new Map<string, FoundFile>();
  const findings: Finding[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const stats = statOrUndefined(absolute);
    if (!stats)
      throw new UsageError(`Stien »${path}« findes ikke`, 'Angiv en fil eller mappe under policies/, eller kør uden stier for at kontrollere hele policies/.');
    if (stats.isSymbolicLink()) {
      findings.push(symlinkFinding(absolute, cwd, 'Angiv selve filen i stedet for et link'));
    } else if (stats.isDirectory()) walk(absolute, cwd, files, findings);
    else addFile(absolute, cwd, files, findings, { explicit: true });
  }
  return { files: [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), findings };
}

function walk(folder: string, cwd: string, files: Map<string, FoundFile>, findings: Finding[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = join(folder, entry.name);
    if (entry.isSymbolicLink()) {
      if (documentKindOf(absolute) || isPolicyExtension(extname(entry.name))) {
        findings.push(symlinkFinding(absolute, cwd, 'Læg selve filen i mappen i stedet for et link'));
      }
      continue;
    }
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      if (documentKindOf(absolute)) {
        findings.push(
          fileFinding(
            absolute,
            cwd,
            'error',
            `»${entry.name}« er en mappe, men her forventes en fil`,
            'Slet eller omdøb mappen, og læg dokumentet som en fil.',
          ),
        );
        continue;
      }
      walk(absolute, cwd, files, findings);
    } else if (entry.isFile()) {
      addFile(absolute, cwd, files, findings, { explicit: false });
    }
  }
}

function addFile(absolute: string, cwd: string, files: Map<string, FoundFile>, findings: Finding[], { explicit }: { explicit: boolean }): void {
  const kind = documentKindOf(absolute);
  const extension = extname(absolute);
  if (kind === 'config') return; // read by the config loader, not as a policy document
  if (!kind) {
    const isPolicyLike = isPolicyExtension(extension);
    if (explicit || (isPolicyLike && !/^readme\.md$/i.test(absolute.slice(absolute.lastIndexOf(sep) + 1)))) {
      findings.push(fileFinding(absolute, cwd, 'warning', 'Filen er ikke et kendt dokument og bliver ikke kontrolleret', LAYOUT_HINT));
    }
    return;
  }
  files.set(absolute, { absolute, file: displayPath(absolute, cwd), kind });
}

/** A path as users see it: relative to the working directory, with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute) || absolute;
  return path.split(sep).join('/');
}

/** A symbolic link is never followed: it could lead outside the repository. */
function symlinkFinding(absolute: string, cwd: string, instead: string): Finding {
  return fileFinding(absolute, cwd, 'warning', 'Filen er et symbolsk link og bliver ikke læst', `${instead}; links kan pege uden for repositoriet.`);
}

function fileFinding(absolute: string, cwd: string, severity: Finding['severity'], message: string, hint: string): Finding {
  return {
    source: 'load',
    rule: 'schema',
    severity,
    file: displayPath(absolute, cwd),
    start: { line: 1, column: 1 },
    end: { line: 1, column: 1 },
    message,
    hint,
  };
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
