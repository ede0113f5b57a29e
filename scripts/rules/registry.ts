import type { Severity } from '../model/finding.js';
import { forslagStatus } from './forslag-status.js';
import { individuelVurdering } from './individuel-vurdering.js';
import { laesbarhed } from './laesbarhed.js';
import { lovhjemmel } from './lovhjemmel.js';
import { personoplysninger } from './personoplysninger.js';
import { pladsholder } from './pladsholder.js';
import { ramme } from './ramme.js';
import { skoenUnderRegel } from './skoen-under-regel.js';
import type { Rule } from './rule.js';

/** The content rules with their literal types, in the order they run; adding a rule is one line here. */
const REGISTERED = [individuelVurdering, lovhjemmel, pladsholder, personoplysninger, skoenUnderRegel, laesbarhed, forslagStatus, ramme] as const;

/** The `schema` rule is the validator itself (scripts/validate/): it has a severity but no options and no check here. */
export const SCHEMA_RULE = {
  id: 'schema',
  description: 'Dokumentet følger sit skema: alle afsnit findes og er udfyldt, og felterne har den rigtige form.',
  defaultSeverity: 'error',
} as const satisfies Pick<Rule, 'id' | 'description' | 'defaultSeverity'>;

/** The id of a content rule. */
export type ContentRuleId = (typeof REGISTERED)[number]['id'];

/** Every rule id a user may write in config or a suppression. */
export type RuleId = ContentRuleId | typeof SCHEMA_RULE.id;

/** Every content rule, in the order they run. */
export const RULES: readonly Rule<object, ContentRuleId>[] = REGISTERED;

/** Every rule id a user may write in config or a suppression: `schema` and the content rules. */
export const RULE_IDS: readonly RuleId[] = [SCHEMA_RULE.id, ...RULES.map((rule) => rule.id)];

/** Each rule's default severity, as the rule itself declares it. */
export const RULE_DEFAULTS: Readonly<Record<RuleId, Severity>> = Object.fromEntries(
  [SCHEMA_RULE, ...RULES].map((rule) => [rule.id, rule.defaultSeverity]),
) as Record<RuleId, Severity>;
