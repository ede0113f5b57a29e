import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers.js';

/** GitHub refuses a release body over 125,000 characters. */
const MAX_RELEASE_BODY = 125_000;

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  permissions: Record<string, string>;
  needs?: string;
  if?: string;
  environment?: { name: string };
  steps: Step[];
}

const workflow = parse(readFileSync(join(REPO_ROOT, '.github', 'workflows', 'adopt.yml'), 'utf8')) as { jobs: Record<string, Job> };
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

describe('the adopted package is built without write rights and published by a job that runs no repository code', () => {
  const jobs = Object.values(workflow.jobs);
  const publisher = jobs.find((job) => job.steps.some((step) => step.run?.includes('gh release create')))!;
  const builder = jobs.find((job) => job.steps.some((step) => step.run?.includes('serviceniveau render')))!;

  it('the build job may only read; the publishing job needs it and only downloads its artifact', () => {
    expect(builder.permissions).toEqual({ contents: 'read' });
    expect(publisher).not.toBe(builder);
    expect(publisher.permissions).toEqual({ contents: 'write' });
    expect(publisher.needs).toBe(Object.entries(workflow.jobs).find(([, job]) => job === builder)![0]);
    expect(publisher.steps.map((step) => step.uses?.split('@')[0] ?? 'run')).toEqual(['actions/download-artifact', 'run']);
  });

  /** Runs the build job's tag guard in a repository whose main has one commit and a side branch another. */
  function guard(onMain: boolean, tag = 'vedtaget/2026-02-10'): { status: number | null; output: string } {
    const step = builder.steps.find((candidate) => candidate.run?.includes('merge-base --is-ancestor'))!;
    const cwd = mkdtempSync(join(tmpdir(), 'serviceniveau-tag-guard-'));
    const git = (...args: string[]): string =>
      spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.dk', ...args], { cwd, encoding: 'utf8' }).stdout.trim();
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'vedtaget');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    const mainSha = git('rev-parse', 'HEAD');
    git('checkout', '-q', '-b', 'sidegren');
    git('commit', '-q', '--allow-empty', '-m', 'aldrig gennemgået');
    const sideSha = git('rev-parse', 'HEAD');
    const run = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], TAG: tag, DEFAULT_BRANCH: 'main', GITHUB_SHA: onMain ? mainSha : sideSha },
    });
    return { status: run.status, output: run.stdout + run.stderr };
  }

  it('refuses a tag whose commit is not on the default branch', () => {
    const refused = guard(false);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('::error::Tagget vedtaget/2026-02-10 peger på en commit, der ikke er på main');
    const accepted = guard(true);
    expect(accepted.status).toBe(0);
    expect(accepted.output).not.toContain('::error::');
  });

  it('refuses a tag that is not vedtaget/ÅÅÅÅ-MM-DD', () => {
    expect(guard(true, 'vedtaget/2026-2-10').output).toContain('::error::Tagget skal hedde vedtaget/ÅÅÅÅ-MM-DD');
  });
});

describe('the website of an adopted version is built without write rights and deployed by a job that runs no repository code', () => {
  const jobs = Object.entries(workflow.jobs);
  const [builderName, builder] = jobs.find(([, job]) => job.steps.some((step) => step.run?.includes('serviceniveau site')))!;
  const [, deployer] = jobs.find(([, job]) => job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')))!;

  it('builds the site from the tag in the read-only build job and uploads it as the Pages artifact', () => {
    expect(builder.permissions).toEqual({ contents: 'read' });
    expect(builder.steps.find((step) => step.run?.includes('serviceniveau site'))?.run).toBe('npx serviceniveau site --ref "$TAG" --out _site');
    expect(builder.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))).toMatchObject({ with: { path: '_site' } });
  });

  it('the deploy job alone has pages: write and id-token: write, and only runs the pinned deploy-pages action', () => {
    expect(deployer.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deployer.needs).toBe(builderName);
    expect(deployer.environment?.name).toBe('github-pages');
    expect(deployer.steps.map((step) => step.uses)).toEqual(['actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e']);
    for (const [name, job] of jobs.filter(([, job]) => job !== deployer)) {
      expect(Object.keys(job.permissions), name).not.toContain('pages');
      expect(Object.keys(job.permissions), name).not.toContain('id-token');
    }
  });

  it('can be turned off with the repository variable SERVICENIVEAU_HJEMMESIDE', () => {
    expect(deployer.if).toBe("vars.SERVICENIVEAU_HJEMMESIDE != 'nej'");
    for (const step of builder.steps.filter((candidate) => candidate.run?.includes('serviceniveau site') || candidate.uses?.includes('upload-pages-artifact')))
      expect(step.if).toBe("vars.SERVICENIVEAU_HJEMMESIDE != 'nej'");
  });
});
