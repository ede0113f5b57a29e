import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LawRequest } from './commands/law.js';
import { UsageError } from './errors.js';
import { READ_LIMITS, readBounded } from './load/read-bounded.js';
import { packageRoot } from './package-root.js';
import { printable } from './report/printable.js';
// Every command loads its own modules when it runs: pr-comment, which holds GITHUB_TOKEN, loads no package at all.

const USAGE = `Brug: serviceniveau <kommando> [valg]

Kommandoer:
  check [stier...]                  Kontrollér politikdokumenterne (standard: policies/)
      --format pretty|json|github   Udskriftsformat (standard: pretty)
      --config FIL                  Konfigurationsfil (standard: serviceniveau.config.json, hvis den findes)
      --changed-since REF           Kun dokumenter ændret siden REF (og dem, de afhænger af)
      --dato ÅÅÅÅ-MM-DD             Kontrollér lovhjemlen, som loven er på datoen (fx et forslags gyldig_fra)
  new foranstaltning <id>           Opret en ny foranstaltning ud fra skabelonen
      --titel "TITEL"               Foranstaltningens titel
      --omraade OMRÅDE              Området under policies/, hvis der er flere
  import <fil.docx>                 Importér et eksisterende serviceniveau fra Word til politikfiler (overskriver aldrig)
      --omraade OMRÅDE              Området under policies/ (standard: det eneste område, ellers ud fra dokumentets titel)
      --dry-run                     Skriv intet; vis de filer, der ville blive skrevet, og rapporten
      --accept-changes              Godkend registrerede ændringer: indsat tekst tages med, slettet tekst udelades
      --format pretty|json          Rapportens format (standard: pretty)
      --config FIL                  Konfigurationsfil, som for check (kommunens egne etiketter under »import.labels«)
  changelog                         Ændringerne i en revisionsrunde
      --from REF                    Fra (standard: nyeste tag vedtaget/ÅÅÅÅ-MM-DD)
      --to REF                      Til (standard: arbejdskopien)
      --format json|md|html|docx    Udskriftsformat (standard: json); flere med komma, fx md,html,docx
      --out FIL                     Skriv til en fil (kræves for docx)
      --out-dir MAPPE               Skriv hvert format som aendringer.<format> i mappen (runden læses én gang)
      --max-bytes N                 Højst N byte Markdown (fx 60000 til en PR-kommentar); med --out-dir
                                    skrives den forkortede udgave som kommentar.md ved siden af den fulde
      --config FIL                  Konfigurationsfil, som for check (individuel vurdering med kommunens egne formuleringer,
                                    Word-dokumentets skrifttype, skriftstørrelse og overskriftsfarve)
  render                            Hele serviceniveauet som ét dokument
      --ref REF                     Versionen (standard: arbejdskopien)
      --format html|docx            Udskriftsformat (standard: html); begge med html,docx
      --out FIL                     Skriv til en fil (kræves for docx)
      --out-dir MAPPE               Skriv hvert format som serviceniveau.<format> i mappen
      --config FIL                  Konfigurationsfil, som for check (Word-dokumentets skrifttype, skriftstørrelse og overskriftsfarve)
  site --out MAPPE                  Serviceniveauet som en tilgængelig hjemmeside (WCAG 2.1 AA) i mappen, fx _site
      --ref REF                     Versionen (standard: nyeste tag vedtaget/ÅÅÅÅ-MM-DD, ellers arbejdskopien som forslag)
      --config FIL                  Konfigurationsfil, som for check (kommunens navn, farve, logo og tilgængelighedserklæring under »site«)
  opfoelgning --data FIL            Bevillingerne i et udtræk fra fagsystemet set mod hver foranstaltnings ramme
      --periode ÅÅÅÅ                Kalenderåret (standard: sidste år); to gange for at sammenligne, fx --periode 2024 --periode 2025
      --fra ÅÅÅÅ-MM-DD --til ÅÅÅÅ-MM-DD  En anden periode end et kalenderår
      --format pretty|html|docx|md|json  Udskriftsformat (standard: pretty); flere med komma og --out-dir
      --out FIL                     Skriv til en fil (kræves for docx)
      --out-dir MAPPE               Skriv hvert format som opfoelgning.<format> i mappen
      --config FIL                  Konfigurationsfil, som for check (kolonner og koder under »opfoelgning«)
      --ref REF                     Serviceniveauets version, hvis rammerne skal læses fra en anden end arbejdskopien
                                    Udtrækket er personoplysninger: læg det aldrig i repositoriet. Tal for færre end 5 børn vises ikke.
  pr-comment --file FIL             Skriv ændringsoversigten som én kommentar på pull requesten (GitHub Actions)
  rounds                            De vedtagne versioner og antallet af ændringer i hver
  history <id>                      I hvilke runder en foranstaltning er ændret, og hvordan
  law "HENVISNING"                  En bestemmelses lovtekst, historik og de foranstaltninger, der henviser til den
      --dato ÅÅÅÅ-MM-DD             Lovteksten, som den er på datoen (standard: i dag)
  law --changed-since ÅÅÅÅ-MM-DD    De bestemmelser, der er ændret efter datoen, og de foranstaltninger, de berører
  law --compare A B                 Paragrafferne med ændret tekst mellem to udgaver af en lov, fx 2024_890 2025_282
      --format pretty|json          Udskriftsformat (standard: pretty)

  --help                            Vis denne hjælp
  --version                         Vis versionen

Afslutningskoder: 0 ingen fejl (advarsler tilladt), 1 fejl i dokumenterne, 2 forkert brug eller en fil, der ikke kan læses.
`;

