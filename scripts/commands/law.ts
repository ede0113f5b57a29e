import { UsageError } from '../errors.js';
import { compareActs, compareParagraphNumbers, type ParagraphChange } from '../law/act-comparison.js';
import { lawChangesSince } from '../law/changes-since.js';
import type { LawIndexEntry, LawText } from '../law/law-text-model.js';
import { findLawText, lawTextIndex, lawTextOf, lawTextOn, lookupProvision } from '../law/law-texts.js';
import { parseCitations } from '../law/parse-citations.js';
import { normalizeLawText } from '../law/parse-law-text.js';
import { measuresCiting, readPolicyCitations, type MeasureCitations, type PolicyCitations } from '../law/policy-citations.js';
import { provisionHistory } from '../law/provision-history.js';
import { provisionsMeet, type LawProvision } from '../law/provision-scope.js';
import { formatCitation, lawNamesOf, referenceTo, replacementsOf } from '../law/register.js';
import type { Lovregister, Paragraf } from '../model/generated-types.js';
import { formatChangedSince, formatCompare, formatProvision } from './law-pretty.js';
import {
  actSummary,
  measureReferences,
  type AmendmentReport,
  type ChangedSinceReport,
  type CompareReport,
  type ParagraphReport,
  type ProvisionReport,
} from './law-report.js';

export const LAW_FORMATS = ['pretty', 'json'] as const;
export type LawFormat = (typeof LAW_FORMATS)[number];

/** What `law` is asked: one provision on a date, the changes after a date, or two acts of a law side by side. */
export type LawRequest =
  { kind: 'provision'; citation: string; date: string } | { kind: 'changed-since'; since: string } | { kind: 'compare'; from: string; to: string };

/** `law`: the output, and exit code 1 when the provision asked for is not in the act in force. */
export function runLaw(request: LawRequest, format: LawFormat, cwd: string): { stdout: string; exitCode: 0 | 1 } {
  if (request.kind === 'compare') {
    const [from, to] = actsToCompare(request.from, request.to);
    const report = compareReport(readPolicyCitations(cwd), from, to);
    return { stdout: format === 'json' ? json(report) : formatCompare(report), exitCode: 0 };
  }
  const policies = readPolicyCitations(cwd);
  if (request.kind === 'changed-since') {
    const report = changedSinceReport(policies, request.since);
    return { stdout: format === 'json' ? json(report) : formatChangedSince(report), exitCode: 0 };
  }
  const report = provisionReport(policies, provisionOf(request.citation, policies.register), request.date);
  return { stdout: format === 'json' ? json(report) : formatProvision(report), exitCode: report.found === false ? 1 : 0 };
}

function provisionReport(policies: PolicyCitations, provision: LawProvision, date: string): ProvisionReport {
  const { register, measures } = policies;
  const act = lawTextOn(provision.law, date);
  const lookup = act ? lookupProvision(act, provision) : undefined;
  const entries = registerEntriesMeeting(register, provision);
  return {
    citation: formatCitation(register, provision),
    law: provision.law,
    paragraf: provision.paragraf,
    ...(provision.stk !== undefined ? { stk: provision.stk } : {}),
    ...(provision.nr !== undefined ? { nr: provision.nr } : {}),
    date,
    act: act ? actSummary(act) : null,
    found: lookup ? lookup.found : null,
    ...(lookup?.found ? { text: lookup.text } : lookup?.reason ? { reason: lookup.reason } : {}),
    history: provisionHistory(provision).map((version) => ({ ...version, act: actSummary(version.act) })),
    register: entries.map((entry) => {
      const replacements = replacementsOf(register, entry).map((reference) => formatCitation(register, reference));
      return {
        citation: formatCitation(register, referenceTo(entry)),
        titel: entry.titel,
        sikkerhed: entry.sikkerhed,
        ...(entry.i_kraft_fra !== undefined ? { i_kraft_fra: entry.i_kraft_fra } : {}),
        ...(entry.i_kraft_til !== undefined ? { i_kraft_til: entry.i_kraft_til } : {}),
        ...(replacements.length > 0 ? { erstattet_af: replacements } : {}),
        ...(entry.note !== undefined ? { note: entry.note } : {}),
      };
    }),
    amendments: entries.flatMap((entry) => amendmentsOf(register, entry)).sort((a, b) => a.i_kraft_fra.localeCompare(b.i_kraft_fra)),
    measures: measureReferences(measuresCiting(measures, provision)),
  };
}

function compareReport(policies: PolicyCitations, from: LawText, to: LawText): CompareReport {
  const paragraphs = compareActs(from, to).map((change) => paragraphReport(policies, from.lov, change, { from, to }));
  const count = { changed: 0, added: 0, removed: 0, repealed: 0, total: paragraphs.length };
  for (const paragraph of paragraphs) count[paragraph.kind]++;
  return { law: from.lov, name: lawName(policies.register, from.lov, from), from: actSummary(from), to: actSummary(to), paragraphs, count };
}

