import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeasureRef, OpfoelgningConfig, ReadExport } from '../../scripts/followup/model.js';
import { readExport } from '../../scripts/followup/read-export.js';
import type { Lovregister } from '../../scripts/model/generated-types.js';
import { REPO_ROOT } from '../helpers.js';

/** The example kommune's register, as the command reads it. */
export const REGISTER = JSON.parse(readFileSync(join(REPO_ROOT, 'policies', 'lovregister.json'), 'utf8')) as Lovregister;

/** Measures as piece 3 builds them from the policy set: two of them cite Barnets Lov § 46, stk. 1. */
export const MEASURES: MeasureRef[] = [
  {
    id: 'familiebehandling',
    titel: 'Familiebehandling',
    lovhjemmel: 'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 5',
    omfangEnhed: 'sessioner om ugen',
  },
  {
    id: 'fast-kontaktperson',
    titel: 'Fast kontaktperson',
    lovhjemmel: 'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 3',
    omfangEnhed: 'timer om ugen',
  },
  { id: 'praktisk-paedagogisk-stoette', titel: 'Praktisk pædagogisk støtte', lovhjemmel: '- Barnets Lov § 32, stk. 1, nr. 2', omfangEnhed: 'timer om ugen' },
  { id: 'stoetteophold-aflastning', titel: 'Støtteophold', lovhjemmel: '- Barnets Lov § 32, stk. 1, nr. 7', omfangEnhed: 'døgn om måneden' },
  { id: 'anbringelse-i-plejefamilie', titel: 'Anbringelse i plejefamilie', lovhjemmel: '- Barnets Lov § 46, stk. 1' },
  { id: 'anbringelse-paa-doegninstitution', titel: 'Anbringelse på døgninstitution', lovhjemmel: '- Barnets Lov § 46, stk. 1' },
  { id: 'afloesning-og-aflastning-handicap', titel: 'Afløsning', lovhjemmel: '- Barnets Lov § 90, nr. 2\n- Serviceloven § 84, stk. 1' },
];

/** A folder of its own outside the repository (the run's TMPDIR). */
export function outsideFolder(): string {
  return mkdtempSync(join(tmpdir(), 'serviceniveau-export-'));
}

/** Writes an export outside the repository and reads it. */
export async function readWritten(
  name: string,
  content: string | Uint8Array,
  config: OpfoelgningConfig = {},
  measures: MeasureRef[] = MEASURES,
): Promise<ReadExport> {
  const folder = outsideFolder();
  writeFileSync(join(folder, name), content);
  return readExport(name, { cwd: folder, config, measures, register: REGISTER });
}

/** Lines joined as Excel joins them. */
export function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

/** A folder that looks like a repository: `.git` and `policies/`. */
export function fakeRepository(): string {
  const root = outsideFolder();
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'policies'));
  return root;
}
