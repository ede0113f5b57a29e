import { lstatSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from '../load/discover-files.js';
import { CONFIG_FILE_NAME } from '../layout.js';
import { loadDocument } from '../load/load-document.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';
import { isConfigurable, type Finding, type Severity } from '../model/finding.js';
import type { DocumentOptions, ImportOptions, Konfiguration, OpfoelgningConfig, SiteOptions } from '../model/generated-types.js';
import { RULE_DEFAULTS, RULES, type RuleId } from '../rules/registry.js';
import { regexOptionsOf } from '../rules/rule.js';
import { backtrackingProblem } from './regex-safety.js';
import { schemaFinding, validateDocument } from '../validate/validate-document.js';
import type { PolicyDocument } from '../model/document.js';

/** Rule ids and default severities are the registry's; re-exported for the modules that read them with the config. */

/**
 * A pattern in the config that does not compile, or could hang a check, is a finding at that pattern, not an internal error or a stuck CI job later.
 * Which options are patterns, and their flags, each rule's options schema says (`x-regex-flags`); `u` is stricter than the schema's `format: regex`.
 */
function unusablePatterns(document: PolicyDocument): Finding[] {
  const findings: Finding[] = [];
  const rules = (document.data as Konfiguration | null)?.rules ?? {};
  for (const [rule, setting] of Object.entries(rules)) {
    const options = typeof setting === 'object' && setting && 'options' in setting ? (setting.options as Record<string, unknown> | undefined) : undefined;
    const known = RULES.find((candidate) => candidate.id === rule);
    const patternOptions = known ? regexOptionsOf(known) : new Map<string, string>();
    for (const [key, list] of Object.entries(options ?? {})) {
      const flags = patternOptions.get(key);
      if (!flags || !Array.isArray(list)) continue;
      list.forEach((pattern, index) => {
        if (typeof pattern !== 'string') return;
        const pointer = `/rules/${rule}/options/${key}/${index}`;
        let compiled: RegExp;
        try {
          compiled = new RegExp(pattern, flags);
        } catch {
          findings.push(
            schemaFinding(document, {
              pointer,
              atKey: false,
              message: `»${pattern}« er ikke et gyldigt regulært udtryk`,
              hint: 'Udtrykket læses med Unicode-reglerne (flaget u): escape kun tegn, der betyder noget, fx \\. for et punktum.',
            }),
          );
          return;
        }
        const problem = backtrackingProblem(compiled);
        if (problem)
          findings.push(
            schemaFinding(document, { pointer, atKey: false, message: `»${pattern}« er et farligt regulært udtryk: ${problem}`, hint: BACKTRACKING_HINT }),
          );
      });
    }
  }
  return findings;
}

const BACKTRACKING_HINT =
  'Sæt ikke en gentagelse inde i en anden (»(\\w+\\s?)+« kan skrives »\\w+(?:\\s\\w+)*«), lad ikke to gentagelser efter hinanden ' +
  'kunne tage de samme tegn (»\\s*\\s*«), og begræns ».*« mellem to ord, fx til »[^.]{0,80}«.';

export type RuleSetting = Severity | 'off';

/** The configuration in force: a severity and options for every rule. */
export interface ResolvedConfig {
  /** The config file that was read, if any (relative path). */
  file?: string;
  severity: Record<RuleId, RuleSetting>;
  options: Partial<Record<RuleId, Record<string, unknown>>>;
  /** The look of the Word documents, as far as the config sets it; the renderer has the defaults. */
  document: DocumentOptions;
  /** The kommune's own labels for `import`, as far as the config sets them. */
  import?: ImportOptions;
  /** The citizens' website's look, as far as the config sets it. */
  site?: SiteOptions;
  /** How `opfoelgning` reads the case system's export, as far as the config sets it. */
  opfoelgning?: OpfoelgningConfig;
}

const VALID_EXAMPLE = 'Et gyldigt eksempel: { "rules": { "skoen-under-regel": "error", "laesbarhed": { "severity": "warning", "options": { "max": 50 } } } }';

/** What loading the config gave: the config, or the findings that make it unusable. */
export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; findings: Finding[] };

/** Reads `--config FILE`, or serviceniveau.config.json in the working directory if it exists. */
export function loadConfig(path: string | undefined, cwd: string): ConfigResult {
  const absolute = resolve(cwd, path ?? CONFIG_FILE_NAME);
  const named = path ?? CONFIG_FILE_NAME;
  const stats = lstatOrUndefined(absolute);
  if (!stats) {
    if (path === undefined) return { ok: true, config: defaultConfig() };
    throw new UsageError(
      `Konfigurationsfilen »${path}« findes ikke`,
      `Opret filen, eller udelad --config for at bruge ${CONFIG_FILE_NAME} eller standardindstillingerne.`,
    );
  }
  if (stats.isDirectory()) {
    throw new UsageError(
      `»${named}« er en mappe, men her forventes en konfigurationsfil`,
      'Angiv stien til en JSON-fil, fx --config serviceniveau.config.json.',
    );
  }
  // A committed link could point at /dev/zero or outside the repository: a fork's pull request must not choose what is read.
  const bytes = readBounded(absolute, {
    display: named,
    limit: READ_LIMITS.document,
    refuseLinks: true,
    hint: `Læg konfigurationen som en almindelig JSON-fil under 5 MB i ${CONFIG_FILE_NAME}, ikke som et link eller en særlig fil.`,
  });
  const file = displayPath(absolute, cwd);
  const loaded = loadDocument(file, 'config', bytes);
  const findings = [...loaded.findings];
  if (loaded.document && !loaded.broken) findings.push(...validateDocument(loaded.document), ...unusablePatterns(loaded.document));
  if (!loaded.document || findings.some((finding) => finding.severity === 'error')) {
    return { ok: false, findings: findings.map((finding) => ({ ...finding, hint: `${finding.hint ? `${finding.hint} ` : ''}${VALID_EXAMPLE}` })) };
  }
  return { ok: true, config: resolveConfig(loaded.document.data as Konfiguration, file) };
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function resolveConfig(data: Konfiguration, file?: string): ResolvedConfig {
  const config = defaultConfig();
  if (file) config.file = file;
  if (data.document) config.document = data.document;
  if (data.import) config.import = data.import;
  if (data.site) config.site = data.site;
  if (data.opfoelgning) config.opfoelgning = data.opfoelgning;
  for (const [rule, setting] of Object.entries(data.rules ?? {}) as [RuleId, NonNullable<Konfiguration['rules']>[RuleId]][]) {
    if (typeof setting === 'string') config.severity[rule] = setting;
    else if (setting) {
      if (setting.severity) config.severity[rule] = setting.severity;
      if ('options' in setting && setting.options) config.options[rule] = setting.options as Record<string, unknown>;
    }
  }
  return config;
}

/** Every rule at its default severity, without options, and the Word documents in their default look. */
export function defaultConfig(): ResolvedConfig {
  return { severity: { ...RULE_DEFAULTS }, options: {}, document: {} };
}

/**
 * Stamps the configured severity on the findings of rules and the schema: `off` drops them, `warning`
 * softens their errors, and the default keeps each finding's own severity. A file that could not be read
 * and a malformed suppression are never touched.
 */
export function applySeverities(findings: readonly Finding[], config: ResolvedConfig): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    if (!isConfigurable(finding)) {
      result.push(finding);
      continue;
    }
    const setting = config.severity[finding.rule as RuleId] ?? 'error';
    if (setting === 'off') continue;
    result.push(setting === 'warning' ? { ...finding, severity: 'warning' } : finding);
  }
  return result;
}
