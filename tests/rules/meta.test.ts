import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../scripts/config/load-config.js';
import type { PolicyDocument } from '../../scripts/model/document.js';
import { RULE_IDS, RULES } from '../../scripts/rules/registry.js';
import { validateDocument } from '../../scripts/validate/validate-document.js';
import { REPO_ROOT } from '../helpers.js';
import { readDocsExamples } from './docs-examples.js';
import { findingsOf, frameDocument, measureDocument } from './rule-helpers.js';

const configSchema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/config.schema.json'), 'utf8')) as {
  properties: { rules: { properties: Record<string, { description: string }> } };
};

describe('every rule has its docs, tests and config entry', () => {
  it('the config schema lists exactly the registered rules', () => {
    expect(Object.keys(configSchema.properties.rules.properties).sort()).toEqual([...RULE_IDS].sort());
  });

  for (const id of RULE_IDS) {
    it(`${id}: a Danish docs page with ✗ and ✓ examples`, () => {
      const examples = readDocsExamples(id);
      expect(examples.some((example) => example.expectFindings)).toBe(true);
      expect(examples.some((example) => !example.expectFindings)).toBe(true);
      expect(readFileSync(join(REPO_ROOT, 'docs/rules', `${id}.md`), 'utf8')).toMatch(/^## Hvad reglen tjekker$[\s\S]*^## Hvorfor$[\s\S]*^## Indstillinger$[\s\S]*^## Eksempler$/m);
    });
  }

  for (const rule of RULES) {
    it(`${rule.id}: a table-driven test file, and the same description and default as in the config schema`, () => {
      expect(existsSync(join(REPO_ROOT, 'tests/rules', `${rule.id}.test.ts`))).toBe(true);
      expect(rule.description).toBe(configSchema.properties.rules.properties[rule.id]?.description);
      expect(RULE_DEFAULTS[rule.id]).toBe(rule.defaultSeverity);
    });
  }
});

describe('the ✗/✓ examples in the docs behave as the docs say', () => {
  for (const id of RULE_IDS) {
    for (const example of readDocsExamples(id)) {
      it(`docs/rules/${id}.md:${example.line} ${example.expectFindings ? 'is reported' : 'passes'}`, () => {
        const document = example.target === 'frame' ? frameDocument({ [example.field]: example.text }) : measureDocument({ [example.field]: example.text });
        const count = id === 'schema' ? validateDocument(document).length : findingsForRule(id, document);
        if (example.expectFindings) expect(count).toBeGreaterThan(0);
        else expect(count).toBe(0);
      });
    }
  }
});

function findingsForRule(id: string, document: PolicyDocument): number {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return findingsOf(rule, [document]).length;
}
