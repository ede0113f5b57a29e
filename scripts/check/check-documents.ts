import { applySeverities, type ResolvedConfig } from '../config/load-config.js';
import type { LoadedFile } from '../load/load-document.js';
import type { PolicyDocument } from '../model/document.js';
import { sortFindings, type Finding } from '../model/finding.js';
import { createPolicySet, type AdoptedVersion } from '../rules/policy-set.js';
import { RULE_IDS } from '../rules/registry.js';
import { runRules } from '../rules/run-rules.js';
import { applySuppressions, readSuppressions, type Suppression } from '../rules/suppressions.js';
import { findDuplicateMeasureIds } from '../validate/duplicate-ids.js';
import { validateDocument } from '../validate/validate-document.js';

/** What checking a set of documents found: the findings, sorted and with their configured severity, and the suppressions that were used. */
export interface CheckedDocuments {
  findings: Finding[];
  suppressions: Suppression[];
}

/**
 * The check itself, without reading anything: validates each loaded file, reads its suppressions, runs the
 * content rules over them (with `context` — register, frames, role plans — for cross-references), applies
 * suppressions and the config's severities. `asOf` is the date to check the law against (»check --dato«), `adopted` the newest adopted version in git. Files that failed to load keep their load findings, untouched by config.
 */
export function checkDocuments(
  files: readonly LoadedFile[],
  context: readonly PolicyDocument[],
  config: ResolvedConfig,
  { asOf, adopted }: { asOf?: string; adopted?: AdoptedVersion } = {},
): CheckedDocuments {
  const findings: Finding[] = [];
  const documents: PolicyDocument[] = [];
  const suppressions: Suppression[] = [];
  for (const loaded of files) {
    findings.push(...loaded.findings);
    if (!loaded.document || loaded.broken) continue;
    documents.push(loaded.document);
    findings.push(...validateDocument(loaded.document));
    const read = readSuppressions(loaded.document, RULE_IDS);
    suppressions.push(...read.suppressions);
    findings.push(...read.findings);
  }
  findings.push(...findDuplicateMeasureIds(documents));
  const checked = new Set(documents.map((document) => document.file));
  const policy = createPolicySet([...documents, ...context.filter((document) => !checked.has(document.file))], asOf, adopted);
  findings.push(...runRules(documents, policy, config));
  const { kept, used, unused } = applySuppressions(findings, suppressions);
  return { findings: sortFindings(applySeverities([...kept, ...unused], config)), suppressions: used };
}

/** The exit code a set of findings gives: 1 when any is an error, else 0 (warnings are allowed). */
export function exitCodeOf(findings: readonly Finding[]): 0 | 1 {
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
