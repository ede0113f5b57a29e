import { danishDate } from '../law/register.js';
import type { ForslagStatusOptions } from '../model/generated-types.js';
import type { PolicyDocument } from '../model/document.js';
import type { OptionsSchema, Rule, RuleReport } from './rule.js';

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »forslag-status«.',
  properties: {},
} as const satisfies OptionsSchema;

const HINT =
  'Et forslag skal sige, at det er et forslag: sæt status: udkast eller hoering, en ny version (fx 2027.1) og den gyldig_fra, ændringerne skal gælde fra. Når udvalget har vedtaget, sættes status: vedtaget og vedtagelse, og versionen mærkes med tagget vedtaget/ÅÅÅÅ-MM-DD.';

/**
 * A proposal stamped as adopted: the area has changed since the newest adopted version (its `vedtaget/*` tag),
 * but its frame still says »vedtaget«. The committee documents and the rendered service level would present
 * the proposal as the adopted text. Git's view comes in through the policy set; without a tag nothing is said.
 */
export const forslagStatus: Rule<ForslagStatusOptions, 'forslag-status'> = {
  id: 'forslag-status',
  description: 'Et serviceniveau, der er ændret siden den nyeste vedtagne version, står ikke stadig som vedtaget.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents, policy }) {
    const frames = new Set<PolicyDocument>();
    for (const document of documents) {
      const frame = policy.frameOf(document);
      if (frame?.data.status === 'vedtaget') frames.add(frame.document);
    }
    const reports: RuleReport[] = [];
    for (const frame of frames) {
      const adopted = policy.adopted?.frames.get(frame.file);
      if (!adopted?.changed) continue;
      const data = policy.frameOf(frame)!.data;
      const kept = [
        ...(adopted.version !== undefined && data.version === adopted.version ? [`version ${adopted.version}`] : []),
        ...(adopted.gyldigFra !== undefined && data.gyldig_fra === adopted.gyldigFra ? [`gyldig fra ${danishDate(adopted.gyldigFra)}`] : []),
      ];
      reports.push({
        document: frame,
        range: frame.locations.get('/status')?.value ?? frame.fallback,
        message: `Serviceniveauet er ændret siden den vedtagne version (${policy.adopted!.tag}), men står stadig som vedtaget${kept.length > 0 ? `, ${kept.join(' og ')}` : ''}`,
        hint: HINT,
      });
    }
    return reports;
  },
};
