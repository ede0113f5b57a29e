import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { artefactsIn, frameDifferences, measureDifferences } from './import-checks.js';
import { REPO_ROOT, runCli } from '../helpers.js';
import { notAZip, passwordProtected, zipWithoutDocument } from './fixtures/bad-files.js';
import {
  FIELD_KEYS,
  HEADING_EXPECTED,
  QUESTION_EXPECTED,
  RUN_IN_EXPECTED,
  TEMPLATE_EXPECTED,
  TRACKED_ACCEPTED_INDHOLD,
  TRACKED_DELETED,
  WORD_PROCESSOR_EXPECTED,
  type ExpectedImport,
} from './fixtures/expected.js';
import { buildHeadingLayout, buildQuestionLayout, buildRunInLayout, buildTrackedChanges } from './fixtures/heading-layouts.js';
import { buildTemplateLayout } from './fixtures/template-layout.js';
import { convertWithLibreOffice, hasSoffice, SOFFICE_TIMEOUT } from './fixtures/word-processor.js';
import {
  existsIn,
  fingerprint,
  frameHeadingOf,
  headingOf,
  kommuneRepository,
  listFiles,
  normaliseMarkdown,
  readMarkdownFile,
  readRolePlan,
  runImport,
  STACK_TRACE,
  UNPLACED_HEADING,
  type ImportReport,
} from './import-helpers.js';

// `serviceniveau import` checked from the outside, against the shared contract (issue 15): each layout's Word file
// is imported into a fresh kommune repository and what is written is compared with what was written down by hand.

const AREA = 'policies/test';
const IMPORT_TIMEOUT = 60_000;
const JSON_ARGS = ['--omraade', 'test', '--format', 'json'] as const;

const LAYOUTS = [
  { layout: 'the ministry template (a)', file: 'skabelon-eksempel.docx', build: buildTemplateLayout, expected: TEMPLATE_EXPECTED },
  { layout: 'a heading per measure with the fields as sub-headings (b)', file: 'overskrifter.docx', build: buildHeadingLayout, expected: HEADING_EXPECTED },
  { layout: 'a heading per measure with bold run-in labels (c)', file: 'fede-etiketter.docx', build: buildRunInLayout, expected: RUN_IN_EXPECTED },
  { layout: 'citizen question labels (d)', file: 'borgerspoergsmaal.docx', build: buildQuestionLayout, expected: QUESTION_EXPECTED },
] as const;

/** The files the contract says the import writes for this expectation, with their `art`. */
function expectedFiles(expected: ExpectedImport): { sti: string; art: string }[] {
  return [
    { sti: `${AREA}/serviceniveau.md`, art: 'serviceniveau' },
    ...(expected.rolleplan ? [{ sti: `${AREA}/rolleplan.md`, art: 'rolleplan' }] : []),
    ...expected.foranstaltninger.map(({ id }) => ({ sti: `${AREA}/foranstaltninger/${id}.md`, art: 'foranstaltning' })),
  ].sort((a, b) => a.sti.localeCompare(b.sti));
}

