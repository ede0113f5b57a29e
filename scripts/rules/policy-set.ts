import { areaOfPath } from '../layout.js';
import type { PolicyDocument } from '../model/document.js';
import { frameData, registerData, rolePlanData } from '../model/document-data.js';
import type { Lovregister, Rolleplan, Serviceniveau } from '../model/generated-types.js';

/** Every loaded document, for rules that look across documents: the register, and each area's frame and role plan. */
export interface PolicySet {
  register?: { document: PolicyDocument; data: Lovregister };
  /** The day the check is made for: the date given with »check --dato«, else today (ISO). */
  checkDate: { iso: string; given: boolean };
  /** The frame (serviceniveau.md) of the area a document belongs to. */
  frameOf(document: PolicyDocument): { document: PolicyDocument; data: Partial<Serviceniveau> } | undefined;
  /** The role plan of the area a document belongs to. */
  rolePlanOf(document: PolicyDocument): { document: PolicyDocument; data: Partial<Rolleplan> } | undefined;
  /** The newest adopted version in git, when there is one: what its frames said, and whether each area changed since. */
  adopted?: AdoptedVersion;
}

/** The newest `vedtaget/*` tag, as `check` read it from git (scripts/check/adopted-version.ts). */
export interface AdoptedVersion {
  tag: string;
  /** By frame file (as `PolicyDocument.file`): the adopted frame's version and gyldig_fra, and whether its area differs now. */
  frames: ReadonlyMap<string, { version?: string; gyldigFra?: string; changed: boolean }>;
}

/** Builds the policy set from all loaded documents; `asOf` is the ISO date of »check --dato«, if given. */
export function createPolicySet(documents: readonly PolicyDocument[], asOf?: string, adopted?: AdoptedVersion): PolicySet {
  const byArea = new Map<string, { frame?: PolicyDocument; rolePlan?: PolicyDocument }>();
  let register: PolicySet['register'];
  for (const document of documents) {
    // An invalid register is reported by the schema when its own file is checked; rules never read it.
    const data = register ? undefined : registerData(document);
    if (data) register = { document, data };
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
    ...(adopted ? { adopted } : {}),
    checkDate: asOf !== undefined ? { iso: asOf, given: true } : { iso: new Date().toISOString().slice(0, 10), given: false },
    frameOf: (document) => {
      const frame = document.kind === 'serviceniveau' ? document : byArea.get(areaOf(document))?.frame;
      const data = frameData(frame);
      return frame && data ? { document: frame, data } : undefined;
    },
    rolePlanOf: (document) => {
      const plan = byArea.get(areaOf(document))?.rolePlan;
      const data = rolePlanData(plan);
      return plan && data ? { document: plan, data } : undefined;
    },
  };
}

/** The area folder of a document: policies/<area>/ for the frame and role plan, two levels up for a measure. */
function areaOf(document: Pick<PolicyDocument, 'file' | 'kind'>): string {
  return areaOfPath(document.file, document.kind);
}
