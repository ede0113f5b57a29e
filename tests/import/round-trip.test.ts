import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionFields } from '../../scripts/model/schema-catalog.js';
import { makeTree, REPO_ROOT, runCli } from '../helpers.js';
import { importInto, sectionsOf } from './helpers.js';

const AREA = join(REPO_ROOT, 'policies/boern-og-unge/foranstaltninger');
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The example kommune's measures by title, each field as written (Markdown files and JSON files alike). */
function exampleMeasures(): Map<string, Record<string, string>> {
  const measures = new Map<string, Record<string, string>>();
  for (const name of readdirSync(AREA)) {
    const text = readFileSync(join(AREA, name), 'utf8');
    if (name.endsWith('.json')) {
      const data = JSON.parse(text) as Record<string, string>;
      measures.set(data['titel']!, Object.fromEntries(sectionFields('foranstaltning').map((field) => [field.heading, squash(data[field.key] ?? '')])));
    } else {
      const title = /^titel: (.+)$/m.exec(text)![1]!.replace(/^"|"$/g, '');
      measures.set(title, Object.fromEntries(Object.entries(sectionsOf(text)).map(([heading, body]) => [heading, squash(body)])));
    }
  }
  return measures;
}

describe('a round trip through Word', () => {
  it('render --format docx of the example kommune, imported again, gives the same measures field by field', async () => {
    const out = join(makeTree({}), 'serviceniveau.docx');
    expect(runCli(['render', '--format', 'docx', '--out', out], REPO_ROOT).status).toBe(0);
    const { report, file } = await importInto(readFileSync(out));
    const expected = exampleMeasures();
    expect(report.foranstaltninger.map((measure) => measure.titel).sort()).toEqual([...expected.keys()].sort());
    for (const measure of report.foranstaltninger) {
      const sections = Object.fromEntries(Object.entries(sectionsOf(file(measure.sti))).map(([heading, body]) => [heading, squash(body)]));
      expect({ titel: measure.titel, sections }).toEqual({ titel: measure.titel, sections: expected.get(measure.titel) });
      expect(measure.ikkePlaceret).toEqual([]);
    }
  }, 60_000);
});
