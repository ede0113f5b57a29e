import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_KEYS, type ExpectedImport, type ExpectedMeasure } from './fixtures/expected.js';
import { TEMPLATE_GUIDANCE } from './fixtures/template-layout.js';
import {
  FIELD_HEADINGS,
  frameHeadingOf,
  headingOf,
  listFiles,
  normaliseMarkdown,
  placeholderOf,
  readMarkdownFile,
  UNPLACED_HEADING,
} from './import-helpers.js';

// The comparisons of the acceptance tests, as functions that list every difference at once (so a failing import
// shows all that is wrong, not the first), and that import-checks.test.ts runs on hand-written files of its own.

/** Every difference between the measure files in `area` (a policies/<omraade> folder) and the hand-written expectation. */
export function measureDifferences(area: string, measures: readonly ExpectedMeasure[]): string[] {
  const differences: string[] = [];
  for (const measure of measures) {
    const path = join(area, 'foranstaltninger', `${measure.id}.md`);
    if (!existsSync(path)) {
      differences.push(`${measure.id}: no file foranstaltninger/${measure.id}.md`);
      continue;
    }
    const written = readMarkdownFile(path);
    if (written.frontmatter['id'] !== measure.id) differences.push(`${measure.id}: id is ${JSON.stringify(written.frontmatter['id'])}`);
    if (written.frontmatter['titel'] !== measure.titel)
      differences.push(`${measure.id}: titel is ${JSON.stringify(written.frontmatter['titel'])}, not »${measure.titel}«`);
    const headings = measure.ikkePlaceret ? [...FIELD_HEADINGS, UNPLACED_HEADING] : FIELD_HEADINGS;
    if (JSON.stringify(written.headings) !== JSON.stringify(headings))
      differences.push(`${measure.id}: headings are ${JSON.stringify(written.headings)}, not ${JSON.stringify(headings)}`);
    for (const key of FIELD_KEYS) {
      const want = normaliseMarkdown(measure.felter[key] ?? placeholderOf(key));
      const got = normaliseMarkdown(written.sections[headingOf(key)] ?? '');
      if (got !== want) differences.push(`${measure.id}: ${headingOf(key)} is »${got}«, not »${want}«`);
    }
    const notes = (measure.fodnoter ?? []).map(normaliseMarkdown);
    if (JSON.stringify(written.footnotes) !== JSON.stringify(notes))
      differences.push(`${measure.id}: footnotes are ${JSON.stringify(written.footnotes)}, not ${JSON.stringify(notes)}`);
    for (const text of measure.ikkePlaceret ?? [])
      if (!normaliseMarkdown(written.sections[UNPLACED_HEADING] ?? '').includes(normaliseMarkdown(text)))
        differences.push(`${measure.id}: »${text}« is not in ## ${UNPLACED_HEADING}`);
  }
  return differences;
}

/** Every difference between the frame (serviceniveau.md in `area`) and the expectation. */
export function frameDifferences(area: string, expected: ExpectedImport): string[] {
  const path = join(area, 'serviceniveau.md');
  if (!existsSync(path)) return ['no file serviceniveau.md'];
  const frame = readMarkdownFile(path);
  const differences: string[] = [];
  if (frame.frontmatter['status'] !== 'udkast') differences.push(`status is ${JSON.stringify(frame.frontmatter['status'])}, not »udkast«`);
  if (expected.kommune && frame.frontmatter['kommune'] !== expected.kommune)
    differences.push(`kommune is ${JSON.stringify(frame.frontmatter['kommune'])}, not »${expected.kommune}«`);
  for (const key of ['forord', 'principper', 'maalgruppe'] as const) {
    if (!frame.headings.includes(frameHeadingOf(key))) differences.push(`no section ## ${frameHeadingOf(key)}`);
    const want = expected.ramme?.[key];
    if (want === undefined) continue;
    const got = normaliseMarkdown(frame.sections[frameHeadingOf(key)] ?? '');
    if (got !== normaliseMarkdown(want)) differences.push(`${frameHeadingOf(key)} is »${got}«, not »${normaliseMarkdown(want)}«`);
  }
  return differences;
}

/** The artefacts of Word left in any file under `area`: each as »file: what«. */
export function artefactsIn(area: string): string[] {
  const placeholders = FIELD_KEYS.map(placeholderOf);
  const withoutPlaceholders = (text: string) => placeholders.reduce((rest, placeholder) => rest.split(placeholder).join(''), text);
  const checks: [string, (text: string) => boolean][] = [
    ['soft hyphen U+00AD', (text) => text.includes('\u00AD')],
    ['no-break space U+00A0', (text) => text.includes('\u00A0')],
    ['bookmark', (text) => /bookmark|_Toc/i.test(text)],
    ['image', (text) => /data:image|!\[|<img/i.test(text)],
    ['HTML line break', (text) => /<br/i.test(text)],
    ['comment', (text) => /Skal vi nævne lektiehjælp|\[MJ1\]/.test(text)],
    ['footnote back-link ↑', (text) => text.includes('↑')],
    // the schema's placeholder for Kvalitetskrav is the template's guidance word for word, so look outside placeholders
    ['the template’s guidance', (text) => Object.values(TEMPLATE_GUIDANCE).some((guidance) => withoutPlaceholders(text).includes(guidance))],
  ];
  return listFiles(area).flatMap((path) => {
    const text = readFileSync(join(area, path), 'utf8');
    const found = checks.filter(([, test]) => test(text)).map(([what]) => `${path}: ${what}`);
    // a manual line break inside a measure's sentence becomes a space (in the frame, a signature may keep its line)
    if (path.startsWith('foranstaltninger/') && /( {2}|\\)$/m.test(text)) found.push(`${path}: Markdown hard break (a manual line break kept)`);
    // in a measure, »Her beskrives« may stand only in the placeholder of a field the document did not have
    if (path.startsWith('foranstaltninger/') && withoutPlaceholders(text).includes('Her beskrives'))
      found.push(`${path}: »Her beskrives« outside a placeholder`);
    return found;
  });
}
