import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureMarkdown, runCli } from '../helpers.js';
import { frameText, makeRepository, writeFiles } from '../revision/git-fixtures.js';

const AREA = 'policies/boern-og-unge';
const A = `${AREA}/foranstaltninger/aflastning.md`;
const B = `${AREA}/foranstaltninger/familiebehandling.md`;

function repository(): string {
  return makeRepository([
    {
      files: {
        [`${AREA}/serviceniveau.md`]: frameText(),
        [A]: measureMarkdown({ id: 'aflastning' }),
        [B]: measureMarkdown({ id: 'familiebehandling', sections: { Indhold: 'TODO: skriv indholdet.' } }),
      },
      tag: 'vedtaget/2025-02-11',
    },
  ]);
}

describe('check --changed-since REF checks only what a pull request touched', () => {
  it('checks the one measure that changed, not the old problem in another file', () => {
    const cwd = repository();
    writeFiles(cwd, { [A]: measureMarkdown({ id: 'aflastning', sections: { Formål: 'TODO: nyt formål.' } }) });
    const result = runCli(['check', '--changed-since', 'vedtaget/2025-02-11', '--format', 'json'], cwd);
    expect((JSON.parse(result.stdout) as { file: string; rule: string }[]).map((finding) => `${finding.file} ${finding.rule}`)).toEqual([`${A} pladsholder`]);
  });

  it('a new, untracked measure is checked too', () => {
    const cwd = repository();
    writeFiles(cwd, { [`${AREA}/foranstaltninger/mentor.md`]: measureMarkdown({ id: 'mentor' }) });
    expect(runCli(['check', '--changed-since', 'HEAD'], cwd).stdout).toBe('✔ 1 dokument kontrolleret: ingen fejl eller advarsler.\n');
  });

  it('a changed frame re-checks every measure of its area (their legal basis is judged on its date)', () => {
    const cwd = repository();
    writeFiles(cwd, { [`${AREA}/serviceniveau.md`]: frameText('2026.1', '2026-03-01') });
    const result = runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], cwd);
    expect((JSON.parse(result.stdout) as { file: string }[]).map((finding) => finding.file)).toEqual([B]);
  });

  it('nothing changed is a clean, quick answer', () => {
    expect(runCli(['check', '--changed-since', 'HEAD'], repository())).toMatchObject({
      status: 0,
      stdout: 'Ingen politikdokumenter er ændret siden »HEAD«.\n',
    });
  });

  it('nothing changed gives an empty JSON array and no annotations, through the same formats as a full check', () => {
    const cwd = repository();
    expect(runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], cwd)).toMatchObject({ status: 0, stdout: '[]\n' });
    expect(runCli(['check', '--changed-since', 'HEAD', '--format', 'github'], cwd)).toMatchObject({ status: 0, stdout: '' });
  });

  it('an option-like ref is refused before git sees it', () => {
    expect(runCli(['check', '--changed-since=--output=/tmp/x'], repository())).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Ugyldig git-reference') as string,
    });
  });
});

describe('--out never writes where people write', () => {
  it('refuses policies/, schemas/ and a file named like a policy document, and writes nothing', () => {
    const cwd = repository();
    for (const out of ['policies/x.html', 'schemas/x.html', 'serviceniveau.md', 'policies']) {
      const result = runCli(['changelog', '--to', 'HEAD', '--format', 'html', '--out', out], cwd);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/skriver værktøjet aldrig|overskriver værktøjet aldrig/);
    }
    expect(existsSync(join(cwd, 'schemas'))).toBe(false);
    expect(readFileSync(join(cwd, `${AREA}/serviceniveau.md`), 'utf8')).toBe(frameText());
  });

  it('writes the document atomically and leaves no temporary file', () => {
    const cwd = repository();
    expect(runCli(['render', '--out', 'ud/serviceniveau.html'], cwd).status).toBe(0);
    expect(readFileSync(join(cwd, 'ud/serviceniveau.html'), 'utf8')).toContain('<!DOCTYPE html>');
    expect(readdirSync(join(cwd, 'ud'))).toEqual(['serviceniveau.html']);
  });
});
