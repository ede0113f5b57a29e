import { childPointer, type PolicyDocument } from '../model/document.js';
import { sectionFields } from '../model/schema-catalog.js';
import { memoizeByObject } from '../memoize.js';
import { locate, valueSource } from '../validate/locate.js';

/** A piece of text with, for each character, the offset in the file it came from. */
export interface SourceText {
  text: string;
  /** offsets[i] is the file offset of text[i]; offsets[text.length] is the end offset. */
  offsets: ArrayLike<number>;
}

/** One string field of a document, such as a section or a frontmatter value, with its source offsets. */
export interface ProseField extends SourceText {
  pointer: string;
  /** The top-level key (`formaal`, `titel`, `roller`, …). */
  field: string;
  /** True for a section (a `##` heading in Markdown), false for frontmatter values and list items. */
  isSection: boolean;
}

/** Every string in a document with its source offsets, in document order; computed once per document. */
export const proseFieldsOf: (document: PolicyDocument) => ProseField[] = memoizeByObject(readProseFields);

function readProseFields(document: PolicyDocument): ProseField[] {
  const sections = new Set(
    document.kind === 'rolleplan' || document.kind === 'lovregister' || document.kind === 'config'
      ? []
      : sectionFields(document.kind).map((field) => field.key),
  );
  const fields: ProseField[] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      const field = pointer.split('/')[1] ?? '';
      const isSection = sections.has(field) && pointer === `/${field}`;
      fields.push({ pointer, field, isSection, ...sourceTextAt(document, pointer, value, isSection) });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, childPointer(pointer, index)));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) if (key !== '$schema') visit(item, childPointer(pointer, key));
    }
  };
  visit(document.data, '');
  return fields.sort((a, b) => (a.offsets[0] ?? 0) - (b.offsets[0] ?? 0));
}

/** The source text of one string value, mapped back to the file as exactly as its syntax allows. */
function sourceTextAt(document: PolicyDocument, pointer: string, value: string, isSection: boolean): SourceText {
  const range = valueSource(document, pointer);
  if (!range) return uniform(value, locate(document, pointer).start);
  const raw = document.text.slice(range.start, range.end);
  if (document.format === 'json') return decodeJsonString(raw, range.start) ?? uniform(value, range.start);
  if (isSection || document.kind === 'rolleplan' || raw === value) return identity(raw, range.start);
  const quoted = /^(["'])([\s\S]*)\1$/.exec(raw);
  if (quoted && quoted[2] === value) return identity(value, range.start + 1);
  return uniform(value, range.start);
}

function identity(text: string, start: number): SourceText {
  const offsets = new Int32Array(text.length + 1);
  for (let index = 0; index <= text.length; index++) offsets[index] = start + index;
  return { text, offsets };
}

/** Text whose characters cannot be mapped one by one (say a folded YAML scalar): all point at its start. */
function uniform(text: string, start: number): SourceText {
  return { text, offsets: new Int32Array(text.length + 1).fill(start) };
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes a JSON string literal, keeping for each decoded character the offset of its escape or character. */
export function decodeJsonString(raw: string, start: number): SourceText | undefined {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return undefined;
  let text = '';
  const offsets: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    const char = raw[i] ?? '';
    if (char !== '\\') {
      text += char;
      offsets.push(start + i);
      continue;
    }
    const code = raw[i + 1] ?? '';
    if (code === 'u') {
      text += String.fromCharCode(Number.parseInt(raw.slice(i + 2, i + 6), 16));
      offsets.push(start + i);
      i += 5;
    } else {
      text += JSON_ESCAPES[code] ?? code;
      offsets.push(start + i);
      i += 1;
    }
  }
  offsets.push(start + raw.length - 1);
  return { text, offsets };
}
