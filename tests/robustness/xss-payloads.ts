// The ways to get script into a page that every HTML output is tested with: the committee documents and the website.

/** Ways to get script into a page, each setting window.__pwned (or the top window's, from a frame). */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '[klik](javascript:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">her</a>',
  '<a href="  JaVaScRiPt:window.__pwned=1">mellemrum og store bogstaver</a>',
  '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
  `<iframe srcdoc="<script>top.__pwned=1</script>"></iframe>`,
  '<javascript:window.__pwned=1>',
  '<https://eksempel.dk/"onmouseover="window.__pwned=1>',
  'https://eksempel.dk/?q=<script>window.__pwned=1</script>',
  '[tegnreference](&#106;avascript:window.__pwned=1)',
  '[tabulator](java&#x09;script:window.__pwned=1)',
  '[data](data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+)',
  '[vbscript](vbscript:window.__pwned=1)',
  '[reference][x]\n\n[x]: javascript:window.__pwned=1',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=1&#62;',
  '"><script>window.__pwned=1</script>',
  "'><svg/onload=window.__pwned=1>",
  '</style><script>window.__pwned=1</script>',
  '</title><script>window.__pwned=1</script>',
  '</textarea><script>window.__pwned=1</script>',
  '<details open ontoggle="window.__pwned=1">detaljer</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '<form action="javascript:window.__pwned=1"><button>Send</button></form>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<base href="javascript:/">',
  '<!--><script>window.__pwned=1</script>-->',
  '`<script>window.__pwned=1</script>`',
];
export const ALL_PAYLOADS = PAYLOADS.join('\n\n');

/** Fields that choose behaviour (the kind of a change, a field's key), not text: left as they are. */
const KEPT = new Set(['kind', 'class', 'field']);
/** Dates are formatted when they parse: the payload goes first, so the raw text is what is shown. */
const DATES = new Set(['date', 'gyldigFra', 'gyldig_fra', 'dato', 'naeste_revision']);

/** A copy with every payload added to every text, the same way for the same text, so ids still match. */
export function hostile<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    if (KEPT.has(key)) return value;
    return (DATES.has(key) ? `${ALL_PAYLOADS} ${value}` : `${value}\n\n${ALL_PAYLOADS}`) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => hostile(item, key)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, hostile(item, name)])) as T;
  return value;
}
