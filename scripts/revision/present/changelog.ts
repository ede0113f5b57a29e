import type { Foranstaltning, Serviceniveau } from '../../model/generated-types.js';
import { lawNamesOf } from '../../law/register.js';
import type { LawName } from '../../law/parse-citations.js';
import { amendmentInstructions } from '../amendment.js';
import { FRAME_ID } from '../diff-snapshots.js';
import { CLASS_LABELS, CLASS_ORDER, CLASS_PLURALS, KIND_LABELS, STATUS_LABELS, fieldHeading, fieldLabel } from '../labels.js';
import type { AcceptedDeviation, ChangeClass, ChangeId, ChangeKind, MeasureChange, Round, RoundSide } from '../model.js';
import { measureSections, type TextRow } from './fields.js';
import { ageText, danishDateOf, formatCount, formatDanishDate, shortCommit } from './format.js';
import { presentLawBasis, type LawBasisPresentation, type MeasureSections, type PresentOptions } from './law-basis.js';

/** How many changes of each class. */
export type ClassCounts = Record<ChangeClass, number>;

/** One ændringsforslag: its number is its place in the whole round, the same in every document. */
export interface Amendment {
  number: number;
  text: string;
}

/** One changed field as the committee reads it. */
export interface FieldPresentation {
  field: string;
  /** The Danish heading of the field: »Omfang og varighed«, »Målgruppe«, »Politiker: Udvikling«. */
  heading: string;
  class: ChangeClass;
  classLabel: string;
  change: ChangeId;
  note?: string;
  before: string;
  after: string;
}

/** An added measure (at the `to` side) or a removed one (at the `from` side), shown whole. */
export interface WholeMeasure {
  side: 'before' | 'after';
  /** Kategori and alder, when the measure has them. */
  facts: TextRow[];
  /** The sections that are filled in, in template order. */
  sections: TextRow[];
}

/** One changed measure (or the frame, or the role plan) as the committee documents show it. */
export interface MeasurePresentation {
  /** Its place in the changelog, from 1: anchors and cross-references. */
  number: number;
  id: string;
  titel: string;
  kind: ChangeKind;
  kindLabel: string;
  previousId?: string;
  /** Added, removed, or with a material field: shown first and marked. */
  material: boolean;
  counts: ClassCounts;
  /** The field changes counted in words, »2 væsentlige, 1 redaktionel«; '' when the measure has no field changes. */
  summary: string;
  whole?: WholeMeasure;
  /** The changed fields, most material first; empty when the measure is shown whole, which already holds their text. */
  fields: FieldPresentation[];
  amendments: Amendment[];
}

/** The two sides of the round, row by row: »Dato«, »11. februar 2025«, »15. januar 2026«. */
export interface SideRow {
  label: string;
  from: string;
  to: string;
}

/** Everything the committee documents of a round show, computed once: the renderers only draw it. */
export interface ChangelogPresentation {
  kommune: string;
  omraade: string;
  /** The git refs of the round, for technical readers (the PR comment, the provenance line); never on a committee's cover. */
  fromLabel: string;
  toLabel: string;
  /** The round in the committee's words: »Det gældende serviceniveau (vedtaget 10. februar 2026) og forslaget«. */
  roundText: string;
  /** One small line at the end of the committee documents: which git versions the document was made from. */
  provenance: string;
  sides: SideRow[];
  /** Each change once: an added or removed measure is one material change, not one per field. */
  totals: RoundTotals;
  /** Most material first: material, then content, then editorial; otherwise in the changelog's order. */
  measures: MeasurePresentation[];
  /** Every amendment of the round, numbered 1, 2, 3, … through the measures in their order. */
  amendments: Amendment[];
  deviations: readonly AcceptedDeviation[];
  /** The appendix »Lovgrundlag«, when asked for: the provisions the changed measures cite, quoted; unset when they cite none. */
  lawBasis?: LawBasisPresentation;
}

/** How many changes the round has: what the overview of every document says. */
export interface RoundTotals {
  byClass: ClassCounts;
  added: number;
  removed: number;
  renamed: number;
  /** The counts in one sentence, »6 væsentlige ændringer: 1 ny foranstaltning, 1 udgået og 4 ændringer i teksten; 2 redaktionelle ændringer.«; '' for none. */
  text: string;
}

/** The headings of the two sides' columns, in the cover's table. */
export const SIDE_HEADINGS = { from: 'Gældende', to: 'Ny' } as const;

