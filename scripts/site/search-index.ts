import MiniSearch from 'minisearch';
import type { SiteMeasure } from './pages.js';

/** How the index is built and read: the same options in Node at build time and in the browser. */
export const SEARCH_OPTIONS = { idField: 'id', fields: ['titel', 'kategori', 'tekst'], searchOptions: { boost: { titel: 3, kategori: 2 } } };

/**
 * The search index as a script that assigns it to window.SERVICENIVEAU_SOEGNING: a page opened from disk cannot fetch
 * a JSON file, but it can load a script beside it. A document's id is its page's path, as on the search page's list.
 */
export function searchIndexScript(measures: readonly SiteMeasure[]): string {
  const index = new MiniSearch<{ id: string; titel: string; kategori: string; tekst: string }>(SEARCH_OPTIONS);
  index.addAll(
    measures.map((entry) => ({
      id: entry.path,
      titel: entry.measure.titel,
      kategori: entry.kategori,
      tekst: entry.measure.sections.map((section) => section.text).join('\n'),
    })),
  );
  return `window.SERVICENIVEAU_SOEGNING = ${JSON.stringify({ options: SEARCH_OPTIONS, index })};\n`;
}
