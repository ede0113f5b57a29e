import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { fieldTreeOf } from '../load/field-trees.js';

// GitHub's schema, less images: the documents are self-contained and load nothing from elsewhere.
const schema = { ...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img') };

// Raw HTML never reaches the output: remark-rehype drops it (no allowDangerousHtml), and the
// sanitizer removes what Markdown itself can smuggle in, such as `javascript:` links.
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

/** The safe HTML of a field's Markdown: raw HTML dropped, links only to http(s), mailto and the like, no images. */
export function markdownToHtml(markdown: string): string {
  try {
    const tree = fieldTreeOf(markdown);
    return (tree ? processor.stringify(processor.runSync(tree)) : String(processor.processSync(markdown))).trim();
  } catch {
    // Markdown nested a thousand levels deep exhausts the parser's stack; show such text plainly instead.
    return `<p>${escapeText(markdown)}</p>`;
  }
}

/**
 * A link to an address outside the document, made by the same parser and sanitiser as a link in a field: it keeps its
 * address only when the sanitiser allows it (http(s), mailto and the like); otherwise it is its text alone.
 */
export function sanitizedLink(text: string, href: string): string {
  // Every ASCII punctuation character escaped, so the text is text; the address in <…>, with what may not stand there encoded.
  const markdown = `[${text.replace(/[!-/:-@[-`{-~]/g, '\\$&')}](<${href.replace(/[\s<>\\]/g, encodeURIComponent)}>)`;
  const html = inlineMarkdownToHtml(markdown);
  return /^<a href="[^"]+">[^<]*<\/a>$/.test(html) ? html : escapeText(text);
}

/** Like markdownToHtml, without the paragraph around a single line of text (for list items and table cells). */
export function inlineMarkdownToHtml(markdown: string): string {
  const html = markdownToHtml(markdown);
  const single = /^<p>((?:(?!<\/?p>)[\s\S])*)<\/p>$/.exec(html);
  return single?.[1] ?? html;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
