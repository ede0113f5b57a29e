import { compareFindings, type Finding } from '../model/finding.js';

/** GitHub shows at most this many annotations of each kind per step, and drops the rest without a word. */
export const ANNOTATION_LIMITS = { error: 10, warning: 10 } as const;

/** File → the lines a pull request added or changed. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number>>;

export interface AnnotationPlan {
  annotate: Finding[];
  omitted: Finding[];
}

/**
 * Chooses which findings become annotations: those on lines the pull request changed first, errors
 * before warnings, then in file order; at most GitHub's limit of each kind. The rest are `omitted`,
 * to be counted in the log and listed in the job summary.
 */
export function planAnnotations(findings: readonly Finding[], changed?: ChangedLines): AnnotationPlan {
  const touched = (finding: Finding): boolean => {
    const lines = changed?.get(finding.file);
    if (!lines) return false;
    for (let line = finding.start.line; line <= (finding.end ?? finding.start).line; line++) if (lines.has(line)) return true;
    return false;
  };
  const ordered = [...findings].sort((a, b) => Number(touched(b)) - Number(touched(a)) || compareFindings(a, b));
  const used = { error: 0, warning: 0 };
  const annotate: Finding[] = [];
  const omitted: Finding[] = [];
  for (const finding of ordered) {
    if (used[finding.severity] < ANNOTATION_LIMITS[finding.severity]) {
      used[finding.severity]++;
      annotate.push(finding);
    } else {
      omitted.push(finding);
    }
  }
  return { annotate, omitted };
}
