import type { LineIndex } from './line-index.js';

/** The kinds of document the tools know; each has a schema of the same name in schemas/. */
export type DocumentKind = 'serviceniveau' | 'foranstaltning' | 'rolleplan' | 'lovregister' | 'config';

/** A half-open range of string offsets [start, end) in a document's text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Where a value sits in the source: the value itself and, for object members, its key. */
export interface NodeLocation {
  value: OffsetRange;
  key?: OffsetRange;
}

/** A loaded document: its data as the schema sees it, and where every part of it came from. */
export interface PolicyDocument {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  kind: DocumentKind;
  format: 'md' | 'json';
  /** The decoded text (BOM removed); all offsets refer to it. */
  text: string;
  lines: LineIndex;
  /** The document as one object, in the shape its JSON Schema describes. */
  data: unknown;
  /** JSON pointer → source location, for every value that was read. */
  locations: Map<string, NodeLocation>;
  /** JSON pointer of a missing member → where it should have been written. */
  insertionPoints: Map<string, OffsetRange>;
  /** Where the whole document, or its frontmatter, begins: the fallback for anything else. */
  fallback: OffsetRange;
}

/** Joins a JSON pointer and one more reference token (escaping `~` and `/`). */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** The parent of a JSON pointer ('' for the root). */
export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}

/** A plain object (not null, not an array): what a loaded document's data and its members are checked against. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
