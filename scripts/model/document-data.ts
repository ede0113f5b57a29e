import { validatorFor } from '../validate/schema-validators.js';
import { isRecord, type PolicyDocument } from './document.js';
import type { Foranstaltning, Lovregister, Rolleplan, Serviceniveau } from './generated-types.js';

// Typed views of a loaded document's data. A document that loaded whole holds an object in its schema's
// shape, though possibly incomplete (a missing section is a schema finding, not a missing document), hence
// Partial; the register is only ever used when it is valid, so rules can trust every entry.

/** The frame's data, when the document is a frame that holds an object. */
export function frameData(document: PolicyDocument | undefined): Partial<Serviceniveau> | undefined {
  return document?.kind === 'serviceniveau' && isRecord(document.data) ? document.data : undefined;
}

/** A measure's data, when the document is a measure that holds an object. */
export function measureData(document: PolicyDocument | undefined): Partial<Foranstaltning> | undefined {
  return document?.kind === 'foranstaltning' && isRecord(document.data) ? document.data : undefined;
}

/** The role plan's data, when the document is a role plan that holds an object. */
export function rolePlanData(document: PolicyDocument | undefined): Partial<Rolleplan> | undefined {
  return document?.kind === 'rolleplan' && isRecord(document.data) ? document.data : undefined;
}

/** The register's data, only when it is valid against its schema. */
export function registerData(document: PolicyDocument | undefined): Lovregister | undefined {
  return document?.kind === 'lovregister' && isRecord(document.data) && validatorFor('lovregister')(document.data)
    ? (document.data as unknown as Lovregister)
    : undefined;
}