/** Runs the CLI and returns its exit code; the only place that turns typed errors into messages. */
export async function main(argv: readonly string[], cwd: string = process.cwd()): Promise<number> {
  try {
    return await dispatch(argv, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`serviceniveau: ${printable(error.message)}\n${error.hint ? `  → ${printable(error.hint)}\n` : ''}`);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `serviceniveau: intern fejl: ${printable(detail)}\n  → Det er en fejl i værktøjet, ikke i dine dokumenter. Kør med miljøvariablen SERVICENIVEAU_DEBUG=1 for detaljer, og meld fejlen til udviklerne.\n`,
    );
    if (process.env['SERVICENIVEAU_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], cwd: string): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE); // »serviceniveau check --help« is how many look for a command's options
    return 0;
  }
  if (command === '--version' || command === '-v') {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`${manifest.version}\n`);
    return 0;
  }
  switch (command) {
    case 'check':
      return check(rest, cwd);
    case 'new':
      return newDocument(rest, cwd);
    case 'import':
      return importDocument(rest, cwd);
    case 'changelog':
      return changelog(rest, cwd);
    case 'render':
      return render(rest, cwd);
    case 'site':
      return site(rest, cwd);
    case 'opfoelgning':
      return followUp(rest, cwd);
    case 'pr-comment': {
      const { values } = parse(rest, { file: { type: 'string' } });
      if (!values['file'])
        throw new UsageError('Brug: serviceniveau pr-comment --file AENDRINGER.md', 'Filen er ændringsoversigten fra »serviceniveau changelog --format md«.');
      const { commentTargetFromEnvironment, upsertComment } = await import('./github/pr-comment.js');
      const target = commentTargetFromEnvironment();
      if (!target) {
        process.stdout.write('Ingen pull request i denne kørsel; der skrives ingen kommentar.\n');
        return 0;
      }
      const changes = readBounded(resolve(cwd, values['file']), { display: values['file'], limit: READ_LIMITS.document }).toString('utf8');
      const outcome = await upsertComment(target, changes);
      process.stdout.write(
        outcome.action === 'skipped'
          ? `Kommentaren blev ikke skrevet: ${outcome.reason}\n`
          : `Kommentaren er ${outcome.action === 'created' ? 'oprettet' : 'opdateret'}${outcome.url ? `: ${outcome.url}` : ''}\n`,
      );
      return 0;
    }
    case 'rounds': {
      const { values } = parse(rest, { omraade: { type: 'string' } });
      process.stdout.write(await (await import('./commands/rounds.js')).runRounds(cwd, values['omraade']));
      return 0;
    }
    case 'history': {
      const { values, positionals } = parse(rest, { omraade: { type: 'string' } });
      const [id, ...extra] = positionals;
      if (id === undefined || extra.length > 0)
        throw new UsageError('Brug: serviceniveau history <id>', 'Fx: npx serviceniveau history praktisk-paedagogisk-stoette');
      process.stdout.write(await (await import('./commands/rounds.js')).runHistory(cwd, id, values['omraade']));
      return 0;
    }
    case 'law':
      return law(rest, cwd);
    default:
      throw new UsageError(
        `Ukendt kommando »${command}«`,
        'Kommandoerne er »check«, »new foranstaltning«, »import«, »changelog«, »render«, »site«, »opfoelgning«, »rounds«, »history« og »law«; se »serviceniveau --help«.',
      );
  }
}

