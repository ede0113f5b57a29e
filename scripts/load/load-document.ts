import { extname } from 'node:path';
import { childPointer, type DocumentKind, type NodeLocation, type OffsetRange, type PolicyDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { LineIndex } from '../model/line-index.js';
import { hostileMarkdown } from './hostile-markdown.js';
import { parseJsonTree } from './json-tree.js';
import { parseMarkdownDocument } from './markdown-document.js';
import { findInvisibleCharacters } from './invisible-characters.js';
import { findMojibake } from './mojibake.js';
import type { ParseProblem } from './parsed-tree.js';
import { decodeSourceText } from './source-text.js';

/** The outcome of loading one file: the document when it could be read, and what was wrong. */
export interface LoadedFile {
  document?: PolicyDocument;
  findings: Finding[];
  /** True when the data could not be read as a whole, so schema errors would only echo the parse error. */
  broken: boolean;
}

/** Decodes and parses one policy file's bytes into a document with source positions. */
export function loadDocument(file: string, kind: DocumentKind, bytes: Uint8Array): LoadedFile {
  const decoded = decodeSourceText(bytes);
  if (!decoded.ok) {
    const lines = new LineIndex(decoded.problem.before);
    const start = lines.position(decoded.problem.offset);
    return {
      findings: [{ source: 'load', rule: 'schema', severity: 'error', file, start, end: start, message: decoded.problem.message, hint: decoded.problem.hint }],
      broken: true,
    };
  }
  const { text } = decoded;
  const lines = new LineIndex(text);
  const format = extname(file) === '.json' ? 'json' : 'md';
  const base = { file, kind, format, text, lines } as const;
  let document: PolicyDocument;
  let problems: ParseProblem[];
  let broken: boolean;
  if (format === 'json') {
    const tree = parseJsonTree(text);
    const whole = { start: 0, end: Math.min(text.length, 1) };
    document = { ...base, data: tree.data, locations: tree.locations, insertionPoints: new Map(), fallback: whole };
    // A JSON document's texts are Markdown to the renderers: the same shapes that would stall them are refused here.
    const hostile = tree.broken ? undefined : hostileStringOf(tree.data, tree.locations);
    problems = hostile ? [...tree.problems, hostile] : tree.problems;
    broken = tree.broken || hostile !== undefined;
  } else {
    const parsed = parseMarkdownDocument(text, kind);
    document = { ...base, data: parsed.data, locations: parsed.locations, insertionPoints: parsed.insertionPoints, fallback: parsed.fallback };
    problems = parsed.problems;
    broken = parsed.broken;
  }
  // UTF-8 that was once read as Windows-1252 (»Ã¸« for »ø«) decodes without error, so look for it in the text;
  // likewise the invisible characters that make the text display otherwise than the rules read it.
  const found = [...problems, ...findMojibake(text), ...findInvisibleCharacters(text, format)];
  return { document, findings: found.map((problem) => findingFromProblem(document, problem)), broken };
}

/** The first string value of a JSON document whose Markdown would stall the parser, placed at that value. */
function hostileStringOf(data: unknown, locations: ReadonlyMap<string, NodeLocation>, pointer = ''): ParseProblem | undefined {
  if (typeof data === 'string') {
    const problem = hostileMarkdown(data);
    const at = locations.get(pointer)?.value;
    return problem && at ? { ...problem, range: at } : problem;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  for (const [key, value] of Object.entries(data)) {
    const found = hostileStringOf(value, locations, childPointer(pointer, key));
    if (found) return found;
  }
  return undefined;
}

function findingFromProblem(document: PolicyDocument, problem: ParseProblem): Finding {
  return {
    source: 'load',
    rule: 'schema',
    severity: problem.severity,
    file: document.file,
    ...rangePositions(document, problem.range),
    message: problem.message,
    ...(problem.hint ? { hint: problem.hint } : {}),
  };
}

/** The 1-based start and end positions of an offset range in a document. */
export function rangePositions(document: Pick<PolicyDocument, 'lines'>, range: OffsetRange): Pick<Finding, 'start' | 'end'> {
  return { start: document.lines.position(range.start), end: document.lines.position(Math.max(range.start, range.end)) };
}
