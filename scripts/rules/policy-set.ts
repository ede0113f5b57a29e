import { areaOfPath } from '../layout.js';
import { isRecord, type PolicyDocument } from '../model/document.js';
import { validatorFor } from '../validate/schema-validators.js';
import type { Lovregister, Rolleplan, Serviceniveau } from '../model/generated-types.js';

/** Every loaded document, for rules that look across documents: the register, and each area's frame and role plan. */
export interface PolicySet {
  register?: { document: PolicyDocument; data: Lovregister };
  /** The frame (serviceniveau.md) of the area a document belongs to. */
  frameOf(document: PolicyDocument): { document: PolicyDocument; data: Partial<Serviceniveau> } | undefined;
  /** The role plan of the area a document belongs to. */
  rolePlanOf(document: PolicyDocument): { document: PolicyDocument; data: Partial<Rolleplan> } | undefined;
}

/** Builds the policy set from all loaded documents. */
export function createPolicySet(documents: readonly PolicyDocument[]): PolicySet {
  const byArea = new Map<string, { frame?: PolicyDocument; rolePlan?: PolicyDocument }>();
  let register: PolicySet['register'];
  for (const document of documents) {
    // An invalid register is reported by the schema when its own file is checked; rules never read it.
    if (document.kind === 'lovregister' && isRecord(document.data) && !register && validatorFor('lovregister')(document.data)) {
      register = { document, data: document.data as unknown as Lovregister };
    }
    if (document.kind === 'serviceniveau' || document.kind === 'rolleplan') {
      const area = areaOf(document);
      const entry = byArea.get(area) ?? {};
      if (document.kind === 'serviceniveau') entry.frame ??= document;
      else entry.rolePlan ??= document;
      byArea.set(area, entry);
    }
  }
  return {
    ...(register ? { register } : {}),
    frameOf: (document) => {
      const frame = document.kind === 'serviceniveau' ? document : byArea.get(areaOf(document))?.frame;
      return frame && isRecord(frame.data) ? { document: frame, data: frame.data as Partial<Serviceniveau> } : undefined;
    },
    rolePlanOf: (document) => {
      const plan = byArea.get(areaOf(document))?.rolePlan;
      return plan && isRecord(plan.data) ? { document: plan, data: plan.data as Partial<Rolleplan> } : undefined;
    },
  };
}

/** The area folder of a document: policies/<area>/ for the frame and role plan, two levels up for a measure. */
function areaOf(document: Pick<PolicyDocument, 'file' | 'kind'>): string {
  return areaOfPath(document.file, document.kind);
}
