import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { GENERATED_TYPES_PATH, renderTypes } from './render-types.js';
import { GENERATED_VALIDATORS_PATH, renderValidators } from './render-validators.js';

// `npm run gen`: the TypeScript types and the precompiled validators, both from schemas/.
await writeFile(join(packageRoot(), GENERATED_TYPES_PATH), await renderTypes());
console.log(`Skrev ${GENERATED_TYPES_PATH}`);
await writeFile(join(packageRoot(), GENERATED_VALIDATORS_PATH), await renderValidators());
console.log(`Skrev ${GENERATED_VALIDATORS_PATH}`);
