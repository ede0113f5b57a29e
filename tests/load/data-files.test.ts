import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../scripts/load/discover-files.js';
import { isConfigurable } from '../../scripts/model/finding.js';
import { makeTree, measureMarkdown } from '../helpers.js';

const MEASURES = 'policies/boern-og-unge/foranstaltninger';
const EXPORT = 'Sagsnr;Ydelseskode;Startdato;Slutdato;Timer\r\n1001;FAM-01;01-02-2025;31-07-2025;3\r\n';

describe('an export of allocations among the policies', () => {
  const trees: string[] = [];
  const tree = (files: Record<string, string>): string => {
    const root = makeTree({ [`${MEASURES}/familiebehandling.md`]: measureMarkdown({ id: 'familiebehandling' }), ...files });
    trees.push(root);
    return root;
  };
  afterEach(() => {
    for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  for (const name of ['bevillinger-2025.csv', 'Udtræk fra sagssystemet.XLSX', 'gammelt-udtraek.xls', 'bevillinger.ods']) {
    it(`reports »${name}« as personal data, an error no config can silence`, () => {
      const cwd = tree({ [`policies/boern-og-unge/${name}`]: EXPORT });
      const { files, findings } = discoverFiles(['policies'], cwd);
      expect(files.map((file) => file.file)).toEqual([`${MEASURES}/familiebehandling.md`]);
      expect(findings).toEqual([
        expect.objectContaining({
          rule: 'personoplysninger',
          severity: 'error',
          file: `policies/boern-og-unge/${name}`,
          start: { line: 1, column: 1 },
          message: 'Et regneark eller en CSV-fil ligger i repositoriet — et udtræk af bevillinger er personoplysninger og må aldrig ligge her',
        }),
      ]);
      expect(findings[0]?.hint).toMatch(/git-historikken/);
      expect(isConfigurable(findings[0]!)).toBe(false);
    });
  }

  it('reports a CSV file named on the command line, and one behind a symbolic link', () => {
    const cwd = tree({ 'policies/udtraek.csv': EXPORT });
    symlinkSync(join(cwd, 'policies/udtraek.csv'), join(cwd, `${MEASURES}/link.csv`));
    expect(discoverFiles(['policies/udtraek.csv'], cwd).findings.map((finding) => [finding.rule, finding.file])).toEqual([
      ['personoplysninger', 'policies/udtraek.csv'],
    ]);
    expect(discoverFiles(['policies'], cwd).findings.map((finding) => [finding.rule, finding.file])).toEqual([
      ['personoplysninger', `${MEASURES}/link.csv`],
      ['personoplysninger', 'policies/udtraek.csv'],
    ]);
  });

  it('says nothing about a folder of policies without spreadsheets, or a file that only mentions CSV in its name', () => {
    const cwd = tree({ 'policies/boern-og-unge/csv-vejledning.md': '# Vejledning\n' });
    expect(discoverFiles(['policies'], cwd).findings.filter((finding) => finding.rule === 'personoplysninger')).toEqual([]);
  });
});
