import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers.js';
import { importInto, sectionsOf } from './helpers.js';

// One fixture made by a word processor, not by our own code: LibreOffice converts an HTML service level to .docx,
// so the reader sees the styles, numbering and tables a real word processor writes. CI installs LibreOffice (issue 10).

const SOURCE = `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Serviceniveau</title></head><body>
<h1>Forord</h1>
<p>Velkommen til Havnstrup Kommunes serviceniveau for børn og unge med særlige behov.</p>
<p>Med venlig hilsen</p>
<p>Jens Bach, borgmester</p>
<h1>Støttende indsatser</h1>
<h2>Familie&shy;behandling</h2>
<p><b>Formål:</b> Familien lærer nye måder at&nbsp;løse konflikter på.</p>
<p><b>Indhold:</b> Forløbet består af:</p>
<ol><li>samtaler med forældrene,</li><li>samtaler med hele familien.</li></ol>
<p><b>Lovhjemmel:</b> Barnets Lov § 32, stk. 1, nr. 3</p>
<h2>Aflastning</h2>
<table border="1"><tr><td><p>Formål</p></td><td><p>Forældrene får et <i>pusterum</i>.</p></td></tr>
<tr><td><p>Omfang/varighed</p></td><td><p>Op til 4 døgn om måneden.</p></td></tr></table>
</body></html>`;

function onPath(tool: string): boolean {
  return (process.env['PATH'] ?? '').split(':').some((folder) => existsSync(join(folder, tool)));
}

describe('a Word document written by LibreOffice', () => {
  it('imports its headings, run-in labels, numbered list and label table', async () => {
    expect(onPath('soffice'), 'LibreOffice is missing: apt-get install -y libreoffice-writer-nogui (CI does it in .ci/run).').toBe(true);
    const folder = makeTree({ 'kilde.html': SOURCE });
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(folder, 'lo-profile')}`,
        '--headless',
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        folder,
        join(folder, 'kilde.html'),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const { report, file } = await importInto(readFileSync(join(folder, 'kilde.docx')));
    expect(report.foranstaltninger.map((measure) => [measure.id, measure.titel])).toEqual([
      ['familiebehandling', 'Familiebehandling'],
      ['aflastning', 'Aflastning'],
    ]);
    const familiebehandling = sectionsOf(file('policies/test/foranstaltninger/familiebehandling.md'));
    expect(familiebehandling['Formål']).toBe('Familien lærer nye måder at løse konflikter på.');
    expect(familiebehandling['Indhold']).toBe('Forløbet består af:\n\n1. samtaler med forældrene,\n2. samtaler med hele familien.');
    expect(familiebehandling['Lovhjemmel']).toBe('Barnets Lov § 32, stk. 1, nr. 3');
    const aflastning = sectionsOf(file('policies/test/foranstaltninger/aflastning.md'));
    expect(aflastning['Formål']).toBe('Forældrene får et *pusterum*.');
    expect(aflastning['Omfang og varighed']).toBe('Op til 4 døgn om måneden.');
    const frame = file('policies/test/serviceniveau.md');
    expect(frame).toContain('kommune: "Havnstrup Kommune"');
    expect(frame).toContain('  navn: "Jens Bach"\n  titel: "Borgmester"');
  }, 200_000);
});
