import { createHash } from 'node:crypto';
import type * as Fs from 'node:fs';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeOutput } from '../../scripts/commands/write-output.js';
import { UsageError } from '../../scripts/errors.js';
import { makeTree, measureMarkdown, REPO_ROOT, runCli } from '../helpers.js';
import { frameText, makeRepository } from '../revision/git-fixtures.js';

/** Faults to inject into the next write or rename of a path ending in `.tmp`, as a full disk or a crash would. */
const faults = vi.hoisted(() => ({ interruptWrite: false, failRename: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
    if (faults.interruptWrite && String(file).endsWith('.tmp')) {
      faults.interruptWrite = false;
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${String(file)}'`), { code: 'ENOSPC' });
    }
    fs.writeFileSync(file, data, options);
  };
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (faults.failRename && String(from).endsWith('.tmp')) {
      faults.failRename = false;
      throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}'`), { code: 'EIO' });
    }
    fs.renameSync(from, to);
  };
  return { ...fs, default: { ...fs, writeFileSync, renameSync }, writeFileSync, renameSync };
});

const REGISTER = readFileSync(join(REPO_ROOT, 'policies/lovregister.json'));
const AREA = 'policies/boern-og-unge';
const MEASURE = `${AREA}/foranstaltninger/praktisk-paedagogisk-stoette.md`;

/** Every file, folder and link under a folder, with the hash, mode and time of each file: equal only if nothing was written. */
function fingerprint(root: string, skip: readonly string[] = []): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const path = folder ? `${folder}/${name}` : name;
      if (skip.includes(path)) continue;
      const stat = lstatSync(join(root, path));
      if (stat.isSymbolicLink()) entries[path] = `link → ${readlinkSync(join(root, path))}`;
      else if (stat.isDirectory()) {
        entries[path] = `folder ${stat.mode.toString(8)}`;
        walk(path);
      } else
        entries[path] = `file ${stat.mode.toString(8)} ${stat.mtimeMs} ${createHash('sha256')
          .update(readFileSync(join(root, path)))
          .digest('hex')}`;
    }
  };
  walk('');
  return entries;
}

/** A policy tree with something in it for every code path of `check`: good and broken documents, a config, the schemas. */
function busyTree(): string {
  const root = makeTree({
    'policies/lovregister.json': REGISTER,
    [`${AREA}/serviceniveau.md`]: frameText(),
    [MEASURE]: measureMarkdown(),
    [`${AREA}/foranstaltninger/mentorordning.md`]: measureMarkdown({
      id: 'mentorordning',
      sections: { 'Omfang og varighed': 'Der gives højst 10 timer. [tilpasses]' },
    }),
    [`${AREA}/foranstaltninger/brudt-yaml.md`]: measureMarkdown({ id: 'brudt-yaml' }).replace('titel: Praktisk', 'titel: "Praktisk'),
    [`${AREA}/foranstaltninger/ansi.md`]: Buffer.concat([Buffer.from('---\nid: ansi\ntitel: B'), Buffer.from([0xf8]), Buffer.from('rn\n---\n')]),
    [`${AREA}/foranstaltninger/mojibake.md`]: measureMarkdown({ id: 'mojibake' }).replace('Familier med børn', 'Familier med bÃ¸rn'),
    [`${AREA}/foranstaltninger/binaer.md`]: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
    [`${AREA}/foranstaltninger/tom.json`]: '',
    [`${AREA}/foranstaltninger/json.json`]: '{ "id": "json", "titel": ',
    'serviceniveau.config.json': JSON.stringify({ rules: { laesbarhed: { severity: 'warning', options: { max: 45 } } } }),
    'forkert.config.json': '{ "rules": { "ukendt-regel": "error" } }',
    'schemas/foranstaltning.schema.json': readFileSync(join(REPO_ROOT, 'schemas/foranstaltning.schema.json')),
  });
  return root;
}

describe('check never writes a file', () => {
  it('the whole tree is byte for byte and timestamp for timestamp the same after every kind of check', () => {
    const root = busyTree();
    const before = fingerprint(root);
    const runs = [
      ['check'],
      ['check', '--format', 'json'],
      ['check', '--format', 'github'],
      ['check', `${AREA}/foranstaltninger/mojibake.md`, `${AREA}/foranstaltninger/ansi.md`],
      ['check', '--config', 'forkert.config.json'],
      ['check', 'policies/findes-ikke'],
    ];
    const statuses = runs.map((args) => runCli(args, root).status);
    expect(statuses).toEqual([1, 1, 1, 1, 2, 2]);
    expect(fingerprint(root)).toEqual(before);
  });
});

/** A repository with an adopted round and a proposal in the working tree, for changelog and render. */
function roundRepository(): string {
  const cwd = makeRepository([{ files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: measureMarkdown() }, tag: 'vedtaget/2025-02-11' }]);
  writeFileSync(join(cwd, MEASURE), measureMarkdown({ sections: { 'Omfang og varighed': 'Som udgangspunkt 2-4 timer om ugen i op til 6 måneder.' } }));
  mkdirSync(join(cwd, 'schemas'));
  writeFileSync(join(cwd, 'schemas/foranstaltning.schema.json'), readFileSync(join(REPO_ROOT, 'schemas/foranstaltning.schema.json')));
  writeFileSync(join(cwd, 'serviceniveau.config.json'), '{ "rules": {} }\n');
  return cwd;
}