/** Whether a report's `placering` or `tekst` points at this measure (by its title or its id). */
function pointsAt(text: string, measure: { id: string; titel: string }): boolean {
  return text.includes(measure.titel) || text.includes(measure.id);
}

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe.each(LAYOUTS)('import of $layout', ({ file, build, expected }) => {
  let repo: string;
  let result: ReturnType<typeof runImport>;
  let report: ImportReport;

  beforeAll(async () => {
    repo = kommuneRepository(await build(), file);
    result = runImport([file, ...JSON_ARGS], repo);
    if (result.report) report = result.report;
  }, IMPORT_TIMEOUT);

  it('exits 0 and prints one JSON object naming the source as given, the area and a real run', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(report).toMatchObject({ kilde: file, omraade: 'test', dryRun: false });
    for (const key of ['filer', 'foranstaltninger', 'ikkePlaceret', 'ikkeImporteret', 'fund'] as const) expect(Array.isArray(report[key]), key).toBe(true);
  });

  it('writes the frame, one file per measure and the role plan only if the document has one, each reported as written', () => {
    expect(result.status, result.stderr).toBe(0);
    const files = expectedFiles(expected);
    expect([...report.filer].sort((a, b) => a.sti.localeCompare(b.sti))).toEqual(files.map((entry) => ({ ...entry, skrevet: true })));
    expect(listFiles(join(repo, AREA)).map((path) => `${AREA}/${path}`)).toEqual(files.map(({ sti }) => sti));
  });

  it('writes every measure with its id and exact title, the schema headings in order, and each field as the document has it', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(measureDifferences(join(repo, AREA), expected.foranstaltninger)).toEqual([]);
    expect(report.foranstaltninger.map(({ id }) => id)).toEqual(expected.foranstaltninger.map(({ id }) => id));
    for (const measure of expected.foranstaltninger)
      expect(
        report.foranstaltninger.find(({ id }) => id === measure.id),
        measure.id,
      ).toMatchObject({
        titel: measure.titel,
        sti: `${AREA}/foranstaltninger/${measure.id}.md`,
        felter: FIELD_KEYS.filter((key) => measure.felter[key] !== undefined),
        mangler: FIELD_KEYS.filter((key) => measure.felter[key] === undefined),
      });
  });

  it('reports text that fits no field with its place in the source, and keeps a measure’s in a marked section of its file', () => {
    expect(result.status, result.stderr).toBe(0);
    for (const measure of expected.foranstaltninger) {
      const entry = report.foranstaltninger.find(({ id }) => id === measure.id)!;
      const written = readMarkdownFile(join(repo, AREA, 'foranstaltninger', `${measure.id}.md`));
      // a label and its text may be reported as one item or two; a measure with nothing unplaced reports none
      if (!measure.ikkePlaceret) expect(entry.ikkePlaceret, measure.id).toEqual([]);
      for (const text of measure.ikkePlaceret ?? []) {
        const reported = entry.ikkePlaceret.find(({ tekst }) => normaliseMarkdown(tekst).includes(normaliseMarkdown(text)));
        expect(reported, `${measure.id}: ${text} in ${JSON.stringify(entry.ikkePlaceret)}`).toBeDefined();
        expect(reported!.placering.trim(), 'placering').not.toBe('');
        expect(normaliseMarkdown(written.sections[UNPLACED_HEADING] ?? '')).toContain(normaliseMarkdown(text));
      }
    }
    for (const text of expected.ikkePlaceret ?? []) {
      const reported = report.ikkePlaceret.find(({ tekst }) => normaliseMarkdown(tekst).includes(normaliseMarkdown(text)));
      expect(reported, `${text} in ${JSON.stringify(report.ikkePlaceret)}`).toBeDefined();
      expect(reported!.placering.trim()).not.toBe('');
    }
  });

  it('leaves no Word artefact in the files: soft hyphens, no-break spaces, bookmarks, template guidance, images, comments, hard breaks', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(artefactsIn(join(repo, AREA))).toEqual([]);
  });

  it('names each image and comment in ikkeImporteret with the measure it was in, and nothing else', () => {
    expect(result.status, result.stderr).toBe(0);
    const wanted = expected.ikkeImporteret ?? [];
    expect(report.ikkeImporteret.map(({ art }) => art).sort()).toEqual(wanted.map(({ art }) => art).sort());
    for (const { art, antal, i } of wanted) {
      const measure = expected.foranstaltninger.find(({ titel }) => titel === i)!;
      const entry = report.ikkeImporteret.find((candidate) => candidate.art === art)!;
      expect(entry.antal, art).toBe(antal);
      expect(pointsAt(entry.placering, measure), `${art}: ${entry.placering}`).toBe(true);
    }
  });

  it('writes the frame as a proposal with the schema’s sections and the kommune the document names', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(frameDifferences(join(repo, AREA), expected)).toEqual([]);
  });

  it.runIf(expected.rolleplan !== undefined)(
    'writes the role × phase table as the role plan: a section per role, a sub-section per phase, the cells as lists',
    () => {
      expect(result.status, result.stderr).toBe(0);
      expect(readRolePlan(join(repo, AREA, 'rolleplan.md'))).toEqual(expected.rolleplan);
    },
  );

  it('ends with check’s findings on the imported files, the same as check prints afterwards, which reads them (exit 0 or 1)', () => {
    expect(result.status, result.stderr).toBe(0);
    const check = runCli(['check', '--format', 'json'], repo);
    expect([0, 1], check.stderr).toContain(check.status);
    const findings = JSON.parse(check.stdout) as ImportReport['fund'];
    expect(findings.every(({ file }) => file.startsWith(`${AREA}/`))).toBe(true);
    expect([...report.fund].sort(byJson)).toEqual([...findings].sort(byJson));
  });
});

