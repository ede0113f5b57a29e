import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { checkDocuments } from '../../check/check-documents.js';
import { defaultConfig, loadConfig } from '../../config/load-config.js';
import { CONFIG_FILE_NAME } from '../../layout.js';
import { loadDocument, type LoadedFile } from '../../load/load-document.js';
import type { DocumentKind, PolicyDocument } from '../../model/document.js';
import type { Finding } from '../../model/finding.js';
import { packageRoot } from '../../package-root.js';
import { anyBytes, anyText, CLI_TREE, CONFIG, FRONTMATTER_KEYS, frontmatterWith, jsonWith, MEASURE_TEXT, SECTION_KEYS } from './arbitraries.js';
import { proseFieldsOf } from '../../text/prose.js';
import { checkOutputTarget, OUTPUT_TARGET } from './output-targets.js';
import { REPORTED_CHARACTERS } from '../../text/invisible.js';
import {
  AREA,
  FRAME_FILE,
  FRAME_MARKDOWN,
  MEASURE_FILE,
  MEASURE_JSON,
  MEASURE_MARKDOWN,
  MEASURE_WITH_FINDINGS_JSON,
  MEASURE_WITH_FINDINGS_MARKDOWN,
  REGISTER_FILE,
  register,
} from './seeds.js';

// The robustness properties: the check core on any input never throws, and every finding lies inside its file.

let contextDocuments: PolicyDocument[] | undefined;

/** The register of the repository and the area's frame: the context every rule run sees. */
export function context(): PolicyDocument[] {
  contextDocuments ??= [loadDocument(REGISTER_FILE, 'lovregister', register()), loadDocument(FRAME_FILE, 'serviceniveau', Buffer.from(FRAME_MARKDOWN))].map(
    (loaded) => {
      if (!loaded.document || loaded.broken) throw new Error(`fuzz: cannot load the context: ${JSON.stringify(loaded.findings)}`);
      return loaded.document;
    },
  );
  return contextDocuments;
}

/** The files of the context by name, for checking positions. */
function contextFiles(): Map<string, Uint8Array> {
  return new Map([
    [REGISTER_FILE, register()],
    [FRAME_FILE, Buffer.from(FRAME_MARKDOWN)],
  ]);
}

/** Everything `check` would say about one file: load, schema, suppressions and every content rule with its default options. */
export function findingsFor(file: string, kind: DocumentKind, bytes: Uint8Array): Finding[] {
  return checkDocuments([loadDocument(file, kind, bytes)], context(), defaultConfig()).findings;
}

/** What is wrong with the findings' positions and fields: empty when each lies inside its file and says something. */
export function findingProblems(findings: readonly Finding[], files: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const lines = new Map<string, string[]>();
  for (const finding of findings) {
    const bytes = files.get(finding.file);
    if (!bytes) {
      problems.push(`a finding for a file that was not checked: ${JSON.stringify(finding)}`);
      continue;
    }
    // The loader's text: UTF-8 with a leading BOM dropped; undecodable bytes as U+FFFD, as its position for them is counted.
    const fileLines = lines.get(finding.file) ?? new TextDecoder('utf-8').decode(bytes).split('\n');
    lines.set(finding.file, fileLines);
    const end = finding.end ?? finding.start;
    for (const [name, position] of [
      ['start', finding.start],
      ['end', end],
    ] as const) {
      const length = fileLines[position.line - 1]?.length;
      if (!Number.isInteger(position.line) || length === undefined)
        problems.push(`${name} line ${position.line} is outside the file's ${fileLines.length} lines: ${JSON.stringify(finding)}`);
      else if (!Number.isInteger(position.column) || position.column < 1 || position.column > length + 1)
        problems.push(`${name} column ${position.column} is outside line ${position.line} (${length} characters): ${JSON.stringify(finding)}`);
    }
    if (end.line < finding.start.line || (end.line === finding.start.line && end.column < finding.start.column))
      problems.push(`the end is before the start: ${JSON.stringify(finding)}`);
    if (typeof finding.message !== 'string' || finding.message.trim() === '') problems.push(`an empty message: ${JSON.stringify(finding)}`);
    if (finding.severity !== 'error' && finding.severity !== 'warning') problems.push(`an unknown severity: ${JSON.stringify(finding)}`);
  }
  return problems;
}

/** Throws with every problem found, so a failing case says what went wrong. */
export function expectNoProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** Runs the whole pipeline on one file and checks every finding's position. */
function checkFile(file: string, kind: DocumentKind, bytes: Uint8Array): void {
  const files = contextFiles();
  files.set(file, bytes);
  expectNoProblems(findingProblems(findingsFor(file, kind, bytes), files));
}

let configFolder: string | undefined;

