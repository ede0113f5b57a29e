// The website's one style sheet, written as site.css: the Content-Security-Policy allows no inline style.

/** The style sheet with the kommune's primary colour (checked for contrast against white before it gets here). */
export function siteCss(primaryColor: string): string {
  return `:root { --primaer: ${primaryColor}; color: #1a1a1a; background: #fff; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; overflow-wrap: break-word; }
main, .sidehoved-indhold, .sidefod-indhold, .forslag-banner p { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
main { padding-top: 1rem; padding-bottom: 3rem; }
h1, h2, h3 { line-height: 1.25; overflow-wrap: anywhere; }
h1 { font-size: 1.9rem; margin: 0.6em 0 0.4em; }
h2 { font-size: 1.4rem; margin: 1.6em 0 0.5em; }
h3 { font-size: 1.15rem; margin: 1.3em 0 0.4em; }
a { color: var(--primaer); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
.spring-over { position: absolute; left: 0.5rem; top: -10rem; z-index: 10; background: #fff; color: #1a1a1a; padding: 0.6rem 1rem; border: 2px solid #1a1a1a; }
.spring-over:focus { top: 0.5rem; }
.sidehoved { background: var(--primaer); color: #fff; }
.sidehoved-indhold { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.sidehoved a { color: #fff; }
.sidehoved :focus-visible { outline-color: #fff; box-shadow: 0 0 0 5px #1a1a1a; }
.kommunenavn { display: inline-flex; align-items: center; gap: 0.6rem; font-weight: 700; font-size: 1.15rem; text-decoration: none; }
.kommunenavn img { max-height: 2.5rem; width: auto; background: #fff; padding: 0.15rem; }
.hovedmenu ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.hovedmenu a { display: inline-block; padding: 0.35rem 0; }
.hovedmenu a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 0.2em; }
.forslag-banner { background: #fff4ce; color: #1a1a1a; border-bottom: 3px solid #8a5a00; }
.forslag-banner p { padding-top: 0.6rem; padding-bottom: 0.6rem; margin: 0 auto; }
.fakta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
.fakta dt { font-weight: 700; }
.fakta dd { margin: 0; }
.kategori ul, .soegeresultater { padding-left: 1.25rem; }
.kategori li, .soegeresultater li { margin: 0.35rem 0; }
.alder { color: #444; }
.ingen-brud { white-space: nowrap; }
.felt { margin-bottom: 1.5rem; }
.lovtekst figure { margin: 0.5rem 0 1rem; }
.lovtekst blockquote { margin: 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid var(--primaer); }
.lovtekst figcaption { font-size: 0.9rem; color: #444; }
.tabel { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; min-width: 40rem; }
th, td { border: 1px solid #767676; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
td ul { margin: 0; padding-left: 1.1rem; }
.soegning label { display: block; font-weight: 700; margin-top: 0.75rem; }
.soegning input, .soegning select { font: inherit; padding: 0.45rem; border: 2px solid #555; border-radius: 3px; width: 100%; max-width: 28rem; }
.soegning input[type="number"] { max-width: 8rem; }
.antal { font-weight: 700; margin-top: 1rem; }
.sidefod { border-top: 1px solid #ccc; margin-top: 2rem; background: #f6f6f6; }
.sidefod-indhold { padding-top: 1rem; padding-bottom: 1.5rem; font-size: 0.95rem; }
.sidefod p { margin: 0.3rem 0; }
h4 { font-size: 1rem; margin: 0.8em 0 0.3em; }
.runder li { margin: 0.5rem 0; }
.aendring { border-top: 1px solid #ccc; margin-top: 2rem; }
.meta, .klasse { color: #444; }
.klasse { font-weight: 700; }
.foer-efter { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
.foer-efter p { white-space: pre-line; margin-top: 0; }
del { background: #fde7e9; color: #8b0000; }
ins { background: #e3f4e1; color: #0b5a0b; text-decoration-thickness: 0.1em; }
/* Screen readers do not announce <del> and <ins>: the words are said, not shown. */
del::before, del::after, ins::before, ins::after { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(100%); white-space: nowrap; }
del::before { content: " [slettet: "; }
ins::before { content: " [tilføjet: "; }
del::after, ins::after { content: "] "; }
[hidden] { display: none !important; }
@media (max-width: 30rem) { h1 { font-size: 1.6rem; } .fakta, .foer-efter { grid-template-columns: 1fr; } .fakta dd { margin-bottom: 0.4rem; } }
@media print {
  @page { margin: 2cm; }
  body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #000; }
  .spring-over, .hovedmenu, .soegning, .antal { display: none !important; }
  .sidehoved { background: none; color: #000; border-bottom: 1pt solid #000; }
  .sidehoved a, a { color: #000; }
  main, .sidehoved-indhold, .sidefod-indhold { max-width: none; padding: 0; }
  .forslag-banner { border: 2pt solid #000; background: none; }
  .felt, .lovtekst figure, .foer-efter, tr { break-inside: avoid; }
  del { background: none; color: #000; }
  ins { background: none; color: #000; }
  h1, h2, h3 { break-after: avoid; }
  .felt a[href^="http"]::after, .lovtekst a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; overflow-wrap: anywhere; }
  .tabel { overflow: visible; }
  table { min-width: 0; width: 100%; }
  .sidefod { background: none; }
}
`;
}
