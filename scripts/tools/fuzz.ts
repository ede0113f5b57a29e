import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkDocuments } from '../check/check-documents.js';
import { defaultConfig, loadConfig } from '../config/load-config.js';
import { CONFIG_FILE_NAME } from '../layout.js';
import { loadDocument, type LoadedFile } from '../load/load-document.js';
import type { DocumentKind, PolicyDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { packageRoot } from '../package-root.js';

// `npm run fuzz`: the robustness properties of tests/robustness/property.test.ts with far more cases.
// FUZZ_RUNS (default 100000) cases are shared among the in-process properties, FUZZ_CLI_RUNS (default 50)
// run the real binary; FUZZ_SEED replays a run. Exits 1 when a property fails.

export const AREA = 'policies/boern-og-unge';
export const MEASURE_FILE = `${AREA}/foranstaltninger/praktisk-paedagogisk-stoette`;
const FRAME_FILE = `${AREA}/serviceniveau.md`;
const REGISTER_FILE = 'policies/lovregister.json';

/** A valid measure in Markdown that every rule reads: the seed that edits start from. */
export const MEASURE_MARKDOWN = `---
id: praktisk-paedagogisk-stoette
titel: Praktisk pædagogisk støtte i hjemmet
kategori: Støttende indsatser
alder:
  fra: 0
  til: 17
---

## Formål

Formålet er at styrke forældrenes omsorg for barnet i hverdagen, så barnet kan blive boende hjemme.

## Indhold

En familiekonsulent kommer i hjemmet og hjælper med faste rutiner, måltider og sengetider. Se [vejledningen](https://www.sm.dk/vejledning).

## Målgruppe og tildelingskriterier

Familier med børn 0-17 år, hvor forældrene har brug for støtte til den daglige omsorg. Der foretages altid en konkret og individuel vurdering af barnets behov.

## Omfang og varighed

<!-- serviceniveau-disable-next-line skoen-under-regel -- Loven fastsætter selv grænsen -->
Som udgangspunkt 3-5 timer om ugen i op til 6 måneder. Der gives højst 10 timer om ugen.

## Tildeling

Sagsbehandleren i Familieafdelingen træffer afgørelse efter en børnefaglig undersøgelse, tlf. 70 10 20 30.

## Levering af ydelsen

Ydelsen leveres af kommunens familiehus eller af en godkendt privat leverandør.

## Kvalitetskrav til leverandør

Leverandøren sender en statusrapport hver 3. måned til familie@eksempel-kommune.dk.

## Lovhjemmel

Barnets Lov § 32, stk. 1, nr. 2, og §§ 46-47 i barnets lov.
`;

/** The same measure as JSON. */
export const MEASURE_JSON = `${JSON.stringify(
  {
    $schema: '../../../schemas/foranstaltning.schema.json',
    id: 'praktisk-paedagogisk-stoette',
    titel: 'Praktisk pædagogisk støtte i hjemmet',
    kategori: 'Støttende indsatser',
    alder: { fra: 0, til: 17 },
    formaal: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen.',
    indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner.',
    maalgruppe: 'Familier med børn 0-17 år. Der foretages altid en konkret og individuel vurdering af barnets behov.',
    omfang: 'Som udgangspunkt 3-5 timer om ugen i op til 6 måneder.',
    tildeling: 'Sagsbehandleren træffer afgørelse efter en børnefaglig undersøgelse.',
    levering: 'Kommunens familiehus leverer ydelsen.',
    kvalitetskrav: 'Leverandøren sender en statusrapport hver 3. måned.',
    lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
  },
  null,
  2,
)}\n`;

/** The frame of the area, in force from 1 March 2025: the date lovhjemmel judges citations on. */
export const FRAME_MARKDOWN = `---
kommune: Eksempel Kommune
omraade: Børn og unge med særlige behov
status: udkast
version: "2025.1"
gyldig_fra: 2025-03-01
underskriver:
  navn: Lene Holm
  titel: Borgmester
---

## Forord

Jeg er glad for at kunne præsentere vores serviceniveau.

## Principper

- Tidlig indsats.
- Sammenhæng på tværs.

## Målgruppe

Børn og unge 0-18 år og deres familier. Der foretages altid en konkret og individuel vurdering af barnets behov.
`;

/** Pieces of policy text that reach the parsers' and rules' corners: Markdown, YAML, citations, personal data, pasted characters. */
const FRAGMENTS = [
  '---\n',
  '## Formål\n',
  '## Lovhjemmel\n',
  '## Målgruppe og tildelingskriterier\n',
  '# Titel\n',
  '### Underpunkt\n',
  '\n',
  '\r\n',
  '\n\n',
  '\r',
  ' ',
  '\t',
  '- ',
  '1. ',
  '> ',
  '```\n',
  '    kode\n',
  '| a | b |\n|---|---|\n',
  '* ',
  '**',
  '_',
  '`',
  '<b>',
  '</b>',
  '<br>',
  '&amp;',
  '&#106;',
  '[',
  ']',
  '](',
  ')',
  '[tilpasses lokalt]',
  '[klik](javascript:alert(1))',
  '<https://eksempel.dk>',
  'www.eksempel.dk',
  '____',
  'XX',
  'TODO',
  'Lorem ipsum',
  'id: x\n',
  'titel: ',
  ': ',
  '"',
  "'",
  '&a ',
  '*a',
  '!!binary ',
  '{',
  '}',
  '- - -',
  '? ',
  '%YAML 1.2\n',
  '\\',
  '\\u00e6',
  '\\"',
  '§ ',
  '§§ ',
  '§',
  '§ 32',
  'Barnets Lov § 32, stk. 1, nr. 2',
  'serviceloven § 52, stk. 3, nr. 2',
  'stk. ',
  'nr. ',
  ' og ',
  '-',
  ' til ',
  'jf. ',
  'paragraf 32',
  'Lov om social service ',
  'altid ',
  'en konkret og individuel vurdering',
  'ikke ',
  'ikke altid ',
  'kun i særlige tilfælde',
  'som udgangspunkt ',
  'højst 10 timer',
  'gives ikke',
  'aldrig',
  '010190-1234',
  '12 34 56 78',
  '+45 12345678',
  'tlf. ',
  'a@b.dk',
  'CVR-nr. 12 34 56 78',
  '<!-- serviceniveau-disable-next-line skoen-under-regel -- grund -->\n',
  '<!-- serviceniveau-disable-next-line ukendt -->\n',
  '<!--',
  '-->',
  '\u00AD',
  '\u00A0',
  '\u200B',
  '\uFEFF',
  '\u2028',
  '\u0000',
  '\uD800',
  '\uDC00',
  'e\u0301',
  '“',
  '”',
  '»',
  '«',
  '–',
  '…',
  'Ã¸',
  'â€',
  'Â ',
  'Der foretages altid en konkret og indi-\nviduel vurdering.',
  'æøå',
  'ÆØÅ',
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** A text with a few edits at random places: each deletes up to 40 characters and inserts a few fragments. */
function edited(seed: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.array(fragment, { maxLength: 4 }));
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((text, [position, deleted, inserted]) => {
      const at = position % (text.length + 1);
      return `${text.slice(0, at)}${inserted.join('')}${text.slice(at + deleted)}`;
    }, seed),
  );
}

