// The style sheets of the HTML documents; their hash goes into each document's Content-Security-Policy.

/** Page, type and tables shared by both documents: A4 with page numbers, Calibri, headings kept with their text. */
export const BASE_CSS = `@page { size: A4; margin: 2.5cm 2cm 2.5cm 2.5cm; @bottom-right { content: "Side " counter(page) " af " counter(pages); font: 9pt Calibri, Arial, sans-serif; } }
@page :first { @bottom-right { content: none; } }
:root { color: #1a1a1a; background: #fff; }
body { font: 11pt/1.45 Calibri, Carlito, "Segoe UI", Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 26pt; margin: 0.2em 0; }
h2 { font-size: 17pt; margin: 1.6em 0 0.6em; }
h3 { font-size: 13.5pt; margin: 1.4em 0 0.4em; }
h4 { font-size: 11.5pt; margin: 1.2em 0 0.3em; }
p, li { orphans: 3; widows: 3; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
th, td { border: 0.5pt solid #888; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
thead th { background: #eee; }
tr, tbody { break-inside: avoid; page-break-inside: avoid; }
code { font-family: Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.forside { break-after: page; page-break-after: always; padding-top: 4cm; }
.forside .kommune { font-size: 14pt; font-weight: bold; letter-spacing: 0.03em; }
.forside .omraade { font-size: 15pt; margin-top: 0; }
a { color: inherit; }
@media screen { body { margin: 2rem auto 6rem; } .forside { padding-top: 1rem; } }
`;

/** The changelog: cover, summary tables, the paralleltekst with its del and ins, the amendments. */
export const CHANGELOG_CSS = `body { max-width: 60rem; }
.forside .runde { font-size: 12pt; }
.sider { width: auto; min-width: 60%; }
.laesevejledning { margin-top: 2em; font-size: 10pt; }
.proveniens { margin-top: 3em; font-size: 8pt; color: #555; }
.tal { text-align: right; width: 7.5em; }
.tal-oversigt { width: auto; min-width: 50%; }
.oversigt tr.vaesentlig th { font-weight: bold; }
.overblik { break-after: page; page-break-after: always; }
.aendring { break-before: page; page-break-before: always; }
.meta { color: #444; }
.paralleltekst { table-layout: fixed; }
.paralleltekst col { width: 50%; }
.paralleltekst tr.tekst td { white-space: pre-wrap; overflow-wrap: anywhere; }
.paralleltekst tr.afsnit th { background: #f6f6f6; font-weight: bold; }
.klasse, .aendrings-id, .note { font-weight: normal; font-size: 9pt; margin-left: 0.6em; }
.klasse { border: 0.5pt solid #666; border-radius: 2pt; padding: 0 0.3em; }
.klasse-material { border-color: #8a1c1c; color: #8a1c1c; font-weight: bold; }
.aendrings-id { font-family: Consolas, "Liberation Mono", monospace; color: #555; }
del { color: #8a1c1c; text-decoration: line-through; }
ins { color: #1d5c2e; text-decoration: underline; }
.aendringsforslag li { margin-bottom: 0.4em; }
.afvigelser { break-before: page; page-break-before: always; }
@media print {
  del, ins { color: inherit; }
  /* An amendment is read beside the wording it changes: never pushed alone onto the next page, and never split. */
  .forslag { break-before: avoid; page-break-before: avoid; }
  .aendringsforslag li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4, .meta { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
}
`;

/** The service level: facts, table of contents, a page per measure, the role plan on a landscape page. */
export const SERVICE_LEVEL_CSS = `@page rolleplan { size: A4 landscape; }
.fakta { display: grid; grid-template-columns: max-content auto; gap: 0.3em 1.5em; margin-top: 3em; }
.fakta dt { font-weight: bold; }
.fakta dd { margin: 0; }
.grundlag { margin-top: 3em; font-size: 9pt; color: #555; }
.indholdsfortegnelse { break-after: page; page-break-after: always; }
.indholdsfortegnelse ol { list-style: none; padding-left: 0; }
.indholdsfortegnelse ol ol { padding-left: 1.5em; }
.ramme, .kategori > h2 { break-before: page; page-break-before: always; }
.foranstaltning { break-before: page; page-break-before: always; }
.kategori > .foranstaltning:first-of-type { break-before: auto; page-break-before: auto; }
.alder { color: #444; margin-top: 0; }
.underskrift { margin-top: 2em; }
.mangler { color: #8a1c1c; font-style: italic; }
.rolleplan { page: rolleplan; break-before: page; page-break-before: always; }
.rolleplan table { table-layout: fixed; font-size: 10pt; }
.rolleplan th[scope="row"] { width: 9em; }
.rolleplan ul { margin: 0; padding-left: 1.1em; }
@media print {
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  /* The foreword has a page of its own; the short frame sections after it share pages, each measure starts one. */
  .ramme + .ramme { break-before: auto; page-break-before: auto; }
  #forord + .ramme { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-inside: avoid; page-break-inside: avoid; }
}
`;

/** The appendix »Lovgrundlag« of both documents: each provision's wording as an indented quote with its source line below. */
export const LAW_BASIS_CSS = `.lovgrundlag { break-before: page; page-break-before: always; }
.lovgrundlag .indledning { color: #444; }
.bestemmelse { margin: 1.6em 0 2em; }
.bestemmelse h3 { margin-bottom: 0.4em; }
.bestemmelse h3 a { color: #1f4e79; }
.bestemmelse figure { margin: 0; }
.bestemmelse blockquote { margin: 0 0 0.3em 1.2em; padding: 0.1em 0 0.1em 1em; border-left: 3pt solid #b4c3d8; }
.bestemmelse blockquote p { margin: 0.35em 0; }
.bestemmelse figcaption { margin-left: calc(2.2em + 3pt); font-size: 9.5pt; color: #555; }
.bestemmelse .mangler { color: #8a1c1c; font-style: italic; margin-left: calc(2.2em + 3pt); }
.bestemmelse .henvist { font-size: 10pt; margin-top: 0.6em; }
@media print { .bestemmelse h3 a { color: inherit; } .bestemmelse h3 a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.75em; font-weight: normal; } }
`;
