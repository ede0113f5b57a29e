import type { Root, RootContent } from 'mdast';

// The site turns every section of thousands of measures into HTML, and parsing the Markdown is most of that work;
// loading the files has already parsed it once. A command that will render asks the loader to keep each section's
// syntax tree, by its text, so markdownToHtml can use it instead of parsing the same text again. Check does not ask,
// so it holds no trees.

let remembered: Map<string, Root> | undefined;

/** From now on, the loader keeps the syntax tree of each section it reads. */
export function rememberFieldTrees(): void {
  remembered ??= new Map();
}

/** Keeps a section's nodes as read from its file, when asked to. */
export function recordFieldTree(text: string, nodes: readonly RootContent[]): void {
  remembered?.set(text, { type: 'root', children: [...nodes] });
}

/** The syntax tree the loader read for exactly this text, if it kept one. */
export function fieldTreeOf(text: string): Root | undefined {
  return remembered?.get(text);
}
