import { citationsOf, type Citation } from '../law/parse-citations.js';
import { memoizeByObject } from '../memoize.js';
import {
  appliedThroughOf,
  danishDate,
  dayAfter,
  entriesFor,
  entryOf,
  formatCitation,
  inForceOn,
  lawNamesOf,
  referenceTo,
  replacementsOf,
  successorsOf,
} from '../law/register.js';
import { lawTextOn, lookupProvision } from '../law/law-texts.js';
import type { OffsetRange, PolicyDocument } from '../model/document.js';
import type { Aendring, Henvisning, Lovregister, LovhjemmelOptions, Paragraf } from '../model/generated-types.js';
import { normalizedOf, sourceRange } from '../text/normalize.js';
import { proseFieldsOf } from '../text/prose.js';
import { locate } from '../validate/locate.js';
import type { OptionsSchema, Rule, RuleReport } from './rule.js';

const REGISTER_HINT = 'Ret henvisningen, eller tilføj paragraffen i policies/lovregister.json med kilde og sikkerhed.';

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »lovhjemmel«.',
  properties: {},
} as const satisfies OptionsSchema;

export const lovhjemmel: Rule<Required<LovhjemmelOptions>, 'lovhjemmel'> = {
  id: 'lovhjemmel',
  description: 'Hver foranstaltning henviser til mindst én paragraf, der findes i lovregistret og gælder på serviceniveauets gyldighedsdato.',
  defaultSeverity: 'error',
  defaultOptions: {},
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents, policy }) {
    const reports: RuleReport[] = [];
    const register = policy.register?.data;
    for (const document of documents) {
      if (document.kind !== 'foranstaltning' && document.kind !== 'serviceniveau') continue;
      if (!register) {
        if (document.kind === 'foranstaltning')
          reports.push({
            document,
            range: sectionRange(document),
            message: 'Lovregistret policies/lovregister.json findes ikke eller er ugyldigt, så lovhjemlen kan ikke kontrolleres',
            hint: 'Læg lovregistret i policies/lovregister.json, og ret de fejl, kontrollen finder i det.',
          });
        continue;
      }
      const frame = policy.frameOf(document)?.data;
      const frameDate = frame?.gyldig_fra;
      // »--dato« decides; else the frame's date; without a frame (or its date) the citation must at least be in force today.
      const date: CheckDate = policy.checkDate.given
        ? { iso: policy.checkDate.iso, source: 'given' }
        : typeof frameDate === 'string' && isIsoDate(frameDate)
          ? { iso: frameDate, source: 'frame' }
          : { iso: policy.checkDate.iso, source: 'today' };
      const adopted = frame?.vedtagelse?.dato;
      const changes: ChangeWindow | undefined =
        document.kind === 'foranstaltning' && typeof adopted === 'string' && isIsoDate(adopted)
          ? { after: adopted, until: policy.checkDate.iso, reported: new Set() }
          : undefined;
      const laws = lawNamesOf(register);
      const warned = new Set<Paragraf>();
      let citesInLovhjemmel = false;
      let problemsInLovhjemmel = false;
      for (const field of proseFieldsOf(document)) {
        if (!field.isSection) continue;
        const isLovhjemmel = field.field === 'lovhjemmel';
        const normalized = normalizedOf(field);
        const { citations, problems } = citationsOf(normalized, laws);
        for (const problem of problems) {
          reports.push({
            document,
            range: sourceRange(normalized, problem.span.start, problem.span.end),
            message: problem.reading
              ? `Henvisningen ${problem.message} — skriv »stk.« og »nr.« ud`
              : `Henvisningen kan ikke læses: ${lowerFirst(problem.message)}`,
            hint: problem.hint,
          });
          problemsInLovhjemmel ||= isLovhjemmel && !problem.reading;
        }
        // In a measure's Lovhjemmel section each citation is the basis of the measure, read with the others beside it.
        const basis = isLovhjemmel && document.kind === 'foranstaltning' ? citations : undefined;
        for (const citation of citations) {
          const report = (message: string, hint: string, advisory = false): void => {
            reports.push({
              document,
              range: sourceRange(normalized, citation.span.start, citation.span.end),
              message,
              hint,
              ...(advisory ? { advisory } : {}),
            });
          };
          if (!citation.law) {
            if (isLovhjemmel) {
              report(
                `Henvisningen »§ ${citation.paragraf}« nævner ikke, hvilken lov den hører til`,
                `Skriv lovens navn foran, fx »Barnets Lov § ${citation.paragraf}«.`,
              );
              problemsInLovhjemmel = true;
            }
            continue;
          }
          citesInLovhjemmel ||= isLovhjemmel;
          judgeCitation(register, citation, { date, warned, report, basis, siblings: citations });
          if (changes) reportChanges(register, citation, changes, report);
        }
      }
      if (document.kind === 'foranstaltning' && !citesInLovhjemmel && !problemsInLovhjemmel) {
        reports.push({
          document,
          range: sectionRange(document),
          message: 'Afsnittet »Lovhjemmel« henviser ikke til nogen paragraf',
          hint: 'Skriv den paragraf, foranstaltningen gives efter, fx »Barnets Lov § 32, stk. 1, nr. 2«.',
        });
      }
    }
    return reports;
  },
};

