import type { RoundSide, ServiceLevel } from '../revision/model.js';
import { presentServiceLevel } from '../revision/present/service-level.js';
import { SEARCH_SCRIPT } from './assets/search-script.js';
import { siteCss } from './assets/site-css.js';
import { changesIndexPage, historiesOf, roundPage, type SiteRound } from './change-pages.js';
import { renderPage, type SiteEdition, type SiteLook } from './layout.js';
import { frontPage, MEASURE_FOLDER, measurePage, measurePath, rolePlanPage, searchPage, type SiteMeasure } from './pages.js';
import { searchIndexScript } from './search-index.js';

/** Everything the site is drawn from, already read: the service level at one side, the look, and the files to copy in. */
export interface SiteInput {
  level: ServiceLevel;
  side: RoundSide;
  meta: { kommune: string; omraade: string };
  look: SiteLook;
  /** Whether the side is an adopted version; otherwise every page carries the draft banner. */
  adopted: boolean;
  /** The browser build of minisearch. */
  minisearch: string;
  logo?: Uint8Array;
  /**
   * The adopted versions up to the one the site shows, oldest first, each with its changes since the one before; empty
   * for a repository without adopted versions: then the site has no »Hvad er ændret«.
   */
  rounds: readonly SiteRound[];
}

/** The facts every page's footer repeats: the version and the dates it belongs to. */
const FOOTER_FACTS = new Set(['Version', 'Gyldig fra', 'Vedtaget']);

/** The whole site as files by path from its root (forward slashes), in a stable order: same input, same bytes. */
export function renderSite(input: SiteInput): Map<string, string | Uint8Array> {
  const presentation = presentServiceLevel(input.level, input.side, input.meta, { lawBasis: true });
  const ages = new Map(input.level.measures.map((measure) => [measure.id, measure.alder]));
  const taken = new Set<string>();
  const measures: SiteMeasure[] = presentation.groups.flatMap((group) =>
    group.measures.map((measure) => {
      let path = measurePath(measure);
      if (taken.has(path)) path = `${MEASURE_FOLDER}/foranstaltning-${measure.number}.html`;
      taken.add(path);
      const alder = ages.get(measure.id);
      return {
        measure,
        kategori: group.kategori,
        path,
        ...(typeof alder?.fra === 'number' && typeof alder.til === 'number' ? { alder: { fra: alder.fra, til: alder.til } } : {}),
      };
    }),
  );
  const edition: SiteEdition = {
    omraade: presentation.omraade,
    facts: presentation.facts.filter((fact) => FOOTER_FACTS.has(fact.label)).map((fact) => `${fact.label}: ${fact.value}`),
    sourceLabel: presentation.source.label,
    adopted: input.adopted,
    hasRolePlan: presentation.rolePlan !== undefined,
    hasChanges: input.rounds.length > 0,
  };
  const histories =
    input.rounds.length > 0
      ? historiesOf(
          input.rounds,
          measures.map((entry) => entry.measure.id),
        )
      : undefined;
  const sitePaths = new Map(measures.map((entry) => [entry.measure.id, entry.path]));
  if (presentation.rolePlan) sitePaths.set('rolleplan', 'rolleplan.html');
  const entries = presentation.lawBasis?.entries ?? [];
  const pages = [
    frontPage(presentation, measures),
    ...measures.map((entry) =>
      measurePage(
        entry,
        entries.filter((provision) => provision.citedBy.some((citing) => citing.number === entry.measure.number)),
        histories?.get(entry.measure.id),
      ),
    ),
    ...(presentation.rolePlan ? [rolePlanPage(presentation.rolePlan)] : []),
    ...(input.rounds.length > 0 ? [changesIndexPage(input.rounds)] : []),
    ...input.rounds.flatMap((round) =>
      round.changes && round.previous ? [roundPage({ ...round, previous: round.previous, changes: round.changes }, sitePaths)] : [],
    ),
    searchPage(measures),
  ];
  const files = new Map<string, string | Uint8Array>();
  for (const page of pages) files.set(page.path, renderPage(page, input.look, edition));
  files.set('site.css', siteCss(input.look.primaryColor));
  files.set('minisearch.js', input.minisearch);
  files.set('search-index.js', searchIndexScript(measures));
  files.set('search.js', SEARCH_SCRIPT);
  if (input.look.logoFile && input.logo) files.set(input.look.logoFile, input.logo);
  return files;
}
