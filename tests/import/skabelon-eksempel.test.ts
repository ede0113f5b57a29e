import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';
import { importInto } from './helpers.js';
import { SKABELON_EKSEMPEL, skabelonEksempel } from './skabelon-eksempel.js';

describe('the checked-in template example', () => {
  it('imports as its generator says: three measures, the frame, and the stale Serviceloven citation among the findings', async () => {
    const register = { 'policies/lovregister.json': readFileSync(join(REPO_ROOT, 'policies/lovregister.json'), 'utf8') };
    const checkedIn = await importInto(readFileSync(join(REPO_ROOT, SKABELON_EKSEMPEL)), { dryRun: true }, register);
    const fresh = await importInto(await skabelonEksempel(), { dryRun: true }, register);
    expect(checkedIn.report).toEqual(fresh.report);
    expect(checkedIn.report.foranstaltninger.map((measure) => measure.id)).toEqual(['familiebehandling', 'aflastning', 'fast-kontaktperson']);
    const law = checkedIn.report.fund.filter((finding) => finding.rule === 'lovhjemmel');
    expect(law.map((finding) => finding.file)).toEqual(['policies/test/foranstaltninger/familiebehandling.md']);
    expect(law[0]?.message).toContain('Serviceloven § 52, stk. 3, nr. 3');
  });
});