type Report = (message: string, hint: string, advisory?: boolean) => void;

interface CheckDate {
  iso: string;
  /** Where the date comes from: »check --dato«, the frame's gyldig_fra, or today. */
  source: 'given' | 'frame' | 'today';
}

/** The law changes a measure must be reviewed for: in force after the frame's adoption and on or before the check date. */
interface ChangeWindow {
  after: string;
  until: string;
  /** Each change once per measure, at its first citation. */
  reported: Set<Aendring>;
}

interface Judging {
  date: CheckDate;
  warned: Set<Paragraf>;
  report: Report;
  /** The citations of a measure's Lovhjemmel section, when the citation is one of them. */
  basis: readonly Citation[] | undefined;
  /** The citations of the same field, e.g. the »jf. § 84, stk. 1« that says which replacement of »SEL § 44« is meant. */
  siblings: readonly Citation[];
}

function judgeCitation(register: Lovregister, citation: Citation, { date, warned, report, basis, siblings }: Judging): void {
  const written = formatCitation(register, citation);
  const entries = entriesFor(register, citation);
  const valid = entries.filter((entry) => inForceOn(entry, date.iso));
  if (entries.length === 0 || valid.length > 0) {
    if (basis && judgeChildBasis(register, citation, date, basis, report)) return;
  }
  if (entries.length === 0) {
    const successors = successorsOf(register, citation).filter((entry) => entry.i_kraft_fra !== undefined && inForceOn(entry, date.iso));
    if (successors.length > 0) {
      const from = successors.map((entry) => entry.i_kraft_fra ?? date.iso).sort()[0] ?? date.iso;
      report(
        `Lovhjemmel »${written}« er ophævet pr. ${danishDate(from)} — brug ${successors.map((entry) => described(register, referenceTo(entry))).join(' eller ')}`,
        `Kontrolleret mod ${dateText(date)}. Lovregistret har ikke »${written}« selv, men ${successors.map((entry) => `»${formatCitation(register, referenceTo(entry))}«`).join(' og ')} erstatter den (»erstatter«).`,
      );
      return;
    }
    const inText = lawTextVerdict(citation, written, date);
    if (inText === 'found') return; // in the law, just not in the register: the register only adds what the text does not say
    if (inText) {
      report(inText.message, inText.hint);
      return;
    }
    report(`»${written}« findes ikke i lovregistret`, `${knownNeighbours(register, citation)}${REGISTER_HINT}`);
    return;
  }
  if (valid.length === 0) {
    judgeNotInForce(register, citation, written, entries, date, siblings, report);
    return;
  }
  const inText = lawTextVerdict(citation, written, date);
  if (inText && inText !== 'found') {
    report(inText.message, `${inText.hint} Lovregistret har bestemmelsen, men lovteksten går forud: ret lovregistret.`);
    return;
  }
  if (citation.nr === undefined && lacksItem(citation, valid) && !numberedBeside(citation, siblings)) {
    // Without its nr. the citation names a list, not a basis; the list's own uncertain items are no concern of it.
    if (basis) {
      const items = valid.filter((entry) => entry.nr !== undefined);
      report(
        `Lovhjemmel »${written}« nævner ikke, hvilket nr. foranstaltningen gives efter — angiv nr., fx »${formatCitation(register, referenceTo(items[0] ?? valid[0]!))}«`,
        `${knownNeighbours(register, citation)}Paragraffen har nummererede indsatser, og lovhjemlen skal sige hvilken.`,
      );
    }
    return;
  }
  for (const entry of valid) {
    if (entry.sikkerhed !== 'lav' || warned.has(entry)) continue;
    warned.add(entry);
    report(
      `Lovregistret er usikkert på »${formatCitation(register, referenceTo(entry))}« (sikkerhed: lav)`,
      `Kontrollér bestemmelsen mod retsinformation.dk, og ret »sikkerhed« i lovregistret. Kilde: ${entry.kilde}`,
      true,
    );
  }
}

/**
 * What the law's own text says of a citation on the check date: 'found', a finding when the provision does not exist
 * (»§ 32, stk. 1 har nr. 1-8«), or undefined when the tool has no text of that law for the date.
 */
