import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/errors.js';
import { lawTextIndex, useLawTextFolder } from '../../scripts/law/law-texts.js';
import { readBounded } from '../../scripts/load/read-bounded.js';
import { makeTree, measureMarkdown, REPO_ROOT } from '../helpers.js';
import { frameText, makeRepository, writeFiles } from '../revision/git-fixtures.js';

// Issue 14: every file the tool reads is a regular file within a size limit, and no link leads the tool outside the repository.

const BINARY = join(REPO_ROOT, 'bin', 'serviceniveau.js');
const REGISTER = readFileSync(join(REPO_ROOT, 'policies/lovregister.json'));
const AREA = 'policies/boern-og-unge';
const MEASURES = `${AREA}/foranstaltninger`;

/** Runs the binary, killed after 10 s: a read that hangs fails the test (status null) instead of hanging the suite. */
function run(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [BINARY, ...args], { cwd, encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

function measureTree(): string {
  return makeTree({ 'policies/lovregister.json': REGISTER, [`${MEASURES}/aflastning.md`]: measureMarkdown({ id: 'aflastning' }) });
}

/** A folder outside every test repository, holding a measure whose text must never be quoted. */
function outsideFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'serviceniveau-outside-'));
  writeFileSync(join(folder, 'hemmelig.md'), measureMarkdown({ id: 'hemmelig', sections: { Formål: 'TODO: HEMMELIG-UDENFOR-REPO.' } }));
  return folder;
}

describe('the config is read only as a regular file of bounded size', () => {
  it('a committed serviceniveau.config.json linked to /dev/zero is refused at once, not read until memory runs out', () => {
    const cwd = measureTree();
    symlinkSync('/dev/zero', join(cwd, 'serviceniveau.config.json'));
    const result = run(['check'], cwd);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toContain('»serviceniveau.config.json« er et symbolsk link og bliver ikke læst');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a config linked to a real JSON file is refused too: a link can lead outside the repository', () => {
    const cwd = measureTree();
    writeFileSync(join(cwd, 'andet.json'), '{ "rules": {} }');
    symlinkSync(join(cwd, 'andet.json'), join(cwd, 'serviceniveau.config.json'));
    expect(run(['check'], cwd)).toMatchObject({ status: 2, stderr: expect.stringContaining('er et symbolsk link') as string });
  });

  it.each([
    ['--config /dev/zero', (): string => '/dev/zero', 'er en enhed, ikke en almindelig fil'],
    [
      'a FIFO as serviceniveau.config.json',
      (cwd: string): string => {
        mkfifo(join(cwd, 'serviceniveau.config.json'));
        return 'serviceniveau.config.json';
      },
      'er en FIFO (navngivet rør), ikke en almindelig fil',
    ],
  ])('%s is a Danish usage error, without waiting for a writer', (_name, make, message) => {
    const cwd = measureTree();
    const result = run(['check', '--config', make(cwd)], cwd);
    expect(result).toMatchObject({ status: 2, stderr: expect.stringContaining(message) as string });
  });

  it('a config over 5 MB is refused by its size, before it is read', () => {
    const cwd = measureTree();
    writeFileSync(join(cwd, 'serviceniveau.config.json'), `{ "rules": {} }${' '.repeat(6 * 1024 * 1024)}`);
    const result = run(['check'], cwd);
    expect(result).toMatchObject({ status: 2, stderr: expect.stringContaining('over grænsen på 5 MB') as string });
  });
});

describe('check on files that are not regular files', () => {
  it('a FIFO named on the command line is a finding, not a hang', () => {
    const cwd = measureTree();
    mkfifo(join(cwd, MEASURES, 'ventende.md'));
    const result = run(['check', '--format', 'json', `${MEASURES}/ventende.md`], cwd);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({
        file: `${MEASURES}/ventende.md`,
        severity: 'error',
        message: 'Filen er en FIFO (navngivet rør), ikke en almindelig fil, og bliver ikke læst',
      }),
    ]);
  });

  it('a FIFO named like a measure inside policies/ is reported by the full check, beside the measures that are read', () => {
    const cwd = measureTree();
    mkfifo(join(cwd, MEASURES, 'ventende.md'));
    const result = run(['check', '--format', 'json'], cwd);
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { file: string; message: string }[]).map((finding) => `${finding.file}: ${finding.message}`)).toEqual([
      `${MEASURES}/ventende.md: Filen er en FIFO (navngivet rør), ikke en almindelig fil, og bliver ikke læst`,
    ]);
  });

  it('/dev/zero named on the command line is a finding', () => {
    const result = run(['check', '--format', 'json', '/dev/zero'], measureTree());
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Filen er en enhed, ikke en almindelig fil, og bliver ikke læst');
  });
});