async function check(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    config: { type: 'string' },
    'changed-since': { type: 'string' },
    dato: { type: 'string' },
  });
  const [{ runCheck }, { checkFormatOf }] = await Promise.all([import('./commands/check.js'), import('./report/report.js')]);
  const format = checkFormatOf(values['format']);
  const asOf = values['dato'] === undefined ? undefined : isoDateArgument(values['dato'], '--dato');
  const changedSince = values['changed-since'];
  if (changedSince !== undefined && positionals.length > 0)
    throw new UsageError('Brug enten stier eller --changed-since, ikke begge', 'Fx: serviceniveau check --changed-since origin/main');
  const color = format === 'pretty' && process.stdout.isTTY === true && !process.env['NO_COLOR'];
  const outcome = await runCheck({
    paths: positionals,
    format,
    cwd,
    color,
    ...definedValues({ config: values['config'], changedSince, asOf }, ['config', 'changedSince', 'asOf']),
  });
  process.stdout.write(outcome.output);
  return outcome.exitCode;
}

async function newDocument(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    titel: { type: 'string' },
    omraade: { type: 'string' },
  });
  const [kind, id, ...extra] = positionals;
  if (kind !== 'foranstaltning' || id === undefined || extra.length > 0) {
    throw new UsageError(
      'Brug: serviceniveau new foranstaltning <id> [--titel "TITEL"] [--omraade OMRÅDE]',
      'Fx: npx serviceniveau new foranstaltning praktisk-paedagogisk-stoette --titel "Praktisk pædagogisk støtte i hjemmet"',
    );
  }
  const { createMeasure } = await import('./commands/new-measure.js');
  const file = createMeasure({ id, titel: values['titel'], omraade: values['omraade'], cwd });
  process.stdout.write(`Oprettede ${file}\n  → Erstat teksterne i [klammer] i hvert afsnit, og kør »npx serviceniveau check«.\n`);
  return 0;
}

