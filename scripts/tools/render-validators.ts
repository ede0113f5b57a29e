import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { DOCUMENT_KINDS } from '../model/schema-catalog.js';
import { packageRoot } from '../package-root.js';

/** Where the precompiled validators live; checked in, and regenerated with `npm run gen`. */
export const GENERATED_VALIDATORS_PATH = join('scripts', 'validate', 'generated-validators.ts');

const BANNER = [
  '/* Generated from schemas/*.schema.json by `npm run gen` (ajv standalone). Do not edit by hand. */',
  '// Precompiled so that no command compiles a schema at start-up.',
  '// @ts-nocheck',
  '/* eslint-disable */',
  "import { createRequire } from 'node:module';",
  '// ajv writes its runtime helpers as require() calls, even in ES module output.',
  'const require = createRequire(import.meta.url);',
].join('\n');

/** Renders one ES module exporting a validator per document kind, named after the kind; deterministic. */
export async function renderValidators(): Promise<string> {
  // allErrors: report every problem at once; verbose: errors carry the schema and data for Danish messages.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true, esm: true } });
  ajv.addVocabulary(['x-overskrift', 'x-vejledning', 'x-regex-flags']);
  (ajvFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  (ajvErrors as unknown as (ajv: Ajv2020) => void)(ajv);
  for (const kind of DOCUMENT_KINDS) ajv.addSchema(JSON.parse(await readFile(join(packageRoot(), 'schemas', `${kind}.schema.json`), 'utf8')) as object, kind);
  const code = (standaloneCode as unknown as (ajv: Ajv2020, refs: Record<string, string>) => string)(
    ajv,
    Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, kind])),
  );
  return `${BANNER}\n${code.replace(/^"use strict";/, '')}\n`;
}