describe('a linked folder is reported in every path, and nothing behind it is read', () => {
  /** A repository whose measure folder was committed as a link to a folder outside it. */
  function linkedRepository(): { cwd: string; outside: string } {
    const cwd = makeRepository([
      {
        files: { [`${AREA}/serviceniveau.md`]: frameText(), [`${MEASURES}/aflastning.md`]: measureMarkdown({ id: 'aflastning' }) },
        tag: 'vedtaget/2025-02-11',
      },
    ]);
    const outside = outsideFolder();
    writeFileSync(join(outside, 'aflastning.md'), measureMarkdown({ id: 'aflastning', sections: { Indhold: 'TODO: HEMMELIG-AFLASTNING.' } }));
    renameSync(join(cwd, MEASURES), join(cwd, 'gammel-mappe'));
    symlinkSync(outside, join(cwd, MEASURES));
    return { cwd, outside };
  }

  const LINKED = `${MEASURES}: Mappen er et symbolsk link, og intet i den bliver læst`;
  const messagesOf = (stdout: string): string[] => (JSON.parse(stdout) as { file: string; message: string }[]).map((f) => `${f.file}: ${f.message}`);

  it('a full check reports the linked measure folder as an error instead of skipping it and passing', () => {
    const { cwd } = linkedRepository();
    const result = run(['check', '--format', 'json'], cwd);
    expect(result.status).toBe(1);
    expect(messagesOf(result.stdout)).toEqual([LINKED]);
  });

  it('--changed-since with a measure behind the link reports the link and quotes nothing from outside', () => {
    const { cwd } = linkedRepository();
    for (const format of ['json', 'github']) {
      const result = run(['check', '--changed-since', 'vedtaget/2025-02-11', '--format', format], cwd, { GITHUB_EVENT_PATH: '' });
      expect(result.status).toBe(1);
      expect(result.stdout).not.toContain('HEMMELIG');
      expect(result.stdout).not.toContain('hemmelig');
      if (format === 'json') expect(messagesOf(result.stdout)).toEqual([LINKED]);
    }
  });

  it('--changed-since after a changed frame does not list the linked folder, and reports it', () => {
    const { cwd } = linkedRepository();
    writeFiles(cwd, { [`${AREA}/serviceniveau.md`]: frameText('2026.1', '2026-03-01') });
    const result = run(['check', '--changed-since', 'vedtaget/2025-02-11', '--format', 'json'], cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('HEMMELIG');
    expect(messagesOf(result.stdout)).toContain(LINKED);
  });

  it('a file named through the linked folder is not read', () => {
    const { cwd } = linkedRepository();
    const result = run(['check', '--format', 'json', `${MEASURES}/hemmelig.md`], cwd);
    expect(result.status).toBe(1);
    expect(messagesOf(result.stdout)).toEqual([LINKED]);
  });

  it('a linked area folder is reported the same way', () => {
    const cwd = makeTree({ 'policies/lovregister.json': REGISTER });
    const outside = outsideFolder();
    mkdirSync(join(outside, 'foranstaltninger'));
    renameSync(join(outside, 'hemmelig.md'), join(outside, 'foranstaltninger', 'hemmelig.md'));
    symlinkSync(outside, join(cwd, AREA));
    const result = run(['check', '--format', 'json'], cwd);
    expect(result.status).toBe(1);
    expect(messagesOf(result.stdout)).toEqual([`${AREA}: Mappen er et symbolsk link, og intet i den bliver læst`]);
  });
});

describe('a linked policy file is an error in check and stops render and changelog', () => {
  /** A repository at an adopted tag, then a measure replaced by a link to a file outside it. */
  function linkedFile(): string {
    const cwd = makeRepository([
      {
        files: { [`${AREA}/serviceniveau.md`]: frameText(), [`${MEASURES}/aflastning.md`]: measureMarkdown({ id: 'aflastning' }) },
        tag: 'vedtaget/2025-02-11',
      },
    ]);
    const outside = outsideFolder();
    renameSync(join(cwd, `${MEASURES}/aflastning.md`), join(outside, 'aflastning.md'));
    symlinkSync(join(outside, 'hemmelig.md'), join(cwd, `${MEASURES}/aflastning.md`));
    return cwd;
  }

  it('check: the link is an error, so the check is not green while the measure goes unread', () => {
    const result = run(['check', '--format', 'json'], linkedFile());
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: `${MEASURES}/aflastning.md`, severity: 'error', message: 'Filen er et symbolsk link og bliver ikke læst' }),
    ]);
  });

  it.each([
    ['render', ['render', '--format', 'html']],
    ['changelog', ['changelog', '--format', 'md']],
  ])('%s of the working tree refuses with the link named, instead of leaving the measure out', (_name, args) => {
    const result = run(args, linkedFile());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`»${MEASURES}/aflastning.md« er et symbolsk link i arbejdskopien; dokumentet bygges ikke`);
    expect(result.stdout).not.toContain('HEMMELIG');
  });

  it('render --ref of a commit with a committed link refuses too', () => {
    const cwd = linkedFile();
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.dk', 'commit', '-qam', 'link'], { cwd });
    const result = run(['render', '--ref', 'HEAD'], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`»${MEASURES}/aflastning.md« er et symbolsk link i versionen [0-9a-f]{12}`));
  });
});

