import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers.js';
import { deleted, docxOf, frame, heading, inserted, plain, runs, templateMeasure, text } from './docx-fixtures.js';
import { filesUnder, sectionsOf } from './helpers.js';

function repoWith(bytes: Buffer | string, files: Record<string, string> = {}): string {
  const root = makeTree(files);
  writeFileSync(join(root, 'serviceniveau.docx'), bytes);
  return root;
}

const sample = (): Promise<Buffer> =>
  docxOf([
    ...frame(),
    ...templateMeasure('Familiebehandling', {
      formaal: [text('Familien får hjælp til at løse problemerne sammen.')],
      lovhjemmel: [text('Serviceloven § 52, stk. 3, nr. 3')],
    }),
  ]);

describe('serviceniveau import', () => {
  it('--dry-run lists the files it would write, writes nothing, and reports check’s findings', async () => {
    const root = repoWith(await sample());
    const result = runCli(['import', 'serviceniveau.docx', '--omraade', 'test', '--dry-run'], root);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('prøvekørsel: intet er skrevet');
    expect(result.stdout).toContain('  policies/test/foranstaltninger/familiebehandling.md');
    expect(result.stdout).toContain('Mangler: Indhold, Målgruppe og tildelingskriterier');
    expect(filesUnder(root)).toEqual([]);
    const json = JSON.parse(runCli(['import', 'serviceniveau.docx', '--omraade', 'test', '--dry-run', '--format', 'json'], root).stdout) as {
      dryRun: boolean;
      filer: { skrevet: boolean }[];
      fund: { rule: string }[];
    };
    expect(json.dryRun).toBe(true);
    expect(json.filer.every((file) => !file.skrevet)).toBe(true);
    expect(json.fund.map((finding) => finding.rule)).toContain('pladsholder');
  });

  it('writes the files, and check runs on the result', async () => {
    const root = repoWith(await sample());
    const result = runCli(['import', 'serviceniveau.docx', '--omraade', 'test', '--format', 'json'], root);
    expect(result.status).toBe(0);
    expect(filesUnder(root)).toEqual(['policies/test/foranstaltninger/familiebehandling.md', 'policies/test/serviceniveau.md']);
    const check = runCli(['check', '--format', 'json'], root);
    expect(check.status).toBe(1); // the placeholders are the to-do list
    const findings = JSON.parse(check.stdout) as { rule: string; message: string }[];
    expect(findings.filter((finding) => finding.rule === 'schema' && !finding.message.includes('gyldig_fra'))).toEqual([]);
  });

  it('takes the only area there is when --omraade is left out, and refuses to overwrite any file in it', async () => {
    const existing = '---\nid: familiebehandling\ntitel: Familiebehandling\n---\n';
    const root = repoWith(await sample(), { 'policies/boern-og-unge/foranstaltninger/familiebehandling.md': existing });
    const result = runCli(['import', 'serviceniveau.docx'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Filen findes allerede: policies/boern-og-unge/foranstaltninger/familiebehandling.md; intet er skrevet');
    expect(result.stderr).toContain('--omraade');
    expect(filesUnder(root)).toEqual(['policies/boern-og-unge/foranstaltninger/familiebehandling.md']);
    expect(readFileSync(join(root, 'policies/boern-og-unge/foranstaltninger/familiebehandling.md'), 'utf8')).toBe(existing);
  });

  it('stops at unaccepted tracked changes, and with --accept-changes keeps insertions and drops deletions', async () => {
    const bytes = await docxOf([
      heading(2, 'Aflastning'),
      heading(3, 'Formål'),
      runs(plain('Forældrene får '), inserted('et pusterum'), deleted('en pause'), plain('.')),
    ]);
    const root = repoWith(bytes);
    const stopped = runCli(['import', 'serviceniveau.docx', '--omraade', 'test'], root);
    expect(stopped.status).toBe(2);
    expect(stopped.stderr).toContain('registrerede ændringer');
    expect(stopped.stderr).toContain('--accept-changes');
    expect(filesUnder(root)).toEqual([]);
    const accepted = runCli(['import', 'serviceniveau.docx', '--omraade', 'test', '--accept-changes'], root);
    expect(accepted.status).toBe(0);
    expect(sectionsOf(readFileSync(join(root, 'policies/test/foranstaltninger/aflastning.md'), 'utf8'))['Formål']).toBe('Forældrene får et pusterum.');
  });

  it('refuses a file that is not a Word document, a zip without a document, and a protected or old .doc file', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/zip');
    const cases: [string, Buffer | string, string][] = [
      ['text', 'Dette er ikke et Word-dokument', 'ikke et Word-dokument (.docx)'],
      ['zip', await zip.generateAsync({ type: 'nodebuffer' }), 'ikke et Word-dokument (.docx)'],
      ['cfb', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), 'adgangskode'],
      ['truncated', (await sample()).subarray(0, 400), 'ikke et Word-dokument (.docx)'],
    ];
    for (const [name, bytes, message] of cases) {
      const root = repoWith(bytes);
      const result = runCli(['import', 'serviceniveau.docx', '--omraade', 'test'], root);
      expect({ name, status: result.status, stdout: result.stdout }).toEqual({ name, status: 2, stdout: '' });
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('intern fejl');
      expect(filesUnder(root)).toEqual([]);
    }
  });

  it('refuses a missing file, a folder, and a bad --omraade with exit 2', async () => {
    const root = repoWith(await sample());
    expect(runCli(['import', 'mangler.docx'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('»mangler.docx« findes ikke') as string });
    expect(runCli(['import', '.'], root).status).toBe(2);
    expect(runCli(['import', 'serviceniveau.docx', '--omraade', '../ud'], root)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Ugyldigt område »../ud«') as string,
    });
    expect(runCli(['import'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('Brug: serviceniveau import <fil.docx>') as string });
    expect(existsSync(join(root, 'policies'))).toBe(false);
  });
});
