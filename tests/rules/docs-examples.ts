import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers.js';

/** One ✗ or ✓ example from a rule's docs page: the text goes into one field of a measure or the frame. */
export interface DocsExample {
  expectFindings: boolean;
  /** `measure` or `frame`. */
  target: 'measure' | 'frame';
  /** The section or frontmatter key the text replaces, e.g. `omfang` or `titel`. */
  field: string;
  text: string;
  /** 1-based line in the docs page, for the test name. */
  line: number;
}

/** The examples of docs/rules/<id>.md: fenced blocks `md FIELD` (or `md serviceniveau:FIELD`) under "✗" or "✓" headings. */
export function readDocsExamples(id: string): DocsExample[] {
  const lines = readFileSync(join(REPO_ROOT, 'docs', 'rules', `${id}.md`), 'utf8').split('\n');
  const examples: DocsExample[] = [];
  let expectFindings: boolean | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (/^#{2,4} ✗/.test(line)) expectFindings = true;
    else if (/^#{2,4} ✓/.test(line)) expectFindings = false;
    else if (/^#{1,4} /.test(line)) expectFindings = undefined;
    const fence = /^```md (?:(serviceniveau):)?([a-z_]+)\s*$/.exec(line);
    if (!fence || expectFindings === undefined) continue;
    const body: string[] = [];
    const start = index + 1;
    for (index++; index < lines.length && lines[index] !== '```'; index++) body.push(lines[index] ?? '');
    examples.push({ expectFindings, target: fence[1] ? 'frame' : 'measure', field: fence[2] ?? '', text: body.join('\n'), line: start });
  }
  return examples;
}
