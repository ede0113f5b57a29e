import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../scripts/github/pr-comment.js';
import { measureMarkdown, REPO_ROOT, runCli, runCliAsync } from '../helpers.js';
import { frameText, git, makeRepository } from '../revision/git-fixtures.js';

const AREA = 'policies/boern-og-unge';
const OLD = `${AREA}/foranstaltninger/aflastning.md`;
const NEW = `${AREA}/foranstaltninger/praktisk-paedagogisk-stoette.md`;

/** 14 TODO lines (errors) and 16 absolute limits (warnings): 30 findings on lines the PR adds. */
function noisyMeasure(): string {
  const todos = Array.from({ length: 14 }, (_, index) => `TODO ${index + 1}: aftal detaljen med leverandøren.`).join('\n\n');
  const limits = Array.from({ length: 16 }, (_, index) => `Der gives højst ${index + 20} timer i uge ${index + 1}.`).join('\n\n');
  return measureMarkdown({ sections: { Indhold: todos, 'Omfang og varighed': limits } });
}

/** A repository whose base already has 2 TODOs in another file, and a PR commit adding 30 findings. */
function pullRequest(): { cwd: string; env: NodeJS.ProcessEnv; summary: string } {
  const cwd = makeRepository([
    {
      files: {
        [`${AREA}/serviceniveau.md`]: frameText(),
        [OLD]: measureMarkdown({ id: 'aflastning', sections: { Indhold: 'TODO: gammel note.\n\nTODO: endnu en.' } }),
      },
      tag: 'vedtaget/2025-02-11',
    },
    { files: { [NEW]: noisyMeasure() } },
  ]);
  const [base, head] = [git(cwd, 'rev-parse', 'HEAD~1').trim(), git(cwd, 'rev-parse', 'HEAD').trim()];
  const runner = mkdtempSync(join(tmpdir(), 'serviceniveau-actions-'));
  const event = join(runner, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head, repo: { full_name: 'eksempel/serviceniveau' } } } }),
  );
  const summary = join(runner, 'summary.md');
  writeFileSync(summary, '');
  writeFileSync(join(runner, 'output'), '');
  return {
    cwd,
    summary,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_PATH: event,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: join(runner, 'output'),
      GITHUB_REPOSITORY: 'eksempel/serviceniveau',
    },
  };
}

