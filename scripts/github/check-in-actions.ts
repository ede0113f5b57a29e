import * as core from '@actions/core';
import { UsageError } from '../errors.js';
import { PolicyRepository } from '../git/repository.js';
import { POLICY_FOLDER } from '../layout.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';
import type { Finding } from '../model/finding.js';
import type { CheckReport } from '../report/report.js';
import { findingsSummaryMarkdown } from './findings-summary.js';
import { planAnnotations, type ChangedLines } from './plan-annotations.js';
import { appendJobSummary } from './write-summary.js';

/**
 * `check --format github`: findings as annotations through @actions/core (those on the lines a pull
 * request changed first, within GitHub's limits), a notice counting the rest, and — in Actions — the
 * full table in the job summary.
 */
export async function reportToActions(result: CheckReport, cwd: string): Promise<void> {
  const plan = planAnnotations(result.findings, await changedLinesOfPullRequest(cwd));
  for (const finding of plan.annotate) {
    const annotate = finding.severity === 'error' ? core.error : core.warning;
    annotate(finding.hint ? `${finding.message}\n${finding.hint}` : finding.message, propertiesOf(finding));
  }
  // The summary is written before the notice that points to it, so the notice only points there when it is there.
  const summaryPath = process.env['GITHUB_STEP_SUMMARY'];
  const summaryProblem = summaryPath
    ? appendJobSummary(findingsSummaryMarkdown(result.findings, plan.omitted.length, result.documentCount), summaryPath)
    : undefined;
  if (plan.omitted.length > 0) {
    const where =
      summaryPath && !summaryProblem ? 'Hele listen står i jobsammendraget (Summary) for denne kørsel.' : 'Kør »npx serviceniveau check« for hele listen.';
    core.notice(
      `${plan.omitted.length} af ${result.findings.length} fund er ikke vist som annoteringer, fordi GitHub højst viser 10 fejl og 10 advarsler pr. trin. ${where}`,
      { title: 'serviceniveau: flere fund' },
    );
  }
  // A notice, not a warning: the warnings may already be at GitHub's 10 per step, and this one must be seen.
  if (summaryProblem) core.notice(`${summaryProblem} Annoteringerne er skrevet som normalt.`, { title: 'serviceniveau: jobsammendrag' });
}

function propertiesOf(finding: Finding): core.AnnotationProperties {
  const end = finding.end ?? finding.start;
  return {
    title: `serviceniveau: ${finding.rule}`,
    file: finding.file,
    startLine: finding.start.line,
    endLine: end.line,
    // GitHub's rule: columns only when the annotation starts and ends on the same line.
    ...(end.line === finding.start.line ? { startColumn: finding.start.column, endColumn: end.column } : {}),
  };
}

/** In a pull_request run, the lines the pull request changed, from the event's base and head commits. */
async function changedLinesOfPullRequest(cwd: string): Promise<ChangedLines | undefined> {
  const eventPath = process.env['GITHUB_EVENT_PATH'];
  if (!eventPath) return undefined;
  let base: unknown;
  let head: unknown;
  try {
    const source = readBounded(eventPath, { display: `GITHUB_EVENT_PATH (${eventPath})`, limit: READ_LIMITS.event }).toString('utf8');
    const event = JSON.parse(source) as { pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } } };
    base = event.pull_request?.base?.sha;
    head = event.pull_request?.head?.sha;
  } catch (error) {
    if (error instanceof UsageError) core.warning(`serviceniveau: ${error.message}; annoteringerne vælges uden pull requestens ændrede linjer.`);
    return undefined;
  }
  if (typeof base !== 'string' || typeof head !== 'string' || !/^[0-9a-f]{40,64}$/.test(base) || !/^[0-9a-f]{40,64}$/.test(head)) return undefined;
  try {
    const repository = await PolicyRepository.open(cwd);
    return await repository.changedLines(base, head, POLICY_FOLDER);
  } catch {
    core.info('serviceniveau: kunne ikke læse pull requestens ændrede linjer; annoteringerne vælges uden dem.');
    return undefined;
  }
}
