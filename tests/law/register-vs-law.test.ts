import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lawTextOn, lookupProvision } from '../../scripts/law/law-texts.js';
import { formatCitation, referenceTo } from '../../scripts/law/register.js';
import type { Lovregister, Paragraf } from '../../scripts/model/generated-types.js';
import { examplePolicyDocuments } from '../rules/rule-helpers.js';
import { citedProvisions } from '../../scripts/law/cited-provisions.js';
import { REPO_ROOT } from '../helpers.js';

const register = JSON.parse(readFileSync(join(REPO_ROOT, 'policies/lovregister.json'), 'utf8')) as Lovregister;

/** The day the register entry is checked on: its last day in force if repealed, else the newest text's day. */
function dayOf(entry: Paragraf): string {
  if (entry.i_kraft_til) return entry.i_kraft_til;
  return '2025-12-31';
}

describe('the register agrees with the law text (a contradiction is a register error: fix the register)', () => {
  it('every entry exists in the act in force on its day, where the tool has that act', () => {
    const contradictions: string[] = [];
    let checked = 0;
    for (const entry of register.paragraffer) {
      const text = lawTextOn(entry.lov, dayOf(entry));
      if (!text) continue;
      checked++;
      const lookup = lookupProvision(text, entry);
      if (!lookup.found) contradictions.push(`${formatCitation(register, referenceTo(entry))}: ${lookup.reason} (${text.akt})`);
    }
    expect(contradictions).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it('every citation in the example measures exists in LBK nr 282 af 17/03/2025 (Barnets Lov)', () => {
    const lbk282 = lawTextOn('BL', '2025-12-31')!;
    expect(lbk282.akt).toBe('LBK nr 282 af 17/03/2025');
    const missing: string[] = [];
    let cited = 0;
    for (const document of examplePolicyDocuments()) {
      if (document.kind !== 'foranstaltning') continue;
      for (const provision of citedProvisions(document, register)) {
        if (provision.law !== 'BL') continue;
        cited++;
        const lookup = lookupProvision(lbk282, provision);
        if (!lookup.found) missing.push(`${document.file}: ${provision.written} (${lookup.reason})`);
      }
    }
    expect(missing).toEqual([]);
    expect(cited).toBeGreaterThan(30);
  });
});
