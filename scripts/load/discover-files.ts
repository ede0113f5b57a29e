import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { DocumentKind } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { UsageError } from '../errors.js';
import { documentKindOf, isPolicyExtension, LAYOUT_HINT } from '../layout.js';
import { specialFileKind } from './read-bounded.js';

/** A policy file found on disk. */
export interface FoundFile {
  absolute: string;
  /** Relative to the working directory, with forward slashes: the name users see. */
  file: string;
  kind: DocumentKind;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage']);
/** Spreadsheet and CSV files: what a case system's export of allocations comes as. */
const DATA_FILE_EXTENSIONS = new Set(['.csv', '.xlsx', '.xls', '.ods']);

/** Finds the policy documents under the given paths (files or folders), sorted and without duplicates. */
export function discoverFiles(paths: readonly string[], cwd: string): { files: FoundFile[]; findings: Finding[] } {
  const files = new Map<string, FoundFile>();
  const findings: Finding[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const stats = statOrUndefined(absolute);
    if (!stats)
      throw new UsageError(`Stien »${path}« findes ikke`, 'Angiv en fil eller mappe under policies/, eller kør uden stier for at kontrollere hele policies/.');
    const linkedFolder = linkedAncestorOf(absolute, cwd);
    if (!stats.isDirectory() && isDataFile(absolute)) findings.push(dataFileFinding(absolute, cwd));
    else if (linkedFolder) findings.push(linkedFolderFinding(linkedFolder, cwd));
    else if (stats.isSymbolicLink()) {
      findings.push(isFolderLink(absolute) ? linkedFolderFinding(absolute, cwd) : symlinkFinding(absolute, cwd, 'Angiv selve filen i stedet for et link'));
    } else if (stats.isDirectory()) walk(absolute, cwd, files, findings);
    else if (!stats.isFile()) findings.push(specialFileFinding(absolute, cwd, stats));
    else addFile(absolute, cwd, files, findings, { explicit: true });
  }
  return { files: [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), findings: withoutRepeats(findings) };
}

function walk(folder: string, cwd: string, files: Map<string, FoundFile>, findings: Finding[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = join(folder, entry.name);
    if (isDataFile(absolute)) {
      findings.push(dataFileFinding(absolute, cwd));
      continue;
    }
    if (entry.isSymbolicLink()) {
      if (isFolderLink(absolute)) findings.push(linkedFolderFinding(absolute, cwd));
      else if (documentKindOf(absolute) || isPolicyExtension(extname(entry.name))) {
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
    } else if (documentKindOf(absolute) || isPolicyExtension(extname(entry.name))) {
      const stats = statOrUndefined(absolute);
      if (stats) findings.push(specialFileFinding(absolute, cwd, stats));
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

/**
 * A symbolic link is never followed: it could lead outside the repository. An error, like a linked folder: the
 * document behind it is not checked, so the check must not be green.
 */
function symlinkFinding(absolute: string, cwd: string, instead: string): Finding {
  return fileFinding(absolute, cwd, 'error', 'Filen er et symbolsk link og bliver ikke læst', `${instead}; links kan pege uden for repositoriet.`);
}

/**
 * A linked folder is never followed either, and hides every document in it: an error, so the check is not green
 * while none of them was read.
 */
function linkedFolderFinding(absolute: string, cwd: string): Finding {
  return fileFinding(
    absolute,
    cwd,
    'error',
    'Mappen er et symbolsk link, og intet i den bliver læst',
    'Læg selve mappen med dens dokumenter i repositoriet i stedet for et link; links kan pege uden for repositoriet.',
  );
}

/** A FIFO, device or socket with a document's name: reading it could hang or never end, so it is not opened. */
function specialFileFinding(absolute: string, cwd: string, stats: Stats): Finding {
  return fileFinding(
    absolute,
    cwd,
    'error',
    `Filen er ${specialFileKind(stats)}, ikke en almindelig fil, og bliver ikke læst`,
    'Læg dokumentet som en almindelig fil.',
  );
}

/** Whether a file's name says it is a spreadsheet or a CSV file, whatever case its extension is written in. */
function isDataFile(absolute: string): boolean {
  return DATA_FILE_EXTENSIONS.has(extname(absolute).toLowerCase());
}

/**
 * A spreadsheet or CSV file among the policies is most likely an export of allocations: personal data, which must
 * never be committed. Reported under `personoplysninger` but as a load finding, so no config or suppression silences it.
 */
function dataFileFinding(absolute: string, cwd: string): Finding {
  return {
    ...fileFinding(
      absolute,
      cwd,
      'error',
      'Et regneark eller en CSV-fil ligger i repositoriet — et udtræk af bevillinger er personoplysninger og må aldrig ligge her',
      'Slet filen, og få den også fjernet fra git-historikken, hvis den er committet. Læg udtræk fra sagssystemet uden for repositoriet, fx på et drev med adgangsstyring, og læs dem derfra.',
    ),
    rule: 'personoplysninger',
  };
}

/** Whether a symbolic link leads to a folder (a dangling link leads nowhere). */
function isFolderLink(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The first symbolically linked folder on the way to a path, below the folder it shares with `cwd`: a file
 * »policies/a/foranstaltninger/x.md« behind a linked »foranstaltninger« lies outside the repository.
 */
export function linkedAncestorOf(absolute: string, cwd: string): string | undefined {
  const parts = absolute.split(sep);
  const base = cwd.split(sep);
  let shared = 0;
  while (shared < parts.length - 1 && shared < base.length && parts[shared] === base[shared]) shared++;
  for (let end = Math.max(shared + 1, 2); end < parts.length; end++) {
    const folder = parts.slice(0, end).join(sep);
    if (statOrUndefined(folder)?.isSymbolicLink()) return folder;
  }
  return undefined;
}

function withoutRepeats(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
