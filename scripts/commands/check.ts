import { readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { applySeverities, loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { discoverFiles, type FoundFile } from '../load/discover-files.js';
import { loadDocument } from '../load/load-document.js';
import type { PolicyDocument } from '../model/document.js';
import { sortFindings, type Finding } from '../model/finding.js';
import { formatGithub } from '../report/format-github.js';
import { formatJson } from '../report/format-json.js';
import { formatPretty } from '../report/format-pretty.js';
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

/** Loads, validates and reports every policy document under the given paths. Never writes a file. */
export function runCheck(options: CheckOptions): CheckOutcome {
  const configResult = loadConfig(options.config, options.cwd);
  if (!configResult.ok) {
    return { output: report(sortFindings(configResult.findings), options, 0), exitCode: 2 };
  }
  const paths = options.paths.length > 0 ? options.paths : [DEFAULT_POLICY_PATH];
  const { files, findings: discoveryFindings } = discoverFiles(paths, options.cwd);
  if (options.paths.length === 0 && files.length === 0 && discoveryFindings.length === 0) {
    throw new UsageError(`Der er ingen politikdokumenter i »${DEFAULT_POLICY_PATH}/«`, 'Kør kommandoen fra repositoriets rod, eller angiv de filer eller mapper, der skal kontrolleres.');
  }
  const findings: Finding[] = [...discoveryFindings];
  const documents: PolicyDocument[] = [];
  for (const found of files) {
    const loaded = loadDocument(found.file, found.kind, readPolicyFile(found));
    findings.push(...loaded.findings);
    if (loaded.document && !loaded.broken) {
      documents.push(loaded.document);
      findings.push(...validateDocument(loaded.document));
    }
  }
  findings.push(...findDuplicateMeasureIds(documents));
  const stamped = sortFindings(applySeverities(findings, configResult.config));
  const hasErrors = stamped.some((finding) => finding.severity === 'error');
  return { output: report(stamped, options, files.length), exitCode: hasErrors ? 1 : 0 };
}

function report(findings: Finding[], options: CheckOptions, documentCount: number): string {
  switch (options.format) {
    case 'json':
      return formatJson(findings);
    case 'github':
      return formatGithub(findings);
    default:
      return formatPretty(findings, { color: options.color, documentCount });
  }
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
