import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, runCli } from '../helpers.js';
import { FIELD_KEYS, type ExpectedRolePlan, type FieldKey } from './fixtures/expected.js';

// Reading what `serviceniveau import` wrote, from the outside: the files as Markdown (frontmatter with `yaml`,
// sections split at `## `), the report as the contract's JSON. Nothing here uses the importer's own code.

/** The report of `import --format json`, as the contract describes it. */
export interface ImportReport {
  kilde: string;
  omraade: string;
  dryRun: boolean;
  filer: { sti: string; art: 'serviceniveau' | 'rolleplan' | 'foranstaltning'; skrevet: boolean }[];
  foranstaltninger: {
    id: string;
    titel: string;
    sti: string;
    felter: string[];
    mangler: string[];
    ikkePlaceret: { tekst: string; placering: string }[];
  }[];
  ikkePlaceret: { tekst: string; placering: string }[];
  ikkeImporteret: { art: 'billede' | 'kommentar'; antal: number; placering: string }[];
  /** check's findings, the objects `check --format json` prints. */
  fund: { rule: string; severity: string; message: string; file: string; line: number; column: number }[];
}

interface SchemaField {
  'x-overskrift': string;
  'x-vejledning': string;
}

const MEASURE_SCHEMA = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/foranstaltning.schema.json'), 'utf8')) as {
  properties: Record<string, SchemaField>;
};
const FRAME_SCHEMA = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/serviceniveau.schema.json'), 'utf8')) as {
  properties: Record<string, SchemaField>;
};

/** The heading of a measure field, as the schema names it (`x-overskrift`). */
export function headingOf(key: FieldKey): string {
  return MEASURE_SCHEMA.properties[key]!['x-overskrift'];
}

/** The placeholder a missing field gets: the schema's guidance in brackets, as `new foranstaltning` writes it. */
export function placeholderOf(key: FieldKey): string {
  return `[${MEASURE_SCHEMA.properties[key]!['x-vejledning']}]`;
}

/** The heading of a frame section (forord, principper, maalgruppe). */
export function frameHeadingOf(key: 'forord' | 'principper' | 'maalgruppe'): string {
  return FRAME_SCHEMA.properties[key]!['x-overskrift'];
}

/** The heading of the section that keeps a measure's unplaced text. */
export const UNPLACED_HEADING = 'Ikke placeret tekst fra importen';

/** The schema's headings in schema order. */
export const FIELD_HEADINGS = FIELD_KEYS.map(headingOf);

/**
 * Markdown compared as the reader sees it: whitespace collapsed, no-break spaces as spaces, and the spellings
 * Markdown treats alike made one (`*`/`+` bullets as `-`, `1)` or any item number as `1.`, `__`/`_` as `**`/`*`).
 */
export function normaliseMarkdown(text: string): string {
  return text
    .replace(/\u00A0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^(\s*)[*+](\s+)/, '$1-$2').replace(/^(\s*)\d+[.)](\s+)/, '$11.$2'))
    .join('\n')
    .replace(/__(?=\S)([^_]+?)__/g, '**$1**')
    .replace(/(^|[^\w*])_(?=\S)([^_]+?)_(?![\w])/g, '$1*$2*')
    .replace(/\[\^[^\]\s]+\]/g, '[^]')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Markdown policy file: its frontmatter, its `## ` sections in order, and its footnote definitions apart. */
export interface MarkdownFile {
  frontmatter: Record<string, unknown>;
  headings: string[];
  sections: Record<string, string>;
  footnotes: string[];
  text: string;
}

/** Reads a policy file as Markdown; footnote definitions (`[^x]: …`, wherever they stand) are taken out of the sections. */
export function readMarkdownFile(path: string): MarkdownFile {
  const text = readFileSync(path, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new Error(`${path} has no frontmatter:\n${text.slice(0, 300)}`);
  const frontmatter = (parseYaml(match[1]!) ?? {}) as Record<string, unknown>;
  const footnotes: string[] = [];
  const bodyLines: string[] = [];
  let inFootnote = false;
  for (const line of text.slice(match[0].length).split('\n')) {
    const definition = /^\[\^[^\]]+\]:\s?(.*)$/.exec(line);
    if (definition) {
      footnotes.push(definition[1]!);
      inFootnote = true;
    } else if (inFootnote && /^( {2,}|\t)\S/.test(line)) {
      footnotes[footnotes.length - 1] += ` ${line.trim()}`;
    } else {
      inFootnote = false;
      bodyLines.push(line);
    }
  }
  const headings: string[] = [];
  const sections: Record<string, string> = {};
  let current: string | undefined;
  for (const line of bodyLines) {
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) {
      current = heading[1]!;
      headings.push(current);
      sections[current] = '';
    } else if (current !== undefined) {
      sections[current] += `${line}\n`;
    }
  }
  return { frontmatter, headings, sections, footnotes: footnotes.map((note) => normaliseMarkdown(note)), text };
}

