import { alignByKey } from '../align-by-key.js';
import type { PhrasingContent, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { redline, type Segment } from '../redline.js';

// Markdown → blocks: the text of one paragraph or bullet, with its bold and italic spans.

/** A run of text with its inline style. */
export interface Span {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

/** How a block is laid out: a body paragraph (indented in a quote), a bullet, or a heading. */
export type Format = { kind: 'body'; indent: number } | { kind: 'bullet'; level: number } | { kind: 'heading'; level: number };

/** One paragraph, bullet or heading: its spans and their text joined. */
export interface TextBlock {
  format: Format;
  spans: Span[];
  text: string;
}

const markdown = unified().use(remarkParse);

/** Parsed fields by their text: most sections read the same before and after a round, and are parsed once. */
const blocksBySource = new Map<string, readonly TextBlock[]>();

/** A field's Markdown as paragraphs and bullets of plain text: no raw HTML, links become their text, comments are dropped. */
export function markdownBlocks(source: string): TextBlock[] {
  let blocks = blocksBySource.get(source);
  if (!blocks) {
    blocks = parseMarkdownBlocks(source);
    blocksBySource.set(source, blocks);
  }
  return [...blocks];
}

function parseMarkdownBlocks(source: string): TextBlock[] {
  if (source.trim() === '') return [];
  const blocks: TextBlock[] = [];
  const visit = (nodes: readonly RootContent[], indent: number, listLevel: number): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
          pushBlock(blocks, { kind: 'body', indent }, inlineSpans(node.children, {}));
          break;
        case 'heading':
          pushBlock(blocks, { kind: 'body', indent }, inlineSpans(node.children, { bold: true }));
          break;
        case 'list':
          node.children.forEach((item, index) => {
            const [first, ...rest] = item.children;
            const number = node.ordered ? [{ text: `${(node.start ?? 1) + index}. ` }] : [];
            if (first?.type === 'paragraph') {
              const format: Format = node.ordered ? { kind: 'body', indent: listLevel + 1 } : { kind: 'bullet', level: listLevel };
              pushBlock(blocks, format, [...number, ...inlineSpans(first.children, {})]);
              visit(rest, listLevel + 1, listLevel + 1);
            } else {
              visit(item.children, listLevel + 1, listLevel + 1);
            }
          });
          break;
        case 'blockquote':
          visit(node.children, indent + 1, listLevel);
          break;
        case 'code':
          pushBlock(blocks, { kind: 'body', indent }, [{ text: node.value }]);
          break;
        case 'html':
          if (!isComment(node.value)) pushBlock(blocks, { kind: 'body', indent }, [{ text: node.value }]);
          break;
        default:
          break;
      }
    }
  };
  visit(markdown.parse(source).children, 0, 0);
  return blocks;
}

/** Text spans of inline Markdown; raw HTML is kept as visible text, so `<script>` reads as what it is. */
function inlineSpans(nodes: readonly PhrasingContent[], style: Omit<Span, 'text'>): Span[] {
  return nodes.flatMap((node): Span[] => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return [{ ...style, text: node.value }];
      case 'html':
        return isComment(node.value) ? [] : [{ ...style, text: node.value }];
      case 'strong':
        return inlineSpans(node.children, { ...style, bold: true });
      case 'emphasis':
        return inlineSpans(node.children, { ...style, italics: true });
      case 'break':
        return [{ ...style, text: ' ' }];
      case 'image':
      case 'imageReference':
        return node.alt ? [{ ...style, text: node.alt }] : [];
      default:
        return 'children' in node ? inlineSpans(node.children, style) : [];
    }
  });
}

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(html);
}

/** Adds a block with whitespace collapsed (a soft line break is a space), trimmed and adjacent spans of one style merged. */
function pushBlock(blocks: TextBlock[], format: Format, spans: readonly Span[]): void {
  const merged: Span[] = [];
  for (const span of spans) {
    const text = span.text.replace(/\s+/g, ' ');
    const last = merged.at(-1);
    if (last && Boolean(last.bold) === Boolean(span.bold) && Boolean(last.italics) === Boolean(span.italics)) last.text += text;
    else merged.push({ ...span, text });
  }
  const first = merged[0];
  if (first) first.text = first.text.trimStart();
  const last = merged.at(-1);
  if (last) last.text = last.text.trimEnd();
  const kept = merged.filter((span) => span.text.length > 0);
  if (kept.length > 0) blocks.push({ format, spans: kept, text: kept.map((span) => span.text).join('') });
}

/** Plain text as one block (none when it is blank). */
export function textBlock(text: string, format: Format = { kind: 'body', indent: 0 }): TextBlock[] {
  const blocks: TextBlock[] = [];
  pushBlock(blocks, format, [{ text }]);
  return blocks;
}

