import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { FIELD_KEYS } from './fixtures/expected.js';
import {
  exampleRepository,
  frameHeadingOf,
  headingOf,
  kommuneRepository,
  normaliseMarkdown,
  readExampleMeasure,
  readMarkdownFile,
  readRolePlan,
  runImport,
  type ImportReport,
} from './import-helpers.js';

// A round trip: the example kommune rendered to Word by `render --format docx`, imported again into a fresh
// repository, gives the same measures field by field (whitespace normalised), and the same frame and role plan.

const ROUND_TRIP_TIMEOUT = 180_000;
const EXAMPLE = 'policies/boern-og-unge';

describe('render --format docx of the example kommune, imported again', () => {
  let example: string;
  let repo: string;
  let result: ReturnType<typeof runImport>;
  let report: ImportReport;

  beforeAll(() => {
    example = exampleRepository();
    const rendered = runCli(['render', '--format', 'docx', '--out', 'eksempel.docx'], example);
    expect(rendered.status, rendered.stderr).toBe(0);
    repo = kommuneRepository(readFileSync(join(example, 'eksempel.docx')), 'eksempel.docx');
    result = runImport(['eksempel.docx', '--omraade', 'test', '--format', 'json'], repo);
    if (result.report) report = result.report;
  }, ROUND_TRIP_TIMEOUT);

  it('imports with exit 0 and gives back every measure, by its exact title', () => {
    expect(result.status, result.stderr).toBe(0);
    const titles = readdirSync(join(example, EXAMPLE, 'foranstaltninger')).map(
      (file) => readExampleMeasure(join(example, EXAMPLE, 'foranstaltninger', file)).titel,
    );
    expect(report.foranstaltninger.map(({ titel }) => titel).sort()).toEqual(titles.sort());
  });

  it('gives the same eight fields of every measure, whitespace normalised, with none missing', () => {
    expect(result.status, result.stderr).toBe(0);
    for (const file of readdirSync(join(example, EXAMPLE, 'foranstaltninger'))) {
      const original = readExampleMeasure(join(example, EXAMPLE, 'foranstaltninger', file));
      const entry = report.foranstaltninger.find(({ titel }) => titel === original.titel);
      expect(entry, original.titel).toBeDefined();
      expect(entry!.mangler, original.titel).toEqual([]);
      const imported = readMarkdownFile(join(repo, entry!.sti));
      for (const key of FIELD_KEYS)
        expect(normaliseMarkdown(imported.sections[headingOf(key)] ?? ''), `${file}: ${headingOf(key)}`).toBe(normaliseMarkdown(original.felter[key]));
    }
  });

  it('gives the same foreword, principles and target group, and the kommune’s name', () => {
    expect(result.status, result.stderr).toBe(0);
    const original = readMarkdownFile(join(example, EXAMPLE, 'serviceniveau.md'));
    const imported = readMarkdownFile(join(repo, 'policies/test/serviceniveau.md'));
    expect(imported.frontmatter['kommune']).toBe(original.frontmatter['kommune']);
    for (const key of ['forord', 'principper', 'maalgruppe'] as const)
      expect(normaliseMarkdown(imported.sections[frameHeadingOf(key)] ?? ''), key).toBe(normaliseMarkdown(original.sections[frameHeadingOf(key)] ?? ''));
  });

  it('gives the same role plan', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(readRolePlan(join(repo, 'policies/test/rolleplan.md'))).toEqual(readRolePlan(join(example, EXAMPLE, 'rolleplan.md')));
  });
});
