import type { ValidateFunction } from 'ajv';
import type { DocumentKind } from '../model/document.js';
import * as generated from './generated-validators.js';

const validators = generated as unknown as Record<DocumentKind, ValidateFunction>;

/** The validator of a document kind, precompiled from its schema by `npm run gen` (ajv standalone). */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  return validators[kind];
}
