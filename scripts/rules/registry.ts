import { individuelVurdering } from './individuel-vurdering.js';
import { laesbarhed } from './laesbarhed.js';
import { lovhjemmel } from './lovhjemmel.js';
import { personoplysninger } from './personoplysninger.js';
import { pladsholder } from './pladsholder.js';
import { skoenUnderRegel } from './skoen-under-regel.js';
import type { Rule } from './rule.js';

/** Every content rule, in the order they run. The `schema` rule is the validator itself (scripts/validate/). */
export const RULES: readonly Rule[] = [individuelVurdering, lovhjemmel, pladsholder, personoplysninger, skoenUnderRegel, laesbarhed];

/** Every rule id a user may write in config or a suppression: `schema` and the content rules. */
export const RULE_IDS: readonly string[] = ['schema', ...RULES.map((rule) => rule.id)];
