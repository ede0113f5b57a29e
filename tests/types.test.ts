import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from '../scripts/tools/render-config-schema.js';
import { GENERATED_TYPES_PATH, renderTypes } from '../scripts/tools/render-types.js';
import { GENERATED_VALIDATORS_PATH, renderValidators } from '../scripts/tools/render-validators.js';
import { REPO_ROOT } from './helpers.js';

describe('code generated from the rules and schemas (run `npm run gen` after changing a rule or a schema)', () => {
  it('the config schema is what the rules declare', () => {
    const checkedIn = readFileSync(join(REPO_ROOT, CONFIG_SCHEMA_PATH), 'utf8');
    expect(checkedIn, 'schemas/config.schema.json is stale: run `npm run gen`').toBe(renderConfigSchema());
  });

  it('types are up to date', async () => {
    const checkedIn = readFileSync(join(REPO_ROOT, GENERATED_TYPES_PATH), 'utf8');
    expect(checkedIn).toBe(await renderTypes());
  });

  it('precompiled validators are up to date', async () => {
    const checkedIn = readFileSync(join(REPO_ROOT, GENERATED_VALIDATORS_PATH), 'utf8');
    expect(checkedIn === (await renderValidators()), 'scripts/validate/generated-validators.ts is stale').toBe(true);
  });
});
