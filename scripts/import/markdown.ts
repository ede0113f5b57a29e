import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { FootnoteDefinition, Nodes as MdastNodes, RootContent as MdastContent } from 'mdast';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { IMAGE_MARKER } from './read-docx.js';
import { cleanText, hrefOf, isElement, rawText } from './hast-text.js';
import type { Notes } from './to-blocks.js';

const NOTE_REFERENCE = /^#((?:footnote|endnote)-(\d+))$/;

const processor = unified()
  .use(rehypeRemark, {
    handlers: {
      // mammoth writes a note reference as <sup><a href="#footnote-1">[1]</a></sup>: a Markdown footnote [^1]
      sup(state, node: Element) {
        const link = node.children.find((child): child is Element => isElement(child, 'a'));
        const match = link ? NOTE_REFERENCE.exec(hrefOf(link)) : null;
        if (match?.[2]) {
          const label = match[1]?.startsWith('endnote') ? `e${match[2]}` : match[2];
          return { type: 'footnoteReference', identifier: label, label };
        }
        return state.all(node);
      },
    },
  })
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', rule: '-', fences: true });

/** Converts a run of hast content (one field's paragraphs, lists and tables) to Markdown, with the notes it refers to as footnotes. */
export function toMarkdown(nodes: readonly ElementContent[], notes: Notes = new Map()): string {
  const tree = processor.runSync({ type: 'root', children: cleanNodes(nodes) } satisfies HastRoot);
  const used = footnoteLabelsOf(tree);
  for (const label of used) {
    const id = label.startsWith('e') ? `endnote-${label.slice(1)}` : `footnote-${label}`;
    const note = notes.get(id);
    if (!note) continue;
    const body = processor.runSync({ type: 'root', children: cleanNodes(note) } satisfies HastRoot);
    tree.children.push({ type: 'footnoteDefinition', identifier: label, label, children: body.children as FootnoteDefinition['children'] });
  }
  return tidy(processor.stringify(tree));
}

/** Inline content (a heading, a title) as Markdown on one line. */
export function toInlineMarkdown(nodes: readonly ElementContent[]): string {
  return toMarkdown([{ type: 'element', tagName: 'p', properties: {}, children: [...nodes] }])
    .replace(/\n+/g, ' ')
    .trim();
}

function footnoteLabelsOf(tree: MdastNodes): string[] {
  const labels: string[] = [];
  const visit = (node: MdastNodes): void => {
    if (node.type === 'footnoteReference' && !labels.includes(node.identifier)) labels.push(node.identifier);
    if ('children' in node) (node.children as MdastContent[]).forEach(visit);
  };
  visit(tree);
  return labels;
}

/** remark-stringify escapes what could start a construct; Word's text never means Markdown, but the escapes are kept where they matter. */
function tidy(markdown: string): string {
  return markdown.replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Removes Word's artefacts from hast before it becomes Markdown: bookmarks (empty anchors), images and comment
 * references (reported, not imported), soft hyphens and non-breaking spaces, empty paragraphs, and manual line
 * breaks inside a sentence (a break before a lowercase word, or not after a full stop and not before a capital, is a space).
 */
export function cleanNodes(nodes: readonly ElementContent[]): ElementContent[] {
  const result: ElementContent[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'comment') return;
    if (node.type === 'text') {
      result.push({ ...node, value: cleanText(node.value) });
      return;
    }
    if (node.type !== 'element') return;
    if (node.tagName === 'img' && node.properties['src'] === IMAGE_MARKER) return;
    if (node.tagName === 'img') return;
    if (node.tagName === 'a' && !hrefOf(node)) {
      result.push(...cleanNodes(node.children)); // a bookmark: its text stays, the anchor goes
      return;
    }
    if (node.tagName === 'sup' && node.children.some((child) => isElement(child, 'a') && hrefOf(child).startsWith('#comment-'))) return;
    if (node.tagName === 'br') {
      const before = cleanText(rawText(nodes.slice(0, index))).trimEnd();
      const after = cleanText(rawText(nodes.slice(index + 1))).trimStart();
      if (before === '' || after === '') return;
      const inSentence = /^[\p{Ll}\d(]/u.test(after) || (!/[.!?:;]$/.test(before) && !/^\p{Lu}/u.test(after));
      result.push(inSentence ? { type: 'text', value: ' ' } : node);
      return;
    }
    const children = cleanNodes(node.children);
    if (['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(node.tagName) && node.tagName === 'p' && rawText(children).trim() === '') return;
    result.push({ ...node, children: node.tagName === 'p' ? collapseSpaces(children) : children });
  });
  return result;
}

/** Runs of spaces inside a paragraph, from line breaks turned into spaces, become one. */
function collapseSpaces(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => (node.type === 'text' ? { ...node, value: node.value.replace(/[ \t]{2,}/g, ' ') } : node));
}
