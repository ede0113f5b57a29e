import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers.js';

/** GitHub refuses a release body over 125,000 characters. */
const MAX_RELEASE_BODY = 125_000;

interface Step {
  name?: string;
  run?: string;
}

const workflow = parse(readFileSync(join(REPO_ROOT, '.github', 'workflows', 'adopt.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const script = steps.map((step) => step.run ?? '').join('\n');

describe('the release notes of an adopted version fit in a GitHub release', () => {
  it('publishes the notes from a file the changelog cut with --max-bytes, with room for the line after it', () => {
    const release = steps.find((step) => step.run?.includes('gh release create'));
    const notes = /--notes-file (\S+)/.exec(release?.run ?? '')?.[1];
    expect(notes).toBe('pakke/noter.md');
    const changelog = /serviceniveau changelog .*--max-bytes (\d+) .*--out-dir pakke/.exec(script);
    expect(changelog).not.toBeNull();
    // the cut Markdown is kommentar.md; the full aendringer.md (975,000 characters for 800 measures) must never be the notes
    expect(script).toContain('cp pakke/kommentar.md pakke/noter.md');
    expect(script).not.toMatch(/aendringer\.md/);
    const appended = [...script.matchAll(/printf '((?:[^'])*)' >> pakke\/noter\.md/g)].map((match) => match[1]!.replaceAll('\\n', '\n'));
    const footer = appended.join('');
    expect(Number(changelog![1]) + Buffer.byteLength(footer, 'utf8')).toBeLessThanOrEqual(MAX_RELEASE_BODY);
  });

  it('points the reader to the documents attached to the release', () => {
    expect(script).toMatch(/printf '.*vedhæftet denne release.*' >> pakke\/noter\.md/);
    expect(steps.find((step) => step.run?.includes('gh release create'))?.run).toMatch(/pakke\/\*\.html pakke\/\*\.docx/);
  });
});
