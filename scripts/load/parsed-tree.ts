import type { NodeLocation, OffsetRange } from '../model/document.js';

/** A problem met while parsing a file, before any schema is applied. */
export interface ParseProblem {
  range: OffsetRange;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/** The data read from YAML or JSON, with the source location of every value. */
export interface ParsedTree {
  data: unknown;
  locations: Map<string, NodeLocation>;
  problems: ParseProblem[];
  /** True when the text could not be read as a whole; its data must not be validated. */
  broken: boolean;
}
