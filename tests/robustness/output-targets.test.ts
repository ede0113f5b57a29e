import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers.js';

const BINARY = join(REPO_ROOT, 'bin', 'serviceniveau.js');

/** A copy of the example policies in a git repository of its own. */
function exampleRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'serviceniveau-out-'));
  cpSync(join(REPO_ROOT, 'policies'), join(root, 'policies'), { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}

const SPECIAL_FILE = /er ikke en almindelig fil, men en enhed, en navngiven pipe eller en socket/;

/**
 * A character device of the test's own (a copy of /dev/null's numbers in the temporary folder), so a regression
 * replaces that node and never the machine's /dev/null. Making one needs root, as CI containers run; else undefined.
 */
function ownDevice(folder: string): string | undefined {
  const path = join(folder, 'enhed');
  try {
    execFileSync('mknod', [path, 'c', '1', '3'], { stdio: 'ignore' });
    return path;
  } catch {
    return undefined;
  }
}

describe('--out only ever replaces a regular file or creates one', () => {
  it('refuses a device, which stays a device', (context) => {
    const cwd = exampleRepository();
    const device = ownDevice(cwd);
    if (!device) return context.skip();
    const result = runCli(['render', '--out', device], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(SPECIAL_FILE);
    expect(result.stderr).toContain('--out -');
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses a named pipe without waiting for a reader, and leaves it a pipe', () => {
    const cwd = exampleRepository();
    execFileSync('mkfifo', [join(cwd, 'ud.fifo')]);
    const result = spawnSync(process.execPath, [BINARY, 'render', '--out', 'ud.fifo'], { cwd, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(SPECIAL_FILE);
    expect(lstatSync(join(cwd, 'ud.fifo')).isFIFO()).toBe(true);
  });

  it('refuses a link to a device, as it refuses a link into policies/', (context) => {
    const cwd = exampleRepository();
    const device = ownDevice(cwd);
    if (!device) return context.skip();
    symlinkSync(device, join(cwd, 'rapport.html'));
    expect(runCli(['render', '--out', 'rapport.html'], cwd)).toMatchObject({ status: 2, stderr: expect.stringMatching(SPECIAL_FILE) as string });
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it('writes --out /dev/stdout as a stream: a file it is appended to keeps what it had, and its inode', () => {
    const cwd = exampleRepository();
    const log = join(cwd, 'o.txt');
    writeFileSync(log, 'tidligere indhold\n');
    const inode = statSync(log).ino;
    const fd = openSync(log, 'a');
    const result = spawnSync(process.execPath, [BINARY, 'render', '--out', '/dev/stdout'], { cwd, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(result.status).toBe(0);
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('tidligere indhold\n<!DOCTYPE html>')).toBe(true);
    expect(statSync(log).ino).toBe(inode);
  });

  it('writes --out - to a pipe as plain output, Word included', () => {
    const cwd = exampleRepository();
    const html = runCli(['render', '--out', '-'], cwd);
    expect(html).toMatchObject({ status: 0, stderr: '' });
    expect(html.stdout).toBe(runCli(['render'], cwd).stdout);
    const docx = spawnSync(process.execPath, [BINARY, 'render', '--format', 'docx', '--out', '-'], { cwd });
    expect(docx.status).toBe(0);
    expect(docx.stdout.subarray(0, 2).toString()).toBe('PK');
  });

  it('protects policies/ and schemas/ of the repository also when run from inside policies/<område>/', () => {
    const cwd = exampleRepository();
    const area = join(cwd, 'policies', 'boern-og-unge');
    const result = runCli(['render', '--out', 'rapport.html'], area);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ligger i policies/');
    expect(existsSync(join(area, 'rapport.html'))).toBe(false);
  });
});

describe('temporary files', () => {
  it('a write leaves none behind, and removes the ones a killed run left, but not a running one’s', () => {
    const cwd = exampleRepository();
    const stale = 'rapport.html.serviceniveau-999999999-0123456789ab.tmp';
    const live = `rapport.html.serviceniveau-${process.pid}-0123456789ab.tmp`;
    writeFileSync(join(cwd, stale), 'halvt skrevet');
    writeFileSync(join(cwd, live), 'skrives lige nu');
    expect(runCli(['render', '--out', 'rapport.html'], cwd).status).toBe(0);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([live]);
    expect(readFileSync(join(cwd, 'rapport.html'), 'utf8')).toContain('<!DOCTYPE html>');
  });

  it('the website, written many files at a time, also removes a killed run’s temporary files, but not a running one’s or another file’s', () => {
    const cwd = exampleRepository();
    const pages = join(cwd, '_site', 'foranstaltninger');
    expect(runCli(['site', '--out', '_site'], cwd).status).toBe(0);
    const stale = 'familiebehandling.html.serviceniveau-999999999-0123456789ab.tmp';
    const live = `familiebehandling.html.serviceniveau-${process.pid}-0123456789ab.tmp`;
    const foreign = 'noter.serviceniveau-999999999-0123456789ab.tmp';
    for (const name of [stale, live, foreign]) writeFileSync(join(pages, name), 'halvt skrevet');
    expect(runCli(['site', '--out', '_site'], cwd).status).toBe(0);
    expect(readdirSync(pages).filter((name) => name.endsWith('.tmp'))).toEqual([live, foreign].sort());
  });

  it('new foranstaltning leaves no temporary file in the policies', () => {
    const cwd = exampleRepository();
    expect(runCli(['new', 'foranstaltning', 'mentorordning', '--titel', 'Mentor til unge'], cwd).status).toBe(0);
    const folder = join(cwd, 'policies', 'boern-og-unge', 'foranstaltninger');
    expect(readdirSync(folder).filter((name) => name.includes('.tmp'))).toEqual([]);
    expect(readFileSync(join(folder, 'mentorordning.md'), 'utf8')).toContain('titel: "Mentor til unge"');
  });
});
