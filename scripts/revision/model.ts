import type { Foranstaltning, Lovregister, Rolleplan, Serviceniveau } from '../model/generated-types.js';
// A type-only import: the registry's ids, with no module cycle at run time.
import type { ChangeId } from './classify-changes.js';

export type { ChangeId };

/** How much a change matters to the children and families: SPEC "Revision rounds". */
export type ChangeClass = 'material' | 'content' | 'editorial';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

/** One changed field, judged: its change id comes from the registry in classify-changes.ts. */
export interface FieldChange {
  /** `titel`, `formaal`, …, a frontmatter key (`alder`), or for the role plan `roller.<rolle>.<fase>`. */
  field: string;
  class: ChangeClass;
  /** Stable change id, e.g. `omfang-reduceret`, `lovhjemmel-aendret`, `tekst-redaktionel`. */
  change: ChangeId;
  before: string;
  after: string;
  /** A short Danish explanation, e.g. "10 timer → 8 timer (−20 %)". */
  note?: string;
}

/** The changes to one measure (or to the frame, id `serviceniveau`, or the role plan, id `rolleplan`). */
export interface MeasureChange {
  id: string;
  titel: string;
  kind: ChangeKind;
  previousId?: string;
  fields: FieldChange[];
}

/** `changelog --format json`: SPEC's shape, each field also carrying its change id. */
export interface Changelog {
  from: string;
  to: string;
  changes: MeasureChange[];
}

/** One side of a round: a git ref (or the working tree) and what it says about itself. */
export interface RoundSide {
  /** What the user asked for, e.g. `vedtaget/2025-02-11`, or `arbejdskopien` for the working tree. */
  label: string;
  /** The commit, when the side is a git ref. */
  commit?: string;
  /** ISO date of the commit (or tag), for tracked changes and the cover. */
  date?: string;
  /** Commit author, the author of Word's tracked changes. */
  author?: string;
  /** `version` and `gyldig_fra` from the frame at that side. */
  version?: string;
  gyldigFra?: string;
}

/** The whole service level of one area at one side: what `render` prints. */
export interface ServiceLevel {
  frame?: Partial<Serviceniveau>;
  /** Sorted by kategori, then titel. */
  measures: Partial<Foranstaltning>[];
  rolePlan?: Partial<Rolleplan>;
  /** The register beside the area: the laws its citations are read by, for the appendix »Lovgrundlag«. */
  register?: Lovregister;
}

/** A deviation accepted in the round: a suppression that is new at the `to` side. */
export interface AcceptedDeviation {
  file: string;
  line: number;
  rules: string[];
  reason: string;
}

/** Who made a change, and when (ISO 8601): the author and date Word's tracked changes carry. */
export interface Authorship {
  author: string;
  date: string;
}

/** Everything the committee documents (md, html, docx) are made from. */
export interface Round {
  kommune: string;
  omraade: string;
  from: RoundSide;
  to: RoundSide;
  changelog: Changelog;
  before: ServiceLevel;
  after: ServiceLevel;
  deviations: AcceptedDeviation[];
  /**
   * Per changed document, keyed like its change (a measure id, `serviceniveau`, `rolleplan`): the newest commit
   * of the round that changed it, or for a change not yet committed the git user and the time of the run.
   */
  changedBy: Record<string, Authorship>;
}
