import type { ResolvedConfig } from '../config/load-config.js';
import { rangePositions } from '../load/load-document.js';
import type { PolicyDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { PolicySet } from './policy-set.js';
import { RULES, type ContentRuleId } from './registry.js';
import { ruleDocsPath, type Rule } from './rule.js';

/** Runs every content rule that is not switched off and stamps each report as a finding. */
export function runRules(documents: readonly PolicyDocument[], policy: PolicySet, config: ResolvedConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (config.severity[rule.id] === 'off') continue;
    for (const report of rule.check({ documents, policy, options: ruleOptions(rule, config) })) {
      findings.push({
        source: 'rule',
        rule: rule.id,
        severity: report.advisory ? 'warning' : rule.defaultSeverity,
        file: report.document.file,
        ...rangePositions(report.document, report.range),
        message: report.message,
        ...(report.hint ? { hint: report.hint } : {}),
        url: ruleDocsPath(rule.id),
      });
    }
  }
  return findings;
}

/** A rule's options in force: the config's, over the rule's defaults. */
export function ruleOptions<Options extends object>(rule: Rule<Options, ContentRuleId>, config: ResolvedConfig): Options {
  return { ...rule.defaultOptions, ...(config.options[rule.id] ?? {}) };
}
