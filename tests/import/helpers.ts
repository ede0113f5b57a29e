import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runImport, type ImportOptions } from '../../scripts/commands/import.js';
import { makeTree } from '../helpers.js';

export interface ImportedRun {
  root: string;
  report: {
    omraade: string;
    dryRun: boolean;
    filer: { sti: string; art: string; skrevet: boolean }[];
    foranstaltninger: { id: string; titel: string; sti: string; felter: string[]; mangler: string[]; ikkePlaceret: { tekst: string; placering: string }[] }[];
    ikkePlaceret: { tekst: string; placering: string }[];
    ikkeImporteret: { art: string; antal: number; placering: string }[];
    fund: { file: string; rule: string; severity: string; message: string }[];
  };
  /** A written file's text. */
  file: (path: string) => string;
}

/** Imports a .docx into a fresh temporary repository (in process) and returns the JSON report and the written files. */
export async function importInto(bytes: Buffer, options: Partial<ImportOptions> = {}, files: Record<string, string> = {}): Promise<ImportedRun> {
  const root = makeTree(files);
  writeFileSync(join(root, 'kilde.docx'), bytes);
  const outcome = await runImport({ file: 'kilde.docx', cwd: root, dryRun: false, acceptChanges: false, format: 'json', omraade: 'test', ...options });
  return { root, report: JSON.parse(outcome.stdout) as ImportedRun['report'], file: (path) => readFileSync(join(root, path), 'utf8') };
}

/** The `## Heading` sections of a Markdown policy file, by heading, each trimmed. */
export function sectionsOf(markdown: string): Record<string, string> {
  const sections: Record<string, string> = {};
  const parts = markdown.split(/^## (.+)$/m);
  for (let index = 1; index < parts.length; index += 2) sections[parts[index]!] = parts[index + 1]!.trim();
  return sections;
}

/** Every file under a folder, relative, sorted (an empty list when it does not exist). */
export function filesUnder(root: string, folder = 'policies'): string[] {
  const start = join(root, folder);
  if (!existsSync(start)) return [];
  return readdirSync(start, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}