describe('import of the ministry template: the first revision’s to-do list', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await buildTemplateLayout();
  });

  it('reports the stale Serviceloven citation under rule lovhjemmel with its Barnets Lov replacement', () => {
    const repo = kommuneRepository(docx, 'skabelon.docx');
    const { status, stderr, report } = runImport(['skabelon.docx', ...JSON_ARGS], repo);
    expect(status, stderr).toBe(0);
    const stale = report!.fund.filter((finding) => finding.rule === 'lovhjemmel' && finding.file === `${AREA}/foranstaltninger/familiebehandling.md`);
    expect(stale.map(({ message }) => message)).toEqual([expect.stringMatching(/Serviceloven § 52, stk\. 3, nr\. 3.*Barnets Lov § 32, stk\. 1, nr\. 5/)]);
    // the other citations are current: no lovhjemmel finding elsewhere
    expect(report!.fund.filter((finding) => finding.rule === 'lovhjemmel' && !finding.file.endsWith('/familiebehandling.md'))).toEqual([]);
  });

  it('the missing field is a placeholder finding and the unplaced section is a finding, both in the measure’s file', () => {
    const repo = kommuneRepository(docx, 'skabelon.docx');
    const { status, stderr, report } = runImport(['skabelon.docx', ...JSON_ARGS], repo);
    expect(status, stderr).toBe(0);
    const path = `${AREA}/foranstaltninger/stoetteophold-aflastning.md`;
    const text = readFileSync(join(repo, path), 'utf8').split('\n');
    const lineOf = (heading: string) => text.indexOf(`## ${heading}`) + 1;
    const inFile = report!.fund.filter(({ file }) => file === path);
    const qualityLine = lineOf(headingOf('kvalitetskrav'));
    expect(
      inFile.some(({ rule, line }) => rule === 'pladsholder' && line > qualityLine && line < lineOf(headingOf('lovhjemmel'))),
      JSON.stringify(inFile),
    ).toBe(true);
    expect(
      inFile.some(({ line }) => line >= lineOf(UNPLACED_HEADING)),
      JSON.stringify(inFile),
    ).toBe(true);
  });

  it('--dry-run writes nothing, and lists the paths it would write (JSON and pretty)', () => {
    const repo = kommuneRepository(docx, 'skabelon.docx');
    const before = fingerprint(repo);
    const { status, stderr, report } = runImport(['skabelon.docx', ...JSON_ARGS, '--dry-run'], repo);
    expect(status, stderr).toBe(0);
    expect(report!.dryRun).toBe(true);
    const files = expectedFiles(TEMPLATE_EXPECTED);
    expect([...report!.filer].sort((a, b) => a.sti.localeCompare(b.sti))).toEqual(files.map((entry) => ({ ...entry, skrevet: false })));
    expect(fingerprint(repo)).toBe(before);
    expect(existsIn(repo, AREA)).toBe(false);
    const pretty = runImport(['skabelon.docx', '--omraade', 'test', '--dry-run'], repo);
    expect(pretty.status, pretty.stderr).toBe(0);
    for (const { sti } of files) expect(pretty.stdout).toContain(sti);
    for (const measure of TEMPLATE_EXPECTED.foranstaltninger) expect(pointsAt(pretty.stdout, measure), measure.titel).toBe(true);
    expect(fingerprint(repo)).toBe(before);
  });

  it('a second run refuses with exit 2, names the files that exist, and changes nothing', () => {
    const repo = kommuneRepository(docx, 'skabelon.docx');
    const first = runImport(['skabelon.docx', ...JSON_ARGS], repo);
    expect(first.status, first.stderr).toBe(0);
    const before = fingerprint(repo);
    const again = runImport(['skabelon.docx', ...JSON_ARGS], repo);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`${AREA}/serviceniveau.md`);
    expect(again.stderr).toContain('--omraade');
    expect(again.stderr).not.toMatch(STACK_TRACE);
    expect(fingerprint(repo)).toBe(before);
  });

  it('one existing target file is enough to write nothing at all', () => {
    const repo = kommuneRepository(docx, 'skabelon.docx');
    const own = '---\nid: fast-kontaktperson\ntitel: Vores egen kontaktperson\n---\n\n## Formål\n\nSkrevet i hånden.\n';
    mkdirSync(join(repo, AREA, 'foranstaltninger'), { recursive: true });
    writeFileSync(join(repo, AREA, 'foranstaltninger/fast-kontaktperson.md'), own);
    const before = fingerprint(repo);
    const result = runImport(['skabelon.docx', ...JSON_ARGS], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${AREA}/foranstaltninger/fast-kontaktperson.md`);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(fingerprint(repo)).toBe(before);
    expect(listFiles(join(repo, AREA))).toEqual(['foranstaltninger/fast-kontaktperson.md']);
  });

  it('the committed skabelon-eksempel.docx: --dry-run shows what it would write, then it writes and check runs on the result', () => {
    const repo = kommuneRepository();
    const source = 'tests/import/fixtures/skabelon-eksempel.docx';
    mkdirSync(join(repo, 'tests/import/fixtures'), { recursive: true });
    writeFileSync(join(repo, source), readFileSync(join(REPO_ROOT, source)));
    const dry = runImport([source, '--omraade', 'test', '--dry-run'], repo);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`${AREA}/foranstaltninger/familiebehandling.md`);
    expect(existsIn(repo, AREA)).toBe(false);
    const real = runImport([source, ...JSON_ARGS], repo);
    expect(real.status, real.stderr).toBe(0);
    expect(real.report!.kilde).toBe(source);
    expect([0, 1]).toContain(runCli(['check'], repo).status);
  });
});

describe('import of a document with unaccepted tracked changes', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await buildTrackedChanges();
  });

  it('stops with exit 2 and tells the user to accept or reject them in Word or use --accept-changes, writing nothing', () => {
    const repo = kommuneRepository(docx, 'med-aendringer.docx');
    const before = fingerprint(repo);
    const result = runImport(['med-aendringer.docx', ...JSON_ARGS], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('registrerede ændringer');
    expect(result.stderr).toContain('--accept-changes');
    expect(result.stderr).toMatch(/Word/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(fingerprint(repo)).toBe(before);
  });

  it('with --accept-changes keeps the inserted text and drops the deleted text', () => {
    const repo = kommuneRepository(docx, 'med-aendringer.docx');
    const result = runImport(['med-aendringer.docx', ...JSON_ARGS, '--accept-changes'], repo);
    expect(result.status, result.stderr).toBe(0);
    const measure = readMarkdownFile(join(repo, AREA, 'foranstaltninger/familiebehandling.md'));
    expect(normaliseMarkdown(measure.sections[headingOf('indhold')] ?? '')).toBe(TRACKED_ACCEPTED_INDHOLD);
    for (const path of listFiles(join(repo, AREA))) expect(readFileSync(join(repo, AREA, path), 'utf8'), path).not.toContain(TRACKED_DELETED);
  });
});

describe('import of a file that is not a readable Word document', () => {
  const cases = [
    { what: 'a PDF named .docx (not a zip)', bytes: () => Promise.resolve(notAZip()), words: /ikke et Word-dokument/ },
    { what: 'a zip without word/document.xml', bytes: zipWithoutDocument, words: /ikke et Word-dokument/ },
    { what: 'a password-protected docx (an OLE compound file)', bytes: () => Promise.resolve(passwordProtected()), words: /adgangskode/ },
  ];

  it.each(cases)('$what is a Danish error with exit 2, no stack trace, nothing written', async ({ bytes, words }) => {
    const repo = kommuneRepository(await bytes(), 'serviceniveau.docx');
    const before = fingerprint(repo);
    const result = runImport(['serviceniveau.docx', ...JSON_ARGS], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(words);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(fingerprint(repo)).toBe(before);
  });

  it('a file that does not exist is a usage error with exit 2 and no stack trace', () => {
    const repo = kommuneRepository();
    const result = runImport(['findes-ikke.docx', ...JSON_ARGS], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('findes-ikke.docx'); // the message names the file it could not read (STYLE: values quoted)
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsIn(repo, AREA)).toBe(false);
  });
});

describe('import of a document made by a word processor: HTML saved as .docx by LibreOffice', () => {
  const MISSING = 'soffice (LibreOffice) is not on PATH, so the word-processor fixture cannot be made: apt-get install -y libreoffice-writer-nogui';
  let repo: string;
  let result: ReturnType<typeof runImport>;

  beforeAll(() => {
    if (!hasSoffice()) return;
    const docx = readFileSync(convertWithLibreOffice(mkdtempSync(join(tmpdir(), 'libreoffice-'))));
    repo = kommuneRepository(docx, 'egebjerg.docx');
    result = runImport(['egebjerg.docx', ...JSON_ARGS], repo);
  }, SOFFICE_TIMEOUT);

  it('writes the measures field by field as the document has them', (context) => {
    if (!hasSoffice()) return context.skip(MISSING);
    expect(result.status, result.stderr).toBe(0);
    expect(result.report!.foranstaltninger.map(({ id }) => id)).toEqual(WORD_PROCESSOR_EXPECTED.foranstaltninger.map(({ id }) => id));
    expect(measureDifferences(join(repo, AREA), WORD_PROCESSOR_EXPECTED.foranstaltninger)).toEqual([]);
    expect(artefactsIn(join(repo, AREA))).toEqual([]);
  });

  it('writes the frame with the principles and target group and the kommune the document names', (context) => {
    if (!hasSoffice()) return context.skip(MISSING);
    expect(result.status, result.stderr).toBe(0);
    const frame = readMarkdownFile(join(repo, AREA, 'serviceniveau.md'));
    expect(frame.frontmatter).toMatchObject({ status: 'udkast', kommune: WORD_PROCESSOR_EXPECTED.kommune });
    for (const [key, text] of Object.entries(WORD_PROCESSOR_EXPECTED.ramme!) as ['principper' | 'maalgruppe', string][])
      expect(normaliseMarkdown(frame.sections[frameHeadingOf(key)] ?? ''), key).toBe(normaliseMarkdown(text));
    expect(normaliseMarkdown(frame.sections[frameHeadingOf('forord')] ?? '')).toContain('Egebjerg Kommune vil give børn og unge den rette hjælp i rette tid.');
    expect(normaliseMarkdown(frame.sections[frameHeadingOf('forord')] ?? '')).toMatch(/Med venlig hilsen Jens Kragh[,\\]? Borgmester$/);
  });
});
