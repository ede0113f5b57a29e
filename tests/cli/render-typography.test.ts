import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers.js';

// A kommune's design guide in serviceniveau.config.json: the Word documents take its font, body size and heading colour.

let folders: string[] = [];
/** A whole service level in Word takes seconds: docx lays out its pages to number the table of contents. */
const RENDER_TIMEOUT = 90_000;

/** The example policies in a folder of their own, with this config beside them. */
function kommuneWith(config: object | undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'typografi-'));
  folders.push(root);
  cpSync(join(REPO_ROOT, 'policies'), join(root, 'policies'), { recursive: true });
  if (config) writeFileSync(join(root, 'serviceniveau.config.json'), JSON.stringify(config));
  // render reads the working tree of a git repository.
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Vedtaget');
  return root;
}

async function stylesOf(root: string): Promise<string> {
  const result = runCli(['render', '--format', 'docx', '--out', 'serviceniveau.docx'], root);
  expect(result.status, result.stderr).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(join(root, 'serviceniveau.docx')));
  return zip.file('word/styles.xml')!.async('string');
}

function style(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

describe('the Word document in the kommune’s typography', () => {
  it(
    'is set in Arial 11 pt with dark blue headings when the config says nothing',
    async () => {
      const styles = await stylesOf(kommuneWith(undefined));
      expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"[^>]*\/><w:sz w:val="22"\/>/);
      expect(style(styles, 'Heading1')).toMatch(/<w:color w:val="1F4E79"\/><w:sz w:val="32"\/>/);
    },
    RENDER_TIMEOUT,
  );

  it(
    'takes Times New Roman 12 pt and dark red headings from serviceniveau.config.json, the headings in proportion',
    async () => {
      const styles = await stylesOf(kommuneWith({ document: { font: 'Times New Roman', fontSize: 12, headingColor: '8b0000' } }));
      expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" [^>]*\/><w:sz w:val="24"\/>/);
      const heading = style(styles, 'Heading1');
      expect(heading).toContain('<w:rFonts w:ascii="Times New Roman"');
      // 16 pt for an 11 pt body, so 17.5 pt (35 half-points) for a 12 pt body.
      expect(heading).toMatch(/<w:color w:val="8B0000"\/><w:sz w:val="35"\/>/);
      expect(styles).not.toContain('Arial');
    },
    RENDER_TIMEOUT,
  );

  it('stops with exit 2 and a Danish message at a size Word cannot set or a colour with #', () => {
    const tooLarge = runCli(['render', '--format', 'docx', '--out', 'x.docx'], kommuneWith({ document: { fontSize: 40 } }));
    expect(tooLarge.status).toBe(2);
    expect(tooLarge.stderr).toContain('serviceniveau.config.json:1:25: Feltet »document.fontSize« skal være højst 16, men er et tal (40)');
    const third = runCli(['render', '--format', 'docx', '--out', 'x.docx'], kommuneWith({ document: { fontSize: 10.3 } }));
    expect(third).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Skriftstørrelsen skal være i hele eller halve punkter, fx 11 eller 10.5') as string,
    });
    const hash = runCli(['check'], kommuneWith({ document: { headingColor: '#1F4E79' } }));
    expect(hash.status).toBe(2);
    expect(hash.stdout).toContain('Feltet »document.headingColor« har ikke den forventede form: »#1F4E79«');
    expect(hash.stdout).toContain('seks hexcifre uden #');
  });
});
