import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { applySeverities, loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { discoverFiles, displayPath, type FoundFile } from '../load/discover-files.js';
import { documentKindOf, loadDocument } from '../load/load-document.js';
import type { PolicyDocument } from '../model/document.js';
import { sortFindings, type Finding } from '../model/finding.js';
import { formatJson } from '../report/format-json.js';
import { formatPretty } from '../report/format-pretty.js';
import { createPolicySet } from '../rules/policy-set.js';
import { RULE_IDS } from '../rules/registry.js';
import { runRules } from '../rules/run-rules.js';
import { applySuppressions, readSuppressions, type Suppression } from '../rules/suppressions.js';
import { schemaFinding, validateDocument } from '../validate/validate-document.js';

export const CHECK_FORMATS = ['pretty', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  paths: readonly string[];
  format: CheckFormat;
  config?: string;
  cwd: string;
  color: boolean;
}

/** What `check` prints and how it exits: 0 clean or warnings only, 1 any error, 2 unusable config. */
export interface CheckOutcome {
  output: string;
  exitCode: 0 | 1 | 2;
}

export const DEFAULT_POLICY_PATH = 'policies';

/** Everything a check found, before it is formatted. */
export interface CheckResult {
  findings: Finding[];
  documentCount: number;
  suppressions: Suppression[];
  exitCode: 0 | 1 | 2;
}

/** Loads, validates and reports every policy document under the given paths. Never writes a file. */
export function runCheck(options: CheckOptions): CheckOutcome {
  const result = checkPolicies(options);
  return { output: report(result.findings, options, result.documentCount, result.suppressions), exitCode: result.exitCode };
}

/** Loads and checks every policy document under the given paths: the findings, sorted and with severities from config. */
export function checkPolicies(options: Omit<CheckOptions, 'format' | 'color'>): CheckResult {
  const configResult = loadConfig(options.config, options.cwd);
  if (!configResult.ok) {
    return { findings: sortFindings(configResult.findings), documentCount: 0, suppressions: [], exitCode: 2 };
  }
  const paths = options.paths.length > 0 ? options.paths : [DEFAULT_POLICY_PATH];
  const { files, findings: discoveryFindings } = discoverFiles(paths, options.cwd);
  if (options.paths.length === 0 && files.length === 0 && discoveryFindings.length === 0) {
    throw new UsageError(`Der er ingen politikdokumenter i »${DEFAULT_POLICY_PATH}/«`, 'Kør kommandoen fra repositoriets rod, eller angiv de filer eller mapper, der skal kontrolleres.');
  }
  const findings: Finding[] = [...discoveryFindings];
  const documents: PolicyDocument[] = [];
  const suppressions: Suppression[] = [];
  for (const found of files) {
    const loaded = loadDocument(found.file, found.kind, readPolicyFile(found));
    findings.push(...loaded.findings);
    if (loaded.document && !loaded.broken) {
      documents.push(loaded.document);
      findings.push(...validateDocument(loaded.document));
      const read = readSuppressions(loaded.document, RULE_IDS);
      suppressions.push(...read.suppressions);
      findings.push(...read.findings);
    }
  }
  findings.push(...findDuplicateMeasureIds(documents));
  const policy = createPolicySet([...documents, ...loadContextDocuments(files, options.cwd)]);
  findings.push(...runRules(documents, policy, configResult.config));
  const { kept, used, unused } = applySuppressions(findings, suppressions);
  const stamped = sortFindings(applySeverities([...kept, ...unused], configResult.config));
  const hasErrors = stamped.some((finding) => finding.severity === 'error');
  return { findings: stamped, documentCount: files.length, suppressions: used, exitCode: hasErrors ? 1 : 0 };
}

function report(findings: Finding[], options: CheckOptions, documentCount: number, suppressions: readonly Suppression[] = []): string {
  switch (options.format) {
    case 'json':
      return formatJson(findings);
    default:
      return formatPretty(findings, { color: options.color, documentCount, suppressions });
  }
}

/**
 * The documents cross-document rules need but the user did not ask to check: the register and the
 * frame and role plan of each checked measure's area. They are read, but their findings are not reported.
 */
function loadContextDocuments(checked: readonly FoundFile[], cwd: string): PolicyDocument[] {
  const have = new Set(checked.map((found) => found.absolute));
  const wanted = new Set<string>();
  for (const found of checked) {
    const area = found.kind === 'foranstaltning' ? dirname(dirname(found.absolute)) : dirname(found.absolute);
    for (const name of ['serviceniveau.md', 'serviceniveau.json', 'rolleplan.md', 'rolleplan.json']) wanted.add(join(area, name));
    wanted.add(join(dirname(area), 'lovregister.json'));
  }
  const documents: PolicyDocument[] = [];
  for (const absolute of [...wanted].sort()) {
    const kind = documentKindOf(absolute);
    if (have.has(absolute) || !kind || !existsSync(absolute) || !lstatSync(absolute).isFile()) continue;
    const loaded = loadDocument(displayPath(absolute, cwd), kind, readFileSync(absolute));
    if (loaded.document && !loaded.broken) documents.push(loaded.document);
  }
  return documents;
}

function readPolicyFile(found: FoundFile): Uint8Array {
  try {
    return readFileSync(found.absolute);
  } catch (cause) {
    throw new UsageError(`Filen »${found.file}« kan ikke læses`, 'Tjek at filen findes, og at du har adgang til at læse den.', { cause });
  }
}

/** Two files in one area giving the same measure id (say x.md and x.json) would make the id ambiguous. */
function findDuplicateMeasureIds(documents: readonly PolicyDocument[]): Finding[] {
  const seen = new Map<string, PolicyDocument>();
  const findings: Finding[] = [];
  for (const document of documents) {
    if (document.kind !== 'foranstaltning') continue;
    const key = `${dirname(document.file)}/${basename(document.file, extname(document.file))}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, document);
      continue;
    }
    findings.push(
      schemaFinding(document, {
        pointer: '/id',
        atKey: false,
        message: `Foranstaltningen »${basename(key)}« findes også i »${first.file}«`,
        hint: 'Behold kun én af filerne (.md eller .json) for hver foranstaltning.',
      }),
    );
  }
  return findings;
}
