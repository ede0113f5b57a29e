import { memoizeByObject } from '../memoize.js';
import { DROPPED_INVISIBLE_ALL } from '../text/invisible.js';
import { trailing } from '../text/trailing.js';
import type { SectionField } from '../model/schema-catalog.js';

/** Folds a heading for tolerant matching: case, "/" or "&" for "og", emphasis marks, colons and spacing. */
export function normalizeHeading(text: string): string {
  const folded = text
    .normalize('NFC')
    .replace(DROPPED_INVISIBLE_ALL, '')
    .toLocaleLowerCase('da')
    .replace(/[*_`]/g, '')
    .replace(/[/&+]/g, ' og ')
    .replace(/[\s\u00A0]+/g, ' ');
  // The spaces, colons and full stops at the end go; trailing() is linear where /[\s:.]+$/ is not.
  return folded.slice(0, folded.length - trailing(folded, /[\s:.]/).length).trim();
}

/** The section field a heading names, if any. */
export function matchHeading(text: string, fields: readonly SectionField[]): SectionField | undefined {
  return fieldsByHeading(fields).get(normalizeHeading(text));
}

/** The fields by their folded heading, once per list of fields (the schema's lists live as long as the process). */
const fieldsByHeading = memoizeByObject((fields: readonly SectionField[]) => {
  const byHeading = new Map<string, SectionField>();
  for (const field of fields) if (!byHeading.has(normalizeHeading(field.heading))) byHeading.set(normalizeHeading(field.heading), field);
  return byHeading;
});

/** The headings of a list of sections, for hints: »Formål«, »Indhold«, … */
export function listHeadings(fields: readonly SectionField[]): string {
  return fields.map((field) => `»${field.heading}«`).join(', ');
}
