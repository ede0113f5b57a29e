import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers.js';

// The Word documents as the committee's clients open them: LibreOffice (to PDF, read back with pdftotext) and pandoc
// (tracked changes accepted and rejected). CI installs them in .ci/run; the test fails, not skips, without them.
const MISSING = ['soffice', 'pandoc', 'pdftotext'].filter((tool) => !onPath(tool));
const CLIENT_TIMEOUT = 180_000;

function onPath(tool: string): boolean {
  return (process.env['PATH'] ?? '').split(':').some((folder) => existsSync(join(folder, tool)));
}

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Mette Jensen', '-c', 'user.email=mette@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    {
      cwd,
      stdio: 'ignore',
    },
  );
}

/** The PDF text LibreOffice makes of a Word file, with its own profile so parallel runs do not collide. */
function libreOfficeText(docx: string, folder: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(folder, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docx], {
    stdio: 'ignore',
    timeout: CLIENT_TIMEOUT,
  });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

function pandoc(docx: string, trackChanges: 'accept' | 'reject'): string {
  return execFileSync('pandoc', [`--track-changes=${trackChanges}`, '-t', 'plain', '--wrap=none', docx], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the Word documents in LibreOffice and pandoc', () => {
  let folder: string;
  beforeAll(() => {
    expect(MISSING, `Missing ${MISSING.join(', ')}: apt-get install -y libreoffice-writer-nogui pandoc poppler-utils (CI does it in .ci/run).`).toEqual([]);
    folder = mkdtempSync(join(tmpdir(), 'klienter-'));
    return () => rmSync(folder, { recursive: true, force: true });
  });

  it(
    'the whole service level converts to PDF with its headings in order',
    () => {
      const docx = join(folder, 'serviceniveau.docx');
      expect(runCli(['render', '--format', 'docx', '--out', docx], REPO_ROOT).status).toBe(0);
      const text = libreOfficeText(docx, folder);
      const headings = ['Forord', 'Principper', 'Målgruppe', 'Foranstaltninger', 'Lovgrundlag'];
      const positions = headings.map((heading) => text.search(new RegExp(`^\\s*${heading}\\s*$`, 'm')));
      expect(
        positions.every((position) => position >= 0),
        `${headings.join(', ')} in ${text.slice(0, 400)}`,
      ).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(text).toContain('Kompensationsydelse til børn med funktionsnedsættelse');
      // LibreOffice does not update the table of contents on conversion: the entries written with it are what the PDF shows
      // (the page numbers come when Word updates the field on opening).
      const contents = text.slice(text.indexOf('Indhold'), text.search(/^\s*Forord\s*$/m));
      for (const entry of ['Forord', 'Foranstaltninger', 'Anbringelse i plejefamilie', 'Lovgrundlag'])
        expect(contents, contents.slice(0, 400)).toMatch(new RegExp(`^\\s*${entry}\\.{3,}\\s*\\d*$`, 'm'));
    },
    CLIENT_TIMEOUT,
  );

  it(
    'the changelog converts to PDF, and accepting its tracked changes gives the proposal, rejecting them the adopted text',
    () => {
      const repo = join(folder, 'runde');
      cpSync(join(REPO_ROOT, 'policies'), join(repo, 'policies'), { recursive: true });
      git(repo, 'init', '-q');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', 'Vedtaget');
      git(repo, 'tag', 'vedtaget/2026-02-10');
      const measure = join(repo, 'policies/boern-og-unge/foranstaltninger/familiebehandling.md');
      const before = readFileSync(measure, 'utf8');
      const old = /^## Indhold\n\n(.+)$/m.exec(before)?.[1];
      expect(old).toBeDefined();
      const proposal = 'Familiebehandlingen foregår som udgangspunkt i familiens eget hjem, hvor en familiebehandler kommer en gang om ugen.';
      writeFileSync(measure, before.replace(old!, proposal));
      git(repo, 'commit', '-qam', 'Forslag');
      const docx = join(folder, 'aendringer.docx');
      const result = runCli(['changelog', '--format', 'docx', '--out', docx], repo);
      expect(result.status, result.stderr).toBe(0);
      const text = libreOfficeText(docx, folder);
      expect(text).toContain('Familiebehandling');
      expect(text).toMatch(/^\s*Paralleltekst og ændringsforslag\.{3,}\s*\d*$/m);
      expect(text).toMatch(/^\s*Forslag til serviceniveau\.{3,}\s*\d*$/m);
      const squash = (text: string) => text.replace(/\s+/g, ' ');
      // The tracked changes are in the full proposal at the end; the paralleltekst before it shows both versions as text.
      const proposalPart = (text: string) => text.slice(text.lastIndexOf('Forslag til serviceniveau'));
      const accepted = proposalPart(pandoc(docx, 'accept'));
      const rejected = proposalPart(pandoc(docx, 'reject'));
      expect(accepted).toContain(squash(proposal));
      expect(accepted).not.toContain(squash(old!));
      expect(rejected).toContain(squash(old!));
      expect(rejected).not.toContain(squash(proposal));
    },
    CLIENT_TIMEOUT,
  );
});