describe('the GitHub event file is read bounded', () => {
  const comment = (cwd: string, event: string): ReturnType<typeof run> =>
    run(['pr-comment', '--file', 'AENDRINGER.md'], cwd, {
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'eksempel/serviceniveau',
      GITHUB_TOKEN: 'test',
      GITHUB_API_URL: 'http://127.0.0.1:9',
    });

  it.each([
    ['/dev/zero', (): string => '/dev/zero', 'er en enhed, ikke en almindelig fil'],
    [
      'a FIFO',
      (cwd: string): string => {
        mkfifo(join(cwd, 'event.json'));
        return join(cwd, 'event.json');
      },
      'er en FIFO (navngivet rør), ikke en almindelig fil',
    ],
  ])('pr-comment with GITHUB_EVENT_PATH at %s stops with a clear message', (_name, make, message) => {
    const cwd = makeTree({ 'AENDRINGER.md': '# Ændringer\n' });
    const result = comment(cwd, make(cwd));
    expect(result).toMatchObject({ status: 2, stderr: expect.stringContaining(`GITHUB_EVENT_PATH (`) as string });
    expect(result.stderr).toContain(message);
  });

  it('pr-comment --file naming a FIFO stops before any request', () => {
    const cwd = makeTree({ 'event.json': '{ "pull_request": { "number": 3 } }' });
    mkfifo(join(cwd, 'AENDRINGER.md'));
    expect(comment(cwd, join(cwd, 'event.json'))).toMatchObject({ status: 2, stderr: expect.stringContaining('»AENDRINGER.md« er en FIFO') as string });
  });

  it('check --format github with GITHUB_EVENT_PATH at a FIFO says so and annotates without the changed lines', () => {
    const cwd = measureTree();
    mkfifo(join(cwd, 'event.json'));
    const result = run(['check', '--format', 'github'], cwd, { GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: join(cwd, 'event.json') });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('::warning::serviceniveau: »GITHUB_EVENT_PATH (');
    expect(result.stdout).toContain('annoteringerne vælges uden pull requestens ændrede linjer');
  });
});

describe('readBounded', () => {
  afterEach(() => useLawTextFolder(undefined));

  it('reads a regular file whole', () => {
    const cwd = makeTree({ 'a.md': 'Familiekonsulent i hjemmet\n' });
    expect(readBounded(join(cwd, 'a.md'), { display: 'a.md', limit: 100 }).toString('utf8')).toBe('Familiekonsulent i hjemmet\n');
  });

  it('refuses a file above its limit, naming it and the limit', () => {
    const cwd = makeTree({ 'a.md': 'x'.repeat(2048) });
    expect(() => readBounded(join(cwd, 'a.md'), { display: 'a.md', limit: 1024 })).toThrow(
      new UsageError('»a.md« er på 2 KB og dermed over grænsen på 1 KB; filen bliver ikke læst', 'Angiv en almindelig fil.'),
    );
  });

  it('refuses a folder and, when asked, a link', () => {
    const cwd = makeTree({ 'mappe/a.md': 'x' });
    symlinkSync(join(cwd, 'mappe/a.md'), join(cwd, 'link.md'));
    expect(() => readBounded(join(cwd, 'mappe'), { display: 'mappe', limit: 1024 })).toThrow(/»mappe« er en mappe/);
    expect(() => readBounded(join(cwd, 'link.md'), { display: 'link.md', limit: 1024, refuseLinks: true })).toThrow(/»link.md« er et symbolsk link/);
    expect(readBounded(join(cwd, 'link.md'), { display: 'link.md', limit: 1024 }).toString()).toBe('x');
  });

  it('a law index that is a FIFO is a Danish error, not a hang', () => {
    const folder = makeTree({});
    mkdirSync(join(folder, 'index'));
    mkfifo(join(folder, 'index', 'index.json'));
    // A writer, so a read that follows the FIFO gets »[]« and fails the test instead of blocking this process for good.
    const writer = spawn('sh', ['-c', 'printf "[]" > index/index.json'], { cwd: folder, stdio: 'ignore' });
    try {
      useLawTextFolder(folder);
      expect(() => lawTextIndex()).toThrow(/er en FIFO \(navngivet rør\), ikke en almindelig fil/);
    } finally {
      writer.kill();
    }
  });

  it('a law index over 1 MB is refused by its size', () => {
    const folder = makeTree({ 'index/index.json': `[${' '.repeat(1024 * 1024)}]` });
    useLawTextFolder(folder);
    expect(() => lawTextIndex()).toThrow(/over grænsen på 1 MB/);
  });
});
