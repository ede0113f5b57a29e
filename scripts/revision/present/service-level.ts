import type { Foranstaltning } from '../../model/generated-types.js';
import { rolePhaseFields } from '../../model/schema-catalog.js';
import { STATUS_LABELS, fieldLabel } from '../labels.js';
import type { RoundSide, ServiceLevel } from '../model.js';
import { frameSections, measureSections, rolePhaseItems, type TextRow } from './fields.js';
import { ageText, danishDateOf, formatDanishDate, shortCommit } from './format.js';
import { presentLawBasis, type LawBasisPresentation, type PresentOptions } from './law-basis.js';

/** A labelled fact about the service level: »Status«, »I høring«. */
export interface Fact {
  label: string;
  value: string;
}

/** One measure of the service level as printed. */
export interface MeasureText {
  /** Its place in the whole service level, from 1: anchors and the table of contents. */
  number: number;
  id: string;
  /** The titel, or the id when the measure has none. */
  titel: string;
  /** »Alder: 0–17 år«, when the measure gives an age. */
  age?: Fact;
  /** The eight sections in template order; a text is '' when not filled in. */
  sections: TextRow[];
}

/** The measures of one kategori. */
export interface KategoriGroup {
  /** The group's place, from 1. */
  number: number;
  kategori: string;
  measures: MeasureText[];
}

/** The role plan as a table: roles by phases, each cell a list. */
export interface RolePlanTable {
  titel: string;
  phases: { key: string; heading: string }[];
  roles: { rolle: string; phases: string[][] }[];
}

/** The whole service level at one side, as every format prints it. */
export interface ServiceLevelPresentation {
  kommune: string;
  omraade: string;
  /** The frame's own kommune and område, for the proposal with tracked changes. */
  identity: Fact[];
  /** Version, Gyldig fra, Status, Vedtaget, Næste revision: those that have a value. */
  facts: Fact[];
  /** The side it is printed from: label and short commit. */
  source: { label: string; commit?: string };
  frameSections: TextRow[];
  /** Under the foreword, unless the foreword already ends with the name. */
  signatory?: { navn: string; titel: string };
  groups: KategoriGroup[];
  /** Set when the plan has roles. */
  rolePlan?: RolePlanTable;
  /** The appendix »Lovgrundlag«, when asked for: every provision the measures cite, quoted; unset when they cite none. */
  lawBasis?: LawBasisPresentation;
}

/** Measures without a kategori are gathered last under this heading. */
export const NO_KATEGORI = 'Øvrige foranstaltninger';

const DEFAULT_ROLE_PLAN_TITLE = 'Rolle- og ansvarsfordeling';

/** The presentation of a service level: facts with Danish dates and status, measures grouped by kategori and numbered, the role plan as a table. */
export function presentServiceLevel(
  level: ServiceLevel,
  side: RoundSide,
  meta: { kommune: string; omraade: string },
  options: PresentOptions = {},
): ServiceLevelPresentation {
  const frame = level.frame ?? {};
  const adoption = frame.vedtagelse;
  const facts = [
    fact('Version', frame.version ?? side.version),
    fact('Gyldig fra', danishDateOf(frame.gyldig_fra ?? side.gyldigFra)),
    fact('Status', frame.status ? STATUS_LABELS[frame.status] : undefined),
    fact('Vedtaget', adoption ? `${formatDanishDate(adoption.dato)} af ${adoption.organ} (${adoption.reference})` : undefined),
    fact('Næste revision', danishDateOf(frame.naeste_revision)),
  ];
  const signatory = frame.underskriver;
  const roles = level.rolePlan?.roller ?? [];
  const commit = shortCommit(side.commit);
  const groups = groupByKategori(level.measures);
  const lawBasis = options.lawBasis
    ? presentLawBasis({
        measures: groups.flatMap((group) => group.measures),
        register: level.register,
        gyldigFra: frame.gyldig_fra ?? side.gyldigFra,
        scope: 'all',
      })
    : undefined;
  return {
    kommune: meta.kommune,
    omraade: meta.omraade,
    identity: [fact('Kommune', frame.kommune), fact('Område', frame.omraade)].filter((entry) => entry !== undefined),
    facts: facts.filter((entry) => entry !== undefined),
    source: { label: side.label, ...(commit ? { commit } : {}) },
    frameSections: frameSections(frame),
    ...(signatory?.navn && !isSigned(frame.forord ?? '', signatory.navn) ? { signatory: { navn: signatory.navn, titel: signatory.titel ?? '' } } : {}),
    groups,
    ...(roles.length > 0
      ? {
          rolePlan: {
            titel: level.rolePlan?.titel ?? DEFAULT_ROLE_PLAN_TITLE,
            phases: rolePhaseFields().map((phase) => ({ key: phase.key, heading: phase.heading })),
            roles: roles.map((role) => ({ rolle: role.rolle, phases: rolePhaseItems(role) })),
          },
        }
      : {}),
    ...(lawBasis ? { lawBasis } : {}),
  };
}

/** Measures grouped by kategori in the order the level gives them (sorted by kategori, then titel), those without one last, numbered through the level. */
export function groupByKategori(measures: readonly Partial<Foranstaltning>[]): KategoriGroup[] {
  const kategoriOf = (measure: Partial<Foranstaltning>): string | undefined => measure.kategori?.trim() || undefined;
  const ordered = [...measures.filter((measure) => kategoriOf(measure)), ...measures.filter((measure) => !kategoriOf(measure))];
  const groups = new Map<string, MeasureText[]>();
  ordered.forEach((measure, index) => {
    const kategori = kategoriOf(measure) ?? NO_KATEGORI;
    const group = groups.get(kategori) ?? [];
    group.push(measureText(measure, index + 1));
    groups.set(kategori, group);
  });
  return [...groups].map(([kategori, entries], index) => ({ number: index + 1, kategori, measures: entries }));
}

function measureText(measure: Partial<Foranstaltning>, number: number): MeasureText {
  const id = measure.id ?? '';
  const age = fact(fieldLabel('alder'), ageText(measure.alder));
  return { number, id, titel: measure.titel || id, ...(age ? { age } : {}), sections: measureSections(measure) };
}

function fact(label: string, value: string | undefined): Fact | undefined {
  return value ? { label, value } : undefined;
}

/**
 * Whether the foreword is signed by the name already (»Lene Holm, borgmester«, »**LENE HOLM**«, a name broken over
 * two lines): then the underskriver is not printed under it a second time. Case, emphasis and white space do not count.
 */
function isSigned(foreword: string, name: string): boolean {
  const plain = (text: string) => text.replace(/[*_]/g, '').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('da');
  return plain(foreword).includes(plain(name));
}