/** Plain text as one bold block. */
export function boldBlock(text: string): TextBlock[] {
  return textBlock(text).map((block) => ({ ...block, spans: block.spans.map((span) => ({ ...span, bold: true })) }));
}

/** »Alder: 0–17 år« as one block with a bold label; none without a value. */
export function labelledBlock(label: string, value: string | undefined): TextBlock[] {
  if (!value) return [];
  return [{ format: { kind: 'body', indent: 0 }, spans: [{ text: `${label}: `, bold: true }, { text: value }], text: `${label}: ${value}` }];
}

// Pairing blocks: which paragraph became which, and the word-level redline within each pair.

/** A paragraph before and after a change (either side may be missing), with the redline between them. */
export interface BlockPair {
  before?: TextBlock;
  after?: TextBlock;
  segments: Segment[];
}

/** A paragraph pair this similar or more is shown as one edited paragraph, not a deleted and an inserted one. */
const SIMILAR = 0.4;

/** Aligns the paragraphs of two texts: equal ones pass through, changed ones are paired by similarity, the rest are deleted or inserted. */
export function alignBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockPair[] {
  const pairs: BlockPair[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = (): void => {
    pairs.push(...pairHunk(removed, added));
    removed = [];
    added = [];
  };
  for (const aligned of alignByKey(before, after, blockKey)) {
    if (aligned.before && aligned.after) {
      flush();
      pairs.push(pairOf(aligned.before, aligned.after));
    } else if (aligned.before) removed.push(aligned.before);
    else added.push(aligned.after);
  }
  flush();
  return pairs;
}

function pairHunk(removed: readonly TextBlock[], added: readonly TextBlock[]): BlockPair[] {
  const pairs: BlockPair[] = [];
  let next = 0;
  for (const old of removed) {
    let best = -1;
    let bestScore = SIMILAR;
    for (let index = next; index < added.length; index++) {
      const score = similarity(old, added[index]!);
      if (score > bestScore || (best === -1 && score === bestScore)) {
        best = index;
        bestScore = score;
      }
    }
    if (best === -1) {
      pairs.push(pairOf(old, undefined));
      continue;
    }
    for (; next < best; next++) pairs.push(pairOf(undefined, added[next]));
    pairs.push(pairOf(old, added[best]));
    next = best + 1;
  }
  for (; next < added.length; next++) pairs.push(pairOf(undefined, added[next]));
  return pairs;
}

function pairOf(before: TextBlock | undefined, after: TextBlock | undefined): BlockPair {
  if (before && after) return { before, after, segments: redline(before.text, after.text) };
  if (before) return { before, segments: [{ type: 'del', text: before.text }] };
  return { after, segments: after ? [{ type: 'ins', text: after.text }] : [] };
}

/** The share of the longer text's letters that are unchanged. */
function similarity(before: TextBlock, after: TextBlock): number {
  const same = redline(before.text, after.text)
    .filter((segment) => segment.type === 'same')
    .reduce((sum, segment) => sum + segment.text.replace(/\s/g, '').length, 0);
  return same / Math.max(1, before.text.replace(/\s/g, '').length, after.text.replace(/\s/g, '').length);
}

function blockKey(block: TextBlock): string {
  return `${JSON.stringify(block.format)}\u0000${block.text}`;
}

export interface Piece extends Span {
  change: Segment['type'];
}

/**
 * The pieces of a pair's redline, each with the style of the text it comes from; `side` keeps only the
 * text of one side (for the two columns of a paralleltekst) or both (for tracked changes).
 */
export function piecesOf(pair: BlockPair, side: 'before' | 'after' | 'both'): Piece[] {
  const pieces: Piece[] = [];
  let b = 0;
  let a = 0;
  for (const segment of pair.segments) {
    const length = segment.text.length;
    // Unchanged text takes the style it has in the version being shown: the new one, except in the left column.
    const fromBefore = segment.type === 'del' ? side !== 'after' : segment.type === 'same' && side === 'before';
    const fromAfter = segment.type === 'ins' ? side !== 'before' : segment.type === 'same' && side !== 'before';
    if (fromBefore) pieces.push(...slice(pair.before, b, b + length, segment.type));
    if (fromAfter) pieces.push(...slice(pair.after, a, a + length, segment.type));
    if (segment.type !== 'ins') b += length;
    if (segment.type !== 'del') a += length;
  }
  return pieces;
}

function slice(block: TextBlock | undefined, start: number, end: number, change: Piece['change']): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const span of block?.spans ?? []) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + span.text.length);
    if (from < to) pieces.push({ ...span, text: span.text.slice(from - offset, to - offset), change });
    offset += span.text.length;
  }
  return pieces;
}
