import { rolePhaseFields, sectionFields } from '../model/schema-catalog.js';
import type { Serviceniveau } from '../model/generated-types.js';
import { FRAME_ID } from './diff-snapshots.js';
import type { ChangeClass, ChangeKind } from './model.js';

/** The classes from the most to the least material: the order of every list and count of changes. */
export const CLASS_ORDER: readonly ChangeClass[] = ['material', 'content', 'editorial'];

export const CLASS_LABELS: Record<ChangeClass, string> = {
  material: 'Væsentlig',
  content: 'Indholdsmæssig',
  editorial: 'Redaktionel',
};

/** A class in the plural, as a column heading: »Væsentlige« (ændringer). */
export const CLASS_PLURALS: Record<ChangeClass, string> = {
  material: 'Væsentlige',
  content: 'Indholdsmæssige',
  editorial: 'Redaktionelle',
};

/** The frame's `status` as the committee says it. */
export const STATUS_LABELS: Record<Serviceniveau['status'], string> = {
  udkast: 'Udkast',
  hoering: 'I høring',
  vedtaget: 'Vedtaget',
};

export const KIND_LABELS: Record<ChangeKind, string> = {
  added: 'Ny',
  removed: 'Fjernet',
  renamed: 'Omdøbt',
  changed: 'Ændret',
};

const FRONTMATTER_LABELS: Record<string, string> = {
  id: 'Id',
  titel: 'Titel',
  kategori: 'Kategori',
  alder: 'Alder',
  kommune: 'Kommune',
  omraade: 'Område',
  status: 'Status',
  version: 'Version',
  gyldig_fra: 'Gyldig fra',
  vedtagelse: 'Vedtagelse',
  naeste_revision: 'Næste revision',
  underskriver: 'Underskriver',
};

/** The Danish heading of a changed field of a measure, the frame (id `serviceniveau`) or the role plan: the frame's own sections (»Målgruppe«) win for the frame. */
export function fieldHeading(measureId: string, field: string): string {
  if (measureId === FRAME_ID) {
    const section = sectionFields('serviceniveau').find((candidate) => candidate.key === field);
    if (section) return section.heading;
  }
  return fieldLabel(field);
}

/** The Danish name of a changed field: a section's heading (»Omfang og varighed«), a frontmatter label, or a role-plan cell. */
export function fieldLabel(field: string): string {
  const role = /^roller\.(.+)\.([^.]+)$/.exec(field);
  if (role) {
    const phase = rolePhaseFields().find((candidate) => candidate.key === role[2]);
    return `${role[1]}: ${phase?.heading ?? role[2]}`;
  }
  const section = [...sectionFields('foranstaltning'), ...sectionFields('serviceniveau')].find((candidate) => candidate.key === field);
  return section?.heading ?? FRONTMATTER_LABELS[field] ?? field;
}
