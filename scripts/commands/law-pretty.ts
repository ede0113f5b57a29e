import type { ParagraphChangeKind } from '../law/act-comparison.js';
import type { TextChange, WordChange } from '../law/paragraph-changes.js';
import { danishDate } from '../law/register.js';
import { printable } from '../report/printable.js';
import type { ActSummary, ChangedSinceReport, CompareReport, MeasureReference, ParagraphReport, ProvisionReport } from './law-report.js';

// The Danish text of `law`, made from the same reports as its JSON.

export function formatProvision(report: ProvisionReport): string {
  const lines = [report.citation, '', `Lovteksten ${danishDate(report.date)}:`];
  if (!report.act) lines.push(`  Værktøjet har ingen tekst af loven, der gælder den dag.`);
  else {
    lines.push(`  ${actLine(report.act)}`, `  ${report.act.eli}`);
    lines.push(report.found ? `  ${report.text ?? ''}` : `  ✖ ${report.citation} findes ikke${report.reason ? `: ${report.reason}` : ''}.`);
  }
  lines.push('', 'Historik (værktøjets lovtekster, ældste først):');
  if (report.history.length === 0) lines.push('  Værktøjet har ingen tekst af loven.');
  report.history.forEach((version, index) => {
    const status = {
      added: index === 0 ? 'findes' : 'tilføjet',
      unchanged: 'uændret',
      changed: `ændret: ${version.change ? wordsLine(version.change) : ''}`,
      missing: `findes ikke${version.reason ? ` (${version.reason})` : ''}`,
    }[version.status];
    lines.push(`  ${actLine(version.act)}: ${status}`);
  });
  lines.push('', 'Senere ændringer i lovregistret (efter den nyeste lovtekst):');
  if (report.amendments.length === 0) lines.push('  Ingen.');
  for (const amendment of report.amendments) {
    lines.push(`  ${danishDate(amendment.i_kraft_fra)}, ${amendment.ved} (${amendment.citation}): ${amendment.beskrivelse}`, `    Kilde: ${amendment.kilde}`);
  }
  lines.push('', 'Lovregistret:');
  if (report.register.length === 0) lines.push('  Bestemmelsen står ikke i policies/lovregister.json.');
  for (const entry of report.register) {
    const force = [entry.i_kraft_fra && `i kraft fra ${danishDate(entry.i_kraft_fra)}`, entry.i_kraft_til && `til og med ${danishDate(entry.i_kraft_til)}`];
    lines.push(`  ${entry.citation}: ${entry.titel}`, `    Sikkerhed: ${[entry.sikkerhed, ...force].filter(Boolean).join(' · ')}`);
    if (entry.erstattet_af) lines.push(`    Erstattet af: ${entry.erstattet_af.join(', ')}`);
    if (entry.note) lines.push(`    Note: ${entry.note}`);
  }
  lines.push('', ...measureLines(report.measures, 'bestemmelsen'));
  return text(lines);
}

export function formatCompare(report: CompareReport): string {
  const lines = [`${report.name}: ${actLine(report.from)} → ${actLine(report.to)}`, ''];
  for (const paragraph of report.paragraphs) lines.push(...paragraphLines(paragraph));
  const { count } = report;
  lines.push(
    count.total === 0
      ? 'Ingen paragraffer har ændret tekst.'
      : `${count.total} ${count.total === 1 ? 'paragraf' : 'paragraffer'} med ændret tekst: ${count.changed} ændret, ${count.added} tilføjet, ${count.removed} fjernet og ${count.repealed} ophævet.`,
  );
  return text(lines);
}

