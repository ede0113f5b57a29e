import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../scripts/model/document.js';
import type { Severity } from '../../scripts/model/finding.js';
import { RULE_DEFAULTS, RULE_IDS, RULES, type RuleId } from '../../scripts/rules/registry.js';
import { ruleDocsPath } from '../../scripts/rules/rule.js';
import { validatorFor } from '../../scripts/validate/schema-validators.js';
import { checkText, REPO_ROOT } from '../helpers.js';
import { readDocsExamples } from './docs-examples.js';
import { adoptedSince, findingsOf, frameDocument, measureDocument } from './rule-helpers.js';

// The config schema is generated from the registry; tests/types.test.ts fails when the checked-in copy is stale.
// Here the registry is held against what people read, written by hand: the docs pages and the README.

const SEVERITY_WORDS: Record<string, Severity> = { fejl: 'error', advarsel: 'warning' };

const docsPage = (id: string): string => readFileSync(join(REPO_ROOT, ruleDocsPath(id)), 'utf8');

/**
 * The fixed line under each docs page's title: `Standardalvor: **fejl**` (or `**advarsel**`), optionally a
 * remark in brackets, then ` · Indstillinger: `a`, `b`` or ` · Ingen indstillinger`.
 */
function docsSummary(id: string): { severity: Severity | undefined; options: string[] } | undefined {
  const match = /^Standardalvor: \*\*(\p{L}+)\*\*(?: \([^)\n]*\))? · (?:Ingen indstillinger|Indstillinger: (`\w+`(?:, `\w+`)*))$/mu.exec(docsPage(id));
  if (!match) return undefined;
  return { severity: SEVERITY_WORDS[match[1] ?? ''], options: [...(match[2] ?? '').matchAll(/`(\w+)`/gu)].map((option) => option[1] ?? '') };
}

/** The rows of the README's table of rules: `| [`id`](docs/rules/id.md) | kontrollerer | fejl |`. */
function readmeRules(): Map<string, { severity: Severity | undefined; link: string }> {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| regel | kontrollerer | standard |'));
  const rows = new Map<string, { severity: Severity | undefined; link: string }>();
  for (const line of table.split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const row = /^\| \[`([a-z-]+)`\]\(([^)]+)\) \|.*\| (\p{L}+) \|$/u.exec(line);
    if (row) rows.set(row[1] ?? '', { link: row[2] ?? '', severity: SEVERITY_WORDS[row[3] ?? ''] });
    else rows.set(line, { link: '', severity: undefined }); // a row that cannot be read fails the ids check below
  }
  return rows;
}

describe('every rule has its docs, tests and README row, and they agree with the registry', () => {
  it('docs/rules/ holds a page for each registered rule and nothing else', () => {
    const pages = readdirSync(join(REPO_ROOT, 'docs/rules')).filter((name) => name.endsWith('.md'));
    expect(pages.map((name) => name.replace(/\.md$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it('the README table lists every rule once, in registry order, with a link to its docs page', () => {
    const rows = readmeRules();
    expect([...rows.keys()]).toEqual([...RULE_IDS]);
    for (const [id, { link }] of rows) expect(link).toBe(`docs/rules/${id}.md`);
  });

  for (const id of RULE_IDS) {
    it(`${id}: a Danish docs page with ✗ and ✓ examples`, () => {
      const examples = readDocsExamples(id);
      expect(examples.some((example) => example.expectFindings)).toBe(true);
      expect(examples.some((example) => !example.expectFindings)).toBe(true);
      expect(docsPage(id)).toMatch(/^## Hvad reglen tjekker$[\s\S]*^## Hvorfor$[\s\S]*^## Indstillinger$[\s\S]*^## Eksempler$/m);
    });

    it(`${id}: the docs page and the README table give the default severity the rule declares`, () => {
      const declared: Severity = RULE_DEFAULTS[id];
      expect(docsSummary(id)?.severity, `docs/rules/${id}.md: »Standardalvor: **fejl**« or »**advarsel**« under the title`).toBe(declared);
      expect(readmeRules().get(id)?.severity, `README.md: the »standard« column of ${id}`).toBe(declared);
    });
  }

  for (const rule of RULES) {
    it(`${rule.id}: a table-driven test file, and the docs page names exactly the options of its schema`, () => {
      expect(existsSync(join(REPO_ROOT, 'tests/rules', `${rule.id}.test.ts`))).toBe(true);
      expect(docsSummary(rule.id)?.options).toEqual(Object.keys(rule.optionsSchema.properties));
    });

    it(`${rule.id}: its default options are valid options in the config schema`, () => {
      const validate = validatorFor('config');
      expect(validate({ rules: { [rule.id]: { options: rule.defaultOptions } } }), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('schema: the docs page says it has no options', () => {
    expect(docsSummary('schema')?.options).toEqual([]);
  });
});

describe('the ✗/✓ examples in the docs behave as the docs say', () => {
  for (const id of RULE_IDS) {
    // A missing page is reported above, by name; here it would stop the whole file.
    for (const example of existsSync(join(REPO_ROOT, ruleDocsPath(id))) ? readDocsExamples(id) : []) {
      it(`docs/rules/${id}.md:${example.line} ${example.expectFindings ? 'is reported' : 'passes'}`, () => {
        const document =
          example.target === 'frame'
            ? frameDocument({ [example.field]: example.text })
            : measureDocument({ ...example.frontmatter, [example.field]: example.text });
        // `schema` covers what the loader finds in the text (invisible characters, mojibake) as well as the schema itself.
        const count = id === 'schema' ? checkText(document.file, document.kind, document.text).length : findingsForRule(id, document);
        if (example.expectFindings) expect(count).toBeGreaterThan(0);
        else expect(count).toBe(0);
      });
    }
  }
});

function findingsForRule(id: RuleId, document: PolicyDocument): number {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  // Every example is read as if the area changed since the newest adopted version; only forslag-status asks.
  return findingsOf(rule, [document], {}, undefined, undefined, adoptedSince()).length;
}
