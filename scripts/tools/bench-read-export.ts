import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXAMPLE_CONFIG, EXAMPLE_MEASURES } from '../followup/example-export.js';
import { readExport } from '../followup/read-export.js';
import { registerPathOf, areaFolderOf } from '../layout.js';
import type { Lovregister } from '../model/generated-types.js';
import { packageRoot } from '../package-root.js';

// For `npm run bench`: reads an export of Eksempel Kommune's allocations with readExport, whole process, until
// `opfoelgning` itself is timed. Prints the counts on stderr.
const file = resolve(process.argv[2] ?? 'bevillinger.csv');
const register = JSON.parse(readFileSync(join(packageRoot(), registerPathOf(areaFolderOf('boern-og-unge'))), 'utf8')) as Lovregister;
const read = await readExport(file, { cwd: dirname(file), config: EXAMPLE_CONFIG, measures: EXAMPLE_MEASURES, register });
process.stderr.write(
  `${read.allocations.length} allocations, ${read.problems.length} problems, ${read.unmapped.length} unmapped codes, ${read.skippedRows} skipped\n`,
);
