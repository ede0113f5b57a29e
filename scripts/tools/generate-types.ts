import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { GENERATED_TYPES_PATH, renderTypes } from './render-types.js';

await writeFile(join(packageRoot(), GENERATED_TYPES_PATH), await renderTypes());
console.log(`Skrev ${GENERATED_TYPES_PATH}`);
