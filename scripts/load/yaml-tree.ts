import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar, type YAMLError } from 'yaml';
import { childPointer, type NodeLocation } from '../model/document.js';
import type { ParsedTree, ParseProblem } from './parsed-tree.js';

const YAML_MESSAGES: Record<string, { message: string; hint: string }> = {
  BAD_INDENT: {
    message: 'Forkert indrykning i frontmatter',
    hint: 'Felter på samme niveau skal starte i samme kolonne; underfelter indrykkes med to mellemrum.',
  },
  TAB_AS_INDENT: {
    message: 'Tabulator brugt som indrykning i frontmatter',
    hint: 'Brug mellemrum, ikke tabulator, til at indrykke.',
  },
  MISSING_CHAR: {
    message: 'Et tegn mangler i frontmatter, fx et afsluttende anførselstegn eller en parentes',
    hint: 'Tjek at anførselstegn og parenteser er lukket på samme linje.',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    message: 'Værdien indeholder et kolon og kan ikke læses',
    hint: 'Sæt værdien i anførselstegn, fx titel: "Støtte: i hjemmet".',
  },
  MULTILINE_IMPLICIT_KEY: {
    message: 'Et feltnavn strækker sig over flere linjer i frontmatter',
    hint: 'Skriv »navn: værdi« på én linje, og sæt lange værdier i anførselstegn.',
  },
};

const GENERIC = {
  message: 'Frontmatter kan ikke læses som YAML',
  hint: 'Hver linje skal være »navn: værdi«; sæt værdier med kolon eller # i anførselstegn.',
};

/** Parses a YAML block that starts at `base` in the surrounding text; offsets are file offsets. */
export function parseYamlTree(source: string, base: number): ParsedTree {
  // yaml's own uniqueKeys check compares each key with every key before it in its map: quadratic in a long map.
  const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, lineCounter: new LineCounter(), logLevel: 'error' });
  const problems: ParseProblem[] = doc.errors.map((error) => toProblem(error, source, base));
  if (doc.contents) problems.push(...findDuplicateKeys(doc.contents).map((key) => duplicateKeyProblem(key, source, base)));
  const broken = doc.errors.length > 0;
  const locations = new Map<string, NodeLocation>();
  if (doc.contents) collectLocations(doc.contents, '', base, locations);
  let data: unknown = null;
  if (!broken) {
    try {
      data = doc.toJS({ maxAliasCount: 100 }) ?? null;
    } catch {
      problems.push({ range: { start: base, end: base }, severity: 'error', ...GENERIC });
      return { data: null, locations, problems, broken: true };
    }
  }
  return { data, locations, problems, broken };
}

/**
 * The keys that repeat one before them in the same map, as yaml's uniqueKeys check finds them: scalar keys with `===`
 * values (NaN never repeats), in every map, also maps inside keys; collection keys never equal another key. One Set
 * per map keeps it linear, and the tree is walked with its own stack, so deep nesting cannot overflow the call stack.
 */
function findDuplicateKeys(root: Node): Scalar[] {
  const duplicates: Scalar[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) duplicates.push(key);
          seen.add(key.value);
        }
        pending.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
  return duplicates;
}

/** The finding for a repeated key, on the key as written (quotes included; only its first line, should it have more). */
function duplicateKeyProblem(key: Scalar, source: string, base: number): ParseProblem {
  const [start = 0, end = start] = key.range ?? [];
  const name = /^[^\r\n]*/.exec(source.slice(start, end))?.[0] ?? '';
  return {
    range: { start: base + start, end: base + start + name.length },
    severity: 'error',
    message: `Feltet »${name}« står to gange i frontmatter`,
    hint: 'Slet den ene forekomst; ellers gælder kun den sidste, og det er let at overse.',
  };
}

function toProblem(error: YAMLError, source: string, base: number): ParseProblem {
  const range = { start: base + error.pos[0], end: base + error.pos[1] };
  if (error.code === 'MISSING_CHAR') {
    const opening = openingQuote(source, error.pos[0], error.message);
    if (opening !== undefined) {
      const lineEnd = source.indexOf('\n', opening);
      range.start = base + opening;
      range.end = base + (lineEnd === -1 ? source.length : lineEnd);
    }
  }
  return { range, severity: 'error', ...(YAML_MESSAGES[error.code] ?? GENERIC) };
}

/** YAML notices an unclosed quote only where the text ends; the user needs the line where it opens. */
function openingQuote(source: string, errorOffset: number, message: string): number | undefined {
  const quote = message.includes('"quote') ? '"' : message.includes("'quote") ? "'" : undefined;
  if (!quote) return undefined;
  const opening = Math.max(source.lastIndexOf(`: ${quote}`, errorOffset), source.lastIndexOf(`- ${quote}`, errorOffset));
  return opening === -1 ? undefined : opening + 2;
}

function collectLocations(node: Node, pointer: string, base: number, into: Map<string, NodeLocation>): void {
  const [start = 0, valueEnd = start] = node.range ?? [];
  if (!into.has(pointer)) into.set(pointer, { value: { start: base + start, end: base + valueEnd } });
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const child = childPointer(pointer, key);
      const keyRange = isScalar(pair.key) && pair.key.range ? pair.key.range : undefined;
      const keyLocation = keyRange ? { start: base + keyRange[0], end: base + keyRange[1] } : undefined;
      if (pair.value && typeof pair.value === 'object' && 'range' in pair.value) {
        collectLocations(pair.value as Node, child, base, into);
        const location = into.get(child);
        if (location && keyLocation) location.key = keyLocation;
      } else if (keyLocation) {
        into.set(child, { value: keyLocation, key: keyLocation });
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (item && typeof item === 'object' && 'range' in item) {
        collectLocations(item as Node, childPointer(pointer, index), base, into);
      }
    });
  }
}
