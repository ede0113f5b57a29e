import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, posix, resolve } from 'node:path';
import { requireConfig } from '../config/require-config.js';
import { UsageError } from '../errors.js';
import { ADOPTED_TAG_PREFIX } from '../git/adopted-tag.js';
import { PolicyRepository } from '../git/repository.js';
import { rememberFieldTrees } from '../load/field-trees.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';
import { buildRound, readServiceLevel } from '../revision/build-round.js';
import { presentChangelog } from '../revision/present/changelog.js';
import { CHANGES_FOLDER, type SiteRound } from '../site/change-pages.js';
import { contrastWithWhite, MINIMUM_CONTRAST, parseHexColor } from '../site/contrast.js';
import { MEASURE_FOLDER } from '../site/pages.js';
import { renderSite } from '../site/render-site.js';
import { refuseProtectedTarget, writeOutputs } from './write-output.js';

/** The primary colour when the config gives none: dark blue, 8.7:1 against white. */
export const DEFAULT_PRIMARY_COLOR = '#1F4E79';

const ADOPTED_TAG = new RegExp(`^${ADOPTED_TAG_PREFIX}\\d{4}-\\d{2}-\\d{2}$`);

/** `site`: the service level as a static website in `out` — from the newest adopted version, or the working tree with a draft banner. */
export async function runSite(options: {
  cwd: string;
  out: string;
  ref?: string;
  omraade?: string;
  config?: string;
}): Promise<{ stdout: string; written: [] }> {
  const { cwd, out } = options;
  // Every refusal comes before the first file is written.
  const outFolder = refuseProtectedTarget(cwd, out, '--out _site');
  const config = requireConfig(options.config, cwd).site ?? {};
  const primaryColor = checkedColor(config.primaryColor);
  const logo = config.logo === undefined ? undefined : readLogo(cwd, config.logo);
  const ref = options.ref ?? (await newestAdoptedVersion(cwd));
  rememberFieldTrees();
  const { level, side, kommune, omraade } = await readServiceLevel({
    cwd,
    ...(ref !== undefined ? { ref } : {}),
    ...(options.omraade ? { omraade: options.omraade } : {}),
  });
  const files = renderSite({
    level,
    side,
    meta: { kommune: config.kommune ?? kommune, omraade },
    look: {
      kommune: config.kommune ?? kommune,
      primaryColor,
      ...(logo ? { logoFile: logo.file } : {}),
      ...(config.contact ? { contact: config.contact } : {}),
      ...(config.accessibilityStatement ? { accessibilityStatement: config.accessibilityStatement } : {}),
    },
    adopted: ref !== undefined && ADOPTED_TAG.test(ref),
    minisearch: minisearchBrowserBuild(),
    rounds: await siteRounds(cwd, ref, options.omraade),
    ...(logo ? { logo: logo.bytes } : {}),
  });
  writeOutputs(
    cwd,
    [...files].map(([path, content]) => [join(outFolder, ...path.split(posix.sep)), content] as const),
  );
  removeStalePages(outFolder, files);
  const draft = ref !== undefined && ADOPTED_TAG.test(ref) ? `fra ${ref}` : `fra ${ref ?? 'arbejdskopien'} (forslag, ikke vedtaget)`;
  return { stdout: `Skrev ${files.size} filer til ${out} ${draft}\n  → Åbn ${join(out, 'index.html')} i en browser.\n`, written: [] };
}

/**
 * A page left from an earlier build of a measure (or a version) that is gone would still answer at its address: only
 * the *.html in the folders the site owns, foranstaltninger/ and aendringer/, are cleared; nothing else is touched.
 */
function removeStalePages(outFolder: string, files: ReadonlyMap<string, unknown>): void {
  for (const owned of [MEASURE_FOLDER, CHANGES_FOLDER]) {
    const folder = join(outFolder, owned);
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (entry.isFile() && entry.name.endsWith('.html') && !files.has(`${owned}/${entry.name}`)) rmSync(join(folder, entry.name));
  }
}

/**
 * The adopted versions up to the site's own (a tag is one only when it is reachable from the ref, and not dated after
 * it), oldest first, each with what changed since the one before. None outside a git repository or before the first.
 */
async function siteRounds(cwd: string, ref: string | undefined, omraade: string | undefined): Promise<SiteRound[]> {
  let tags: string[];
  try {
    const repository = await PolicyRepository.open(cwd);
    tags = await repository.adoptedTags(await repository.resolveCommit(ref ?? 'HEAD'));
  } catch {
    return [];
  }
  if (ref !== undefined && ADOPTED_TAG.test(ref)) tags = tags.filter((tag) => tag <= ref);
  const rounds: SiteRound[] = tags.slice(0, 1).map((label) => ({ label }));
  for (const [index, label] of tags.entries()) {
    if (index === 0) continue;
    // Only the measures the round changed are read: a version's page shows nothing else.
    const round = await buildRound({ cwd, from: tags[index - 1]!, to: label, reads: 'touched', ...(omraade ? { omraade } : {}) });
    rounds.push({ label, previous: tags[index - 1]!, changes: presentChangelog(round) });
  }
  return rounds;
}

/** The newest vedtaget/* tag reachable from HEAD, or undefined (no tags, or a repository without commits): then the working tree. */
async function newestAdoptedVersion(cwd: string): Promise<string | undefined> {
  const repository = await PolicyRepository.open(cwd);
  try {
    return await repository.newestAdoptedTag(await repository.resolveCommit('HEAD'));
  } catch {
    return undefined;
  }
}

/** The config's colour as #RRGGBB, or a usage error when white text on it (and it on white) is under 4.5:1. */
function checkedColor(configured: string | undefined): string {
  const text = configured ?? DEFAULT_PRIMARY_COLOR;
  const rgb = parseHexColor(text);
  if (!rgb) throw new UsageError(`Farven »${text}« er ikke en farvekode`, 'Skriv site.primaryColor med seks hexcifre, fx »#1F4E79«.');
  const ratio = contrastWithWhite(rgb);
  if (ratio < MINIMUM_CONTRAST)
    throw new UsageError(
      `Farven »${text}« har kun kontrasten ${ratio.toFixed(2).replace('.', ',')}:1 mod hvid; hjemmesiden kræver mindst 4,5:1 (WCAG 2.1 AA)`,
      'Vælg en mørkere udgave af kommunens farve i site.primaryColor, fx »#1F4E79«; intet er skrevet.',
    );
  return `#${text.replace(/^#/, '').toUpperCase()}`;
}

/** The config's logo file, read from the repository, and the name it gets in the site: logo.svg, logo.png, … */
function readLogo(cwd: string, path: string): { file: string; bytes: Uint8Array } {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute))
    throw new UsageError(`Logoet »${path}« findes ikke`, 'Tjek stien i site.logo; den regnes fra den mappe, kommandoen køres i. Intet er skrevet.');
  return { file: `logo${extname(path).toLowerCase()}`, bytes: readBounded(absolute, { display: path, limit: READ_LIMITS.document, refuseLinks: true }) };
}

/** minisearch's browser build (UMD, sets window.MiniSearch), copied into the site: nothing is loaded from a CDN. */
function minisearchBrowserBuild(): string {
  const main = createRequire(import.meta.url).resolve('minisearch');
  return readFileSync(join(dirname(main), '..', 'umd', 'index.js'), 'utf8');
}