function lawTextVerdict(citation: Citation, written: string, date: CheckDate): 'found' | { message: string; hint: string } | undefined {
  if (!citation.law) return undefined;
  const text = lawTextOn(citation.law, date.iso);
  if (!text) return undefined;
  const lookup = lookupProvision(text, citation);
  if (lookup.found) return 'found';
  return {
    message: `»${written}« findes ikke i ${text.akt}${lookup.reason ? ` — ${lookup.reason}` : ''}`,
    hint: `Kontrolleret mod lovteksten, der gælder på ${dateText(date)} (${text.eli}). Ret henvisningen; »serviceniveau law "${written}"« viser teksten.`,
  };
}

/** Warns once per measure and change when a cited provision changed after the frame was adopted (register »aendringer«). */
function reportChanges(register: Lovregister, citation: Citation, window: ChangeWindow, report: Report): void {
  if (!citation.law) return;
  const amended = amendedEntriesOf(register);
  if (amended.length === 0) return;
  for (const entry of entriesFor({ ...register, paragraffer: amended }, citation)) {
    for (const change of entry.aendringer ?? []) {
      if (window.reported.has(change) || change.i_kraft_fra <= window.after || change.i_kraft_fra > window.until) continue;
      window.reported.add(change);
      report(
        `»${formatCitation(register, referenceTo(entry))}« er ændret efter vedtagelsen: ${change.ved}, i kraft ${danishDate(change.i_kraft_fra)} — gennemgå foranstaltningen`,
        `${change.beskrivelse} Serviceniveauet er vedtaget ${danishDate(window.after)}. Kilde: ${change.kilde}`,
        true,
      );
    }
  }
}

/** The few register entries that record changes, once per register: most citations need not be looked up again. */
const amendedEntriesOf = memoizeByObject((register: Lovregister): Paragraf[] => register.paragraffer.filter((entry) => entry.aendringer?.length));

/** A repealed or not yet valid citation: names the replacement, or the candidates when it depends on the stk./nr. not written. */
function judgeNotInForce(
  register: Lovregister,
  citation: Citation,
  written: string,
  entries: Paragraf[],
  date: CheckDate,
  siblings: readonly Citation[],
  report: Report,
): void {
  const repealed = entries.filter((entry) => entry.i_kraft_til !== undefined && entry.i_kraft_til < date.iso);
  if (repealed.length === 0) {
    const future = entries
      .map((entry) => entry.i_kraft_fra)
      .filter((from): from is string => from !== undefined)
      .sort()[0];
    report(
      `»${written}« er ikke trådt i kraft på ${dateText(date)}${future ? ` (gælder fra ${danishDate(future)})` : ''}`,
      'Ret gyldighedsdatoen i serviceniveau.md, eller henvis til den paragraf, der gælder nu.',
    );
    return;
  }
  const until = repealed.map((entry) => entry.i_kraft_til ?? date.iso).sort()[0] ?? date.iso;
  const byEntry = repealed.map((entry) => ({ entry, replacements: replacementsOf(register, entry) }));
  const keys = new Set(byEntry.map(({ replacements }) => replacements.map((reference) => formatCitation(register, reference)).join(' | ')));
  if (keys.size > 1) {
    const candidates = [...new Set(byEntry.flatMap(({ replacements }) => replacements.map((reference) => `»${formatCitation(register, reference)}«`)))];
    const mapping = byEntry.map(
      ({ entry, replacements }) =>
        `${formatCitation(register, referenceTo(entry))} → ${replacements.map((reference) => formatCitation(register, reference)).join(' eller ') || '(ingen i lovregistret)'}`,
    );
    report(
      `Lovhjemmel »${written}« er ophævet pr. ${danishDate(dayAfter(until))}, og afløseren afhænger af stk. og nr. — angiv hvilken af ${joinOr(candidates)} der gælder`,
      `Kontrolleret mod ${dateText(date)}. ${mapping.join('; ')}.`,
    );
    return;
  }
  const replacements = narrowedBy(register, byEntry[0]?.replacements ?? [], siblings);
  const note = byEntry.length === 1 ? (byEntry[0]?.entry.note ?? '') : '';
  report(
    `Lovhjemmel »${written}« er ophævet pr. ${danishDate(dayAfter(until))}${replacements.length ? ` — brug ${replacements.map((reference) => described(register, reference)).join(' eller ')}` : ''}`,
    `Kontrolleret mod ${dateText(date)}. ${note}`.trim(),
  );
}

/**
 * A provision still in force that applies to children only through another law (»SEL § 84, stk. 1« through »BL § 90,
 * nr. 2«, as `erstatter` records it) is no basis of its own: reported when the section does not cite that other law.
 */
