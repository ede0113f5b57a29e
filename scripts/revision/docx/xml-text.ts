// Text that XML 1.0 can carry. Word's parts are XML; a control character from a measure's YAML or a git author
// name would make the package unreadable, so every text that reaches it passes through here first.

/** Any code unit outside XML 1.0's Char range, and every surrogate (pairs are sorted out in the slow path). */
const SUSPECT = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;

/** Whether XML 1.0 allows this code point: tab, newline, carriage return, and U+0020 onwards bar surrogates, U+FFFE and U+FFFF. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

/** The text with the characters XML 1.0 forbids removed, and a lone surrogate replaced by U+FFFD. */
export function xmlText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  let result = '';
  for (const char of text) {
    // Iterating a string yields whole code points; a lone surrogate comes alone.
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) result += '\uFFFD';
    else if (isXmlChar(code)) result += char;
  }
  return result;
}

/** A copy of plain data (strings, arrays, plain objects) with every string, keys included, made XML-safe; anything else is kept as it is. */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => xmlSafe(item)) as T;
  if (value !== null && typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [xmlText(key), xmlSafe(item)])) as T;
  }
  return value;
}
