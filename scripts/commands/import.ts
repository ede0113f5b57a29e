import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDocuments } from '../check/check-documents.js';
import { loadConfig, type ResolvedConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { composeImport, areaNameFromTitle, type PlannedFile } from '../import/compose.js';
import { idFromTitle } from '../import/ids.js';
import type { ExtraLabels } from '../import/labels.js';
import { readDocx } from '../import/read-docx.js';
import { formatImportJson, formatImportPretty, type ImportReport } from '../import/report.js';
import { segment } from '../import/segment.js';
import { toBlocks } from '../import/to-blocks.js';
import { refuseExisting, writeImport } from '../import/write-import.js';
import { POLICY_FOLDER, REGISTER_FILE_NAME } from '../layout.js';
import { loadDocument } from '../load/load-document.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';
import type { PolicyDocument } from '../model/document.js';
import { sortFindings, type Finding } from '../model/finding.js';

export const IMPORT_FORMATS = ['pretty', 'json'] as const;

export interface ImportOptions {
  file: string;
  cwd: string;
  omraade?: string;
  dryRun: boolean;
  acceptChanges: boolean;
  format: (typeof IMPORT_FORMATS)[number];
  config?: string;
}

const AREA_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `import`: read a Word service level, map it to policy files, write them (unless a dry run) and check them. */
export async function runImport(options: ImportOptions): Promise<{ stdout: string; exitCode: 0 }> {
  const configResult = loadConfig(options.config, options.cwd);
  if (!configResult.ok) {
    const [first] = configResult.findings;
    throw new UsageError(
      `Konfigurationsfilen kan ikke bruges: ${first?.message ?? 'ukendt fejl'}`,
      'Ret filen; »serviceniveau check« viser alle fejlene i den.',
    );
  }
  const bytes = readBounded(resolve(options.cwd, options.file), {
    display: options.file,
    limit: READ_LIMITS.docx,
    refuseLinks: true,
    hint: 'Angiv Word-dokumentet (.docx) som en almindelig fil.',
  });
  const docx = await readDocx(bytes, options.file);
  if (docx.trackedChanges > 0 && !options.acceptChanges)
    throw new UsageError(
      `»${options.file}« har ${docx.trackedChanges} registrerede ændringer, der ikke er godkendt eller afvist`,
      'Godkend eller afvis ændringerne i Word (Gennemse → Godkend/Afvis) og gem, eller kør med --accept-changes for at tage de indsatte tekster med og udelade de slettede.',
    );
  const { blocks, notes } = toBlocks(docx.html);
  const segments = segment(blocks, extraLabelsOf(configResult.config));
  const area = chooseArea(options, segments.documentTitle);
  const composed = composeImport(segments, notes, area);
  refuseExisting(options.cwd, composed.files);
  if (!options.dryRun) writeImport(options.cwd, composed.files);
  const report: ImportReport = {
    kilde: options.file,
    omraade: area,
    dryRun: options.dryRun,
    filer: composed.files.map((file) => ({ sti: file.path, art: file.kind, skrevet: !options.dryRun })),
    foranstaltninger: composed.measures,
    ikkePlaceret: segments.unplaced.map(({ text, placement }) => ({ tekst: text, placering: placement })),
    ikkeImporteret: segments.skipped,
    fund: checkImported(composed.files, options.cwd, configResult.config),
  };
  return { stdout: options.format === 'json' ? formatImportJson(report) : formatImportPretty(report), exitCode: 0 };
}

/** check's findings on the imported files, checked in memory (the same bytes that are or would be written), with the repository's register. */
function checkImported(files: readonly PlannedFile[], cwd: string, config: ResolvedConfig): Finding[] {
  const loaded = files.map((file) => loadDocument(file.path, file.kind, Buffer.from(file.content, 'utf8')));
  const context: PolicyDocument[] = [];
  const register = `${POLICY_FOLDER}/${REGISTER_FILE_NAME}`;
  if (existsSync(resolve(cwd, register))) {
    const read = loadDocument(
      register,
      'lovregister',
      readBounded(resolve(cwd, register), { display: register, limit: READ_LIMITS.document, refuseLinks: true }),
    );
    if (read.document && !read.broken) context.push(read.document);
  }
  return sortFindings(checkDocuments(loaded, context, config).findings);
}

/** The config's extra labels (»import.labels«), if any. */
function extraLabelsOf(config: ResolvedConfig): ExtraLabels {
  return config.import?.labels ?? {};
}

/** `--omraade`, else the only area there is, else the area the document's title names, else »import«. */
function chooseArea(options: ImportOptions, documentTitle: string | undefined): string {
  if (options.omraade !== undefined) {
    if (!AREA_PATTERN.test(options.omraade) || options.omraade.length > 80)
      throw new UsageError(
        `Ugyldigt område »${options.omraade}«: brug kun små bogstaver a-z, tal og bindestreger`,
        `Prøv fx »${idFromTitle(options.omraade, 'import')}«.`,
      );
    return options.omraade;
  }
  const root = resolve(options.cwd, POLICY_FOLDER);
  const areas = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
    : [];
  if (areas.length === 1 && areas[0]) return areas[0];
  const named = areaNameFromTitle(documentTitle);
  return named ? idFromTitle(named, 'import') : 'import';
}