/** What a side shows where it has no value. */
export const MISSING = '–';

/** The presentation of a round's changelog: order, counts, labels, dates and the numbered amendments. */
export function presentChangelog(round: Round, options: PresentOptions = {}): ChangelogPresentation {
  let next = 1;
  const register = round.after.register ?? round.before.register;
  const laws = register ? lawNamesOf(register) : [];
  const measures = orderChanges(round.changelog.changes).map((change, index): MeasurePresentation => {
    const measure = presentMeasure(change, index + 1, round);
    const amendments = amendmentTexts(change, measure, laws).map((text) => ({ number: next++, text }));
    return { ...measure, amendments };
  });
  const byClass = sumCounts(measures.map((measure) => measure.counts));
  const kinds = (kind: ChangeKind) => measures.filter((measure) => measure.kind === kind).length;
  const lawBasis = options.lawBasis
    ? presentLawBasis({
        measures: citingMeasures(measures, round),
        register: round.after.register ?? round.before.register,
        gyldigFra: round.to.gyldigFra ?? round.after.frame?.gyldig_fra,
        scope: 'changed',
      })
    : undefined;
  return {
    kommune: round.kommune,
    omraade: round.omraade,
    fromLabel: round.from.label,
    toLabel: round.to.label,
    roundText: roundText(round),
    provenance: provenanceText(round),
    sides: sideRows(round),
    totals: roundTotals(byClass, kinds('added'), kinds('removed'), kinds('renamed')),
    measures,
    amendments: measures.flatMap((measure) => measure.amendments),
    deviations: round.deviations,
    ...(lawBasis ? { lawBasis } : {}),
  };
}

/** The changed measures with the sections their citations are read from: the proposed wording, or the present one of a removed measure. */
function citingMeasures(measures: readonly MeasurePresentation[], round: Round): MeasureSections[] {
  return measures.flatMap((measure) => {
    const removed = measure.kind === 'removed';
    const data = (removed ? round.before : round.after).measures.find((candidate) => candidate.id === measure.id);
    if (!data) return []; // the frame and the role plan are not measures
    return [{ number: measure.number, titel: measure.titel, ...(removed ? { removed: true as const } : {}), sections: measureSections(data) }];
  });
}

/** Field changes by class; a measure added or removed is itself one material change, however many fields it has (SPEC, "Revision rounds"). */
export function countChanges(change: MeasureChange): ClassCounts {
  const counts: ClassCounts = { material: 0, content: 0, editorial: 0 };
  if (isWhole(change.kind)) return { ...counts, material: 1 };
  for (const field of change.fields) counts[field.class] += 1;
  return counts;
}

/** The round's counts, and the same in words. */
function roundTotals(byClass: ClassCounts, added: number, removed: number, renamed: number): RoundTotals {
  return { byClass, added, removed, renamed, text: totalsText(byClass, added, removed) };
}

/** »6 væsentlige ændringer: 1 ny foranstaltning, 1 udgået og 4 ændringer i teksten; 2 indholdsmæssige ændringer; 3 redaktionelle ændringer.« */
export function totalsText(byClass: ClassCounts, added: number, removed: number): string {
  const changes = (count: number, changeClass: ChangeClass): string =>
    `${formatCount(count)} ${classWord(changeClass, count)} ${count === 1 ? 'ændring' : 'ændringer'}`;
  const inText = byClass.material - added - removed;
  const whole = [
    ...(added > 0 ? [`${formatCount(added)} ${added === 1 ? 'ny foranstaltning' : 'nye foranstaltninger'}`] : []),
    ...(removed > 0 ? [`${formatCount(removed)} ${removed === 1 ? 'udgået' : 'udgåede'}`] : []),
    ...(inText > 0 && added + removed > 0 ? [`${formatCount(inText)} ${inText === 1 ? 'ændring' : 'ændringer'} i teksten`] : []),
  ];
  const groups = [
    ...(byClass.material > 0 ? [`${changes(byClass.material, 'material')}${added + removed > 0 ? `: ${joinDanish(whole)}` : ''}`] : []),
    ...(byClass.content > 0 ? [changes(byClass.content, 'content')] : []),
    ...(byClass.editorial > 0 ? [changes(byClass.editorial, 'editorial')] : []),
  ];
  return groups.length > 0 ? `${groups.join('; ')}.` : '';
}

