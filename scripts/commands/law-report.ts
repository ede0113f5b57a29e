import type { ParagraphChangeKind } from '../law/act-comparison.js';
import type { LawText, LawTextInfo } from '../law/law-text-model.js';
import type { TextChange, WordChange } from '../law/paragraph-changes.js';
import type { CitingMeasure } from '../law/policy-citations.js';
import type { ProvisionVersion } from '../law/provision-history.js';
import { citedTextChanged } from '../law/act-comparison.js';
import type { Aendring, Paragraf } from '../model/generated-types.js';

// The shapes `law --format json` prints (README, »Loven«); the pretty text is made from the same objects.

/** An act of a law, as the reports name it. */
export interface ActSummary {
  id: string;
  akt: string;
  titel: string;
  gaelder_fra: string;
  gaelder_til?: string;
  eli: string;
}

/** A measure citing a provision: each of its citations that meet it, and whether it is the measure's legal basis. */
export interface MeasureReference {
  id: string;
  titel?: string;
  file: string;
  citations: {
    citation: string;
    inLovhjemmel: boolean;
    /** In a comparison: whether the words of the cited provision itself changed (not only other parts of its paragraph). */
    textChanged?: boolean;
  }[];
}

/** A register entry's `aendringer` item, with the provision it is recorded for. */
export interface AmendmentReport extends Aendring {
  citation: string;
}

/** `law <henvisning>`. */
export interface ProvisionReport {
  citation: string;
  law: string;
  paragraf: string;
  stk?: number;
  nr?: number;
  /** The day the text is quoted for (--dato, else today). */
  date: string;
  /** The act in force on that day; null when the tool has no text of the law for it. */
  act: ActSummary | null;
  /** Whether the act has the provision; null without an act. */
  found: boolean | null;
  text?: string;
  reason?: string;
  history: { act: ActSummary; status: ProvisionVersion['status']; text?: string; reason?: string; change?: WordChange }[];
  register: {
    citation: string;
    titel: string;
    sikkerhed: Paragraf['sikkerhed'];
    i_kraft_fra?: string;
    i_kraft_til?: string;
    /** What replaced a repealed provision, written out (its `erstattet_af`, else the entries whose `erstatter` name it). */
    erstattet_af?: string[];
    note?: string;
  }[];
  amendments: AmendmentReport[];
  measures: MeasureReference[];
}

/** One changed paragraph of a comparison. */
export interface ParagraphReport {
  law: string;
  /** »Barnets Lov § 3«. */
  citation: string;
  paragraf: string;
  kind: ParagraphChangeKind;
  changes: TextChange[];
  measures: MeasureReference[];
}

/** `law --compare A B`. */
export interface CompareReport {
  law: string;
  /** The register's name of the law, else the act's title. */
  name: string;
  from: ActSummary;
  to: ActSummary;
  paragraphs: ParagraphReport[];
  count: Record<ParagraphChangeKind, number> & { total: number };
}

/** `law --changed-since DATO`. */
export interface ChangedSinceReport {
  since: string;
  /** Per law: the act in force on the date (null when the tool has none for it) and the newest. */
  laws: { law: string; name: string; from: ActSummary | null; to: ActSummary }[];
  paragraphs: (ParagraphReport & { changedBy: ActSummary })[];
  amendments: (AmendmentReport & { law: string; paragraf: string; stk?: number; nr?: number; measures: MeasureReference[] })[];
}

export function actSummary(act: LawTextInfo): ActSummary {
  return {
    id: act.id,
    akt: act.akt,
    titel: act.titel,
    gaelder_fra: act.gaelder_fra,
    ...(act.gaelder_til !== undefined ? { gaelder_til: act.gaelder_til } : {}),
    eli: act.eli,
  };
}

/** The citing measures as the reports list them; with two acts, each citation says whether its own words changed. */
export function measureReferences(measures: readonly CitingMeasure[], compared?: { from: LawText; to: LawText }): MeasureReference[] {
  return measures.map((measure) => ({
    id: measure.id,
    ...(measure.titel !== undefined ? { titel: measure.titel } : {}),
    file: measure.file,
    citations: measure.citations.map((cited) => ({
      citation: cited.written,
      inLovhjemmel: cited.inLovhjemmel,
      ...(compared ? { textChanged: citedTextChanged(compared.from, compared.to, cited) } : {}),
    })),
  }));
}
