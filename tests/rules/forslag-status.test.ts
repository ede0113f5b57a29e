import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forslagStatus } from '../../scripts/rules/forslag-status.js';
import { measureMarkdown, runCli } from '../helpers.js';
import { frameText, git, makeRepository, writeFiles } from '../revision/git-fixtures.js';
import { adoptedSince, findingsOf, frameDocument, measureDocument, registerDocument } from './rule-helpers.js';

const adoptedFrame = (fields: Record<string, string> = {}) => frameDocument({ status: 'vedtaget', ...fields });
const context = (frame = adoptedFrame()) => [registerDocument(), frame];

describe('forslag-status', () => {
  it('a changed area whose frame still says vedtaget, version and date unchanged: one warning at status, naming all three', () => {
    const frame = adoptedFrame();
    expect(findingsOf(forslagStatus, [frame], {}, context(frame), undefined, adoptedSince())).toEqual([
      {
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 17,
        message:
          'Serviceniveauet er ændret siden den vedtagne version (vedtaget/2025-02-11), men står stadig som vedtaget, version 2025.1 og gyldig fra 1. marts 2025',
        hint: expect.stringContaining('sæt status: udkast eller hoering, en ny version') as string,
        advisory: false,
      },
    ]);
  });

  it('names only what still is the adopted version’s: a new version and date leave just the status', () => {
    const frame = adoptedFrame({ version: '"2026.1"', gyldig_fra: '2026-03-01' });
    expect(findingsOf(forslagStatus, [frame], {}, context(frame), undefined, adoptedSince()).map((finding) => finding.message)).toEqual([
      'Serviceniveauet er ændret siden den vedtagne version (vedtaget/2025-02-11), men står stadig som vedtaget',
    ]);
  });

  it('a changed measure reports on its area’s frame, once, however many measures changed', () => {
    const frame = adoptedFrame();
    const measures = [measureDocument({}, 'aflastning'), measureDocument({}, 'familiebehandling')];
    const findings = findingsOf(forslagStatus, measures, {}, context(frame), undefined, adoptedSince());
    expect(findings).toHaveLength(1);
  });

  it.each([
    ['the frame says hoering', adoptedFrame({ status: 'hoering' }), adoptedSince()],
    ['the frame says udkast', adoptedFrame({ status: 'udkast' }), adoptedSince()],
    ['nothing changed since the tag', adoptedFrame(), adoptedSince(false)],
    ['no adopted version in git', adoptedFrame(), undefined],
  ])('no warning when %s', (_name, frame, adopted) => {
    expect(findingsOf(forslagStatus, [frame], {}, context(frame), undefined, adopted)).toEqual([]);
  });
});

const AREA = 'policies/boern-og-unge';
const MEASURE = `${AREA}/foranstaltninger/praktisk-paedagogisk-stoette.md`;
const adoptedText = frameText()
  .replace('status: udkast', 'status: vedtaget')
  .replace('gyldig_fra: 2025-03-01', 'gyldig_fra: 2025-03-01\nvedtagelse:\n  dato: 2025-02-11\n  organ: Børne- og Ungeudvalget\n  reference: "Sag 25/00123"');

describe('forslag-status with git', () => {
  const repository = () => makeRepository([{ files: { [`${AREA}/serviceniveau.md`]: adoptedText, [MEASURE]: measureMarkdown() }, tag: 'vedtaget/2025-02-11' }]);
  const warnings = (cwd: string): { rule: string }[] =>
    (JSON.parse(runCli(['check', '--format', 'json'], cwd).stdout) as { rule: string }[]).filter((finding) => finding.rule === 'forslag-status');

  it('warns when the working tree changes a measure but the frame still says vedtaget, and not on the adopted version itself', () => {
    const cwd = repository();
    expect(warnings(cwd)).toEqual([]);
    writeFileSync(join(cwd, MEASURE), measureMarkdown().replace('3-5 timer', '2-4 timer'));
    expect(warnings(cwd)).toEqual([
      expect.objectContaining({ file: `${AREA}/serviceniveau.md`, line: 4, severity: 'warning', message: expect.stringContaining('version 2025.1') as string }),
    ]);
    const pretty = runCli(['check'], cwd);
    expect(pretty.status).toBe(0);
    expect(pretty.stdout).toContain('står stadig som vedtaget');
  });

  it('a committed change on a branch counts too; setting status: hoering answers it', () => {
    const cwd = repository();
    git(cwd, 'checkout', '-q', '-b', 'revision-2026');
    writeFileSync(join(cwd, MEASURE), measureMarkdown().replace('3-5 timer', '2-4 timer'));
    git(cwd, 'commit', '-qam', 'Færre timer');
    expect(warnings(cwd)).toHaveLength(1);
    const frame = join(cwd, AREA, 'serviceniveau.md');
    writeFileSync(frame, readFileSync(frame, 'utf8').replace('status: vedtaget', 'status: hoering'));
    expect(warnings(cwd)).toEqual([]);
  });

  it('says nothing outside git or without a vedtaget tag', () => {
    const plain = mkdtempSync(join(tmpdir(), 'serviceniveau-plain-'));
    writeFiles(plain, { [`${AREA}/serviceniveau.md`]: adoptedText, [MEASURE]: measureMarkdown() });
    expect(warnings(plain)).toEqual([]);
    const untagged = makeRepository([{ files: { [`${AREA}/serviceniveau.md`]: adoptedText, [MEASURE]: measureMarkdown() } }]);
    writeFileSync(join(untagged, MEASURE), measureMarkdown().replace('3-5 timer', '2-4 timer'));
    expect(warnings(untagged)).toEqual([]);
  });
});
