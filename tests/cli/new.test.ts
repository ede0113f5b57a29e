import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers.js';

const frame = '---\nkommune: Eksempel Kommune\n---\n';

describe('serviceniveau new foranstaltning', () => {
  it('writes a measure with every template heading and guidance that passes the schema', () => {
    const root = makeTree({ 'policies/boern-og-unge/serviceniveau.md': frame });
    const result = runCli(['new', 'foranstaltning', 'mentorordning', '--titel', 'Mentor til unge'], root);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('Oprettede policies/boern-og-unge/foranstaltninger/mentorordning.md');
    const text = readFileSync(join(root, 'policies/boern-og-unge/foranstaltninger/mentorordning.md'), 'utf8');
    expect(text.startsWith('---\nid: mentorordning\ntitel: "Mentor til unge"\n---\n')).toBe(true);
    expect(text.match(/^## .+$/gm)).toEqual([
      '## Formål',
      '## Indhold',
      '## Målgruppe og tildelingskriterier',
      '## Omfang og varighed',
      '## Tildeling',
      '## Levering af ydelsen',
      '## Kvalitetskrav til leverandør',
      '## Lovhjemmel',
    ]);
    expect(text).toContain('## Formål\n\n[Her beskrives, hvorfor foranstaltningen gives til et barn eller en ung.]\n');
    const check = runCli(['check', '--format', 'json', 'policies/boern-og-unge/foranstaltninger'], root);
    const findings = JSON.parse(check.stdout) as { rule: string; message: string }[];
    expect(findings.filter((finding) => finding.rule === 'schema')).toEqual([]);
    // every guidance line is a placeholder the officer must replace before the measure can pass
    expect(findings.filter((finding) => finding.rule === 'pladsholder')).toHaveLength(8);
  });

  it('never overwrites an existing measure, in Markdown or JSON', () => {
    const root = makeTree({
      'policies/boern-og-unge/serviceniveau.md': frame,
      'policies/boern-og-unge/foranstaltninger/aflastning.json': '{"id": "aflastning"}',
    });
    const result = runCli(['new', 'foranstaltning', 'aflastning'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Foranstaltningen »aflastning« findes allerede: policies/boern-og-unge/foranstaltninger/aflastning.json');
    expect(existsSync(join(root, 'policies/boern-og-unge/foranstaltninger/aflastning.md'))).toBe(false);
    expect(readFileSync(join(root, 'policies/boern-og-unge/foranstaltninger/aflastning.json'), 'utf8')).toBe('{"id": "aflastning"}');
  });

  it('refuses an id that could escape the folder or has Danish letters, and suggests one', () => {
    const root = makeTree({ 'policies/boern-og-unge/serviceniveau.md': frame });
    expect(runCli(['new', 'foranstaltning', '../../x'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('Ugyldigt id »../../x«') as string });
    const danish = runCli(['new', 'foranstaltning', 'Støtte i hjemmet'], root);
    expect(danish.status).toBe(2);
    expect(danish.stderr).toContain('Prøv fx »stoette-i-hjemmet«.');
  });

  it('asks for --omraade when there are several areas, and refuses an unknown one', () => {
    const root = makeTree({ 'policies/boern-og-unge/serviceniveau.md': frame, 'policies/voksne/serviceniveau.md': frame });
    expect(runCli(['new', 'foranstaltning', 'mentor'], root)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Der er flere områder; vælg et med --omraade') as string,
    });
    expect(runCli(['new', 'foranstaltning', 'mentor', '--omraade', 'unge'], root)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Området »unge« findes ikke') as string,
    });
    expect(runCli(['new', 'foranstaltning', 'mentor', '--omraade', 'voksne'], root).status).toBe(0);
  });
});
