import type { Heading, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { recordFieldTree } from './field-trees.js';
import { hostileMarkdown } from './hostile-markdown.js';
import { childPointer, isRecord, type DocumentKind, type NodeLocation, type OffsetRange } from '../model/document.js';
import { rolePhaseFields, schemaOf, sectionFields, type SectionField } from '../model/schema-catalog.js';
import { listHeadings, matchHeading } from './headings.js';
import type { ParseProblem } from './parsed-tree.js';
import { parseYamlTree } from './yaml-tree.js';

/** What a Markdown policy file yields: the document's data and where each part was written. */
export interface ParsedMarkdown {
  data: Record<string, unknown>;
  locations: Map<string, NodeLocation>;
  insertionPoints: Map<string, OffsetRange>;
  /** The frontmatter's opening line, or the first line when there is none. */
  fallback: OffsetRange;
  /** The frontmatter's closing line: where a missing first section belongs. */
  frontmatterEnd?: OffsetRange;
  problems: ParseProblem[];
  /** True when the frontmatter could not be read, so the data must not be validated. */
  broken: boolean;
}

/** A heading of the split depth and everything up to the next heading of that depth or above. */
interface Section {
  title: string;
  heading: OffsetRange;
  titleRange: OffsetRange;
  content: OffsetRange;
  nodes: RootContent[];
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Reads a Markdown policy file: YAML frontmatter plus one `##` section per field. */
export function parseMarkdownDocument(text: string, kind: DocumentKind): ParsedMarkdown {
  const result: ParsedMarkdown = {
    data: {},
    locations: new Map([['', { value: { start: 0, end: text.length } }]]),
    insertionPoints: new Map(),
    fallback: { start: 0, end: firstLineEnd(text, 0) },
    problems: [],
    broken: false,
  };
  const hostile = hostileMarkdown(text);
  if (hostile) {
    result.problems.push(hostile);
    result.broken = true;
    return result;
  }
  const tree = parser.parse(text);
  let body = tree.children;
  const [first] = body;
  if (first?.type === 'yaml') {
    readFrontmatter(text, first.value, offset(first.position?.start.offset), result);
    const end = offset(first.position?.end.offset);
    result.frontmatterEnd = { start: text.lastIndexOf('\n', end - 1) + 1, end };
    body = body.slice(1);
  } else {
    result.problems.push({
      range: result.fallback,
      severity: 'error',
      message: 'Filen mangler frontmatter øverst',
      hint: 'Start filen med en linje »---«, derefter felterne (fx »id:« og »titel:«) og så en linje »---«.',
    });
  }
  if (kind === 'rolleplan') readRoles(text, body, result);
  else readSections(text, body, sectionFields(kind), result);
  markMissingMembers(kind, result);
  return result;
}

function readFrontmatter(text: string, value: string, start: number, result: ParsedMarkdown): void {
  const contentStart = text.indexOf('\n', start) + 1;
  result.fallback = { start, end: firstLineEnd(text, start) };
  const parsed = parseYamlTree(text.slice(contentStart, contentStart + value.length), contentStart);
  result.problems.push(...parsed.problems);
  result.broken = parsed.broken;
  for (const [pointer, location] of parsed.locations) if (pointer !== '') result.locations.set(pointer, location);
  if (isRecord(parsed.data)) {
    result.data = { ...parsed.data };
  } else if (!parsed.broken && parsed.data !== null) {
    result.problems.push({
      range: result.fallback,
      severity: 'error',
      message: 'Frontmatter skal bestå af linjer på formen »navn: værdi«',
      hint: 'Fx »titel: Familiebehandling« på én linje og »id: familiebehandling« på den næste.',
    });
    result.broken = true;
  }
}

function readSections(text: string, body: RootContent[], fields: readonly SectionField[], result: ParsedMarkdown): void {
  for (const field of fields) {
    if (field.key in result.data) {
      const location = result.locations.get(`/${field.key}`);
      result.problems.push({
        range: location?.key ?? location?.value ?? result.fallback,
        severity: 'error',
        message: `»${field.key}« er et afsnit og skal skrives som overskriften »## ${field.heading}« under frontmatter`,
        hint: `Flyt teksten ned under en linje »## ${field.heading}«.`,
      });
      delete result.data[field.key];
      result.locations.delete(`/${field.key}`);
    }
  }
  const { preamble, sections } = splitSections(text, body, 2);
  warnAboutStrayText(preamble, result, 'uden for et afsnit');
  let lastIndex = -1;
  for (const section of sections) {
    const field = matchHeading(section.title, fields);
    if (!field) {
      result.problems.push({
        range: section.titleRange,
        severity: 'warning',
        message: `Ukendt overskrift »${section.title}«; afsnittet bliver ikke læst`,
        hint: `Skabelonens overskrifter er ${listHeadings(fields)}.`,
      });
      continue;
    }
    const pointer = `/${field.key}`;
    if (field.key in result.data) {
      result.problems.push({
        range: section.titleRange,
        severity: 'error',
        message: `Overskriften »${field.heading}« står to gange`,
        hint: 'Saml teksten under én overskrift; kun den første bliver læst.',
      });
      continue;
    }
    const index = fields.indexOf(field);
    if (index < lastIndex) {
      result.problems.push({
        range: section.titleRange,
        severity: 'warning',
        message: `Afsnittet »${field.heading}« står ikke i skabelonens rækkefølge`,
        hint: `Rækkefølgen er ${listHeadings(fields)}.`,
      });
    }
    lastIndex = Math.max(lastIndex, index);
    const content = trimRange(text, section.content);
    result.data[field.key] = sliceText(text, content);
    recordFieldTree(result.data[field.key] as string, section.nodes);
    result.locations.set(pointer, { key: section.heading, value: content.end > content.start ? content : section.heading });
  }
}

function readRoles(text: string, body: RootContent[], result: ParsedMarkdown): void {
  const phases = rolePhaseFields();
  const { preamble, sections } = splitSections(text, body, 2);
  warnAboutStrayText(preamble, result, 'uden for en rolle');
  const roles: Record<string, unknown>[] = [];
  const seenRoles = new Set<string>();
  for (const section of sections) {
    const name = section.title.trim();
    if (seenRoles.has(name.toLocaleLowerCase('da'))) {
      result.problems.push({
        range: section.titleRange,
        severity: 'error',
        message: `Rollen »${name}« står to gange`,
        hint: 'Saml rollens ansvar under én overskrift; kun den første bliver læst.',
      });
      continue;
    }
    seenRoles.add(name.toLocaleLowerCase('da'));
    const rolePointer = childPointer('/roller', roles.length);
    const role: Record<string, unknown> = { rolle: name };
    roles.push(role);
    result.locations.set(rolePointer, { value: section.heading });
    result.locations.set(`${rolePointer}/rolle`, { value: section.titleRange });
    const inner = splitSections(text, section.nodes, 3);
    warnAboutStrayText(inner.preamble, result, `under rollen »${name}« før den første fase`);
    for (const phase of inner.sections) {
      const field = matchHeading(phase.title, phases);
      if (!field) {
        result.problems.push({
          range: phase.titleRange,
          severity: 'warning',
          message: `Ukendt fase »${phase.title}« under rollen »${name}«; den bliver ikke læst`,
          hint: `Faserne er ${listHeadings(phases)}.`,
        });
        continue;
      }
      if (field.key in role) {
        result.problems.push({
          range: phase.titleRange,
          severity: 'error',
          message: `Fasen »${field.heading}« står to gange under rollen »${name}«`,
          hint: 'Saml punkterne under én overskrift; kun den første bliver læst.',
        });
        continue;
      }
      const pointer = `${rolePointer}/${field.key}`;
      role[field.key] = readListItems(text, phase, pointer, result);
      result.locations.set(pointer, { key: phase.heading, value: phase.heading });
    }
    for (const [index, field] of phases.entries()) {
      if (field.key in role) continue;
      const before = phases
        .slice(0, index)
        .reverse()
        .find((earlier) => earlier.key in role);
      const anchor = before ? result.locations.get(`${rolePointer}/${before.key}`)?.key : undefined;
      result.insertionPoints.set(`${rolePointer}/${field.key}`, anchor ?? section.heading);
    }
  }
  if (sections.length > 0 || !('roller' in result.data)) {
    result.data['roller'] = roles;
    const firstRole = sections[0];
    if (firstRole) result.locations.set('/roller', { value: firstRole.heading });
  }
}

function readListItems(text: string, phase: Section, pointer: string, result: ParsedMarkdown): string[] {
  const items: string[] = [];
  for (const node of phase.nodes) {
    if (node.type !== 'list') {
      result.problems.push({
        range: rangeOf(node),
        severity: 'warning',
        message: 'Tekst i en fase skal stå som punkter; denne tekst bliver ikke læst',
        hint: 'Skriv hvert ansvar på sin egen linje, der begynder med »- «.',
      });
      continue;
    }
    for (const item of node.children) {
      const range = item.children.length > 0 ? { start: rangeOf(item.children[0]!).start, end: rangeOf(item.children.at(-1)!).end } : rangeOf(item);
      result.locations.set(childPointer(pointer, items.length), { value: range });
      items.push(sliceText(text, range));
    }
  }
  return items;
}

/** Splits nodes at headings of `depth` or shallower; only headings of exactly `depth` open a section. */
function splitSections(text: string, nodes: RootContent[], depth: number): { preamble: RootContent[]; sections: Section[] } {
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) {
      current = undefined; // a higher-level heading (such as the title) is allowed, but text under it is not read
      if (node.depth === depth) {
        const heading = rangeOf(node);
        const titleRange = headingTitleRange(node);
        current = { title: sliceText(text, titleRange).trim(), heading, titleRange, content: { start: heading.end, end: heading.end }, nodes: [] };
        sections.push(current);
      }
    } else if (current) {
      current.nodes.push(node);
      current.content.end = rangeOf(node).end;
    } else {
      preamble.push(node);
    }
  }
  return { preamble, sections };
}