/** A class as an adjective agreeing with a count: »1 redaktionel«, »2 redaktionelle«. */
function classWord(changeClass: ChangeClass, count: number): string {
  return (count === 1 ? CLASS_LABELS : CLASS_PLURALS)[changeClass].toLowerCase();
}

/** »a«, »a og b«, »a, b og c«. */
function joinDanish(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}`;
}

/** The changes most material first (material, content, editorial, then none), each measure's fields too; otherwise in changelog order. */
export function orderChanges(changes: readonly MeasureChange[]): MeasureChange[] {
  const rank = (change: MeasureChange): number => {
    const counts = countChanges(change);
    const index = CLASS_ORDER.findIndex((changeClass) => counts[changeClass] > 0);
    return index === -1 ? CLASS_ORDER.length : index;
  };
  return changes
    .map((change) => ({ ...change, fields: [...change.fields].sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class)) }))
    .sort((a, b) => rank(a) - rank(b));
}

/** Counts in words, most material first: »2 væsentlige, 1 redaktionel«. */
export function classSummary(counts: ClassCounts): string {
  return CLASS_ORDER.filter((changeClass) => counts[changeClass] > 0)
    .map((changeClass) => `${formatCount(counts[changeClass])} ${classWord(changeClass, counts[changeClass])}`)
    .join(', ');
}

function presentMeasure(change: MeasureChange, number: number, round: Round): Omit<MeasurePresentation, 'amendments'> {
  const counts = countChanges(change);
  const whole = wholeMeasure(change, round);
  return {
    number,
    id: change.id,
    titel: change.titel,
    kind: change.kind,
    kindLabel: KIND_LABELS[change.kind],
    ...(change.previousId ? { previousId: change.previousId } : {}),
    material: isWhole(change.kind) || counts.material > 0,
    counts,
    // An added or removed measure is marked material once, not counted field by field.
    summary: change.fields.length > 0 && !isWhole(change.kind) ? classSummary(counts) : '',
    ...(whole ? { whole } : {}),
    fields: whole
      ? []
      : change.fields.map((field) => ({
          field: field.field,
          heading: fieldHeading(change.id, field.field),
          class: field.class,
          classLabel: CLASS_LABELS[field.class],
          change: field.change,
          ...(field.note ? { note: field.note } : {}),
          before: shownValue(change.id, field.field, field.before),
          after: shownValue(change.id, field.field, field.after),
        })),
  };
}

/** The amendment instructions of one measure, in the order of its fields. */
function amendmentTexts(change: MeasureChange, measure: Omit<MeasurePresentation, 'amendments'>, laws: readonly LawName[]): string[] {
  if (change.kind === 'added') {
    const kategori = measure.whole?.facts.find((fact) => fact.key === 'kategori')?.text;
    const hasText = measure.whole ? measure.whole.facts.length + measure.whole.sections.length > 0 : false;
    return [
      `Som ny foranstaltning indsættes »${change.titel}«${kategori ? ` under »${kategori}«` : ''}${hasText ? ' med den formulering, der er gengivet ovenfor' : ''}.`,
    ];
  }
  if (change.kind === 'removed') return [`Foranstaltningen »${change.titel}« udgår.`];
  const renamed = change.kind === 'renamed' && change.previousId;
  // A new id is said once, in words, rather than as a change of the field »Id«.
  const fields = renamed ? change.fields.filter((field) => field.field !== 'id') : change.fields;
  return [
    ...(renamed ? [`Foranstaltningen »${change.previousId}« skifter id til »${change.id}«.`] : []),
    ...fields.flatMap((field) =>
      amendmentInstructions(
        fieldHeading(change.id, field.field),
        shownValue(change.id, field.field, field.before),
        shownValue(change.id, field.field, field.after),
        { laws },
      ),
    ),
  ];
}

/** An added measure at the `to` side or a removed one at the `from` side, when the round has its text. */
function wholeMeasure(change: MeasureChange, round: Round): WholeMeasure | undefined {
  const side = change.kind === 'added' ? 'after' : change.kind === 'removed' ? 'before' : undefined;
  if (!side) return undefined;
  const measure = round[side].measures.find((candidate) => candidate.id === change.id);
  if (measure) return { side, facts: measureFacts(measure), sections: measureSections(measure).filter((section) => section.text.trim() !== '') };
  // Without the measure's data (the frame, the role plan), its fields are its text: still shown whole, not as one change per field.
  const sections = change.fields
    .map((field) => ({ key: field.field, heading: fieldHeading(change.id, field.field), text: side === 'after' ? field.after : field.before }))
    .filter((section) => section.text.trim() !== '');
  return { side, facts: [], sections };
}

/** A measure's kategori and alder as headed facts: »Alder«, »14–17 år«. */
function measureFacts(measure: Partial<Foranstaltning>): TextRow[] {
  const age = ageText(measure.alder);
  return [
    ...(measure.kategori ? [{ key: 'kategori', heading: fieldLabel('kategori'), text: measure.kategori }] : []),
    ...(age ? [{ key: 'alder', heading: fieldLabel('alder'), text: age }] : []),
  ];
}

/** The frame's status and dates as the committee reads them everywhere else: »I høring«, »1. marts 2026«, not `hoering`, `2026-03-01`. */
function shownValue(measureId: string, field: string, value: string): string {
  // The age as the facts and the service level write it, »0–17 år«, so the quoted text is the one the reader finds.
  if (field === 'alder') return value.replace(/^(\d+)-(\d+) år$/, '$1–$2 år');
  if (measureId !== FRAME_ID) return value;
  if (field === 'status') return isStatus(value) ? STATUS_LABELS[value] : value;
  if (FRAME_DATES.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDanishDate(value);
  return value;
}

const FRAME_DATES = new Set(['gyldig_fra', 'naeste_revision']);

function isStatus(value: string): value is Serviceniveau['status'] {
  return Object.hasOwn(STATUS_LABELS, value);
}

function sideRows(round: Round): SideRow[] {
  const { from, to } = round;
  const dates = sideDates(round);
  const row = (label: string, value: (side: RoundSide) => string | undefined): SideRow => ({ label, from: value(from) ?? MISSING, to: value(to) ?? MISSING });
  const status = (frame: Partial<Serviceniveau> | undefined) => (frame?.status && isStatus(frame.status) ? STATUS_LABELS[frame.status] : MISSING);
  return [
    { label: 'Status', from: status(round.before.frame), to: status(round.after.frame) },
    { label: 'Dato', from: danishDateOf(dates.from) ?? MISSING, to: danishDateOf(dates.to) ?? MISSING },
    row('Version', (side) => side.version),
    row('Gyldig fra', (side) => danishDateOf(side.gyldigFra)),
  ];
}

/** The round as a committee member reads it: what is in force, and what is proposed; no tag names or »arbejdskopien«. */
function roundText(round: Round): string {
  const adopted = danishDateOf(sideDates(round).from);
  return `Det gældende serviceniveau${adopted ? ` (vedtaget ${adopted})` : ''} og forslaget til ændringer`;
}

/** »Dannet af serviceniveau fra vedtaget/2026-02-10 (44c8c23) til arbejdskopien.« */
function provenanceText(round: Round): string {
  const side = (ref: RoundSide) => `${ref.label}${shortCommit(ref.commit) ? ` (${shortCommit(ref.commit)})` : ''}`;
  return `Dannet af serviceniveau fra ${side(round.from)} til ${side(round.to)}.`;
}

/**
 * The date each side stands for. The adopted side: the frame's adoption date (`vedtagelse.dato`), else the date in its
 * tag name (`vedtaget/2025-02-11`), and only then the commit's. The proposal: its own adoption date, not one it still
 * carries from the adopted version, else its tag's or its commit's; none for the working tree.
 */
export function sideDates(round: Round): { from?: string; to?: string } {
  const adopted = round.before.frame?.vedtagelse?.dato;
  const proposed = round.after.frame?.vedtagelse?.dato;
  const from = adopted ?? tagDate(round.from.label) ?? round.from.date;
  const to = (proposed !== adopted ? proposed : undefined) ?? tagDate(round.to.label) ?? round.to.date;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The date in an adoption tag's name: `vedtaget/2025-02-11` → `2025-02-11`. */
function tagDate(label: string): string | undefined {
  return /(?:^|\/)vedtaget\/(\d{4}-\d{2}-\d{2})$/.exec(label)?.[1];
}

function sumCounts(counts: readonly ClassCounts[]): ClassCounts {
  const sum: ClassCounts = { material: 0, content: 0, editorial: 0 };
  for (const count of counts) for (const changeClass of CLASS_ORDER) sum[changeClass] += count[changeClass];
  return sum;
}

function isWhole(kind: ChangeKind): boolean {
  return kind === 'added' || kind === 'removed';
}
