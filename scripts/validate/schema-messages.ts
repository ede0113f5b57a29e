import type { ErrorObject } from 'ajv';
import { childPointer, type PolicyDocument } from '../model/document.js';
import { rolePhaseFields, sectionFields, type JsonSchema, type SectionField } from '../model/schema-catalog.js';

/** One schema error in words a policy officer understands, and the pointer it concerns. */
export interface SchemaMessage {
  pointer: string;
  /** Point at the member's key (an unknown field) rather than its value. */
  atKey: boolean;
  message: string;
  hint?: string;
  /** Most schema problems are errors; a few (an empty role-plan phase) are only worth a warning. */
  severity?: 'warning';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  integer: 'et helt tal',
  number: 'et tal',
  boolean: 'sand eller falsk (true/false)',
  object: 'en gruppe af felter',
  array: 'en liste',
  null: 'tom',
};

/** Translates one ajv error (compiled with `verbose`) into a Danish message; undefined for noise. */
export function describeSchemaError(error: ErrorObject, document: PolicyDocument): SchemaMessage | undefined {
  const pointer = error.instancePath;
  const parentSchema = (error.parentSchema ?? {}) as JsonSchema;
  const section = sectionAt(document, pointer);
  const label = labelOf(document, pointer, section);
  switch (error.keyword) {
    case 'if':
      return undefined; // the failing `then` branch reports the real problem
    case 'errorMessage':
      return { pointer, atKey: false, message: error.message ?? `${capitalize(label)} er ugyldig` };
    case 'required': {
      const missing = String(error.params['missingProperty']);
      const childSchema = parentSchema.properties?.[missing] ?? {};
      return describeMissing(document, childPointer(pointer, missing), missing, childSchema, sectionAt(document, childPointer(pointer, missing)));
    }
    case 'additionalProperties': {
      const extra = String(error.params['additionalProperty']);
      const known = Object.keys(parentSchema.properties ?? {}).filter((key) => key !== '$schema');
      const suggestion = closest(extra, known);
      const where = document.format === 'md' && pointer === '' ? ' i frontmatter' : '';
      return {
        pointer: childPointer(pointer, extra),
        atKey: true,
        message: `Ukendt felt »${extra}«${where}`,
        hint: suggestion ? `Mente du »${suggestion}«?` : `Tilladte felter her: ${known.map((key) => `»${key}«`).join(', ')}.`,
      };
    }
    case 'type': {
      const expected = String(error.params['type'])
        .split(',')
        .map((type) => TYPE_NAMES[type] ?? type)
        .join(' eller ');
      const quoteHint =
        document.format === 'md' && String(error.params['type']) === 'string' && typeof error.data !== 'object'
          ? `Sæt værdien i anførselstegn, fx "${typeof error.data === 'string' ? error.data : JSON.stringify(error.data)}".`
          : parentSchema.description;
      return withHint({ pointer, atKey: false, message: `${capitalize(label)} skal være ${expected}, men er ${describeValue(error.data)}` }, quoteHint);
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (error.params['allowedValues'] as unknown[]) : [error.params['allowedValue']])
        .map((value) => `»${String(value)}«`)
        .join(', ');
      return withHint(
        { pointer, atKey: false, message: `${capitalize(label)} skal være en af ${allowed}, men er ${describeValue(error.data)}` },
        parentSchema.description,
      );
    }
    case 'minLength':
    case 'pattern':
      if (error.keyword === 'minLength' || error.params['pattern'] === '\\S') {
        const guidance = section?.guidance;
        return withHint(
          { pointer, atKey: false, message: `${capitalize(label)} er ${emptyWord(label)}` },
          guidance ? `Skriv tekst under overskriften. Vejledning: ${guidance}` : parentSchema.description,
        );
      }
      return withHint(
        { pointer, atKey: false, message: `${capitalize(label)} har ikke den forventede form: ${describeValue(error.data)}` },
        parentSchema.description,
      );
    case 'format':
      if (error.params['format'] === 'date') {
        return {
          pointer,
          atKey: false,
          message: `${capitalize(label)} skal være en dato på formen ÅÅÅÅ-MM-DD, fx 2025-03-01, men er ${describeValue(error.data)}`,
        };
      }
      return withHint({ pointer, atKey: false, message: `${capitalize(label)} har ikke formatet ${String(error.params['format'])}` }, parentSchema.description);
    case 'minimum':
    case 'maximum': {
      const word = error.keyword === 'minimum' ? 'mindst' : 'højst';
      return withHint(
        { pointer, atKey: false, message: `${capitalize(label)} skal være ${word} ${String(error.params['limit'])}, men er ${describeValue(error.data)}` },
        parentSchema.description,
      );
    }
    case 'exclusiveMinimum':
      return withHint(
        { pointer, atKey: false, message: `${capitalize(label)} skal være større end ${String(error.params['limit'])}, men er ${describeValue(error.data)}` },
        parentSchema.description,
      );
    case 'minProperties': {
      const allowed = Object.keys(parentSchema.properties ?? {});
      const fields = allowed.length > 0 ? `: ${allowed.map((key) => `»${key}«`).join(', ')}` : '';
      return withHint(
        { pointer, atKey: false, message: `${capitalize(label)} er ${emptyWord(label)} — skriv mindst ét af felterne${fields}` },
        parentSchema.description,
      );
    }
    case 'minItems':
      return withHint({ pointer, atKey: false, message: `${capitalize(label)} er ${emptyWord(label)}` }, parentSchema.description);
    case 'oneOf':
    case 'anyOf':
      return withHint({ pointer, atKey: false, message: `${capitalize(label)} har ikke en gyldig form` }, parentSchema.description);
    default:
      return withHint({ pointer, atKey: false, message: `${capitalize(label)} overholder ikke skemaet (${error.keyword})` }, parentSchema.description);
  }
}

