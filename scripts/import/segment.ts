import type { Element, ElementContent } from 'hast';
import { normalizeHeading } from '../load/headings.js';
import { rolePhaseFields } from '../model/schema-catalog.js';
import { isElement, textOf } from './hast-text.js';
import { labelMatcher, type ExtraLabels } from './labels.js';
import { runInLabelOf, type Block } from './to-blocks.js';

/** Text the import could not place in a field, with where it stood in the Word document. */
export interface UnplacedText {
  nodes: ElementContent[];
  text: string;
  placement: string;
}

/** One measure as found: its title exactly as written, and the content of each field it names. */
export interface FoundMeasure {
  title: string;
  position: number;
  fields: Map<string, ElementContent[]>;
  unplaced: UnplacedText[];
  /** »Alder: 0–17 år«, as `render` writes it under the title: the frontmatter's age range. */
  age?: { fra: number; til: number };
  /** The heading the measure stands under (»Støttende indsatser«), when that heading has no text of its own. */
  category?: string;
}

/** One row of the role × phase table: the role and, per phase key, the cells' content. */
export interface FoundRole {
  role: string;
  phases: Map<string, ElementContent[]>;
}

/** Images and comments, which are not imported, counted where they were. */
export interface SkippedContent {
  art: 'billede' | 'kommentar';
  antal: number;
  placering: string;
}

/** A Word document cut into the parts of the model. */
export interface Segments {
  documentTitle?: string;
  frame: Map<string, ElementContent[]>;
  measures: FoundMeasure[];
  roles?: FoundRole[];
  unplaced: UnplacedText[];
  skipped: SkippedContent[];
  /** Every heading's text, in order: a kommune is often named only in one (»Hjælp til familier i Havstrup Kommune«). */
  headings: string[];
}

/** Headings that hold all the measures rather than a group of them: no `kategori`. */
const GENERIC_GROUP =
  /^(?:serviceniveau(?:et)?\b.*|(?:beskrivelse af )?(?:foranstaltninger|indsatser|ydelser)(?: og (?:foranstaltninger|indsatser|ydelser))?)$/u;

/** »Foranstaltning/indsats: Familiebehandling«, the template's line before each measure's table. */
const MEASURE_LINE = /^(?:foranstaltning|indsats|ydelse)(?:\s*\/\s*(?:indsats|foranstaltning))?\s*:/iu;

