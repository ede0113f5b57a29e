import type { OffsetRange, PolicyDocument } from '../model/document.js';
import type { Severity } from '../model/finding.js';
import type { PolicySet } from './policy-set.js';

/** What a rule says about one place in a document; the framework adds rule id, severity, file and position. */
export interface RuleReport {
  document: PolicyDocument;
  range: OffsetRange;
  message: string;
  hint?: string;
  /** A doubt rather than a fault (say, a register entry of low confidence): always at most a warning. */
  advisory?: boolean;
}

/** What a rule is given: the documents to check, every loaded document for cross-references, and its options. */
export interface RuleContext<Options> {
  documents: readonly PolicyDocument[];
  policy: PolicySet;
  options: Options;
}

/** One content rule: its metadata and a pure check. Its docs are docs/rules/<id>.md, its tests tests/rules/<id>.test.ts. */
export interface Rule<Options = object> {
  id: string;
  /** One Danish sentence: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** Used when the config gives no options; the options' schema is the rule's entry in schemas/config.schema.json. */
  defaultOptions: Options;
  check(context: RuleContext<Options>): RuleReport[];
}

/** Where a rule's Danish documentation lives, relative to the repository root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