function judgeChildBasis(register: Lovregister, citation: Citation, date: CheckDate, basis: readonly Citation[], report: Report): boolean {
  const through = appliedThroughOf(register, citation).filter(
    (entry) => entry.lov !== citation.law && entry.i_kraft_fra !== undefined && inForceOn(entry, date.iso),
  );
  if (through.length === 0) return false;
  const cited = (entry: Paragraf): boolean => basis.some((other) => entriesFor(register, other).includes(entry));
  if (through.some(cited)) return false;
  const written = formatCitation(register, citation);
  const from = through.map((entry) => entry.i_kraft_fra ?? date.iso).sort()[0] ?? date.iso;
  const uncertain = through.some((entry) => entry.sikkerhed !== 'høj' || entry.erstatter_sikkerhed !== 'høj');
  report(
    `Lovhjemmel »${written}« er ikke alene hjemmel for børn fra ${danishDate(from)} — brug ${joinOr(through.map((entry) => `»${formatCitation(register, referenceTo(entry))}«`))}, jf. »${written}«${uncertain ? ' (usikker sammenhæng i lovregistret)' : ''}`,
    `Bestemmelsen gælder for børn gennem ${through.map((entry) => `»${formatCitation(register, referenceTo(entry))}« (${shortTitle(entry.titel)})`).join(' og ')}; skriv begge. Kontrolleret mod ${dateText(date)}.`,
    uncertain,
  );
  return true;
}

/** Of several replacements, those a citation beside it points to (»SEL § 44, jf. § 84, stk. 1« means »BL § 90, nr. 2«); all when none does. */
function narrowedBy(register: Lovregister, replacements: Henvisning[], siblings: readonly Citation[]): Henvisning[] {
  if (replacements.length < 2) return replacements;
  const through = new Set(siblings.flatMap((sibling) => appliedThroughOf(register, sibling)));
  const narrowed = replacements.filter((reference) => {
    const entry = entryOf(register, reference);
    return entry !== undefined && through.has(entry);
  });
  return narrowed.length > 0 ? narrowed : replacements;
}

/** Whether the same written citation gives the nr. for this paragraph and stk. (»§ 32, stk. 1, 1, nr. 2«). */
function numberedBeside(citation: Citation, siblings: readonly Citation[]): boolean {
  return numberedKeysOf(siblings).has(numberedKey(citation));
}

/** The numbered citations of a field by span, paragraph and stk., once per field: a field may hold thousands. */
const numberedKeysOf = memoizeByObject((siblings: readonly Citation[]) => new Set(siblings.filter((other) => other.nr !== undefined).map(numberedKey)));

function numberedKey(citation: Citation): string {
  return `${citation.span.start}:${citation.span.end}:${citation.paragraf}:${citation.stk ?? ''}`;
}

/** Whether the entries cited without an nr. are numbered items, so the citation names a list rather than one provision. */
function lacksItem(citation: Citation, valid: Paragraf[]): boolean {
  if (!valid.some((entry) => entry.nr !== undefined)) return false;
  return citation.stk === undefined || valid.every((entry) => entry.nr !== undefined);
}

function described(register: Lovregister, reference: Henvisning): string {
  const title = entryOf(register, reference)?.titel;
  return `»${formatCitation(register, reference)}«${title ? ` (${shortTitle(title)})` : ''}`;
}

function dateText({ iso, source }: CheckDate): string {
  if (source === 'given') return `datoen ${danishDate(iso)} (--dato)`;
  return source === 'frame'
    ? `serviceniveauets gyldighedsdato ${danishDate(iso)}`
    : `dags dato (${danishDate(iso)}); serviceniveau.md har ingen gyldighedsdato`;
}

function joinOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1) ?? ''}`;
}

/** "§ 30, stk. 1 har nr. 1-4 i lovregistret." when the paragraph is known but the stk./nr. is not. */
function knownNeighbours(register: Lovregister, citation: Citation): string {
  const paragraph = entriesFor(register, { law: citation.law, paragraf: citation.paragraf });
  if (paragraph.length === 0) return '';
  const variants = paragraph.map((entry) => formatCitation(register, referenceTo(entry)).replace(/^.*?§/, '§'));
  return `Lovregistret kender ${variants.slice(0, 8).join(', ')}${variants.length > 8 ? ' …' : ''}. `;
}

function sectionRange(document: PolicyDocument): OffsetRange {
  return locate(document, '/lovhjemmel', { key: true, insertion: false });
}

function shortTitle(title: string): string {
  return title.length > 60 ? `${title.slice(0, 57)}…` : title;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('da') + text.slice(1);
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}