/** Any text at all: the seed edited, a jumble of fragments, or random characters. */
function anyText(seed: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: edited(seed) },
    { weight: 2, arbitrary: fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  );
}

/** Bytes that need not be UTF-8: the seed's bytes with bytes spliced in (Windows-1252 »ø« is 0xF8), or random bytes. */
function anyBytes(seed: string): fc.Arbitrary<Uint8Array> {
  const seedBytes = Buffer.from(seed, 'utf8');
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.uint8Array({ maxLength: 6 }));
  return fc.oneof(
    fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
      edits.reduce<Uint8Array>((bytes, [position, deleted, inserted]) => {
        const at = position % (bytes.length + 1);
        return Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at + deleted)]);
      }, seedBytes),
    ),
    fc.uint8Array({ maxLength: 300 }),
  );
}

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

let registerBytes: Uint8Array | undefined;

/** The real register's bytes, read once. */
function register(): Uint8Array {
  registerBytes ??= readFileSync(join(packageRoot(), REGISTER_FILE));
  return registerBytes;
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
function expectNoProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** Runs the whole pipeline on one file and checks every finding's position. */
function checkFile(file: string, kind: DocumentKind, bytes: Uint8Array): void {
  const files = contextFiles();
  files.set(file, bytes);
  expectNoProblems(findingProblems(findingsFor(file, kind, bytes), files));
}

/** Frontmatter keys worth putting odd values in: every field of a measure, a frame's, and keys JavaScript treats specially. */
const FRONTMATTER_KEYS = [
  'id',
  'titel',
  'kategori',
  'alder',
  'formaal',
  'maalgruppe',
  'lovhjemmel',
  '$schema',
  'gyldig_fra',
  'status',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

/** A valid measure's frontmatter with one key set to any JSON value, written as YAML blocks or as JSON (flow) style. */
function frontmatterWith(key: string, value: unknown, flow: boolean): string {
  const data: Record<string, unknown> = {
    id: 'praktisk-paedagogisk-stoette',
    titel: 'Praktisk pædagogisk støtte i hjemmet',
    kategori: 'Støttende indsatser',
    alder: { fra: 0, til: 17 },
  };
  Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
  const yaml = flow
    ? Object.entries(data)
        .map(([name, item]) => `${JSON.stringify(name)}: ${JSON.stringify(item) ?? 'null'}`)
        .join('\n')
    : stringify(data).trimEnd();
  return MEASURE_MARKDOWN.replace(/^---\n[\s\S]*?\n---\n/, `---\n${yaml}\n---\n`);
}

const SECTION_KEYS = ['formaal', 'indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering', 'kvalitetskrav', 'lovhjemmel'];

/** Prose to edit inside a JSON string: a section's text with the things the rules look for. */
const MEASURE_TEXT =
  'Der foretages altid en konkret og individuel vurdering. Der gives højst 10 timer, tlf. 70 10 20 30. Barnets Lov § 32, stk. 1, nr. 2. [tilpasses]';

/** The JSON measure with one key set to any JSON value. */
function jsonWith(key: string, value: unknown): string {
  const data = JSON.parse(MEASURE_JSON) as Record<string, unknown>;
  Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
  return JSON.stringify(data, null, 2);
}

const SEVERITY = fc.constantFrom('error', 'warning', 'off');

/** A regular expression a user could write; literals are escaped so they compile with the `u` flag the rules use. */
const PATTERN = fc
  .oneof(
    fc.constantFrom('xx kommune', String.raw`\bpladsholder\b`, 'skal altid', String.raw`\d+ timer`, 'højst', '(?:kun|alene) for', '^', '$', '', '.', '[æøå]+'),
    fc.string({ maxLength: 12 }).map((text) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')),
  )
  // ajv's »format: regex« checks a pattern without the `u` flag, the rules compile it with it: a pattern such as
  // »\-« or »a{« passes the schema and then throws in the rule, so such patterns are left out here.
  .filter((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  });

function ruleSetting<T>(options: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(SEVERITY, fc.record({ severity: SEVERITY, options }, { requiredKeys: [] }));
}

/** Configurations: mostly well-formed with random settings and options, sometimes any JSON at all. */
export const CONFIG = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        $schema: fc.constant('./schemas/config.schema.json'),
        rules: fc.record(
          {
            schema: fc.oneof(SEVERITY, fc.record({ severity: SEVERITY }, { requiredKeys: [] })),
            'individuel-vurdering': ruleSetting(
              fc.record(
                { scope: fc.constantFrom('measure', 'frame'), phrases: fc.array(PATTERN, { maxLength: 3 }), negations: fc.array(PATTERN, { maxLength: 3 }) },
                { requiredKeys: [] },
              ),
            ),
            lovhjemmel: ruleSetting(fc.constant({})),
            pladsholder: ruleSetting(fc.record({ patterns: fc.array(PATTERN, { maxLength: 3 }) }, { requiredKeys: [] })),
            personoplysninger: ruleSetting(
              fc.record(
                {
                  allow: fc.array(
                    fc.oneof(
                      fc.constantFrom('@eksempel-kommune.dk', '70 10 20 30', '+45 70 10 20 30', 'familie@eksempel-kommune.dk'),
                      fc.string({ minLength: 1, maxLength: 20 }),
                    ),
                    { maxLength: 4 },
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
            'skoen-under-regel': ruleSetting(
              fc.record(
                {
                  sections: fc.subarray(['formaal', 'indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering', 'kvalitetskrav']),
                  absolutes: fc.array(PATTERN, { maxLength: 3 }),
                  qualifiers: fc.array(PATTERN, { maxLength: 3 }),
                },
                { requiredKeys: [] },
              ),
            ),
            laesbarhed: ruleSetting(
              fc.record({ max: fc.double({ min: 10, max: 100, noNaN: true }), minWords: fc.integer({ min: 1, max: 200 }) }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.object() },
);

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
    claim: 'any configuration is either refused with findings inside the file, or every rule runs with it',
    share: 0.15,
    property: fc.property(CONFIG, (config) => checkConfig(config)),
  },
];

/** A policy tree for one CLI run: the real register, a measure in Markdown and one in JSON, and maybe a config. */
export const CLI_TREE = fc
  .record({
    markdown: anyText(MEASURE_MARKDOWN),
    json: anyText(MEASURE_JSON),
    config: fc.option(CONFIG, { nil: undefined }),
    format: fc.constantFrom('pretty', 'json', 'github'),
  })
  .map(({ markdown, json, config, format }) => {
    const files: Record<string, string | Uint8Array> = {
      [REGISTER_FILE]: register(),
      [FRAME_FILE]: FRAME_MARKDOWN,
      [`${MEASURE_FILE}.md`]: markdown,
      [`${AREA}/foranstaltninger/netvaerksplejefamilie.json`]: json,
    };
    if (config !== undefined) files[CONFIG_FILE_NAME] = JSON.stringify(config) ?? 'null';
    return { files, format };
  });

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
function runCheckOn(files: Record<string, string | Uint8Array>, format: string): { status: number | null; stdout: string; stderr: string } {
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

function main(): void {
  const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
  const cliRuns = Number(process.env['FUZZ_CLI_RUNS'] ?? 50);
  const seed = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : Math.floor(Math.random() * 2 ** 31);
  console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}); ${runs} in-process cases, ${cliRuns} CLI runs`);
  const cli: RobustnessProperty = {
    claim: '`serviceniveau check` on any tree exits 0, 1 or 2 without a stack trace or an internal error',
    share: 0,
    property: fc.property(CLI_TREE, ({ files, format }) => expectNoProblems(cliOutcomeProblems(runCheckOn(files, format), format))),
  };
  let failures = 0;
  let total = 0;
  for (const entry of [...PROPERTIES, cli]) {
    const numRuns = entry === cli ? cliRuns : Math.max(1, Math.round(runs * entry.share));
    const started = process.hrtime.bigint();
    const details = fc.check(entry.property, { numRuns, seed });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    total += details.numRuns;
    console.log(`${details.failed ? '✖' : '✔'} ${details.numRuns} cases in ${seconds.toFixed(1)} s: ${entry.claim}`);
    if (details.failed) {
      failures++;
      const counterexample = JSON.stringify(details.counterexample, (_, value: unknown) =>
        value instanceof Uint8Array ? `bytes:${Buffer.from(value).toString('hex')}` : value,
      );
      console.log(
        `  counterexample (after ${details.numShrinks} shrinks): ${counterexample.length > 2000 ? `${counterexample.slice(0, 2000)}…` : counterexample}`,
      );
      console.log(`  error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
      console.log(
        `  replay: FUZZ_SEED=${details.seed} FUZZ_RUNS=${runs} FUZZ_CLI_RUNS=${cliRuns} npm run fuzz (fast-check path ${details.counterexamplePath ?? '-'})`,
      );
    }
  }
  if (configFolder) rmSync(configFolder, { recursive: true, force: true });
  console.log(`fuzz: ${total} cases, ${failures} failing ${failures === 1 ? 'property' : 'properties'}, seed ${seed}`);
  process.exitCode = failures > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
