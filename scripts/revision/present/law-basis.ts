import { citedProvisionsOfSections, quoteProvision, type CitedProvision } from '../../law/cited-provisions.js';
import type { Lovregister } from '../../model/generated-types.js';
import type { TextRow } from './fields.js';
import { formatDanishDate } from './format.js';

// The appendix »Lovgrundlag«: the wording of every provision the measures cite, as the law in force on the date reads it.

export const LAW_BASIS_HEADING = 'Lovgrundlag';

/** What a provision shows when the tool has no text of it: another law, or one the act in force does not have. */
export const NO_LAW_TEXT = 'Lovteksten findes ikke i værktøjet.';

/** After the titel of a citing measure that is removed in the round. */
export const REMOVED_MARK = '(udgår)';

/** A measure that cites a provision: its place in the document (its anchor) and its titel. */
export interface CitingMeasure {
  number: number;
  titel: string;
  /** A removed measure, whose citations are those of its present wording. */
  removed?: true;
}

/** The act a provision is quoted from. */
export interface QuotedAct {
  /** »LBK nr 282 af 17/03/2025«. */
  name: string;
  /** »Bekendtgørelse af barnets lov«. */
  titel: string;
  /** The act on retsinformation.dk: https://www.retsinformation.dk/eli/lta/2025/282. */
  eli: string;
}

/** The official wording of a provision, line by line (each stk. and numbered item on its own), and where it is from. */
export interface LawQuote {
  act: QuotedAct;
  lines: string[];
  /** The source line under the quote: »LBK nr 282 af 17/03/2025 (Bekendtgørelse af barnets lov)«. */
  source: string;
}

/** One cited provision, once, with the measures that cite it. */
export type LawBasisEntry = {
  /** Its place in the appendix, from 1: anchors. */
  number: number;
  /** »Barnets Lov § 32, stk. 1, nr. 2«. */
  written: string;
  citedBy: CitingMeasure[];
} & ({ quote: LawQuote } | { missing: string });

/** The appendix as every format draws it: heading, a line on which law is quoted, the provisions ordered by law and paragraph. */
export interface LawBasisPresentation {
  heading: string;
  intro: string;
  /** What precedes the citing measures' titles: »Foranstaltninger, der henviser hertil«. */
  citedByLabel: string;
  entries: LawBasisEntry[];
}

/** A measure whose sections are read for citations. */
export interface MeasureSections extends CitingMeasure {
  sections: readonly TextRow[];
}

/** What a presentation includes beyond what every format shows. */
export interface PresentOptions {
  /** The appendix »Lovgrundlag«, for the formats that draw it (HTML and Word, not the Markdown of a pull request). */
  lawBasis?: boolean;
}

export interface LawBasisRequest {
  measures: readonly MeasureSections[];
  /** The register of the service level: its laws and their names. Without it no citation can be read. */
  register: Lovregister | undefined;
  /** The service level's gyldig_fra, if it has one: the law is quoted as it reads that day, else as it reads today. */
  gyldigFra: string | undefined;
  /** Whose citations: the changed measures of a round, or every measure of the service level. */
  scope: 'changed' | 'all';
}

/** The appendix of the provisions the measures cite, or undefined when they cite none (or there is no register to read them by). */
export function presentLawBasis(request: LawBasisRequest): LawBasisPresentation | undefined {
  const register = request.register;
  if (!register) return undefined;
  const { iso, fromFrame } = quoteDate(request.gyldigFra);
  const byProvision = new Map<string, { provision: CitedProvision; citedBy: CitingMeasure[] }>();
  for (const measure of request.measures) {
    const sections = measure.sections.map((section) => ({ field: section.key, text: section.text }));
    for (const provision of citedProvisionsOfSections(sections, register)) {
      const known = byProvision.get(provision.written) ?? { provision, citedBy: [] };
      known.citedBy.push({ number: measure.number, titel: measure.titel, ...(measure.removed ? { removed: true } : {}) });
      byProvision.set(provision.written, known);
    }
  }
  if (byProvision.size === 0) return undefined;
  const lawOrder = register.love.map((law) => law.id);
  const entries = [...byProvision.values()]
    .sort((a, b) => compareProvisions(a.provision, b.provision, lawOrder))
    .map(({ provision, citedBy }, index): LawBasisEntry => {
      const quoted = quoteProvision(provision, iso);
      const base = { number: index + 1, written: provision.written, citedBy };
      if (!quoted) return { ...base, missing: NO_LAW_TEXT };
      const act = { name: quoted.act.akt, titel: quoted.act.titel, eli: quoted.act.eli };
      return { ...base, quote: { act, lines: quoted.lines, source: `${act.name} (${act.titel})` } };
    });
  return { heading: LAW_BASIS_HEADING, intro: introOf(request.scope, iso, fromFrame), citedByLabel: 'Foranstaltninger, der henviser hertil', entries };
}

/** The day the law is quoted as of: the service level's gyldig_fra when it is a date, else today. */
function quoteDate(gyldigFra: string | undefined): { iso: string; fromFrame: boolean } {
  const date = gyldigFra !== undefined ? /^\d{4}-\d{2}-\d{2}/.exec(gyldigFra)?.[0] : undefined;
  return date ? { iso: date, fromFrame: true } : { iso: new Date().toISOString().slice(0, 10), fromFrame: false };
}

function introOf(scope: LawBasisRequest['scope'], iso: string, fromFrame: boolean): string {
  const whose = scope === 'changed' ? 'de ændrede foranstaltninger' : 'foranstaltningerne';
  const when = fromFrame
    ? `den ${formatDanishDate(iso)}, hvor ${scope === 'changed' ? 'det nye serviceniveau' : 'serviceniveauet'} gælder fra`
    : `i dag, den ${formatDanishDate(iso)}, da serviceniveauet ikke har en dato, det gælder fra`;
  return (
    `Her er ordlyden af de lovbestemmelser, som ${whose} henviser til, sådan som loven lyder ${when}. ` +
    'Teksten er gengivet ordret fra retsinformation.dk, og overskriften på hver bestemmelse er et link til loven dér.'
  );
}

/** By law in the register's order, then paragraph (32 before 32 a before 33), stk. and nr., the whole before its parts. */
function compareProvisions(a: CitedProvision, b: CitedProvision, lawOrder: readonly string[]): number {
  const rank = (law: string) => (lawOrder.includes(law) ? lawOrder.indexOf(law) : lawOrder.length);
  const [numberA, letterA] = paragraphKey(a.paragraf);
  const [numberB, letterB] = paragraphKey(b.paragraf);
  return (
    rank(a.law) - rank(b.law) ||
    a.law.localeCompare(b.law) ||
    numberA - numberB ||
    letterA.localeCompare(letterB) ||
    (a.stk ?? 0) - (b.stk ?? 0) ||
    (a.nr ?? 0) - (b.nr ?? 0)
  );
}

function paragraphKey(paragraf: string): [number, string] {
  const match = /^(\d+)\s*([a-zæøå]*)/i.exec(paragraf.trim());
  return match ? [Number(match[1]), match[2] ?? ''] : [Number.MAX_SAFE_INTEGER, paragraf];
}
