import { checkDocuments, exitCodeOf } from '../check/check-documents.js';
import { readAdoptedVersion } from '../check/adopted-version.js';
import { readPolicies } from '../check/read-policies.js';
import { loadConfig } from '../config/load-config.js';
import { sortFindings } from '../model/finding.js';
import { report, type CheckFormat, type CheckReport } from '../report/report.js';

export interface CheckOptions {
  /** Files or folders to check; none means policies/. */
  paths: readonly string[];
  format: CheckFormat;
  config?: string;
  /** Check only the documents changed since this git ref (and those their cross-document rules read). */
  changedSince?: string;
  /** The date to check the law against (»--dato«), instead of the frame's gyldig_fra. */
  asOf?: string;
  cwd: string;
  color: boolean;
}

/** What `check` prints and how it exits: 0 clean or warnings only, 1 any error, 2 unusable config. */
export interface CheckOutcome {
  output: string;
  exitCode: 0 | 1 | 2;
}

/** `check`: read the config and the documents, check them, report. Never writes a policy file. */
export async function runCheck(options: CheckOptions): Promise<CheckOutcome> {
  const configResult = loadConfig(options.config, options.cwd);
  if (!configResult.ok) {
    const output = await report(options.format, { findings: sortFindings(configResult.findings), documentCount: 0, suppressions: [] }, options);
    return { output, exitCode: 2 };
  }
  const result = await checkPaths(options, configResult.config);
  return { output: await report(options.format, result, options), exitCode: exitCodeOf(result.findings) };
}

async function checkPaths(options: CheckOptions, config: Parameters<typeof checkDocuments>[2]): Promise<CheckReport> {
  let paths = options.paths;
  if (options.changedSince !== undefined) {
    paths = await (await import('./changed-since.js')).documentsChangedSince(options.changedSince, options.cwd);
    if (paths.length === 0)
      return { findings: [], documentCount: 0, suppressions: [], nothingChecked: `Ingen politikdokumenter er ændret siden »${options.changedSince}«.` };
  }
  const read = readPolicies(paths, options.cwd);
  const loaded = [...read.files.flatMap((file) => (file.document && !file.broken ? [file.document] : [])), ...read.context];
  const adopted = await readAdoptedVersion(loaded, options.cwd);
  const checked = checkDocuments(read.files, read.context, config, {
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(adopted ? { adopted } : {}),
  });
  return { findings: sortFindings([...read.discovery, ...checked.findings]), documentCount: read.files.length, suppressions: checked.suppressions };
}
