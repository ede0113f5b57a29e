import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocuments } from '../scripts/check/check-documents.js';
import { defaultConfig, type ResolvedConfig } from '../scripts/config/load-config.js';
import { documentKindOf } from '../scripts/layout.js';
import { loadDocument, type LoadedFile } from '../scripts/load/load-document.js';
import type { DocumentKind, PolicyDocument } from '../scripts/model/document.js';
import type { Finding } from '../scripts/model/finding.js';
import { validateDocument } from '../scripts/validate/validate-document.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BINARY = join(REPO_ROOT, 'bin', 'serviceniveau.js');

/** Loads a document from inline text, as if it were the file `file`. */
export function loadText(file: string, kind: DocumentKind, text: string | Uint8Array): LoadedFile {
  return loadDocument(file, kind, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
}

/** Loads and validates inline text; every finding, load and schema alike. */
export function checkText(file: string, kind: DocumentKind, text: string): Finding[] {
  const loaded = loadText(file, kind, text);
  const findings = [...loaded.findings];
  if (loaded.document && !loaded.broken) findings.push(...validateDocument(loaded.document));
  return findings;
}

/**
 * Runs the check core on inline files, as `check` would on them, with `context` files read by the rules but not
 * reported (the register, the frame); every path must name a policy document. Nothing touches the disk.
 */
export function checkFiles(
  files: Record<string, string | Uint8Array>,
  context: Record<string, string | Uint8Array> = {},
  config: ResolvedConfig = defaultConfig(),
): Finding[] {
  const load = (path: string, text: string | Uint8Array): LoadedFile => {
    const kind = documentKindOf(path);
    if (!kind) throw new Error(`not a policy document: ${path}`);
    return loadText(path, kind, text);
  };
  const loaded = Object.entries(files).map(([path, text]) => load(path, text));
  const contextDocuments = Object.entries(context).flatMap(([path, text]) => load(path, text).document ?? []);
  return checkDocuments(loaded, contextDocuments, config).findings;
}

/** The loaded document, failing the test if the text could not be read. */
export function documentOf(file: string, kind: DocumentKind, text: string): PolicyDocument {
  const loaded = loadText(file, kind, text);
  if (!loaded.document) throw new Error(`could not load ${file}: ${JSON.stringify(loaded.findings)}`);
  return loaded.document;
}

/** A temporary folder holding the given files (paths relative to it). */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'serviceniveau-test-'));
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

/** Runs the real `serviceniveau` binary in a folder. */
export function runCli(args: readonly string[], cwd: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [BINARY, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** A realistic measure in Markdown; `replace` swaps parts of it to break it on purpose. */
export function measureMarkdown(options: { id?: string; frontmatter?: string; sections?: Partial<Record<string, string | null>> } = {}): string {
  const id = options.id ?? 'praktisk-paedagogisk-stoette';
  const sections: Record<string, string | null> = {
    Formål: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen, så barnet kan blive boende hjemme.',
    Indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner, måltider og sengetider.',
    'Målgruppe og tildelingskriterier':
      'Familier med børn 0-17 år, hvor forældrene har brug for støtte til den daglige omsorg. Der foretages altid en konkret og individuel vurdering af barnets behov.',
    'Omfang og varighed': 'Som udgangspunkt 3-5 timer om ugen i op til 6 måneder med opfølgning efter 3 måneder.',
    Tildeling: 'Sagsbehandleren i Familieafdelingen træffer afgørelse efter en børnefaglig undersøgelse.',
    'Levering af ydelsen': 'Ydelsen leveres af kommunens eget familiehus eller af en godkendt privat leverandør.',
    'Kvalitetskrav til leverandør': 'Leverandøren sender en statusrapport hver 3. måned og deltager i opfølgningsmøder.',
    Lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
    ...options.sections,
  };
  const frontmatter =
    options.frontmatter ?? `id: ${id}\ntitel: Praktisk pædagogisk støtte i hjemmet\nkategori: Støttende indsatser\nalder:\n  fra: 0\n  til: 17`;
  const body = Object.entries(sections)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([heading, text]) => `## ${heading}\n\n${text}\n`)
    .join('\n');
  return `---\n${frontmatter}\n---\n\n${body}`;
}

/** The 1-based line on which `needle` first appears in `text`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return text.slice(0, index).split('\n').length;
}

/** Runs the real binary without blocking the event loop (for tests that serve HTTP in this process). */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ stdout, stderr, status }));
  });
}

/** The text of a frame (serviceniveau.md), in force from `gyldigFra`; sections can be replaced. */
export function frameText(
  version = '2025.1',
  gyldigFra = '2025-03-01',
  sections: Partial<Record<'forord' | 'principper' | 'maalgruppe', string>> = {},
): string {
  return [
    '---',
    'kommune: Eksempel Kommune',
    'omraade: Børn og unge med særlige behov',
    'status: udkast',
    `version: "${version}"`,
    `gyldig_fra: ${gyldigFra}`,
    'underskriver:',
    '  navn: Lene Holm',
    '  titel: Borgmester',
    '---',
    '',
    '## Forord',
    '',
    sections.forord ?? 'Jeg er glad for at kunne præsentere vores serviceniveau.',
    '',
    '## Principper',
    '',
    sections.principper ?? '- Tidlig indsats.',
    '',
    '## Målgruppe',
    '',
    sections.maalgruppe ?? 'Børn og unge 0-18 år. Der foretages altid en konkret og individuel vurdering af barnets behov.',
    '',
  ].join('\n');
}
