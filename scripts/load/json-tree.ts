import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { childPointer, type NodeLocation } from '../model/document.js';
import type { ParsedTree, ParseProblem } from './parsed-tree.js';

const JSON_MESSAGES: Record<string, string> = {
  CommaExpected: 'Der mangler et komma mellem to felter eller værdier',
  ColonExpected: 'Der mangler et kolon efter feltnavnet',
  PropertyNameExpected: 'Her forventes et feltnavn i anførselstegn (måske et komma for meget før »}«)',
  ValueExpected: 'Her forventes en værdi',
  CloseBraceExpected: 'Der mangler en afsluttende »}«',
  CloseBracketExpected: 'Der mangler en afsluttende »]«',
  EndOfFileExpected: 'Der står tekst efter JSON-dokumentets afslutning',
  InvalidCommentToken: 'JSON tillader ikke kommentarer',
  UnexpectedEndOfString: 'En tekst mangler sit afsluttende anførselstegn (linjeskift skrives som \\n)',
  UnexpectedEndOfComment: 'En kommentar er ikke afsluttet (og JSON tillader ikke kommentarer)',
  InvalidEscapeCharacter: 'Ugyldig escape-sekvens i en tekst (skriv \\\\ for en omvendt skråstreg)',
  InvalidCharacter: 'Ugyldigt tegn i en tekst (tabulator og linjeskift skrives som \\t og \\n)',
  InvalidSymbol: 'Uventet tegn; tekster skal stå i dobbelte anførselstegn',
};

const HINT = 'Åbn filen i VS Code eller github.dev, som markerer JSON-fejl med rødt; eller skriv foranstaltningen som Markdown (.md).';

/** Parses JSON strictly (no comments, no trailing commas, no duplicate keys) keeping offsets. */
export function parseJsonTree(text: string): ParsedTree {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const problems: ParseProblem[] = [];
  const first = errors[0];
  if (first || !root) {
    const offset = first?.offset ?? 0;
    const message = (first && JSON_MESSAGES[printParseErrorCode(first.error)]) ?? 'Filen kan ikke læses som JSON';
    problems.push({
      range: { start: offset, end: offset + (first?.length ?? 0) },
      severity: 'error',
      message: `Ugyldig JSON: ${message}`,
      hint: HINT,
    });
    return { data: null, locations: new Map(), problems, broken: true };
  }
  const depth = depthOf(root);
  if (depth > MAX_DEPTH) {
    problems.push({
      range: { start: root.offset, end: root.offset + 1 },
      severity: 'error',
      message: `Dokumentet er indlejret ${depth} niveauer dybt; et politikdokument har højst nogle få`,
      hint: HINT,
    });
    return { data: null, locations: new Map(), problems, broken: true };
  }
  const locations = new Map<string, NodeLocation>();
  const data = readNode(root, '', locations, problems);
  return { data, locations, problems, broken: false };
}

/** Deeper than this, and the data cannot be a policy document (and recursion would run out of stack). */
const MAX_DEPTH = 100;

/** The nesting depth of a JSON tree, without recursion. */
function depthOf(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_DEPTH) break;
    for (const child of node.children ?? []) stack.push([child, node.type === 'property' ? depth : depth + 1]);
  }
  return deepest;
}

function readNode(node: Node, pointer: string, locations: Map<string, NodeLocation>, problems: ParseProblem[]): unknown {
  const existing = locations.get(pointer);
  locations.set(pointer, { value: { start: node.offset, end: node.offset + node.length }, ...(existing?.key ? { key: existing.key } : {}) });
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        const child = childPointer(pointer, key);
        if (seen.has(key)) {
          problems.push({
            range: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
            severity: 'error',
            message: `Feltet »${key}« står to gange`,
            hint: 'Slet den ene forekomst; ellers gælder kun den sidste, og det er let at overse.',
          });
        }
        seen.add(key);
        locations.set(child, {
          value: { start: valueNode.offset, end: valueNode.offset + valueNode.length },
          key: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
        });
        Object.defineProperty(result, key, {
          value: readNode(valueNode, child, locations, problems),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map((item, index) => readNode(item, childPointer(pointer, index), locations, problems));
    default:
      return node.value;
  }
}
