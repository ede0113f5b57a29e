import { isRecord, type PolicyDocument } from '../model/document.js';
import { rolePhaseFields, sectionFields } from '../model/schema-catalog.js';
import type { ChangeKind } from './model.js';
import type { AreaSnapshot } from './snapshot.js';

/** A field whose text differs between two versions; judging it is the classifier's job. */
export interface FieldDiff {
  field: string;
  before: string;
  after: string;
}

/** What changed for one measure (or the frame, or the role plan), before any judgement. */
export interface StructuralChange {
  kind: ChangeKind;
  id: string;
  previousId?: string;
  titel: string;
  before?: PolicyDocument;
  after?: PolicyDocument;
  fields: FieldDiff[];
}

export const FRAME_ID = 'serviceniveau';
export const ROLE_PLAN_ID = 'rolleplan';

/**
 * The structural difference of two versions of an area: measures matched by id, renames found from
 * git's rename detection or from identical content under a new id, and the frame and role plan diffed
 * field by field. It judges nothing.
 */
export function diffSnapshots(before: AreaSnapshot, after: AreaSnapshot, renamedPaths: ReadonlyMap<string, string> = new Map()): StructuralChange[] {
  const changes: StructuralChange[] = [];
  const frame = diffDocuments(FRAME_ID, 'Serviceniveauets ramme', before.frame, after.frame, frameFields);
  if (frame) changes.push(frame);
  const removed = new Map([...before.measures].filter(([id]) => !after.measures.has(id)));
  const added = new Map([...after.measures].filter(([id]) => !before.measures.has(id)));
  for (const [newId, document] of [...added]) {
    const oldId = renamedFrom(document, removed, renamedPaths);
    if (!oldId) continue;
    const previous = removed.get(oldId)!;
    removed.delete(oldId);
    added.delete(newId);
    const fields = diffFields(measureFields(previous), measureFields(document)).filter((field) => field.field !== 'id');
    changes.push({
      kind: 'renamed',
      id: newId,
      previousId: oldId,
      titel: titleOf(document, newId),
      before: previous,
      after: document,
      fields: [{ field: 'id', before: oldId, after: newId }, ...fields],
    });
  }
  for (const [id, document] of after.measures) {
    const previous = before.measures.get(id);
    if (previous) {
      const change = diffDocuments(id, titleOf(document, id), previous, document, measureFields);
      if (change) changes.push(change);
    } else if (added.has(id)) {
      changes.push({ kind: 'added', id, titel: titleOf(document, id), after: document, fields: diffFields({}, measureFields(document)) });
    }
  }
  for (const [id, document] of removed) {
    changes.push({ kind: 'removed', id, titel: titleOf(document, id), before: document, fields: diffFields(measureFields(document), {}) });
  }
  const rolePlan = diffDocuments(ROLE_PLAN_ID, 'Rolleplan', before.rolePlan, after.rolePlan, rolePlanFields);
  if (rolePlan) changes.push(rolePlan);
  return changes.sort(changeOrder);
}

function diffDocuments(
  id: string,
  titel: string,
  before: PolicyDocument | undefined,
  after: PolicyDocument | undefined,
  fieldsOf: (document: PolicyDocument) => Record<string, string>,
): StructuralChange | undefined {
  if (before === after) return undefined; // the same file on both sides, read once
  const fields = diffFields(before ? fieldsOf(before) : {}, after ? fieldsOf(after) : {});
  if (fields.length === 0) return undefined;
  const kind: ChangeKind = !before ? 'added' : !after ? 'removed' : 'changed';
  return { kind, id, titel, ...(before ? { before } : {}), ...(after ? { after } : {}), fields };
}

function diffFields(before: Record<string, string>, after: Record<string, string>): FieldDiff[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' })).filter((field) => field.before !== field.after);
}

/** A measure that was renamed: git followed the file, or the same content now has a new id. */
function renamedFrom(document: PolicyDocument, removed: ReadonlyMap<string, PolicyDocument>, renamedPaths: ReadonlyMap<string, string>): string | undefined {
  for (const [oldId, previous] of removed) {
    if (renamedPaths.get(previous.file) === document.file) return oldId;
  }
  const content = JSON.stringify({ ...measureFields(document), id: '' });
  for (const [oldId, previous] of removed) {
    if (JSON.stringify({ ...measureFields(previous), id: '' }) === content) return oldId;
  }
  return undefined;
}

/** A measure's fields as text, in template order: frontmatter, then the eight sections. */
export function measureFields(document: PolicyDocument): Record<string, string> {
  const data = record(document.data);
  const fields: Record<string, string> = {};
  for (const key of ['id', 'titel', 'kategori']) if (typeof data[key] === 'string') fields[key] = data[key];
  const age = record(data['alder']);
  if (typeof age['fra'] === 'number' && typeof age['til'] === 'number') fields['alder'] = `${age['fra']}-${age['til']} år`;
  for (const section of sectionFields('foranstaltning')) if (typeof data[section.key] === 'string') fields[section.key] = data[section.key] as string;
  return fields;
}

/** The frame's fields as text: metadata, then foreword, principles and target group. */
export function frameFields(document: PolicyDocument): Record<string, string> {
  const data = record(document.data);
  const fields: Record<string, string> = {};
  for (const key of ['kommune', 'omraade', 'status', 'version', 'gyldig_fra', 'naeste_revision']) if (typeof data[key] === 'string') fields[key] = data[key];
  const adoption = record(data['vedtagelse']);
  if (Object.keys(adoption).length > 0)
    fields['vedtagelse'] = [adoption['dato'], adoption['organ'], adoption['reference']].filter((part) => typeof part === 'string').join(', ');
  const signer = record(data['underskriver']);
  if (Object.keys(signer).length > 0) fields['underskriver'] = [signer['navn'], signer['titel']].filter((part) => typeof part === 'string').join(', ');
  for (const section of sectionFields('serviceniveau')) if (typeof data[section.key] === 'string') fields[section.key] = data[section.key] as string;
  return fields;
}

/** The role plan as one field per role and phase: `roller.<rolle>.<fase>`, the bullets as lines. */
export function rolePlanFields(document: PolicyDocument): Record<string, string> {
  const roles = record(document.data)['roller'];
  const fields: Record<string, string> = {};
  for (const role of Array.isArray(roles) ? roles : []) {
    const data = record(role);
    if (typeof data['rolle'] !== 'string') continue;
    for (const phase of rolePhaseFields()) {
      const items = data[phase.key];
      if (Array.isArray(items))
        fields[`roller.${data['rolle']}.${phase.key}`] = items
          .filter((item) => typeof item === 'string')
          .map((item) => `- ${item}`)
          .join('\n');
    }
  }
  return fields;
}

function titleOf(document: PolicyDocument, id: string): string {
  const titel = record(document.data)['titel'];
  return typeof titel === 'string' ? titel : id;
}

/** The frame first, then measures by id, the role plan last. */
function changeOrder(a: StructuralChange, b: StructuralChange): number {
  const rank = (change: StructuralChange): number => {
    const kind = (change.after ?? change.before)?.kind;
    return kind === 'serviceniveau' ? 0 : kind === 'rolleplan' ? 2 : 1;
  };
  return rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