/** Loads a config as `check --config` does (from a file) and, when it is usable, runs every rule with it on the seed measures. */
function checkConfig(config: unknown): void {
  configFolder ??= mkdtempSync(join(tmpdir(), 'serviceniveau-fuzz-'));
  const bytes = Buffer.from(JSON.stringify(config) ?? 'null');
  writeFileSync(join(configFolder, CONFIG_FILE_NAME), bytes);
  const files = contextFiles();
  files.set(CONFIG_FILE_NAME, bytes);
  const loaded = loadConfig(undefined, configFolder);
  if (!loaded.ok) {
    expectNoProblems(findingProblems(loaded.findings, files));
    return;
  }
  const measures: LoadedFile[] = [];
  for (const [file, text] of [
    [`${MEASURE_FILE}.md`, MEASURE_MARKDOWN],
    [`${MEASURE_FILE.replace('praktisk-paedagogisk-stoette', 'netvaerksplejefamilie')}.json`, MEASURE_JSON],
  ] as const) {
    measures.push(loadDocument(file, 'foranstaltning', Buffer.from(text)));
    files.set(file, Buffer.from(text));
  }
  const [registerDocument, frame] = context();
  const findings = checkDocuments(
    [...measures, ...(frame ? [{ document: frame, findings: [], broken: false }] : [])],
    registerDocument ? [registerDocument] : [],
    loaded.config,
  ).findings;
  expectNoProblems(findingProblems(findings, files));
}

/** What a finding says, without where: inserting a character moves positions, never what is found. */
function findingKey(finding: Finding): string {
  return `${finding.rule}\u0000${finding.severity}\u0000${finding.message}`;
}

/**
 * Inserts one invisible character into one field of the measure with findings (the field and the place in it chosen
 * by `field` and `at`) and checks that every finding of the clean text is still there, and that the character is
 * reported at its line and column.
 */
function checkInvisibleInsertion(char: string, json: boolean, field: number, at: number): void {
  const file = `${MEASURE_FILE}.${json ? 'json' : 'md'}`;
  const clean = json ? MEASURE_WITH_FINDINGS_JSON : MEASURE_WITH_FINDINGS_MARKDOWN;
  const loaded = loadDocument(file, 'foranstaltning', Buffer.from(clean));
  if (!loaded.document) throw new Error(`fuzz: cannot load the measure with findings: ${JSON.stringify(loaded.findings)}`);
  const fields = proseFieldsOf(loaded.document).filter((prose) => prose.text.length > 0);
  const chosen = fields[field % fields.length];
  if (!chosen) throw new Error('fuzz: the measure with findings has no prose');
  const offset = chosen.offsets[at % chosen.text.length] ?? 0;
  const dirty = `${clean.slice(0, offset)}${char}${clean.slice(offset)}`;
  const before = findingsFor(file, 'foranstaltning', Buffer.from(clean));
  const after = findingsFor(file, 'foranstaltning', Buffer.from(dirty));
  const problems: string[] = [];
  const remaining = new Map<string, number>();
  for (const finding of after) remaining.set(findingKey(finding), (remaining.get(findingKey(finding)) ?? 0) + 1);
  for (const finding of before) {
    const count = remaining.get(findingKey(finding)) ?? 0;
    if (count === 0) problems.push(`U+${char.charCodeAt(0).toString(16)} at ${offset} removed the finding ${JSON.stringify(finding)}`);
    else remaining.set(findingKey(finding), count - 1);
  }
  const lines = loaded.document.lines;
  const expected = lines.position(offset);
  if (!after.some((finding) => finding.source === 'load' && finding.message.startsWith('Usynligt') && sameLine(finding, expected.line)))
    problems.push(`U+${char.charCodeAt(0).toString(16)} at ${offset} (line ${expected.line}) is not reported: ${JSON.stringify(after)}`);
  expectNoProblems(problems);
}

function sameLine(finding: Finding, line: number): boolean {
  return finding.start.line === line;
}

/** One property of the suite: a claim, the share of runs it gets, and the fast-check property. */
export interface RobustnessProperty {
  /** What must hold, as a sentence; the test's name. */
  claim: string;
  share: number;
  property: fc.IProperty<unknown[]>;
}

