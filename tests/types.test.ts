import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_TYPES_PATH, renderTypes } from '../scripts/tools/render-types.js';
import { REPO_ROOT } from './helpers.js';

describe('types generated from the schemas', () => {
  it('are up to date (run `npm run gen:types` after changing a schema)', async () => {
    const checkedIn = readFileSync(join(REPO_ROOT, GENERATED_TYPES_PATH), 'utf8');
    expect(checkedIn).toBe(await renderTypes());
  });
});
