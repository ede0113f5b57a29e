import { citationsOf, type Citation } from '../law/parse-citations.js';
import { danishDate, dayAfter, entriesFor, entryOf, formatCitation, inForceOn, lawNamesOf } from '../law/register.js';
import type { OffsetRange, PolicyDocument } from '../model/document.js';
import type { Lovregister, LovhjemmelOptions, Paragraf } from '../model/generated-types.js';
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
      const frameDate = policy.frameOf(document)?.data.gyldig_fra;
      // Without a frame (or its date) the citation must at least be in force today.
      const date =
        typeof frameDate === 'string' && isIsoDate(frameDate)
          ? { iso: frameDate, fromFrame: true }
          : { iso: new Date().toISOString().slice(0, 10), fromFrame: false };
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
            message: `Henvisningen kan ikke læses: ${lowerFirst(problem.message)}`,
            hint: problem.hint,
          });
          problemsInLovhjemmel ||= isLovhjemmel;
        }
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
          judgeCitation(register, citation, date, warned, report);
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

function judgeCitation(
  register: Lovregister,
  citation: Citation,
  { iso: date, fromFrame }: { iso: string; fromFrame: boolean },
  warned: Set<Paragraf>,
  report: Report,
): void {
  const written = formatCitation(register, citation);
  const entries = entriesFor(register, citation);
  if (entries.length === 0) {
    report(`»${written}« findes ikke i lovregistret`, `${knownNeighbours(register, citation)}${REGISTER_HINT}`);
    return;
  }
  const valid = entries.filter((entry) => inForceOn(entry, date));
  const dateText = fromFrame
    ? `serviceniveauets gyldighedsdato ${danishDate(date)}`
    : `dags dato (${danishDate(date)}); serviceniveau.md har ingen gyldighedsdato`;
  if (valid.length === 0) {
    const repealed = entries.find((entry) => entry.i_kraft_til !== undefined && entry.i_kraft_til < date);
    if (repealed) {
      const replacements = (repealed.erstattet_af ?? []).map((reference) => {
        const title = entryOf(register, reference)?.titel;
        return `»${formatCitation(register, reference)}«${title ? ` (${shortTitle(title)})` : ''}`;
      });
      report(
        `Lovhjemmel »${written}« er ophævet pr. ${danishDate(dayAfter(repealed.i_kraft_til ?? date))}${replacements.length ? ` — brug ${replacements.join(' eller ')}` : ''}`,
        `Kontrolleret mod ${dateText}. ${repealed.note ?? ''}`.trim(),
      );
    } else {
      const future = entries
        .map((entry) => entry.i_kraft_fra)
        .filter((from): from is string => from !== undefined)
        .sort()[0];
      report(
        `»${written}« er ikke trådt i kraft på ${dateText}${future ? ` (gælder fra ${danishDate(future)})` : ''}`,
        'Ret gyldighedsdatoen i serviceniveau.md, eller henvis til den paragraf, der gælder nu.',
      );
    }
    return;
  }
  for (const entry of valid) {
    if (entry.sikkerhed !== 'lav' || warned.has(entry)) continue;
    warned.add(entry);
    report(
      `Lovregistret er usikkert på »${formatCitation(register, { lov: entry.lov, paragraf: entry.paragraf, stk: entry.stk, nr: entry.nr })}« (sikkerhed: lav)`,
      `Kontrollér bestemmelsen mod retsinformation.dk, og ret »sikkerhed« i lovregistret. Kilde: ${entry.kilde}`,
      true,
    );
  }
}

/** "§ 30, stk. 1 har nr. 1-4 i lovregistret." when the paragraph is known but the stk./nr. is not. */
function knownNeighbours(register: Lovregister, citation: Citation): string {
  const paragraph = entriesFor(register, { law: citation.law, paragraf: citation.paragraf });
  if (paragraph.length === 0) return '';
  const variants = paragraph.map((entry) =>
    formatCitation(register, { lov: entry.lov, paragraf: entry.paragraf, stk: entry.stk, nr: entry.nr }).replace(/^.*?§/, '§'),
  );
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