describe('changelog and render --out never write where people keep their files', () => {
  const refused: [string[], string, RegExp][] = [
    [['changelog', '--format', 'html'], 'policies/aendringer.html', /ligger i policies\//],
    [['render', '--format', 'html'], 'policies/boern-og-unge/serviceniveau.html', /ligger i policies\//],
    [['changelog', '--format', 'md'], MEASURE, /ligger i policies\//],
    [['render', '--format', 'html'], 'schemas/serviceniveau.html', /ligger i schemas\//],
    [['changelog', '--format', 'json'], 'schemas/foranstaltning.schema.json', /ligger i schemas\//],
    [['changelog', '--format', 'json'], 'serviceniveau.config.json', /har navn som et politikdokument/],
  ];
  for (const [command, out, message] of refused) {
    it(`${command[0]} --out ${out} is refused with exit 2, and nothing in the tree changes`, () => {
      const cwd = roundRepository();
      const before = fingerprint(cwd, ['.git']);
      const result = runCli([...command, '--out', out], cwd);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('\n    at ');
      expect(fingerprint(cwd, ['.git'])).toEqual(before);
    });
  }

  const paths = [
    'policies',
    'policies/ny.html',
    './policies/../policies/boern-og-unge/ny.html',
    'ud/../policies/lovregister.json',
    'schemas',
    'schemas/ny/dokument.html',
    'lovregister.json',
    'andet/foranstaltninger/praktisk-paedagogisk-stoette.md',
    'serviceniveau.md',
    'rolleplan.json',
  ];
  for (const out of paths) {
    it(`writeOutput refuses »${out}« and leaves the tree as it was`, () => {
      const cwd = roundRepository();
      const before = fingerprint(cwd, ['.git']);
      expect(() => writeOutput(cwd, out, 'NYT INDHOLD')).toThrow(UsageError);
      expect(fingerprint(cwd, ['.git'])).toEqual(before);
    });
  }

  it('writeOutput refuses an absolute path into policies/', () => {
    const cwd = roundRepository();
    expect(() => writeOutput(cwd, join(cwd, MEASURE), 'NYT INDHOLD')).toThrow(UsageError);
    expect(readFileSync(join(cwd, MEASURE), 'utf8')).toContain('2-4 timer');
  });
});

describe('--out writes atomically: the old file stays whole until the new one is complete', () => {
  it('render --out replaces an existing file with the complete document, and leaves no temporary file', () => {
    const cwd = roundRepository();
    writeFileSync(join(cwd, 'serviceniveau.html'), 'DEN GAMLE UDGAVE');
    const result = runCli(['render', '--format', 'html', '--out', 'serviceniveau.html'], cwd);
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'serviceniveau.html'), 'utf8')).toBe(runCli(['render', '--format', 'html'], cwd).stdout);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('when the document cannot be made (an unknown --from), the old file is untouched and nothing is written', () => {
    const cwd = roundRepository();
    writeFileSync(join(cwd, 'aendringer.html'), 'DEN GAMLE UDGAVE');
    const before = fingerprint(cwd, ['.git']);
    const result = runCli(['changelog', '--from', 'vedtaget/2019-01-01', '--format', 'html', '--out', 'aendringer.html'], cwd);
    expect(result.status).toBe(2);
    expect(fingerprint(cwd, ['.git'])).toEqual(before);
  });

  it('when the disk fills up halfway through the write, the old file is whole and no half file is left', () => {
    const cwd = makeTree({ 'aendringer.html': 'DEN GAMLE UDGAVE' });
    faults.interruptWrite = true;
    expect(() => writeOutput(cwd, 'aendringer.html', `<!DOCTYPE html>\n${'<p>Ændring</p>\n'.repeat(10_000)}`)).toThrow(/ENOSPC/);
    expect(faults.interruptWrite).toBe(false);
    expect(readdirSync(cwd)).toEqual(['aendringer.html']);
    expect(readFileSync(join(cwd, 'aendringer.html'), 'utf8')).toBe('DEN GAMLE UDGAVE');
  });

  it('when the rename into place fails, the old file is whole and the temporary file is removed', () => {
    const cwd = makeTree({ 'aendringer.html': 'DEN GAMLE UDGAVE' });
    faults.failRename = true;
    expect(() => writeOutput(cwd, 'aendringer.html', '<!DOCTYPE html>\n<p>Ny udgave</p>\n')).toThrow(/EIO/);
    expect(faults.failRename).toBe(false);
    expect(readdirSync(cwd)).toEqual(['aendringer.html']);
    expect(readFileSync(join(cwd, 'aendringer.html'), 'utf8')).toBe('DEN GAMLE UDGAVE');
  });

  it('a link planted at a guessable temporary name is neither written through nor removed: the name is random', () => {
    const cwd = makeTree({ 'aendringer.html': 'DEN GAMLE UDGAVE', 'rolleplan.md': 'ROLLEPLANEN' });
    symlinkSync(join(cwd, 'rolleplan.md'), join(cwd, `aendringer.html.${process.pid}.tmp`));
    writeOutput(cwd, 'aendringer.html', '<!DOCTYPE html>\n<p>Ny udgave</p>\n');
    expect(readFileSync(join(cwd, 'aendringer.html'), 'utf8')).toBe('<!DOCTYPE html>\n<p>Ny udgave</p>\n');
    expect(readFileSync(join(cwd, 'rolleplan.md'), 'utf8')).toBe('ROLLEPLANEN');
    expect(readdirSync(cwd).sort()).toEqual(['aendringer.html', `aendringer.html.${process.pid}.tmp`, 'rolleplan.md']);
  });
});
