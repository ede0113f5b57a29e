import type { Element, ElementContent, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { trailing } from '../text/trailing.js';
import { IMAGE_MARKER } from './read-docx.js';
import { dropLeadingText, hrefOf, isElement, rawLength, rawText, textOf } from './hast-text.js';

/** What is in the document but not imported, counted per block: images and comments. */
export interface Skipped {
  images: number;
  comments: number;
}

interface BlockBase extends Skipped {
  /** 1-based number of the block in the document: what »afsnit N« in the report means. */
  position: number;
  /** The block's plain text, cleaned. */
  text: string;
}

/** A run-in label at the start of a paragraph (»Formål:« in bold, or »Formål:« plain): its text and the paragraph without it. */
export interface RunInLabel {
  text: string;
  /** Whether the label was bold (a plain »Ord:« is only a label when it names a field). */
  bold: boolean;
  /** The label is the whole paragraph (a bold line standing alone). */
  alone: boolean;
  rest: ElementContent[];
}

export type Block =
  | (BlockBase & { kind: 'heading'; level: number; documentTitle: boolean; node: Element })
  | (BlockBase & { kind: 'paragraph'; node: Element; label?: RunInLabel })
  | (BlockBase & { kind: 'list'; node: Element })
  | (BlockBase & { kind: 'table'; rows: ElementContent[][][] })
  | (BlockBase & { kind: 'other'; node: ElementContent });

/** The footnotes and endnotes, by mammoth's id (»footnote-1«), each as the content of its note without the back-link. */
export type Notes = Map<string, ElementContent[]>;

export interface DocumentBlocks {
  blocks: Block[];
  notes: Notes;
}

const parser = unified().use(rehypeParse, { fragment: true });

/** Splits mammoth's HTML into a flat list of blocks, and sets the notes and comments mammoth appends at the end aside. */
export function toBlocks(html: string): DocumentBlocks {
  const tree = parser.parse(html);
  const blocks: Block[] = [];
  const notes: Notes = new Map();
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (isNoteList(node)) {
      for (const item of node.children) if (isElement(item, 'li')) notes.set(String(item.properties['id']), withoutBackLinks(item.children));
      continue;
    }
    if (isCommentList(node)) continue;
    const block = blockOf(node, blocks.length + 1);
    if (block && (block.text !== '' || block.images > 0 || block.comments > 0)) blocks.push(block);
  }
  return { blocks, notes };
}

function blockOf(node: Element, position: number): Block | undefined {
  const base = { position, text: textOf([node]), ...skippedIn([node]) };
  const heading = /^h([1-6])$/.exec(node.tagName);
  if (heading) {
    const className = node.properties['className'];
    const documentTitle = Array.isArray(className) && className.includes('dokumenttitel');
    return { ...base, kind: 'heading', level: Number(heading[1]), documentTitle, node };
  }
  if (node.tagName === 'p') {
    const label = runInLabelOf(node.children);
    return label ? { ...base, kind: 'paragraph', node, label } : { ...base, kind: 'paragraph', node };
  }
  if (node.tagName === 'ul' || node.tagName === 'ol') return { ...base, kind: 'list', node };
  if (node.tagName === 'table') return { ...base, kind: 'table', rows: rowsOf(node) };
  return { ...base, kind: 'other', node };
}

/** The rows of a table (thead, tbody and tr alike), each a list of cells, each cell its content. */
function rowsOf(table: Element): ElementContent[][][] {
  const rows: ElementContent[][][] = [];
  const visit = (node: Element): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child.children.filter((cell): cell is Element => isElement(cell, 'td', 'th')).map((cell) => cell.children));
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) visit(child);
    }
  };
  visit(table);
  return rows;
}

/** A run-in label: a bold first run ending in »:« or »?« (or followed by »:«), a bold line alone, or plain »Ord:« at the start. */
export function runInLabelOf(children: readonly ElementContent[]): RunInLabel | undefined {
  const content = children.filter((child) => !(isElement(child, 'a') && child.children.length === 0 && !hrefOf(child)));
  const first = content.findIndex((child) => !(child.type === 'text' && child.value.trim() === ''));
  const head = content[first];
  const whole = rawText(content);
  if (head && isElement(head, 'strong', 'b')) {
    const bold = rawText(head.children).trim();
    const after = rawText(content.slice(first + 1));
    const leading = rawLength(content.slice(0, first)) + rawLength(head.children);
    if (after.trim() === '') return { text: trimLabel(bold), bold: true, alone: true, rest: [] };
    if (/[:?]$/.test(bold)) return { text: trimLabel(bold), bold: true, alone: false, rest: dropLeading(content, leading) };
    const colon = /^\s*:/.exec(after);
    if (colon) return { text: trimLabel(bold), bold: true, alone: false, rest: dropLeading(content, leading + colon[0].length) };
  }
  const plain = /^\s*([^:\n]{2,60}):\s/.exec(whole);
  if (plain?.[1]) return { text: trimLabel(plain[1]), bold: false, alone: false, rest: dropLeading(content, plain[0].length) };
  return undefined;
}

function trimLabel(label: string): string {
  return label.slice(0, label.length - trailing(label, /[\s:]/).length).trim();
}

function dropLeading(content: readonly ElementContent[], count: number): ElementContent[] {
  return trimStart(dropLeadingText(content, count));
}

function trimStart(nodes: ElementContent[]): ElementContent[] {
  const [first, ...rest] = nodes;
  if (first?.type === 'text') return first.value.trimStart() === '' ? trimStart(rest) : [{ ...first, value: first.value.trimStart() }, ...rest];
  return nodes;
}

/** Counts the images and comment references in nodes. */
export function skippedIn(nodes: readonly (ElementContent | RootContent)[]): Skipped {
  const counts = { images: 0, comments: 0 };
  const visit = (node: ElementContent | RootContent): void => {
    if (node.type !== 'element') return;
    if (node.tagName === 'img' && node.properties['src'] === IMAGE_MARKER) counts.images++;
    if (node.tagName === 'a' && hrefOf(node).startsWith('#comment-')) counts.comments++;
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return counts;
}

function isNoteList(node: Element): boolean {
  return node.tagName === 'ol' && node.children.some((item) => isElement(item, 'li') && /^(?:footnote|endnote)-/.test(String(item.properties['id'] ?? '')));
}

function isCommentList(node: Element): boolean {
  return node.tagName === 'dl' && node.children.some((item) => isElement(item, 'dt') && String(item.properties['id'] ?? '').startsWith('comment-'));
}

/** A note's content without mammoth's »↑« links back to the reference. */
function withoutBackLinks(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    if (node.tagName === 'a' && /^#(?:footnote|endnote)-ref-/.test(hrefOf(node))) return [];
    return [{ ...node, children: withoutBackLinks(node.children) }];
  });
}
