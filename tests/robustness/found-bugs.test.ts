import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, loadText, makeTree, measureMarkdown, runCli } from '../helpers.js';
import { frameText, makeRepository } from '../revision/git-fixtures.js';

// Regression tests for what the robustness suite found: each used to crash, or to write where it must not.
describe('inputs that used to break the tools', () => {
  it('a JSON measure nested 2,000 levels deep is a finding, not a stack overflow', () => {
    const findings = checkText('policies/a/foranstaltninger/x.json', 'foranstaltning', `${'['.repeat(2000)}${']'.repeat(2000)}`);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'schema', severity: 'error', message: expect.stringMatching(/^Dokumentet er indlejret \d+ niveauer dybt/) as string }),
    ]);
  });

  it('an invalid register is reported by the schema, and the measures say it cannot be used — no internal error', () => {
    for (const register of ['{}', '{ "love": 5, "paragraffer": [null] }', '{ "love": [{ "id": "BL", "navn": "Barnets Lov" }], "paragraffer": [] }']) {
      const root = makeTree({ 'policies/lovregister.json': register, 'policies/a/foranstaltninger/praktisk-paedagogisk-stoette.md': measureMarkdown() });
      const result = runCli(['check', '--format', 'json'], root);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const messages = (JSON.parse(result.stdout) as { file: string; message: string }[]).map((finding) => `${finding.file}: ${finding.message}`);
      expect(messages.some((message) => message.startsWith('policies/lovregister.json: '))).toBe(true);
      expect(messages).toContain(
        'policies/a/foranstaltninger/praktisk-paedagogisk-stoette.md: Lovregistret policies/lovregister.json findes ikke eller er ugyldigt, så lovhjemlen kan ikke kontrolleres',
      );
    }
  });

  it('--out through a symlink that leads into policies/ is refused', () => {
    const cwd = makeRepository([{ files: { 'policies/boern-og-unge/serviceniveau.md': frameText() } }]);
    symlinkSync(join(cwd, 'policies/boern-og-unge'), join(cwd, 'ud'));
    const result = runCli(['render', '--out', 'ud/serviceniveau.html'], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('skriver værktøjet aldrig');
  });

  it('a file with a real »\uFFFD« before its first invalid byte is reported at that byte, not at the »\uFFFD«', () => {
    // Line 2 holds U+FFFD as valid UTF-8 (EF BF BD), pasted from a broken export; line 5 holds »ø« saved as Latin-1 (F8).
    const bytes = Buffer.concat([
      Buffer.from('---\ntitel: Bolig til b\uFFFDrn\nid: x\nkategori: Støttende indsatser\nnote: Gælder for b'),
      Buffer.from([0xf8]),
      Buffer.from('rn\n---\n'),
    ]);
    expect(bytes.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(true);
    const loaded = loadText('policies/a/foranstaltninger/x.md', 'foranstaltning', bytes);
    expect(loaded.findings).toEqual([
      expect.objectContaining({ rule: 'schema', severity: 'error', message: 'Filen er ikke gemt som UTF-8', start: { line: 5, column: 19 } }),
    ]);
  });

  it('a field written twice right after an empty field is reported at the second one, with its name', () => {
    // yaml's own check put it at the end of the empty field's line, as »Feltet »« står to gange«.
    const text = measureMarkdown({
      frontmatter: 'id: praktisk-paedagogisk-stoette\ntitel: Praktisk pædagogisk støtte i hjemmet\nkategori:\ntitel: Støtte i hjemmet',
    });
    const duplicates = checkText('policies/a/foranstaltninger/praktisk-paedagogisk-stoette.md', 'foranstaltning', text).filter((finding) =>
      finding.message.includes('står to gange'),
    );
    expect(duplicates).toEqual([
      expect.objectContaining({
        rule: 'schema',
        severity: 'error',
        message: 'Feltet »titel« står to gange i frontmatter',
        start: { line: 5, column: 1 },
        end: { line: 5, column: 6 },
      }),
    ]);
  });

  it('frontmatter with a collection as a key gives a finding, not an English warning on stderr', () => {
    const root = makeTree({ 'policies/lovregister.json': '{}', 'policies/a/foranstaltninger/x.md': '---\n{ a: 1 }: x\nid: x\n---\n\n## Formål\n\nTekst.\n' });
    expect(runCli(['check', '--format', 'json'], root).stderr).toBe('');
  });
});

describe('config and rendering edge cases that used to be internal errors', () => {
  it('a config pattern that does not compile with the u flag stops the run with a finding at the pattern', () => {
    const root = makeTree({
      'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x' }),
      'serviceniveau.config.json': '{\n  "rules": { "pladsholder": { "options": { "patterns": ["\\\\-"] } } }\n}\n',
    });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: 'serviceniveau.config.json', line: 2, message: '»\\-« er ikke et gyldigt regulært udtryk' }),
    ]);
  });

  it('render copes with a list nested a thousand levels deep on one line: it finishes without the refused measure', () => {
    const cwd = makeRepository([
      {
        files: {
          'policies/boern-og-unge/serviceniveau.md': frameText(),
          'policies/boern-og-unge/foranstaltninger/praktisk-paedagogisk-stoette.md': measureMarkdown({ sections: { Indhold: `${'- '.repeat(1000)}Tekst` } }),
        },
      },
    ]);
    // Nesting that deep on one line stalls the parser, so the measure is refused when it is read (check says why):
    // render leaves it out and still finishes.
    const result = runCli(['render'], cwd);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Tekst');
    expect(runCli(['check'], cwd).stdout).toContain('Listen er indlejret alt for dybt');
  });
});
