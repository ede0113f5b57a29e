import { join } from 'node:path';
import { RULES, SCHEMA_RULE } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';

/** Where the config schema lives; checked in, and regenerated from the rule registry with `npm run gen`. */
export const CONFIG_SCHEMA_PATH = join('schemas', 'config.schema.json');

const SEVERITY = { $ref: '#/$defs/alvor' };

/** The `$defs` name of a rule's options, from which json-schema-to-typescript names its type: `skoen-under-regel` → `skoenUnderRegelOptions`. */
export function optionsDefName(id: string): string {
  return `${id.replace(/-(\p{Ll})/gu, (_, letter: string) => letter.toUpperCase())}Options`;
}

/** A rule's entry under `rules`: a severity alone, or an object with a severity and (for a rule that has them) options. */
function ruleEntry(rule: Pick<Rule, 'id' | 'description'>, withOptions: boolean): object {
  const properties = withOptions ? { severity: SEVERITY, options: { $ref: `#/$defs/${optionsDefName(rule.id)}` } } : { severity: SEVERITY };
  return { description: rule.description, oneOf: [SEVERITY, { type: 'object', additionalProperties: false, properties }] };
}

/** Renders schemas/config.schema.json: the fixed frame, and one entry and one options schema per registered rule. Deterministic. */
export function renderConfigSchema(): string {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://serviceniveau.example/schemas/config.schema.json',
    $comment: "Generated from the rules in scripts/rules/ by `npm run gen`. Do not edit by hand: change the rule's optionsSchema.",
    title: 'Konfiguration',
    description:
      'Konfiguration af serviceniveau-kontrollerne (filen serviceniveau.config.json): hvilke regler der er slået til, med hvilken alvor og med hvilke indstillinger.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Sti til dette skema, så editoren kan hjælpe med udfyldningen.' },
      rules: {
        type: 'object',
        additionalProperties: false,
        description:
          'Indstillinger pr. regel: enten en alvor alene, fx "warning", eller et objekt med »severity« og »options«. En regel, der ikke er nævnt, kører med sin standardalvor.',
        properties: Object.fromEntries<object>([
          [SCHEMA_RULE.id, ruleEntry(SCHEMA_RULE, false)],
          ...RULES.map((rule): [string, object] => [rule.id, ruleEntry(rule, true)]),
        ]),
      },
    },
    $defs: {
      alvor: { enum: ['error', 'warning', 'off'], description: 'Alvor: »error« (fejl, stopper godkendelsen), »warning« (advarsel) eller »off« (slået fra).' },
      ...Object.fromEntries(RULES.map((rule) => [optionsDefName(rule.id), rule.optionsSchema])),
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