async function importDocument(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    omraade: { type: 'string' },
    format: { type: 'string' },
    config: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-changes': { type: 'boolean' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError(
      'Brug: serviceniveau import <fil.docx> [--omraade OMRÅDE] [--dry-run]',
      'Fx: npx serviceniveau import serviceniveau.docx --omraade boern-og-unge --dry-run',
    );
  const { IMPORT_FORMATS, runImport } = await import('./commands/import.js');
  const format = values['format'] ?? 'pretty';
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Ukendt format »${format}«`, `Vælg et af ${IMPORT_FORMATS.join(', ')}.`);
  const outcome = await runImport({
    file,
    cwd,
    dryRun: values['dry-run'] === true,
    acceptChanges: values['accept-changes'] === true,
    format: format as (typeof IMPORT_FORMATS)[number],
    ...definedValues(values, ['omraade', 'config']),
  });
  process.stdout.write(outcome.stdout);
  return outcome.exitCode;
}

async function changelog(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    omraade: { type: 'string' },
    config: { type: 'string' },
    'max-bytes': { type: 'string' },
  });
  const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
  if (maxBytes !== undefined && (!Number.isInteger(maxBytes) || maxBytes < 1000))
    throw new UsageError(`Ugyldig --max-bytes »${values['max-bytes']}«`, 'Angiv et helt tal på mindst 1000, fx --max-bytes 60000.');
  if (positionals.length > 0)
    throw new UsageError(`Uventet argument »${positionals[0]}«`, 'Brug --from og --to, fx: serviceniveau changelog --from vedtaget/2025-02-11 --to main');
  const { CHANGELOG_FORMATS, runChangelog } = await import('./commands/changelog.js');
  const result = await runChangelog({
    cwd,
    formats: formatsOf(values['format'] ?? 'json', CHANGELOG_FORMATS),
    ...definedValues(values, ['from', 'to', 'out', 'omraade', 'config']),
    ...(values['out-dir'] !== undefined ? { outDir: values['out-dir'] } : {}),
    ...(maxBytes ? { maxBytes } : {}),
  });
  return report(result);
}

async function render(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    ref: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    omraade: { type: 'string' },
    config: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`Uventet argument »${positionals[0]}«`, 'Fx: serviceniveau render --format html --out serviceniveau.html');
  const { RENDER_FORMATS, runRender } = await import('./commands/render.js');
  const result = await runRender({
    cwd,
    formats: formatsOf(values['format'] ?? 'html', RENDER_FORMATS),
    ...definedValues(values, ['ref', 'out', 'omraade', 'config']),
    ...(values['out-dir'] !== undefined ? { outDir: values['out-dir'] } : {}),
  });
  return report(result);
}

async function site(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    ref: { type: 'string' },
    omraade: { type: 'string' },
    config: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`Uventet argument »${positionals[0]}«`, 'Fx: serviceniveau site --out _site');
  const out = values['out'];
  if (!out) throw new UsageError('Brug: serviceniveau site --out MAPPE [--ref REF]', 'Fx: npx serviceniveau site --out _site');
  const { runSite } = await import('./commands/site.js');
  return report(await runSite({ cwd, out, ...definedValues(values, ['ref', 'omraade', 'config']) }));
}

async function followUp(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    data: { type: 'string' },
    periode: { type: 'string', multiple: true },
    fra: { type: 'string' },
    til: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    config: { type: 'string' },
    omraade: { type: 'string' },
    ref: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(`Uventet argument »${positionals[0]}«`, 'Angiv udtrækket med --data, fx: serviceniveau opfoelgning --data ~/udtraek/bevillinger.csv');
  const data = values['data'];
  if (!data)
    throw new UsageError(
      'Brug: serviceniveau opfoelgning --data FIL [--periode ÅÅÅÅ]',
      'Fx: npx serviceniveau opfoelgning --data ~/udtraek/bevillinger.csv --periode 2025',
    );
  const { FOLLOW_UP_FORMATS, runOpfoelgning } = await import('./commands/opfoelgning.js');
  const result = await runOpfoelgning({
    cwd,
    data,
    formats: formatsOf(values['format'] ?? 'pretty', FOLLOW_UP_FORMATS),
    ...(values['periode'] ? { periode: values['periode'] } : {}),
    ...definedValues(values, ['fra', 'til', 'out', 'config', 'omraade', 'ref']),
    ...(values['out-dir'] !== undefined ? { outDir: values['out-dir'] } : {}),
  });
  return report(result);
}

async function law(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    dato: { type: 'string' },
    'changed-since': { type: 'string' },
    compare: { type: 'string' },
  });
  const { LAW_FORMATS, runLaw } = await import('./commands/law.js');
  const format = values['format'] ?? 'pretty';
  if (!(LAW_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Ukendt format »${format}«`, `Vælg et af ${LAW_FORMATS.join(', ')}.`);
  const outcome = runLaw(lawRequestOf(values, positionals), format as (typeof LAW_FORMATS)[number], cwd);
  process.stdout.write(outcome.stdout);
  return outcome.exitCode;
}