function warnAboutStrayText(nodes: RootContent[], result: ParsedMarkdown, where: string): void {
  const first = nodes[0];
  if (!first) return;
  result.problems.push({
    range: rangeOf(first),
    severity: 'warning',
    message: `Tekst ${where} bliver ikke læst`,
    hint: 'Flyt teksten ind under den overskrift, den hører til.',
  });
}

/** Where each missing member should have been written: after the nearest earlier section, or the frontmatter. */
function markMissingMembers(kind: DocumentKind, result: ParsedMarkdown): void {
  const fields = kind === 'rolleplan' ? [] : sectionFields(kind);
  for (const key of Object.keys(schemaOf(kind).properties ?? {})) {
    if (key in result.data) continue;
    const index = fields.findIndex((field) => field.key === key);
    const before =
      index < 0
        ? undefined
        : fields
            .slice(0, index)
            .reverse()
            .find((field) => field.key in result.data);
    const anchor = before ? result.locations.get(`/${before.key}`)?.key : index >= 0 ? result.frontmatterEnd : undefined;
    result.insertionPoints.set(`/${key}`, anchor ?? result.fallback);
  }
}

function headingTitleRange(node: Heading): OffsetRange {
  const first = node.children[0];
  const last = node.children.at(-1);
  if (!first || !last) {
    const range = rangeOf(node);
    return { start: range.start, end: range.end };
  }
  return { start: rangeOf(first).start, end: rangeOf(last).end };
}

function rangeOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): OffsetRange {
  return { start: offset(node.position?.start.offset), end: offset(node.position?.end.offset) };
}

function offset(value: number | undefined): number {
  return value ?? 0;
}

function trimRange(text: string, range: OffsetRange): OffsetRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

function sliceText(text: string, range: OffsetRange): string {
  return text.slice(range.start, range.end).replace(/\r\n?/g, '\n');
}

function firstLineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  return end > start && text[end - 1] === '\r' ? end - 1 : end;
}