describe('check in a simulated GitHub Actions pull request run', () => {
  it('annotates 10 errors and 10 warnings on the changed lines, says how many were left out, and lists all in the summary', async () => {
    const { cwd, env, summary } = pullRequest();
    const result = await runCliAsync(['check', '--format', 'github'], cwd, env);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    const errors = lines.filter((line) => line.startsWith('::error '));
    const warnings = lines.filter((line) => line.startsWith('::warning '));
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    // the PR's own lines come first: the two old TODOs in the base file are not annotated
    expect([...errors, ...warnings].every((line) => line.includes(`file=${NEW},`))).toBe(true);
    const firstTodo = readFileSync(join(cwd, NEW), 'utf8').split('\n').indexOf('TODO 1: aftal detaljen med leverandøren.') + 1;
    expect(errors[0]).toBe(
      `::error title=serviceniveau%3A pladsholder,file=${NEW},line=${firstTodo},endLine=${firstTodo},col=1,endColumn=5::Arbejdsnoten »TODO« står stadig i teksten%0ASkabelonens pladsholdere og instruktioner må aldrig nå et udvalg eller en borger. Skriv kommunens egen tekst i stedet.`,
    );
    expect(lines.filter((line) => line.startsWith('::notice'))).toEqual([
      '::notice title=serviceniveau%3A flere fund::12 af 32 fund er ikke vist som annoteringer, fordi GitHub højst viser 10 fejl og 10 advarsler pr. trin. Hele listen står i jobsammendraget (Summary) for denne kørsel.',
    ]);
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('## Kontrol af serviceniveauet');
    expect(table).toContain('12 fund er ikke vist som annoteringer; hele listen står her.');
    expect(table.split('\n').filter((line) => line.startsWith('| policies/'))).toHaveLength(32);
    expect(table).toContain(`| ${OLD} |`);
  });

  it('a clean pull request gets no annotations and a clean summary', async () => {
    const cwd = makeRepository([{ files: { [`${AREA}/serviceniveau.md`]: frameText(), [NEW]: measureMarkdown() } }]);
    const runner = mkdtempSync(join(tmpdir(), 'serviceniveau-actions-'));
    const summary = join(runner, 'summary.md');
    writeFileSync(summary, '');
    const result = await runCliAsync(['check', '--format', 'github'], cwd, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(result).toMatchObject({ status: 0, stdout: '' });
    expect(readFileSync(summary, 'utf8')).toContain('3 dokumenter kontrolleret: 0 fejl og 0 advarsler.');
  });
});

describe('a job summary that cannot be written does not stop the annotations', () => {
  const cases: [string, (runner: string) => string, RegExp][] = [
    ['a summary file that does not exist', (runner) => join(runner, 'mangler', 'summary.md'), /filen findes ikke/],
    ['a summary path that is a folder', (runner) => runner, /den er en mappe/],
    ['a full disk (/dev/full)', () => '/dev/full', /er ikke en almindelig fil|disken er fuld/],
    [
      'a FIFO nobody reads (it used to hang)',
      (runner) => {
        const fifo = join(runner, 'summary.fifo');
        execFileSync('mkfifo', [fifo]);
        return fifo;
      },
      /er ikke en almindelig fil/,
    ],
  ];
  for (const [name, summaryPath, reason] of cases) {
    it(`${name}: a Danish notice says what is wrong, and the annotations are written`, async () => {
      const { cwd, env } = pullRequest();
      const path = summaryPath(mkdtempSync(join(tmpdir(), 'serviceniveau-summary-')));
      const result = await runCliAsync(['check', '--format', 'github'], cwd, { ...env, GITHUB_STEP_SUMMARY: path });
      expect(result.stderr).not.toContain('intern fejl');
      expect(result.status).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
      expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(10);
      const notice = lines.find((line) => line.startsWith('::notice title=serviceniveau%3A jobsammendrag::'));
      expect(notice).toMatch(reason);
      expect(notice).toContain(`GITHUB_STEP_SUMMARY »${path}«`);
      // the count of left-out findings no longer points to a summary that is not there
      expect(lines.find((line) => line.includes('flere fund'))).toContain('Kør »npx serviceniveau check« for hele listen.');
    });
  }
});

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A fake GitHub REST API on 127.0.0.1 that serves the given comment pages and records every request. */
/** The author GitHub gives the workflow's own comments. */
const BOT = { login: 'github-actions[bot]', type: 'Bot' };

async function fakeGithub(
  pages: { id: number; body: string; user?: { login: string; type: string } }[][],
  status: { post?: number; list?: number[]; silent?: boolean; listBody?: string } = {},
): Promise<{ url: string; requests: Recorded[]; close: () => void }> {
  const requests: Recorded[] = [];
  const listStatuses = [...(status.list ?? [])];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
      if (status.silent) return; // a server that accepts the request and never answers
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      response.setHeader('content-type', 'application/json');
      const listStatus = request.method === 'GET' ? listStatuses.shift() : undefined;
      if (listStatus !== undefined) {
        response.statusCode = listStatus;
        response.end(JSON.stringify({ message: 'Server Error' }));
      } else if (request.method === 'GET' && status.listBody !== undefined) {
        response.setHeader('content-type', 'text/html');
        response.end(status.listBody);
      } else if (request.method === 'GET' && url.pathname === '/repos/eksempel/serviceniveau/issues/7/comments') {
        response.end(JSON.stringify(pages[Number(url.searchParams.get('page') ?? '1') - 1] ?? []));
      } else if (request.method === 'PATCH' && /^\/repos\/eksempel\/serviceniveau\/issues\/comments\/\d+$/.test(url.pathname)) {
        response.end(JSON.stringify({ id: Number(url.pathname.split('/').at(-1)), html_url: 'https://github.example/c/1' }));
      } else if (request.method === 'POST' && url.pathname === '/repos/eksempel/serviceniveau/issues/7/comments') {
        response.statusCode = status.post ?? 201;
        response.end(JSON.stringify(status.post ? { message: 'Resource not accessible by integration' } : { id: 99, html_url: 'https://github.example/c/99' }));
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * Runs the CLI with a module resolve hook (node:module register) that records every module URL it loads; the
 * hook runs on Node's loader thread, so it appends to a file rather than keeping a list in memory.
 */
async function recordedImports(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; modules: string[] }> {
  const folder = mkdtempSync(join(tmpdir(), 'serviceniveau-imports-'));
  const record = join(folder, 'modules.txt');
  writeFileSync(record, '');
  writeFileSync(
    join(folder, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(${JSON.stringify(record)}, result.url + '\\n');\n  return result;\n}\n`,
  );
  writeFileSync(
    join(folder, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(folder, 'hooks.mjs')).href)});\n`,
  );
  const stdout = await new Promise<string>((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(folder, 'register.mjs')).href, join(REPO_ROOT, 'bin', 'serviceniveau.js'), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => resolveRun(out));
  });
  const modules = [...new Set(readFileSync(record, 'utf8').split('\n').filter(Boolean))].sort();
  return { stdout, modules };
}

describe('the pull request comment, against a fake GitHub API on 127.0.0.1', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  function commentRun(api: string): { cwd: string; env: NodeJS.ProcessEnv } {
    const { cwd, env } = pullRequest();
    writeFileSync(join(cwd, 'kommentar.md'), '## Ændringer i serviceniveauet\n\nOmfang: ~~10~~ **8** timer.\n');
    return { cwd, env: { ...env, GITHUB_API_URL: api, GITHUB_TOKEN: 'falsk-token' } };
  }

  it('creates the comment, with the hidden marker, when none exists', async () => {
    const api = await fakeGithub([[{ id: 1, body: 'Tak for rettelsen!' }]]);
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result).toMatchObject({ status: 0, stdout: 'Kommentaren er oprettet: https://github.example/c/99\n' });
    expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /repos/eksempel/serviceniveau/issues/7/comments?per_page=100&page=1',
      'POST /repos/eksempel/serviceniveau/issues/7/comments',
    ]);
    expect(api.requests[1]!.authorization).toBe('Bearer falsk-token');
    expect((JSON.parse(api.requests[1]!.body) as { body: string }).body).toBe(
      `${COMMENT_MARKER}\n## Ændringer i serviceniveauet\n\nOmfang: ~~10~~ **8** timer.\n`,
    );
  });

  it('updates the existing comment in place, found by its marker on a later page', async () => {
    const firstPage = Array.from({ length: 100 }, (_, index) => ({ id: index + 1, body: `Kommentar ${index + 1}` }));
    const api = await fakeGithub([firstPage, [{ id: 4242, body: `${COMMENT_MARKER}\nGammel oversigt`, user: BOT }]]);
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result).toMatchObject({ status: 0, stdout: 'Kommentaren er opdateret: https://github.example/c/1\n' });
    expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /repos/eksempel/serviceniveau/issues/7/comments?per_page=100&page=1',
      'GET /repos/eksempel/serviceniveau/issues/7/comments?per_page=100&page=2',
      'PATCH /repos/eksempel/serviceniveau/issues/comments/4242',
    ]);
  });

  it('a marked comment by anyone but the workflow is left alone: a new comment is created', async () => {
    const planted = [
      { id: 11, body: `${COMMENT_MARKER}\nFalsk oversigt`, user: { login: 'mallory', type: 'User' } },
      { id: 12, body: `${COMMENT_MARKER}\nFalsk bot`, user: { login: 'github-actions[bot]', type: 'User' } },
      { id: 13, body: `${COMMENT_MARKER}\nAnden bot`, user: { login: 'renovate[bot]', type: 'Bot' } },
    ];
    const api = await fakeGithub([planted]);
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result).toMatchObject({ status: 0, stdout: 'Kommentaren er oprettet: https://github.example/c/99\n' });
    expect(api.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
  });

  it('SERVICENIVEAU_COMMENT_AUTHOR names the bot of a GitHub App token', async () => {
    const api = await fakeGithub([[{ id: 13, body: `${COMMENT_MARKER}\nGammel oversigt`, user: { login: 'kommunens-app[bot]', type: 'Bot' } }]]);
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, { ...env, SERVICENIVEAU_COMMENT_AUTHOR: 'kommunens-app[bot]' });
    expect(result).toMatchObject({ status: 0, stdout: 'Kommentaren er opdateret: https://github.example/c/1\n' });
    expect(api.requests.map((request) => `${request.method} ${request.url}`).at(-1)).toBe('PATCH /repos/eksempel/serviceniveau/issues/comments/13');
  });

  it('a refused comment (a fork’s read-only token) does not fail the run', async () => {
    const api = await fakeGithub([[]], { post: 403 });
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Kommentaren blev ikke skrevet: GitHub afviste kommentaren (403)');
  });

  it('a server that never answers: the request times out with a Danish message, and nothing is posted', async () => {
    const api = await fakeGithub([[]], { silent: true });
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, { ...env, SERVICENIVEAU_HTTP_TIMEOUT_MS: '500' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('serviceniveau: GitHub svarede ikke inden for 0,5 s (GET /repos/eksempel/serviceniveau/issues/7/comments)');
    expect(result.stderr).not.toContain('intern fejl');
    expect(api.requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('a 500 while listing the comments is retried, and the marked comment is then updated, not duplicated', async () => {
    const api = await fakeGithub([[{ id: 4242, body: `${COMMENT_MARKER}\nGammel oversigt`, user: BOT }]], { list: [500, 502] });
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result).toMatchObject({ status: 0, stdout: 'Kommentaren er opdateret: https://github.example/c/1\n' });
    expect(api.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET', 'PATCH']);
  });

  it('a listing that keeps failing fails the step clearly and posts no second comment', async () => {
    const api = await fakeGithub([[{ id: 4242, body: `${COMMENT_MARKER}\nGammel oversigt`, user: BOT }]], { list: [500, 500, 500] });
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('GitHub svarede 500 på listen over kommentarer, også efter 2 nye forsøg; kommentaren er ikke skrevet');
    expect(result.stderr).not.toContain('intern fejl');
    expect(api.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('a token GitHub refuses (401) is named as such, and nothing is posted', async () => {
    const api = await fakeGithub([[]], { list: [401] });
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('serviceniveau: GitHub afviste GITHUB_TOKEN (401); kommentaren er ikke skrevet');
    expect(api.requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('a reply that is not JSON (a proxy’s HTML page) gets a Danish message, not intern fejl', async () => {
    const api = await fakeGithub([[]], { listBody: '<html><body>Bad gateway</body></html>' });
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const result = await runCliAsync(['pr-comment', '--file', 'kommentar.md'], cwd, env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'GitHub svarede ikke med den ventede JSON på listen over kommentarer (status 200, text/html, »<html><body>Bad gateway</body></html>«)',
    );
    expect(result.stderr).not.toContain('intern fejl');
    expect(api.requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('the process that holds GITHUB_TOKEN loads no package: no remark, ajv, docx, simple-git or @actions/core', async () => {
    const api = await fakeGithub([[]]);
    close = api.close;
    const { cwd, env } = commentRun(api.url);
    const pullRequestRun = await recordedImports(['pr-comment', '--file', 'kommentar.md'], cwd, { ...env, GITHUB_TOKEN: 'falsk-token' });
    expect(pullRequestRun.stdout).toBe('Kommentaren er oprettet: https://github.example/c/99\n');
    expect(pullRequestRun.modules.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    expect(pullRequestRun.modules.filter((url) => url.startsWith('file:')).map((url) => url.replace(/^.*\/(bin|dist\/scripts)\//, '$1/'))).toEqual([
      'bin/serviceniveau.js',
      'dist/scripts/cli.js',
      'dist/scripts/errors.js',
      'dist/scripts/github/pr-comment.js',
      'dist/scripts/load/read-bounded.js',
      'dist/scripts/package-root.js',
      'dist/scripts/report/printable.js',
    ]);
    // the recorder does see packages where a command loads them, so the empty list above means something
    const checkRun = await recordedImports(['check'], cwd, {});
    expect(checkRun.modules.some((url) => url.includes('/node_modules/remark-parse/'))).toBe(true);
  });

  it('outside a pull request it writes nothing', () => {
    const { cwd } = pullRequest();
    writeFileSync(join(cwd, 'kommentar.md'), 'x');
    expect(runCli(['pr-comment', '--file', 'kommentar.md'], cwd)).toMatchObject({
      status: 0,
      stdout: 'Ingen pull request i denne kørsel; der skrives ingen kommentar.\n',
    });
  });
});