/** The title on a »Foranstaltning/indsats: …« line (empty for the template's blank line), or undefined when the text is no such line. */
function measureLineTitle(text: string): string | undefined {
  const prefix = MEASURE_LINE.exec(text);
  return prefix ? text.slice(prefix[0].length).trim() : undefined;
}
/** The template's guidance under a label (»Her beskrives, hvorfor …«): template text, never content. */
const GUIDANCE = /^\[?\s*Her (?:beskrives|noteres)\b/u;
/** The template's caption over a table (»Skema: Beskrivelse af serviceniveau«). */
const CAPTION = /^Skema\s*:/u;
const PHASE_LABELS: Record<string, string> = { implementering: 'implementering', forankring: 'implementering', 'udvikling af serviceniveauet': 'udvikling' };

interface State {
  measure?: FoundMeasure;
  /** Heading level of the measure's title; undefined when it was a »Foranstaltning: …« line or a bold line. */
  measureLevel?: number;
  field?: string;
  /** Heading level of the measure's field headings, once one was seen: an unknown heading at that level ends the field. */
  fieldLevel?: number;
  frame?: string;
  frameLevel?: number;
  /** The last heading outside a measure, to say where unplaced text stood. */
  context?: string;
  /** That heading as a group of measures: its level, and whether text of its own stood under it (then it is none). */
  category?: { text: string; level: number; hasText: boolean };
}

/** Cuts the blocks into frame sections, measures, a role plan and the text that fits nowhere. Pure. */
export function segment(blocks: readonly Block[], extra: ExtraLabels = {}): Segments {
  const measureLabel = labelMatcher('foranstaltning', extra);
  const frameLabel = labelMatcher('serviceniveau', extra);
  const result: Segments = { frame: new Map(), measures: [], unplaced: [], skipped: [], headings: [] };
  const state: State = {};

  const where = (block: Block): string => {
    const under = state.measure?.title ?? state.context;
    return `afsnit ${block.position}${under ? `, under »${under}«` : ''}`;
  };
  const startMeasure = (title: string, block: Block, level?: number): void => {
    const group = state.category;
    const category = group && !group.hasText && (level === undefined || group.level < level) ? group.text : undefined;
    const measure: FoundMeasure = { title, position: block.position, fields: new Map(), unplaced: [], ...(category ? { category } : {}) };
    result.measures.push(measure);
    Object.assign(state, { measure, measureLevel: level, field: undefined, fieldLevel: undefined, frame: undefined, frameLevel: undefined });
  };
  const closeMeasure = (): void => {
    Object.assign(state, { measure: undefined, measureLevel: undefined, field: undefined, fieldLevel: undefined });
  };
  const place = (nodes: ElementContent[], block: Block, placement = where(block)): void => {
    if (nodes.length === 0) return;
    if (state.measure && state.field) append(state.measure.fields, state.field, nodes);
    else if (state.measure) state.measure.unplaced.push({ nodes, text: textOf(nodes), placement });
    else if (state.frame) append(result.frame, state.frame, nodes);
    else {
      if (state.category) state.category.hasText = true;
      result.unplaced.push({ nodes, text: textOf(nodes), placement });
    }
  };
  const fieldIsEmpty = (): boolean => !state.measure || !state.field || !state.measure.fields.has(state.field);
  /** Whether the blocks after `index` are a measure's fields: a field sub-heading, a run-in label or a table of labels. */
  const fieldsFollow = (index: number, level: number | undefined): boolean => {
    for (const next of blocks.slice(index + 1, index + 4)) {
      if ((next.kind === 'heading' || next.kind === 'paragraph') && measureLineTitle(next.text) !== undefined) return false;
      if (next.kind === 'heading')
        return measureLabel(next.text) !== undefined && (level === undefined || next.level > level || (next.level === level && !frameLabel(next.text)));
      if (next.kind === 'paragraph' && next.label && measureLabel(next.label.text)) return true;
      if (next.kind === 'table') return labelledRows(next.rows, measureLabel) >= 2;
    }
    return false;
  };

  const skipped = new Map<string, { art: SkippedContent['art']; antal: number; positions: number[]; under: string | undefined }>();
  const firstTextIndex = blocks.findIndex((block) => block.text !== '');
  /** Whether the very next block is a field of a measure under a heading of this level: then the heading is a title, not a field. */
  const fieldsFollowDirectly = (index: number, level: number): boolean => {
    const next = blocks[index + 1];
    if (!next) return false;
    if (next.kind === 'heading') return next.level > level && measureLabel(next.text) !== undefined;
    if (next.kind === 'paragraph') return next.label !== undefined && measureLabel(next.label.text) !== undefined;
    return next.kind === 'table' && labelledRows(next.rows, measureLabel) >= 2;
  };
  blocks.forEach((block, index) => {
    if (block.images + block.comments > 0) noteSkipped(skipped, block, state.measure?.title ?? state.context);
    if (block.kind === 'heading' || block.kind === 'paragraph') {
      const title = measureLineTitle(block.text);
      if (title !== undefined) {
        if (/[\p{L}\p{N}]/u.test(title)) startMeasure(title, block, block.kind === 'heading' ? block.level : undefined);
        else closeMeasure(); // the template's blank »Foranstaltning/indsats: ____«
        return;
      }
    }
    if (block.kind === 'heading') {
      result.headings.push(block.text);
      // A Title-styled paragraph is the document's title; so is a first heading »Serviceniveau for …« before anything else.
      if (block.documentTitle || (result.documentTitle === undefined && index === firstTextIndex && /^serviceniveau\b/iu.test(block.text))) {
        result.documentTitle ??= block.text;
        closeMeasure();
        state.frame = undefined;
        return;
      }
      if (state.measure) {
        const key = measureLabel(block.text);
        // a field heading one level down, or (when the fields are headings of the title's own level) the same level
        const sameLevel =
          key !== undefined &&
          block.level === state.measureLevel &&
          !state.measure.fields.has(key) &&
          !frameLabel(block.text) &&
          !fieldsFollowDirectly(index, block.level);
        if (key && (state.measureLevel === undefined || block.level > state.measureLevel || sameLevel)) {
          Object.assign(state, { field: key, fieldLevel: block.level });
          return;
        }
        if (state.measureLevel !== undefined && block.level > state.measureLevel) {
          // An unknown heading beside the field headings (»Praktiske oplysninger« next to »Lovhjemmel«) is no part of
          // the field above it: it and its text are reported as unplaced. A deeper one is the field's own sub-heading.
          if (state.fieldLevel !== undefined && block.level <= state.fieldLevel) state.field = undefined;
          place([subHeading(block)], block);
          return;
        }
        closeMeasure(); // a heading that is no field ends a measure that began with a line, a bold title or a table
      }
      const frameKey = frameLabel(block.text);
      if (frameKey && !fieldsFollow(index, block.level)) {
        Object.assign(state, { frame: frameKey, frameLevel: block.level, context: block.text, category: undefined });
        return;
      }
      if (fieldsFollow(index, block.level)) {
        startMeasure(block.text, block, block.level);
        return;
      }
      if (state.frame && state.frameLevel !== undefined && block.level > state.frameLevel) {
        place([subHeading(block)], block);
        return;
      }
      Object.assign(state, {
        frame: undefined,
        frameLevel: undefined,
        context: block.text,
        // »Foranstaltninger« or »Serviceniveau« holds all the measures, not a group of them
        category: GENERIC_GROUP.test(normalizeHeading(block.text)) ? undefined : { text: block.text, level: block.level, hasText: false },
      });
      return;
    }
    if (block.kind === 'paragraph') {
      // Many kommuner type the title as a plain (often bold) first paragraph: »Serviceniveau for børn og unge …«.
      if (result.documentTitle === undefined && index === firstTextIndex && /^serviceniveau(?:et)?\s+(?:for|på)\s/iu.test(block.text)) {
        result.documentTitle = block.text;
        return;
      }
      if (GUIDANCE.test(block.text) && state.measure && fieldIsEmpty()) return;
      if (CAPTION.test(block.text) && blocks[index + 1]?.kind === 'table') return;
      const label = block.label;
      const age = label && state.measure && !state.measure.age ? ageOf(label.text, textOf(label.rest)) : undefined;
      if (age && state.measure) {
        state.measure.age = age;
        return;
      }
      if (label && state.measure) {
        const key = measureLabel(label.text);
        if (key) {
          state.field = key;
          const rest = GUIDANCE.test(textOf(label.rest)) && fieldIsEmpty() ? [] : label.rest;
          place(rest.length ? [paragraphOf(rest)] : [], block);
          return;
        }
      }
      if (label?.bold && label.alone && !state.measure) {
        const frameKey = frameLabel(label.text);
        if (frameKey && !fieldsFollow(index, undefined)) {
          Object.assign(state, { frame: frameKey, frameLevel: undefined, context: label.text });
          return;
        }
        if (fieldsFollow(index, undefined)) {
          startMeasure(label.text, block);
          return;
        }
      }
      if (label?.bold && label.alone && state.measure && state.measureLevel === undefined && fieldsFollow(index, undefined)) {
        startMeasure(label.text, block);
        return;
      }
      place([block.node], block);
      return;
    }
    if (block.kind === 'table') {
      const roles = rolesOf(block.rows);
      if (roles) {
        result.roles = [...(result.roles ?? []), ...roles];
        return;
      }
      if (labelledRows(block.rows, measureLabel) >= (state.measure ? 1 : 2)) {
        readFieldTable(block);
        // Text after the template's table belongs to no field: it is reported, not added to the last row's field.
        state.field = undefined;
        return;
      }
      place([tableOf(block.rows)], block);
      return;
    }
    place([block.node], block);
  });
  result.skipped = [...skipped.values()].map(({ art, antal, positions, under }) => ({
    art,
    antal,
    placering: `afsnit ${listed(positions)}${under ? `, under »${under}«` : ''}`,
  }));
  return result;

  function readFieldTable(block: Extract<Block, { kind: 'table' }>): void {
    block.rows.forEach((cells, rowIndex) => {
      const placement = `tabellen i afsnit ${block.position}, række ${rowIndex + 1}`;
      const [labelCell = [], ...contentCells] = cells;
      const labelParts = splitAtBreaks(paragraphsOf(labelCell));
      const [first, ...others] = labelParts;
      const firstText = first ? textOf([first]) : '';
      const title = measureLineTitle(firstText);
      if (title && /[\p{L}\p{N}]/u.test(title)) {
        startMeasure(title, block);
        const beside = [...others, ...contentCells.flatMap(paragraphsOf)];
        if (textOf(beside) !== '') state.measure?.unplaced.push({ nodes: beside, text: textOf(beside), placement });
        return;
      }
      let key = measureLabel(firstText);
      let leading: ElementContent[] = [];
      if (!key && first && isElement(first, 'p')) {
        const runIn = runInLabelOf(first.children);
        const runInKey = runIn ? measureLabel(runIn.text) : undefined;
        if (runIn && runInKey) {
          key = runInKey;
          leading = runIn.rest.length ? [paragraphOf(runIn.rest)] : [];
        }
      }
      const content = [...leading, ...others, ...contentCells.flatMap(paragraphsOf)].filter((node) => !GUIDANCE.test(textOf([node])));
      if (!state.measure) {
        if (!key && contentCells.every((cell) => textOf(cell) === '') && firstText) startMeasure(firstText, block);
        else if (content.length || first) result.unplaced.push({ nodes: labelParts.concat(content), text: textOf(labelParts.concat(content)), placement });
        return;
      }
      if (!key) {
        const nodes = [...labelParts, ...contentCells.flatMap(paragraphsOf)];
        if (CAPTION.test(firstText) || textOf(nodes) === '') return;
        state.measure.unplaced.push({ nodes, text: textOf(nodes), placement });
        return;
      }
      state.field = key;
      if (content.length) append(state.measure.fields, key, content);
    });
  }
}

/** An age range written as »Alder: 0–17 år« (or »0-17«, »0 til 17 år«), within the schema's 0–22. */
function ageOf(label: string, rest: string): { fra: number; til: number } | undefined {
  if (normalizeHeading(label) !== 'alder') return undefined;
  const match = /^(\d{1,2})\s*(?:[-–]|til)\s*(\d{1,2})\s*år\.?$/u.exec(rest.trim());
  const [fra, til] = [Number(match?.[1]), Number(match?.[2])];
  return match && fra <= til && til <= 22 ? { fra, til } : undefined;
}

function append(map: Map<string, ElementContent[]>, key: string, nodes: ElementContent[]): void {
  map.set(key, [...(map.get(key) ?? []), ...nodes]);
}

/** Counts a block's images and comments under the measure or section they stand in: one entry per kind and place. */
function noteSkipped(
  skipped: Map<string, { art: SkippedContent['art']; antal: number; positions: number[]; under: string | undefined }>,
  block: Block,
  under: string | undefined,
): void {
  const counts: [SkippedContent['art'], number][] = [
    ['billede', block.images],
    ['kommentar', block.comments],
  ];
  for (const [art, antal] of counts) {
    if (antal === 0) continue;
    const key = `${art}\u0000${under ?? ''}`;
    const entry = skipped.get(key) ?? { art, antal: 0, positions: [], under };
    entry.antal += antal;
    entry.positions.push(block.position);
    skipped.set(key, entry);
  }
}

/** »3«, »3 og 5«, »3, 5 og 9«. */
function listed(positions: readonly number[]): string {
  const all = positions.map(String);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} og ${all.at(-1) ?? ''}`;
}

/** How many rows of a table start with a field's label. */
function labelledRows(rows: readonly ElementContent[][][], measureLabel: (label: string) => string | undefined): number {
  return rows.filter((cells) => {
    const first = splitAtBreaks(paragraphsOf(cells[0] ?? []))[0];
    if (!first) return false;
    if (measureLabel(textOf([first]))) return true;
    const runIn = isElement(first, 'p') ? runInLabelOf(first.children) : undefined;
    return runIn !== undefined && measureLabel(runIn.text) !== undefined;
  }).length;
}

/** A role × phase table (the guide's layout): phases across the first row, roles down the first column. */
function rolesOf(rows: readonly ElementContent[][][]): FoundRole[] | undefined {
  return rolesAcross(rows) ?? rolesAcross(transpose(rows));
}

/** The table turned on its side: phases down the first column and roles across become phases across. */
function transpose(rows: readonly ElementContent[][][]): ElementContent[][][] {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  return Array.from({ length: width }, (_, column) => rows.map((cells) => cells[column] ?? []));
}

function rolesAcross(rows: readonly ElementContent[][][]): FoundRole[] | undefined {
  const [header, ...body] = rows;
  if (!header || body.length === 0) return undefined;
  const phaseKeys = header.slice(1).map((cell) => phaseKeyOf(textOf(cell)));
  if (phaseKeys.filter((key) => key !== undefined).length < 2) return undefined;
  const roles: FoundRole[] = [];
  for (const cells of body) {
    const role = textOf(cells[0] ?? []);
    if (!role) continue;
    const phases = new Map<string, ElementContent[]>();
    phaseKeys.forEach((key, column) => {
      if (key) phases.set(key, [...(phases.get(key) ?? []), ...paragraphsOf(cells[column + 1] ?? [])]);
    });
    roles.push({ role, phases });
  }
  return roles.length ? roles : undefined;
}

function phaseKeyOf(text: string): string | undefined {
  const folded = normalizeHeading(text);
  return rolePhaseFields().find((field) => normalizeHeading(field.heading) === folded)?.key ?? PHASE_LABELS[folded];
}

/** A cell's content as blocks: inline runs outside a paragraph are wrapped in one. */
export function paragraphsOf(nodes: readonly ElementContent[]): ElementContent[] {
  const result: ElementContent[] = [];
  let inline: ElementContent[] = [];
  const flush = (): void => {
    if (inline.some((node) => !(node.type === 'text' && node.value.trim() === ''))) result.push(paragraphOf(inline));
    inline = [];
  };
  for (const node of nodes) {
    if (isElement(node, 'p', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote')) {
      flush();
      result.push(node);
    } else inline.push(node);
  }
  flush();
  return result;
}

/** A label cell's paragraphs, with »Formål⏎Her beskrives …« (a manual line break) split into two. */
function splitAtBreaks(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) => {
    if (!isElement(node, 'p') || !node.children.some((child) => isElement(child, 'br'))) return [node];
    const parts: ElementContent[][] = [[]];
    for (const child of node.children) {
      if (isElement(child, 'br')) parts.push([]);
      else parts.at(-1)!.push(child);
    }
    return parts.filter((part) => textOf(part) !== '').map(paragraphOf);
  });
}

function paragraphOf(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'p', properties: {}, children };
}

/** A heading inside a field or a frame section: one level below the section's own `##`. */
function subHeading(block: Extract<Block, { kind: 'heading' }>): Element {
  return { ...block.node, tagName: 'h3' };
}

function tableOf(rows: readonly ElementContent[][][]): Element {
  // The first row is the header a Markdown table must have; Word marks none, so it is the row the table starts with.
  const row = (cells: ElementContent[][], index: number): Element => ({
    type: 'element',
    tagName: 'tr',
    properties: {},
    children: cells.map((cell) => ({ type: 'element', tagName: index === 0 ? 'th' : 'td', properties: {}, children: cell })),
  });
  return { type: 'element', tagName: 'table', properties: {}, children: rows.map(row) };
}
