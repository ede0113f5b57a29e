import type { Foranstaltning, Rolle, Serviceniveau } from '../../model/generated-types.js';
import { rolePhaseFields, sectionFields } from '../../model/schema-catalog.js';

/** A headed text: a section of a measure or the frame, or a fact such as its kategori. */
export interface TextRow {
  key: string;
  heading: string;
  text: string;
}

/** The value under a key the schema's catalog names at run time: an own property, or undefined. */
function valueAt(document: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(document, key)?.value;
}

/** The text of a section: '' when it is missing or not text. */
function textAt(document: object, key: string): string {
  const value = valueAt(document, key);
  return typeof value === 'string' ? value : '';
}

/** A measure's eight sections in template order, each with its heading and its text ('' when not filled in). */
export function measureSections(measure: Partial<Foranstaltning>): TextRow[] {
  return sectionFields('foranstaltning').map((section) => ({ key: section.key, heading: section.heading, text: textAt(measure, section.key) }));
}

/** The frame's sections (forord, principper, målgruppe) in template order. */
export function frameSections(frame: Partial<Serviceniveau>): TextRow[] {
  return sectionFields('serviceniveau').map((section) => ({ key: section.key, heading: section.heading, text: textAt(frame, section.key) }));
}

/** The items of one role in each phase of the role plan, in the schema's order of phases. */
export function rolePhaseItems(role: Rolle): string[][] {
  return rolePhaseFields().map((phase) => {
    const items = valueAt(role, phase.key);
    return Array.isArray(items) ? items.filter((item): item is string => typeof item === 'string') : [];
  });
}