/** The in-process properties: loading, validating and running every rule never throws, and every finding lies inside its file. */
export const PROPERTIES: readonly RobustnessProperty[] = [
  {
    claim: 'any text saved as a measure in Markdown is read without an exception, and every finding lies inside the file',
    share: 0.25,
    property: fc.property(anyText(MEASURE_MARKDOWN), (text) => checkFile(`${MEASURE_FILE}.md`, 'foranstaltning', Buffer.from(text, 'utf8'))),
  },
  {
    claim: 'any text saved as a measure in JSON is read without an exception, and every finding lies inside the file',
    share: 0.15,
    property: fc.property(
      fc.oneof(
        anyText(MEASURE_JSON),
        // Valid JSON whose sections hold any text, so the rules read it (an edit of the file itself is mostly a syntax error).
        fc.tuple(fc.constantFrom(...SECTION_KEYS), anyText(MEASURE_TEXT)).map(([key, text]) => jsonWith(key, text)),
      ),
      (text) => checkFile(`${MEASURE_FILE}.json`, 'foranstaltning', Buffer.from(text, 'utf8')),
    ),
  },
  {
    claim: 'any bytes, UTF-8 or not, saved as a measure are read without an exception, and every finding lies inside the file',
    share: 0.1,
    property: fc.property(anyBytes(MEASURE_MARKDOWN), fc.boolean(), (bytes, json) =>
      checkFile(`${MEASURE_FILE}.${json ? 'json' : 'md'}`, 'foranstaltning', bytes),
    ),
  },
  {
    claim: 'any JSON value in any frontmatter key of a valid measure, in Markdown or JSON, is reported, never thrown on',
    share: 0.2,
    property: fc.property(
      fc.oneof(fc.constantFrom(...FRONTMATTER_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
      fc.jsonValue(),
      fc.boolean(),
      (key, value, flow) => {
        checkFile(`${MEASURE_FILE}.md`, 'foranstaltning', Buffer.from(frontmatterWith(key, value, flow)));
        checkFile(`${MEASURE_FILE}.json`, 'foranstaltning', Buffer.from(jsonWith(key, value)));
      },
    ),
  },
  {
    claim: 'any text saved as the frame or the role plan is read without an exception, and every finding lies inside the file',
    share: 0.15,
    property: fc.property(anyText(FRAME_MARKDOWN), fc.boolean(), (text, rolePlan) =>
      rolePlan ? checkFile(`${AREA}/rolleplan.md`, 'rolleplan', Buffer.from(text)) : checkFile(`${AREA}/serviceniveau.md`, 'serviceniveau', Buffer.from(text)),
    ),
  },
  {
    claim: 'any bidi control or zero-width character inserted into any field of a measure keeps every finding and is itself reported',
    share: 0.05,
    property: fc.property(fc.constantFrom(...REPORTED_CHARACTERS), fc.boolean(), fc.nat(), fc.nat(), (char, json, field, at) =>
      checkInvisibleInsertion(char, json, field, at),
    ),
  },
  {
    claim:
      '--out over any file, folder, FIFO or link, anywhere in the repository, writes exactly the document to a regular file or is refused, changing nothing else',
    share: 0.02,
    property: fc.property(OUTPUT_TARGET, (target) => checkOutputTarget(target)),
  },
  {
    claim: 'any configuration is either refused with findings inside the file, or every rule runs with it',
    share: 0.1,
    property: fc.property(CONFIG, (config) => checkConfig(config)),
  },
];

/** What is wrong with a finished `check`: an exit code other than 0, 1 or 2, a stack trace, an internal error, or JSON output that is not a list. */
export function cliOutcomeProblems(result: { status: number | null; stdout: string; stderr: string }, format: string): string[] {
  const problems: string[] = [];
  if (result.status !== 0 && result.status !== 1 && result.status !== 2) problems.push(`exit code ${String(result.status)}`);
  if (result.stderr.includes('\n    at ')) problems.push(`a stack trace on stderr: ${result.stderr}`);
  if (result.stderr.includes('intern fejl')) problems.push(`an internal error: ${result.stderr}`);
  if (format === 'json' && result.status !== 2) {
    try {
      if (!Array.isArray(JSON.parse(result.stdout))) problems.push('--format json did not print a list');
    } catch {
      problems.push(`--format json printed something that is not JSON: ${result.stdout.slice(0, 200)}`);
    }
  }
  return problems;
}

/** Runs `serviceniveau check` on a temporary tree. */
export function runCheckOn(files: Record<string, string | Uint8Array>, format: string): { status: number | null; stdout: string; stderr: string } {
  const root = mkdtempSync(join(tmpdir(), 'serviceniveau-fuzz-cli-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const result = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'serviceniveau.js'), 'check', '--format', format], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 28,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The CLI property: the real binary on a generated tree. */
export const CLI_PROPERTY: RobustnessProperty = {
  claim: '`serviceniveau check` on any tree exits 0, 1 or 2 without a stack trace or an internal error',
  share: 0,
  property: fc.property(CLI_TREE, ({ files, format }) => expectNoProblems(cliOutcomeProblems(runCheckOn(files, format), format))),
};

/** Removes the folder the config property writes its configs to. */
export function removeFuzzFiles(): void {
  if (configFolder) rmSync(configFolder, { recursive: true, force: true });
  configFolder = undefined;
}