/** Which of the three questions `law` is asked; mixing them is a usage error. */
function lawRequestOf(values: Partial<Record<'dato' | 'changed-since' | 'compare', string>>, positionals: readonly string[]): LawRequest {
  const usage = 'Brug: serviceniveau law "HENVISNING" [--dato ÅÅÅÅ-MM-DD], law --changed-since ÅÅÅÅ-MM-DD eller law --compare A B';
  const { dato, compare } = values;
  const changedSince = values['changed-since'];
  if ([compare, changedSince].filter((value) => value !== undefined).length > 1 || (dato !== undefined && (compare ?? changedSince) !== undefined))
    throw new UsageError('Brug kun ét af »HENVISNING«, --changed-since og --compare ad gangen', usage);
  if (compare !== undefined) {
    if (positionals.length !== 1)
      throw new UsageError('--compare skal have to lovtekster', 'Fx: serviceniveau law --compare 2024_890 2025_282 (eller "LBK 890/2024" i anførselstegn).');
    return { kind: 'compare', from: compare, to: positionals[0]! };
  }
  if (changedSince !== undefined) {
    if (positionals.length > 0) throw new UsageError(`Uventet argument »${positionals[0]}«`, 'Fx: serviceniveau law --changed-since 2025-02-11');
    return { kind: 'changed-since', since: isoDateArgument(changedSince, '--changed-since') };
  }
  if (positionals.length === 0) throw new UsageError(usage, 'Fx: serviceniveau law "Barnets Lov § 32, stk. 1, nr. 2"');
  // The citation is one argument; written without quotes the shell splits it, and the words are the same.
  const date = dato === undefined ? new Date().toISOString().slice(0, 10) : isoDateArgument(dato, '--dato');
  return { kind: 'provision', citation: positionals.join(' '), date };
}

function report(result: { stdout?: string | Uint8Array; written: readonly string[] }): number {
  if (result.stdout !== undefined) process.stdout.write(result.stdout);
  for (const file of result.written) process.stderr.write(`Skrev ${file}\n`);
  return 0;
}

/** `--format md,html,docx`: the known formats asked for, each once, in the order given. */
function formatsOf<F extends string>(value: string, known: readonly F[]): F[] {
  const asked = [...new Set(value.split(',').map((format) => format.trim()))];
  for (const format of asked)
    if (!(known as readonly string[]).includes(format))
      throw new UsageError(`Ukendt format »${format}«`, `Vælg et af ${known.join(', ')}, eller flere med komma, fx ${known.slice(-2).join(',')}.`);
  return asked as F[];
}

/** The given string options, without the ones left out (exactOptionalPropertyTypes-friendly). */
function definedValues<K extends string>(
  values: Partial<Record<string, string | boolean | (string | boolean)[] | undefined>>,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = values[key];
    if (typeof value === 'string') result[key] = value;
  }
  return result;
}

function parse<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (cause) {
    const detail = cause instanceof Error ? (/'([^']+)'/.exec(cause.message)?.[1] ?? cause.message) : '';
    throw new UsageError(`Ukendt eller ufuldstændigt valg${detail ? ` »${detail}«` : ''}`, 'Se »serviceniveau --help«.', { cause });
  }
}

/** A calendar date given on the command line, as ISO text; a Danish usage error when it is not a real date. */
function isoDateArgument(value: string, option: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0])
    throw new UsageError(`${option} »${value}« er ikke en dato`, `Skriv datoen som ÅÅÅÅ-MM-DD, fx ${option} 2025-09-01.`);
  return match[0];
}
