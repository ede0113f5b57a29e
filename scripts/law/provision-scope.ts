import type { ProvisionRef } from './law-texts.js';

/** A provision of a law, as far as a citation names it: »BL § 32«, »BL § 32, stk. 1, nr. 2«. */
export interface LawProvision extends ProvisionRef {
  law: string;
}

/**
 * Whether `outer` names all of `inner`: the same law and paragraph, and the same stk. and nr. wherever `outer`
 * names one. »§ 32« holds »§ 32, stk. 1, nr. 2«; »§ 32, stk. 2« does not hold »§ 32, nr. 2«.
 */
export function containsProvision(outer: LawProvision, inner: LawProvision): boolean {
  const a = explicit(outer);
  const b = explicit(inner);
  return (
    a.law === b.law &&
    paragraphKey(a.paragraf) === paragraphKey(b.paragraf) &&
    (a.stk === undefined || a.stk === b.stk) &&
    (a.nr === undefined || a.nr === b.nr)
  );
}

/** Whether one of two provisions holds the other: a measure citing the one is affected by a change of the other. */
export function provisionsMeet(a: LawProvision, b: LawProvision): boolean {
  return containsProvision(a, b) || containsProvision(b, a);
}

/** »§ 90, nr. 2« is stk. 1's item, as the law writes it when the paragraph has one stk. */
function explicit(provision: LawProvision): LawProvision {
  return provision.nr !== undefined && provision.stk === undefined ? { ...provision, stk: 1 } : provision;
}

/** A paragraph number as a key: »117 a« and »117a« are the same paragraph. */
export function paragraphKey(paragraf: string): string {
  return paragraf.replace(/\s+/g, '');
}