export function formatChangedSince(report: ChangedSinceReport): string {
  const lines = [`Lovændringer efter ${danishDate(report.since)}`, ''];
  for (const law of report.laws) {
    if (!law.from) lines.push(`${law.name}: værktøjet har ingen tekst, der gælder ${danishDate(report.since)}; den nyeste er ${actLine(law.to)}.`);
    else if (law.from.id === law.to.id) lines.push(`${law.name}: ${actLine(law.to)} er stadig den nyeste tekst.`);
    else lines.push(`${law.name}: ${actLine(law.from)} → ${actLine(law.to)}`);
  }
  lines.push('', `Paragraffer med ændret tekst${report.paragraphs.length === 0 ? ': ingen' : ''}`, '');
  for (const paragraph of report.paragraphs) {
    lines.push(...paragraphLines(paragraph, ` i ${actLine(paragraph.changedBy)}`));
  }
  lines.push('', `Ændringer i lovregistret (»aendringer«)${report.amendments.length === 0 ? ': ingen' : ''}`, '');
  for (const amendment of report.amendments) {
    lines.push(`${amendment.citation} — ændret ${danishDate(amendment.i_kraft_fra)} ved ${amendment.ved} (lovregistret)`);
    lines.push(`  ${amendment.beskrivelse}`, `  Kilde: ${amendment.kilde}`, ...measureLines(amendment.measures, 'bestemmelsen').map((line) => `  ${line}`), '');
  }
  const paragraphs = report.paragraphs.length;
  const amendments = report.amendments.length;
  lines.push(
    `${paragraphs} ${paragraphs === 1 ? 'paragraf' : 'paragraffer'} med ændret tekst og ${amendments} ${amendments === 1 ? 'ændring' : 'ændringer'} i lovregistret.`,
  );
  return text(lines);
}

const KIND_WORDS: Record<ParagraphChangeKind, string> = { changed: 'ændret', added: 'tilføjet', removed: 'fjernet', repealed: 'ophævet' };

function paragraphLines(paragraph: ParagraphReport, changedBy = ''): string[] {
  return [
    `${paragraph.citation} — ${KIND_WORDS[paragraph.kind]}${changedBy}`,
    ...paragraph.changes.map((change) => `  ${changeLine(change)}`),
    ...measureLines(paragraph.measures, `§ ${paragraph.paragraf}`).map((line) => `  ${line}`),
    '',
  ];
}

function changeLine(change: TextChange): string {
  if (change.kind === 'added') return `${change.where} tilføjet: »${change.added ?? ''}«`;
  if (change.kind === 'removed') return `${change.where} udgået: »${change.removed ?? ''}«`;
  return `${change.where}: ${wordsLine({ edits: change.edits ?? [], ...(change.moreEdits ? { moreEdits: change.moreEdits } : {}) })}`;
}

/** »»974« → »948«; tilføjet »særlig«« and how many more places, or what little changed. */
function wordsLine(change: WordChange): string {
  const edits = change.edits.map((edit) =>
    edit.removed && edit.added
      ? `»${edit.removed}« → »${edit.added}«`
      : edit.added
        ? `tilføjet »${edit.added}«`
        : edit.removed
          ? `fjernet »${edit.removed}«`
          : '',
  );
  const shown = edits.filter(Boolean);
  if (change.moreEdits) shown.push(`og ${change.moreEdits} ${change.moreEdits === 1 ? 'sted' : 'steder'} mere`);
  return shown.length > 0 ? shown.join('; ') : 'kun tegnsætning eller mellemrum';
}

function measureLines(measures: readonly MeasureReference[], what: string): string[] {
  if (measures.length === 0) return [`Ingen foranstaltninger henviser til ${what}.`];
  const lines = [`Foranstaltninger, der henviser til ${what}:`];
  for (const measure of measures) {
    lines.push(`  ${measure.id}${measure.titel ? ` »${measure.titel}«` : ''} (${measure.file})`);
    for (const cited of measure.citations) {
      const where = cited.inLovhjemmel ? 'i Lovhjemmel' : 'nævnt i et andet afsnit';
      const changed = cited.textChanged === undefined ? '' : cited.textChanged ? '; den citerede tekst er ændret' : '; den citerede tekst er uændret';
      lines.push(`    ${cited.citation} (${where}${changed})`);
    }
  }
  return lines;
}

function actLine(act: ActSummary): string {
  return `${act.akt} (gælder fra ${danishDate(act.gaelder_fra)})`;
}

/** The lines as terminal text: user-written parts (titles, notes) can hold control characters. */
function text(lines: readonly string[]): string {
  return `${printable(
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd(),
  )}\n`;
}
