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
  /** Frontmatter keys set by a `yaml KEY` block right before the example (the rule `ramme` reads its block and a section together). */
  frontmatter: Record<string, string>;
}

/**
 * The examples of docs/rules/<id>.md: fenced blocks `md FIELD` (or `md serviceniveau:FIELD`) under "✗" or "✓" headings.
 * A block `yaml KEY` (holding »KEY: …«) before one sets that frontmatter key for the next example.
 */
export function readDocsExamples(id: string): DocsExample[] {
  const lines = readFileSync(join(REPO_ROOT, 'docs', 'rules', `${id}.md`), 'utf8').split('\n');
  const examples: DocsExample[] = [];
  let expectFindings: boolean | undefined;
  let frontmatter: Record<string, string> = {};
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (/^#{2,4} ✗/.test(line)) expectFindings = true;
    else if (/^#{2,4} ✓/.test(line)) expectFindings = false;
    else if (/^#{1,4} /.test(line)) expectFindings = undefined;
    const yamlFence = /^```yaml ([a-z_]+)\s*$/.exec(line);
    if (yamlFence && expectFindings !== undefined) {
      const key = yamlFence[1] ?? '';
      const body: string[] = [];
      for (index++; index < lines.length && lines[index] !== '```'; index++) body.push(lines[index] ?? '');
      frontmatter = { ...frontmatter, [key]: body.join('\n').replace(new RegExp(`^${key}:`), '') };
      continue;
    }
    const fence = /^```md (?:(serviceniveau):)?([a-z_]+)\s*$/.exec(line);
    if (!fence || expectFindings === undefined) continue;
    const body: string[] = [];
    const start = index + 1;
    for (index++; index < lines.length && lines[index] !== '```'; index++) body.push(lines[index] ?? '');
    examples.push({ expectFindings, target: fence[1] ? 'frame' : 'measure', field: fence[2] ?? '', text: body.join('\n'), line: start, frontmatter });
    frontmatter = {};
  }
  return examples;
}
