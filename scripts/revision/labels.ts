import { rolePhaseFields, sectionFields } from '../model/schema-catalog.js';
import type { ChangeClass, ChangeKind } from './model.js';

export const CLASS_LABELS: Record<ChangeClass, string> = {
  material: 'Væsentlig',
  content: 'Indholdsmæssig',
  editorial: 'Redaktionel',
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
