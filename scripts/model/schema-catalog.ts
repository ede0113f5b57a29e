import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoizeByObject } from '../memoize.js';
import { packageRoot } from '../package-root.js';
import type { DocumentKind } from './document.js';

/** A JSON Schema as read from schemas/ (only the parts the tools look at are typed). */
export interface JsonSchema {
  $id?: string;
  $ref?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $defs?: Record<string, JsonSchema>;
  items?: JsonSchema;
  'x-overskrift'?: string;
  'x-vejledning'?: string;
  [keyword: string]: unknown;
}

/** A document field written as a `##` (or `###`) section in Markdown. */
export interface SectionField {
  key: string;
  heading: string;
  guidance: string;
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['serviceniveau', 'foranstaltning', 'rolleplan', 'lovregister', 'config'];

const schemas = new Map<DocumentKind, JsonSchema>();

/** The JSON Schema of a document kind, read once from schemas/<kind>.schema.json. */
export function schemaOf(kind: DocumentKind): JsonSchema {
  let schema = schemas.get(kind);
  if (!schema) {
    schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', `${kind}.schema.json`), 'utf8')) as JsonSchema;
    schemas.set(kind, schema);
  }
  return schema;
}

/** The fields of an object schema that are sections (`x-overskrift`), in the schema's order; one list per schema. */
export const sectionFieldsOf: (schema: JsonSchema) => readonly SectionField[] = memoizeByObject((schema: JsonSchema) =>
  Object.entries(schema.properties ?? {})
    .filter(([, property]) => typeof property['x-overskrift'] === 'string')
    .map(([key, property]) => ({
      key,
      heading: property['x-overskrift'] ?? key,
      guidance: property['x-vejledning'] ?? '',
    })),
);

/** The sections of a document kind's top level. */
export function sectionFields(kind: DocumentKind): readonly SectionField[] {
  return sectionFieldsOf(schemaOf(kind));
}

/** The sections (phases) of one role in the role plan. */
export function rolePhaseFields(): readonly SectionField[] {
  const role = schemaOf('rolleplan').$defs?.['rolle'];
  return role ? sectionFieldsOf(role) : [];
}
