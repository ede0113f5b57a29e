import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { DOCUMENT_KINDS } from '../model/schema-catalog.js';
import { packageRoot } from '../package-root.js';

/** Where the generated types live; checked in, and regenerated with `npm run gen`. */
export const GENERATED_TYPES_PATH = join('scripts', 'model', 'generated-types.ts');

const BANNER = `/* Generated from schemas/*.schema.json by \`npm run gen\` (json-schema-to-typescript). Do not edit by hand. */`;

/** Renders the TypeScript types of every schema in schemas/, deterministically. */
export async function renderTypes(): Promise<string> {
  const parts = [BANNER, ''];
  for (const kind of DOCUMENT_KINDS) {
    const schema = JSON.parse(await readFile(join(packageRoot(), 'schemas', `${kind}.schema.json`), 'utf8')) as JSONSchema;
    const source = await compile(schema, kind, {
      bannerComment: '',
      additionalProperties: false,
      unknownAny: true,
      declareExternallyReferenced: true,
      strictIndexSignatures: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    parts.push(source.trim(), '');
  }
  return parts.join('\n');
}
