import { escapeHtml } from './html-escape.js';
import { sanitizedLink } from './markdown-to-html.js';
import { REMOVED_MARK, type LawBasisEntry, type LawBasisPresentation } from './present/law-basis.js';

/** The id of the appendix, for the table of contents. */
export const LAW_BASIS_ID = 'lovgrundlag';

/**
 * The appendix »Lovgrundlag«: each provision under a heading that links to the act on retsinformation.dk (through the
 * sanitiser, like a link in a field), its wording as a block quote with the act as source line, and the measures that
 * cite it, linked to where the document shows them (`measureAnchor`: »aendring«, »foranstaltning«).
 */
export function lawBasisSection(lawBasis: LawBasisPresentation, measureAnchor: string): string[] {
  return [
    `<section class="lovgrundlag" id="${LAW_BASIS_ID}">`,
    `<h2>${escapeHtml(lawBasis.heading)}</h2>`,
    `<p class="indledning">${escapeHtml(lawBasis.intro)}</p>`,
    ...lawBasis.entries.flatMap((entry) => provision(entry, lawBasis.citedByLabel, measureAnchor)),
    '</section>',
  ];
}

function provision(entry: LawBasisEntry, citedByLabel: string, measureAnchor: string): string[] {
  const citedBy = entry.citedBy.map(
    (measure) => `<a href="#${measureAnchor}-${measure.number}">${escapeHtml(measure.titel)}</a>${measure.removed ? ` ${REMOVED_MARK}` : ''}`,
  );
  const body =
    'quote' in entry
      ? [
          '<figure>',
          '<blockquote>',
          ...entry.quote.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
          '</blockquote>',
          `<figcaption>${escapeHtml(entry.quote.source)}</figcaption>`,
          '</figure>',
        ]
      : [`<p class="mangler">${escapeHtml(entry.missing)}</p>`];
  return [
    `<article class="bestemmelse" id="lovbestemmelse-${entry.number}">`,
    `<h3>${'quote' in entry ? sanitizedLink(entry.written, entry.quote.act.eli) : escapeHtml(entry.written)}</h3>`,
    ...body,
    `<p class="henvist">${escapeHtml(citedByLabel)}: ${citedBy.join(', ')}</p>`,
    '</article>',
  ];
}
