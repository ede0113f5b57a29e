import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Word's artefacts in running text: soft hyphens go, non-breaking and narrow spaces become spaces, pasted »[bookmark: _Toc…]« markers go. */
export function cleanText(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .replace(/[\u00A0\u202F\u2007]/g, ' ')
    .replace(/\[bookmark: [^\]\n]{0,200}\]/g, '');
}

/** The plain text of hast nodes, cleaned, with runs of whitespace as one space. */
export function textOf(nodes: readonly (RootContent | ElementContent | Root)[]): string {
  return cleanText(rawText(nodes)).replace(/\s+/g, ' ').trim();
}

const BLOCK_TAGS = new Set(['p', 'li', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The text of hast nodes as written, uncleaned; a space after each block so words of two paragraphs stay apart. */
export function rawText(nodes: readonly (RootContent | ElementContent | Root)[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') text += node.tagName === 'br' ? ' ' : rawText(node.children) + (BLOCK_TAGS.has(node.tagName) ? ' ' : '');
    else if (node.type === 'root') text += rawText(node.children);
  }
  return text;
}

/** Whether a node is an element with this tag name. */
export function isElement(node: RootContent | ElementContent | undefined, ...tagNames: string[]): node is Element {
  return node?.type === 'element' && (tagNames.length === 0 || tagNames.includes(node.tagName));
}

/** The href of a link, as a string. */
export function hrefOf(node: Element): string {
  const href = node.properties['href'];
  return typeof href === 'string' ? href : '';
}

/** The nodes with the first `count` characters of their text removed (a run-in label and its colon). */
export function dropLeadingText(nodes: readonly ElementContent[], count: number): ElementContent[] {
  let left = count;
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (left <= 0) {
      result.push(node);
      continue;
    }
    if (node.type === 'text') {
      const value = node.value;
      if (value.length <= left) left -= value.length;
      else {
        result.push({ ...node, value: value.slice(left) });
        left = 0;
      }
    } else if (node.type === 'element') {
      const length = node.tagName === 'br' ? 1 : rawText(node.children).length;
      if (length <= left) left -= length;
      else {
        result.push({ ...node, children: dropLeadingText(node.children, left) });
        left = 0;
      }
    } else result.push(node);
  }
  return result;
}

/** The raw (uncleaned) text length of nodes, for dropLeadingText. */
export function rawLength(nodes: readonly ElementContent[]): number {
  return rawText(nodes).length;
}