function changedSinceReport(policies: PolicyCitations, since: string): ChangedSinceReport {
  const { register, measures } = policies;
  const laws = register.love.map((law) => law.id);
  const changes = lawChangesSince(laws, since);
  const compared = new Map(changes.laws.map((comparison) => [comparison.law, comparison]));
  const paragraphs = changes.paragraphs.map((change) => {
    const comparison = compared.get(change.law)!;
    return {
      ...paragraphReport(policies, change.law, change, comparison.from ? { from: comparison.from, to: comparison.to } : undefined),
      changedBy: actSummary(change.changedBy),
    };
  });
  const order = (law: string) => laws.indexOf(law);
  const amendments = register.paragraffer
    .flatMap((entry) =>
      amendmentsOf(register, entry)
        .filter((amendment) => amendment.i_kraft_fra > since)
        .map((amendment) => ({
          ...amendment,
          law: entry.lov,
          paragraf: entry.paragraf,
          ...(entry.stk !== undefined ? { stk: entry.stk } : {}),
          ...(entry.nr !== undefined ? { nr: entry.nr } : {}),
          measures: measureReferences(measuresCiting(measures, provisionOfEntry(entry))),
        })),
    )
    .sort(
      (a, b) =>
        order(a.law) - order(b.law) ||
        compareParagraphNumbers(a.paragraf, b.paragraf) ||
        (a.stk ?? 0) - (b.stk ?? 0) ||
        (a.nr ?? 0) - (b.nr ?? 0) ||
        a.i_kraft_fra.localeCompare(b.i_kraft_fra),
    );
  return {
    since,
    laws: changes.laws.map((comparison) => ({
      law: comparison.law,
      name: lawName(register, comparison.law, comparison.to),
      from: comparison.from ? actSummary(comparison.from) : null,
      to: actSummary(comparison.to),
    })),
    paragraphs,
    amendments,
  };
}

function paragraphReport(
  policies: { register: Lovregister; measures: readonly MeasureCitations[] },
  law: string,
  change: ParagraphChange,
  compared: { from: LawText; to: LawText } | undefined,
): ParagraphReport {
  return {
    law,
    citation: formatCitation(policies.register, { law, paragraf: change.paragraf }),
    paragraf: change.paragraf,
    kind: change.kind,
    changes: change.changes,
    measures: measureReferences(measuresCiting(policies.measures, { law, paragraf: change.paragraf }), compared),
  };
}

/** The one provision a citation names, with its law; anything else is a usage error saying what to write. */
function provisionOf(written: string, register: Lovregister): LawProvision {
  const example = 'Fx: serviceniveau law "Barnets Lov § 32, stk. 1, nr. 2"';
  const text = normalizeLawText(written);
  const { citations, problems } = parseCitations(text, lawNamesOf(register));
  const problem = problems.find((candidate) => candidate.reading === undefined);
  if (citations.length === 0 && problem) throw new UsageError(`Henvisningen »${text}« kan ikke læses: ${lowerFirst(problem.message)}`, problem.hint);
  if (citations.length === 0) throw new UsageError(`»${text}« er ikke en henvisning til en paragraf`, example);
  if (citations.length > 1)
    throw new UsageError(`»${text}« nævner ${citations.length} bestemmelser`, 'Slå én bestemmelse op ad gangen, fx »Barnets Lov § 32, stk. 1«.');
  const [citation] = citations as [(typeof citations)[number]];
  if (!citation.law) {
    throw new UsageError(
      `Henvisningen »${text}« nævner ikke, hvilken lov den hører til`,
      `Skriv lovens navn foran, fx »Barnets Lov § ${citation.paragraf}«. Kendte love: ${register.love.map((law) => `»${law.navn}«`).join(', ')}.`,
    );
  }
  return {
    law: citation.law,
    paragraf: citation.paragraf,
    ...(citation.stk !== undefined ? { stk: citation.stk } : {}),
    ...(citation.nr !== undefined ? { nr: citation.nr } : {}),
  };
}

/** The two acts `--compare` names, which must be texts of the same law. */
function actsToCompare(fromName: string, toName: string): [LawText, LawText] {
  const [from, to] = [actNamed(fromName), actNamed(toName)];
  if (from.lov !== to.lov) {
    throw new UsageError(
      `»${fromName}« og »${toName}« er ikke udgaver af samme lov`,
      `${from.akt} er ${from.titel.toLowerCase()}, ${to.akt} er ${to.titel.toLowerCase()}. --compare sammenligner to udgaver af én lov.`,
    );
  }
  return [lawTextOf(from), lawTextOf(to)];
}

function actNamed(name: string): LawIndexEntry {
  const act = findLawText(name);
  if (act) return act;
  throw new UsageError(
    `Ukendt lovtekst »${name}«`,
    `Kendte lovtekster: ${lawTextIndex()
      .map((entry) => `${entry.id} (${entry.akt})`)
      .join(', ')}.`,
  );
}

/** The register entries for the provision, a part of it, or a whole it is part of. */
function registerEntriesMeeting(register: Lovregister, provision: LawProvision): Paragraf[] {
  return register.paragraffer.filter((entry) => provisionsMeet(provisionOfEntry(entry), provision));
}

function amendmentsOf(register: Lovregister, entry: Paragraf): AmendmentReport[] {
  return (entry.aendringer ?? []).map((amendment) => ({ citation: formatCitation(register, referenceTo(entry)), ...amendment }));
}

function provisionOfEntry(entry: Paragraf): LawProvision {
  return {
    law: entry.lov,
    paragraf: entry.paragraf,
    ...(entry.stk !== undefined ? { stk: entry.stk } : {}),
    ...(entry.nr !== undefined ? { nr: entry.nr } : {}),
  };
}

/** The register's name of a law, else the act's title (a law the register does not list). */
function lawName(register: Lovregister, law: string, act: LawText): string {
  return register.love.find((candidate) => candidate.id === law)?.navn ?? act.titel;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function json(report: object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
