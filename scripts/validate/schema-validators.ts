import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import type { DocumentKind } from '../model/document.js';
import { schemaOf } from '../model/schema-catalog.js';

let ajv: Ajv2020 | undefined;
const validators = new Map<DocumentKind, ValidateFunction>();

/** The compiled validator of a document kind; ajv and each schema are compiled once per process. */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.compile(schemaOf(kind));
    validators.set(kind, validate);
  }
  return validate;
}

function createAjv(): Ajv2020 {
  // allErrors: report every problem at once; verbose: errors carry the schema and data for Danish messages.
  const instance = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  instance.addVocabulary(['x-overskrift', 'x-vejledning']);
  (ajvFormats as unknown as (ajv: Ajv2020) => void)(instance);
  (ajvErrors as unknown as (ajv: Ajv2020) => void)(instance);
  return instance;
}