/** A role plan file as role → phase → bullet items (`## Rolle`, `### Fase`, `- punkt`). */
export function readRolePlan(path: string): ExpectedRolePlan {
  const plan: ExpectedRolePlan = {};
  let role: string | undefined;
  let phase: string | undefined;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const roleHeading = /^## (.+?)\s*$/.exec(line);
    const phaseHeading = /^### (.+?)\s*$/.exec(line);
    const item = /^\s*[-*+] (.+?)\s*$/.exec(line);
    if (roleHeading) {
      role = roleHeading[1]!;
      plan[role] = {};
      phase = undefined;
    } else if (phaseHeading && role) {
      phase = phaseHeading[1]!;
      plan[role]![phase] = [];
    } else if (item && role && phase) {
      plan[role]![phase]!.push(normaliseMarkdown(item[1]!));
    }
  }
  return plan;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Mette Jensen', '-c', 'user.email=mette@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    },
  );
}

/**
 * A kommune's fresh repository as the other CLI tests make one: a git repository holding only the law register,
 * committed, and the Word file to import beside it (at `kommunens-serviceniveau.docx` unless named).
 */
export function kommuneRepository(docx?: Buffer, name = 'kommunens-serviceniveau.docx'): string {
  const root = mkdtempSync(join(tmpdir(), 'import-'));
  writeFileSync(join(root, 'README.md'), '# Vores serviceniveau\n');
  mkdirSync(join(root, 'policies'));
  writeFileSync(join(root, 'policies/lovregister.json'), readFileSync(join(REPO_ROOT, 'policies/lovregister.json')));
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'Lovregister');
  if (docx) writeFileSync(join(root, name), docx);
  return root;
}

/** The git repository of the example kommune: a copy of this repository's policies/, committed. */
export function exampleRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'import-eksempel-'));
  execFileSync('cp', ['-R', join(REPO_ROOT, 'policies'), join(root, 'policies')]);
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'Vedtaget');
  return root;
}

/** Every file under `root` except .git, as relative paths, sorted. */
export function listFiles(root: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      if (entry.name === '.git') return [];
      const path = join(folder, entry.name);
      return entry.isDirectory() ? walk(path) : [relative(root, path)];
    });
  return walk(root).sort();
}

/** A fingerprint of every file under `root` (path, size, mtime, content hash), to show a run changed nothing. */
export function fingerprint(root: string): string {
  return listFiles(root)
    .map((file) => {
      const absolute = join(root, file);
      return `${file}:${statSync(absolute).mtimeMs}:${createHash('sha256').update(readFileSync(absolute)).digest('hex')}`;
    })
    .join('\n');
}

/** Runs `serviceniveau import` in `cwd`; with `--format json` in `args` the report is parsed (or the test fails with the output). */
export function runImport(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string; report?: ImportReport } {
  const result = runCli(['import', ...args], cwd);
  if (!args.includes('json') || result.status !== 0) return result;
  try {
    return { ...result, report: JSON.parse(result.stdout) as ImportReport };
  } catch {
    throw new Error(`import --format json did not print one JSON object:\n${result.stdout.slice(0, 2000)}\n${result.stderr}`);
  }
}

/** A measure of the example kommune by its schema keys, from its Markdown or JSON file. */
export function readExampleMeasure(path: string): { titel: string; felter: Record<FieldKey, string> } {
  if (path.endsWith('.json')) {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    return { titel: data['titel']!, felter: Object.fromEntries(FIELD_KEYS.map((key) => [key, data[key] ?? ''])) as Record<FieldKey, string> };
  }
  const file = readMarkdownFile(path);
  return {
    titel: String(file.frontmatter['titel']),
    felter: Object.fromEntries(FIELD_KEYS.map((key) => [key, file.sections[headingOf(key)] ?? ''])) as Record<FieldKey, string>,
  };
}

/** Whether `path` exists under `root`. */
export function existsIn(root: string, path: string): boolean {
  return existsSync(join(root, path));
}

/** A stack trace line, which a Danish error message must never show. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
