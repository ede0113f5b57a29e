/**
 * The longest end of `text` whose characters all match `character` (a one-character pattern), found by a loop
 * from the end. A pattern such as /[\p{L}]+$/ is quadratic instead: it restarts at every earlier run of the
 * same characters and reads it to its end, so one 200 KB word early in a field takes minutes.
 */
export function trailing(text: string, character: RegExp): string {
  let start = text.length;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    const isPairEnd = code >= 0xdc00 && code <= 0xdfff && start > 1 && text.charCodeAt(start - 2) >= 0xd800 && text.charCodeAt(start - 2) <= 0xdbff;
    const width = isPairEnd ? 2 : 1;
    if (!character.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start);
}