function describeMissing(document: PolicyDocument, pointer: string, key: string, schema: JsonSchema, section: SectionField | undefined): SchemaMessage {
  const heading = section?.heading;
  if (heading && document.kind === 'rolleplan') {
    return {
      pointer,
      atKey: false,
      message: `Fasen »${heading}« mangler for ${roleName(document, pointer)}`,
      hint: document.format === 'md' ? `Tilføj »### ${heading}« med mindst ét punkt, der begynder med »- «.` : `Tilføj feltet »${key}« med en liste af ansvar.`,
    };
  }
  if (heading) {
    return {
      pointer,
      atKey: false,
      message: `Afsnittet »${heading}« mangler`,
      hint:
        document.format === 'md'
          ? `Tilføj overskriften »## ${heading}« med tekst under. ${section.guidance}`.trim()
          : `Tilføj feltet »${key}« med afsnittets tekst.`,
    };
  }
  const where = document.format === 'md' && pointer.split('/').length === 2 ? ' i frontmatter' : '';
  return withHint({ pointer, atKey: false, message: `Feltet »${dotted(pointer)}« mangler${where}` }, schema.description);
}

/** The section (or role-plan phase) a pointer names, from the schema's `x-overskrift`. */
function sectionAt(document: PolicyDocument, pointer: string): SectionField | undefined {
  if (document.kind === 'rolleplan') {
    const key = /^\/roller\/\d+\/([^/]+)$/.exec(pointer)?.[1];
    return key ? rolePhaseFields().find((field) => field.key === key) : undefined;
  }
  const key = /^\/([^/]+)$/.exec(pointer)?.[1];
  return key ? sectionFields(document.kind).find((field) => field.key === key) : undefined;
}

/** How a field is named in a message: a section by its heading, anything else by its dotted path. */
function labelOf(document: PolicyDocument, pointer: string, section: SectionField | undefined): string {
  const item = /^\/roller\/\d+\/[^/]+\/(\d+)$/.exec(pointer);
  if (section && document.kind === 'rolleplan') return `fasen »${section.heading}« for ${roleName(document, pointer)}`;
  if (item?.[1] && document.kind === 'rolleplan') return `punkt ${Number(item[1]) + 1} for ${roleName(document, pointer)}`;
  if (section) return `afsnittet »${section.heading}«`;
  if (pointer === '') return 'dokumentet';
  return `feltet »${dotted(pointer)}«`;
}

function roleName(document: PolicyDocument, pointer: string): string {
  const index = Number(pointer.split('/')[2]);
  const roles = (document.data as { roller?: { rolle?: unknown }[] } | null)?.roller;
  const name = roles?.[index]?.rolle;
  return typeof name === 'string' ? `rollen »${name}«` : `rolle nr. ${index + 1}`;
}

function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((token, index) => (/^\d+$/.test(token) ? `[${Number(token) + 1}]` : `${index === 0 ? '' : '.'}${token}`))
    .join('');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'tom';
  if (typeof value === 'string') return value.length > 40 ? `»${value.slice(0, 40)}…«` : `»${value}«`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${TYPE_NAMES[typeof value] ?? typeof value} (${String(value)})`;
  return Array.isArray(value) ? 'en liste' : 'en gruppe af felter';
}

function withHint(message: SchemaMessage, hint: string | undefined): SchemaMessage {
  return hint ? { ...message, hint } : message;
}

/** "tom" or "tomt", agreeing with the noun that opens the label (feltet, afsnittet, punkt → tomt). */
function emptyWord(label: string): string {
  return /^(feltet|afsnittet|punkt|dokumentet)/.test(label) ? 'tomt' : 'tom';
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

/** The known name nearest to a misspelled one, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
