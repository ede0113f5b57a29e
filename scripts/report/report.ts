import type { Finding } from '../model/finding.js';
import type { Suppression } from '../rules/suppressions.js';
import { UsageError } from '../errors.js';
import { formatJson } from './format-json.js';
import { formatPretty } from './format-pretty.js';

export const CHECK_FORMATS = ['pretty', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What a check run has to say, whatever the format. */
export interface CheckReport {
  findings: readonly Finding[];
  documentCount: number;
  /** The suppressions that were used, listed for the reviewer. */
  suppressions: readonly Suppression[];
  /** Said instead of the count when nothing was checked, e.g. no document changed since a ref. */
  nothingChecked?: string;
}

export interface ReportOptions {
  /** ANSI colours in the pretty format. */
  color: boolean;
  /** The working directory: the github format reads the pull request's changed lines from its repository. */
  cwd: string;
}

/** The format named on the command line, or a usage error (exit 2) naming the ones there are. */
export function checkFormatOf(value: string | undefined): CheckFormat {
  const format = value ?? 'pretty';
  if ((CHECK_FORMATS as readonly string[]).includes(format)) return format as CheckFormat;
  throw new UsageError(`Ukendt format »${format}«`, `Vælg et af ${CHECK_FORMATS.join(', ')}.`);
}

/** Every check output goes through here: the text to print (pretty, json), or annotations and a job summary written through @actions/core (github). */
export async function report(format: CheckFormat, result: CheckReport, options: ReportOptions): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(result.findings);
    case 'github': {
      const { reportToActions } = await import('../github/check-in-actions.js');
      await reportToActions(result, options.cwd);
      return '';
    }
    case 'pretty':
      return formatPretty(result.findings, {
        color: options.color,
        documentCount: result.documentCount,
        suppressions: result.suppressions,
        ...(result.nothingChecked ? { nothingChecked: result.nothingChecked } : {}),
      });
  }
}
