import { normalizeHeading } from '../load/headings.js';
import { sectionFields } from '../model/schema-catalog.js';
import { trailing } from '../text/trailing.js';

/** The documents whose sections a label can name: a measure's fields or the frame's. */
export type LabelTarget = 'foranstaltning' | 'serviceniveau';

/** Extra labels by target and field key, from the config file's »import.labels«. */
export type ExtraLabels = Partial<Record<LabelTarget, Partial<Record<string, readonly string[]>>>>;

/**
 * The one table of labels kommuner write for each field, beside the schema's own headings (which always match).
 * A label ending in »…« matches any label that starts with it (»Hvem kan få …?« matches »Hvem kan få aflastning?«).
 * Layouts (a)–(d) all look labels up here: table labels, sub-headings, bold run-in labels and citizen questions.
 */
export const LABELS: Readonly<Record<LabelTarget, Readonly<Record<string, readonly string[]>>>> = {
  foranstaltning: {
    formaal: ['Formål', 'Formålet', 'Formål med …', 'Formålet med …', 'Hvad er formålet?', 'Hvad er formålet med …', 'Hvorfor …'],
    indhold: [
      'Indhold',
      'Indholdet',
      'Indhold i …',
      'Indholdet i …',
      'Beskrivelse',
      'Hvad er indholdet?',
      'Hvad indeholder …',
      'Hvad kan jeg få?',
      'Hvad får jeg?',
      'Hvad består … af?',
    ],
    maalgruppe: [
      'Målgruppe/tildelingskriterier',
      'Målgruppe',
      'Målgruppen',
      'Tildelingskriterier',
      'Hvem kan få …',
      'Hvem er … for?',
      'Hvem er målgruppen?',
      'Hvem gælder … for?',
    ],
    omfang: ['Omfang/varighed', 'Omfang', 'Omfang og …', 'Varighed', 'Hvor meget kan jeg få?', 'Hvor meget …', 'Hvor længe …', 'Hvor ofte …'],
    tildeling: [
      'Tildeling',
      'Visitation',
      'Afgørelse',
      'Hvem træffer afgørelsen?',
      'Hvem træffer afgørelse …',
      'Hvem bevilger …',
      'Hvem visiterer …',
      'Hvordan søger jeg …',
      'Hvordan får jeg …',
    ],
    levering: [
      'Levering af ydelsen',
      'Levering',
      'Levering af …',
      'Leverandør',
      'Leverandører',
      'Udfører',
      'Hvem leverer …',
      'Hvem udfører …',
      'Hvor leveres …',
      'Hvem giver …',
    ],
    kvalitetskrav: [
      'Kvalitetskrav til leverandør',
      'Kvalitetskrav',
      'Kvalitetskrav til …',
      'Kvalitet',
      'Opfølgning',
      'Hvordan følges der op …',
      'Hvordan følger vi op …',
      'Hvilke krav …',
    ],
    lovhjemmel: [
      'Lovhjemmel',
      'Lovhjemmel …',
      'Lovgrundlag',
      'Lovgrundlaget',
      'Lovgrundlag …',
      'Hjemmel',
      'Lovgivning',
      'Lov',
      'Hvilken lov …',
      'Hvilke regler …',
    ],
  },
  serviceniveau: {
    forord: ['Forord', 'Forord …', 'Indledning', 'Velkommen'],
    principper: ['Principper', 'Principper …', 'Vores principper', 'Overordnede principper', 'Værdier og principper'],
    maalgruppe: ['Målgruppe', 'Målgruppen', 'Målgruppe for …', 'Målgruppen for …', 'Hvem gælder serviceniveauet for?'],
  },
};

interface Matcher {
  exact: Map<string, string>;
  prefixes: { prefix: string; suffix: string; key: string }[];
}

/** The matcher for a target's labels: the schema's headings, the table above and the config's additions. */
export function labelMatcher(target: LabelTarget, extra: ExtraLabels = {}): (label: string) => string | undefined {
  const matcher: Matcher = { exact: new Map(), prefixes: [] };
  const add = (key: string, label: string): void => {
    const wildcard = label.indexOf('…');
    if (wildcard < 0) {
      const folded = foldLabel(label);
      if (!matcher.exact.has(folded)) matcher.exact.set(folded, key);
      return;
    }
    matcher.prefixes.push({ prefix: foldLabel(label.slice(0, wildcard)), suffix: foldLabel(label.slice(wildcard + 1)), key });
  };
  for (const field of sectionFields(target)) add(field.key, field.heading);
  for (const [key, labels] of Object.entries(extra[target] ?? {})) for (const label of labels ?? []) add(key, label);
  for (const [key, labels] of Object.entries(LABELS[target])) for (const label of labels) add(key, label);
  return (label: string) => {
    const folded = foldLabel(label);
    if (folded === '' || folded.length > 120) return undefined;
    const exact = matcher.exact.get(folded);
    if (exact) return exact;
    return matcher.prefixes.find(({ prefix, suffix }) => folded.startsWith(prefix) && folded.length > prefix.length && folded.endsWith(suffix))?.key;
  };
}

/** check's heading fold, and a question mark or a closing colon is not part of the label. */
function foldLabel(label: string): string {
  const unnumbered = withoutSectionNumber(label);
  const bare = unnumbered.slice(0, unnumbered.length - trailing(unnumbered, /[\s?:]/).length);
  const folded = normalizeHeading(bare);
  return folded.slice(0, folded.length - trailing(folded, /[\s?:]/).length);
}

/** A heading without a typed section number in front: »3.2.1 Formål« and »2. Formål« are »Formål«. */
export function withoutSectionNumber(text: string): string {
  const number = /^\s*\d{1,3}(?:\.\d{1,3}){0,5}\.?\s/u.exec(text);
  return number ? text.slice(number[0].length).trimStart() : text;
}
