import type { Finding } from '../model/finding.js';
import { jsonFinding } from '../report/format-json.js';
import { printable } from '../report/printable.js';
import { sectionFields } from '../model/schema-catalog.js';
import type { ImportedKind, ImportedMeasure } from './compose.js';
import type { SkippedContent } from './segment.js';

/** What an import did, as `--format json` prints it (the contract in the issue). */
export interface ImportReport {
  kilde: string;
  omraade: string;
  dryRun: boolean;
  filer: { sti: string; art: ImportedKind; skrevet: boolean }[];
  foranstaltninger: ImportedMeasure[];
  ikkePlaceret: { tekst: string; placering: string }[];
  ikkeImporteret: SkippedContent[];
  fund: Finding[];
}

/** The report as one JSON object; findings in check's JSON shape. */
export function formatImportJson(report: ImportReport): string {
  const fund = report.fund.map(jsonFinding);
  return `${JSON.stringify({ ...report, fund }, null, 2)}\n`;
}

/** The report in Danish for people: what was written, per measure what was found and what is missing, then check's to-do list. */
export function formatImportPretty(report: ImportReport): string {
  const headings = new Map(sectionFields('foranstaltning').map((field) => [field.key, field.heading]));
  const named = (keys: readonly string[]): string => keys.map((key) => headings.get(key) ?? key).join(', ');
  const lines: string[] = [];
  lines.push(`Import af ${report.kilde} til området »${report.omraade}«${report.dryRun ? ' (prøvekørsel: intet er skrevet)' : ''}`, '');
  lines.push(report.dryRun ? 'Filer, der ville blive skrevet:' : 'Skrevne filer:');
  for (const file of report.filer) lines.push(`  ${file.sti}`);
  lines.push('', `Foranstaltninger: ${report.foranstaltninger.length}`);
  for (const measure of report.foranstaltninger) {
    lines.push('', `  ${measure.titel} (${measure.sti})`);
    lines.push(`    Fundet: ${measure.felter.length ? named(measure.felter) : 'ingen afsnit'}`);
    if (measure.mangler.length) lines.push(`    Mangler: ${named(measure.mangler)} (står som [pladsholder])`);
    for (const text of measure.ikkePlaceret) lines.push(`    Ikke placeret (${text.placering}): »${excerpt(text.tekst)}«`);
  }
  if (report.ikkePlaceret.length) {
    lines.push('', 'Tekst uden for foranstaltningerne, som ikke passede i rammen (står sidst i serviceniveau.md):');
    for (const text of report.ikkePlaceret) lines.push(`  ${text.placering}: »${excerpt(text.tekst)}«`);
  }
  if (report.ikkeImporteret.length) {
    lines.push('', 'Ikke importeret (indsæt det selv, hvis det skal med):');
    for (const skipped of report.ikkeImporteret)
      lines.push(
        `  ${skipped.antal} ${skipped.art === 'billede' ? (skipped.antal === 1 ? 'billede' : 'billeder') : skipped.antal === 1 ? 'kommentar' : 'kommentarer'}, ${skipped.placering}`,
      );
  }
  lines.push(
    '',
    `Kontrol af de importerede filer: ${report.fund.length ? `${report.fund.length} fund — listen over, hvad der skal rettes i den første revision` : 'ingen fund'}`,
  );
  for (const finding of report.fund)
    lines.push(
      `  ${finding.file}:${finding.start.line}:${finding.start.column}  ${finding.severity === 'error' ? 'fejl' : 'advarsel'}  ${finding.message}  (${finding.rule})`,
    );
  lines.push(
    '',
    report.dryRun
      ? 'Kør uden --dry-run for at skrive filerne.'
      : 'Ret fundene i filerne, kør »npx serviceniveau check« igen, og åbn en pull request med importen.',
  );
  return `${printable(lines.join('\n'))}\n`;
}

function excerpt(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}
