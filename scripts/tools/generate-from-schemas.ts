import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { renderLawIndex } from './render-law-index.js';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from './render-config-schema.js';
import { GENERATED_TYPES_PATH, renderTypes } from './render-types.js';
import { GENERATED_VALIDATORS_PATH, renderValidators } from './render-validators.js';

// `npm run gen`: first the config schema from the rule registry, then from schemas/ (that one included)
// the TypeScript types and the precompiled validators. The order matters: both read the config schema.
// Last, the law index in lovtekster/index/ from the retsinformation texts in lovtekster/kilder/.
await writeFile(join(packageRoot(), CONFIG_SCHEMA_PATH), renderConfigSchema());
console.log(`Skrev ${CONFIG_SCHEMA_PATH}`);
await writeFile(join(packageRoot(), GENERATED_TYPES_PATH), await renderTypes());
console.log(`Skrev ${GENERATED_TYPES_PATH}`);
await writeFile(join(packageRoot(), GENERATED_VALIDATORS_PATH), await renderValidators());
console.log(`Skrev ${GENERATED_VALIDATORS_PATH}`);
for (const [path, content] of await renderLawIndex()) {
  await mkdir(dirname(join(packageRoot(), path)), { recursive: true });
  await writeFile(join(packageRoot(), path), content);
  console.log(`Skrev ${path}`);
}
