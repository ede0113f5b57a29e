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

/**
 * The JSON Schema (draft 2020-12) of one option, with a Danish `description`. A list of strings that
 * the rule compiles as regular expressions says so with `x-regex-flags`: the flags it compiles them
 * with, which the config loader also uses to reject a pattern that does not compile or could hang.
 */
export interface OptionSchema {
  readonly description: string;
  readonly 'x-regex-flags'?: string;
  readonly [keyword: string]: unknown;
}

/** The JSON Schema of a rule's options object; `npm run gen` copies it into schemas/config.schema.json. */
export interface OptionsSchema {
  readonly type: 'object';
  readonly additionalProperties: false;
  readonly description: string;
  readonly properties: Readonly<Record<string, OptionSchema>>;
}

/**
 * One content rule: its metadata, its options' schema and a pure check. Its docs are docs/rules/<id>.md,
 * its tests tests/rules/<id>.test.ts. `Id` is the literal id, so the registry knows every rule id as a type.
 */
export interface Rule<Options = object, Id extends string = string> {
  id: Id;
  /** One Danish sentence: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** Used when the config gives no options. */
  defaultOptions: Options;
  /** What the config may give as options; the types of `Options` are generated from it. */
  optionsSchema: OptionsSchema;
  check(context: RuleContext<Options>): RuleReport[];
}

/** The schema of an option that lists regular expressions the rule compiles with `flags`. */
export function patternListOption<const Flags extends string>(flags: Flags, description: string) {
  return { type: 'array', items: { type: 'string', format: 'regex' }, 'x-regex-flags': flags, description } as const;
}

/** The option lists of a rule that hold regular expressions, each with the flags the rule compiles them with. */
export function regexOptionsOf(rule: Pick<Rule, 'optionsSchema'>): ReadonlyMap<string, string> {
  const options = new Map<string, string>();
  for (const [key, schema] of Object.entries(rule.optionsSchema.properties)) {
    if (schema['x-regex-flags'] !== undefined) options.set(key, schema['x-regex-flags']);
  }
  return options;
}

/** Where a rule's Danish documentation lives, relative to the repository root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
