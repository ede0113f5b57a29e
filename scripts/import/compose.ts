import type { ElementContent } from 'hast';
import { areaFolderOf, measurePathOf } from '../layout.js';
import { rolePhaseFields, sectionFields } from '../model/schema-catalog.js';
import { uniqueIds } from './ids.js';
import { toInlineMarkdown, toMarkdown } from './markdown.js';
import { paragraphsOf, type Segments, type UnplacedText } from './segment.js';
import type { Notes } from './to-blocks.js';
import { isElement, textOf } from './hast-text.js';

/** The heading of the section that holds a measure's text that fits no field; check warns about it as an unknown heading. */
export const UNPLACED_HEADING = 'Ikke placeret tekst fra importen';

export type ImportedKind = 'serviceniveau' | 'rolleplan' | 'foranstaltning';

/** One file the import writes. */
export interface PlannedFile {
  path: string;
  kind: ImportedKind;
  content: string;
}

/** One measure as imported: which fields the document had and which are left as placeholders. */
export interface ImportedMeasure {
  id: string;
  titel: string;
  sti: string;
  felter: string[];
  mangler: string[];
  ikkePlaceret: { tekst: string; placering: string }[];
}

export interface ComposedImport {
  files: PlannedFile[];
  measures: ImportedMeasure[];
}

/** Writes the segments as policy files of the area, in memory: the frame, the role plan if found, one file per measure. Pure. */
export function composeImport(segments: Segments, notes: Notes, area: string): ComposedImport {
  const folder = areaFolderOf(area);
  const files: PlannedFile[] = [{ path: `${folder}/serviceniveau.md`, kind: 'serviceniveau', content: frameMarkdown(segments, notes) }];
  if (segments.roles?.length) files.push({ path: `${folder}/rolleplan.md`, kind: 'rolleplan', content: rolePlanMarkdown(segments) });
  const ids = uniqueIds(segments.measures.map((measure) => measure.title));
  const measures = segments.measures.map((found, index): ImportedMeasure => {
    const id = ids[index] ?? `foranstaltning-${index + 1}`;
    const path = measurePathOf(folder, id);
    const felter: string[] = [];
    const mangler: string[] = [];
    const sections = sectionFields('foranstaltning').map((field) => {
      const markdown = toMarkdown(found.fields.get(field.key) ?? [], notes);
      if (markdown) felter.push(field.key);
      else mangler.push(field.key);
      return `## ${field.heading}\n\n${markdown || `[${field.guidance}]`}\n`;
    });
    if (found.unplaced.length) sections.push(unplacedSection(found.unplaced, notes));
    const age = found.age ? `alder:\n  fra: ${found.age.fra}\n  til: ${found.age.til}\n` : '';
    const category = found.category ? `kategori: ${JSON.stringify(found.category)}\n` : '';
    files.push({
      path,
      kind: 'foranstaltning',
      content: [`---\nid: ${id}\ntitel: ${JSON.stringify(found.title)}\n${category}${age}---\n`, ...sections].join('\n'),
    });
    return {
      id,
      titel: found.title,
      sti: path,
      felter,
      mangler,
      ikkePlaceret: found.unplaced.map(({ text, placement }) => ({ tekst: text, placering: placement })),
    };
  });
  return { files, measures };
}

function unplacedSection(unplaced: readonly UnplacedText[], notes: Notes): string {
  const parts = unplaced.map(({ nodes, placement }) => `*Fra ${placement}:*\n\n${toMarkdown(nodes, notes)}`);
  return `## ${UNPLACED_HEADING}\n\nDenne tekst fra Word-dokumentet passede ikke i noget afsnit. Flyt den til det rette afsnit, eller slet den, og slet så dette afsnit.\n\n${parts.join('\n\n')}\n`;
}

const PLACEHOLDER = {
  kommune: '[Skriv kommunens navn, fx Eksempel Kommune]',
  omraade: '[Skriv området, fx Børn og unge med særlige behov]',
  version: '[Skriv versionen, fx 2026.1]',
  gyldig_fra: '[Skriv datoen, serviceniveauet gælder fra, ÅÅÅÅ-MM-DD]',
  navn: '[Skriv navnet på den, der underskriver forordet]',
  titel: '[Skriv underskriverens titel, fx Borgmester]',
};

function frameMarkdown(segments: Segments, notes: Notes): string {
  const sections = sectionFields('serviceniveau').map((field) => {
    const markdown = toMarkdown(segments.frame.get(field.key) ?? [], notes);
    return { field, markdown };
  });
  const signature = signatureOf(sections.find(({ field }) => field.key === 'forord')?.markdown ?? '');
  const kommune = kommuneOf(segments);
  const omraade = areaNameFromTitle(segments.documentTitle);
  const frontmatter = [
    `kommune: ${JSON.stringify(kommune ?? PLACEHOLDER.kommune)}`,
    `omraade: ${JSON.stringify(omraade ?? PLACEHOLDER.omraade)}`,
    'status: udkast',
    `version: ${JSON.stringify(PLACEHOLDER.version)}`,
    `gyldig_fra: ${JSON.stringify(PLACEHOLDER.gyldig_fra)}`,
    'underskriver:',
    `  navn: ${JSON.stringify(signature?.navn ?? PLACEHOLDER.navn)}`,
    `  titel: ${JSON.stringify(signature?.titel ?? PLACEHOLDER.titel)}`,
  ];
  const body = sections.map(({ field, markdown }) => `## ${field.heading}\n\n${markdown || `[${field.guidance}]`}\n`);
  const unplaced = segments.unplaced.length ? [unplacedSection(segments.unplaced, notes)] : [];
  return [`---\n${frontmatter.join('\n')}\n---\n`, ...body, ...unplaced].join('\n');
}

/** The signature under the foreword: the lines after »Med venlig hilsen«, as »Navn, titel« or a name line and a title line. */
export function signatureOf(foreword: string): { navn: string; titel: string } | undefined {
  const lines = foreword.split('\n').map((line) => line.replace(/\\$/, '').replace(/[*_]/g, '').trim());
  const greeting = lines.findIndex((line) => /^(?:med )?venlig(?:st)? hilsen\b|^de bedste hilsner\b/i.test(line));
  if (greeting < 0) return undefined;
  const rest = [lines[greeting]?.replace(/^(?:med )?venlig(?:st)? hilsen[,.]?\s*|^de bedste hilsner[,.]?\s*/i, '') ?? '', ...lines.slice(greeting + 1)].filter(
    (line) => line !== '',
  );
  const [first, second] = rest;
  if (!first) return undefined;
  const comma = first.indexOf(',');
  if (comma > 0 && comma < first.length - 1 && !second) return { navn: first.slice(0, comma).trim(), titel: capitalize(first.slice(comma + 1).trim()) };
  // A title is a few words (»Borgmester«, »Formand for Børne- og Ungeudvalget«), not the next sentence of the foreword.
  const title = second && second.length <= 60 && !/[.!?]$/.test(second) ? capitalize(second) : PLACEHOLDER.titel;
  return { navn: first, titel: title };
}

/** The kommune the document names most often (»Eksempel Kommune«, also in the genitive); the template's »XX Kommune« is no name. */
function kommuneOf(segments: Segments): string | undefined {
  const texts = [
    ...[...segments.frame.values()].map((nodes) => textOf(nodes)),
    ...segments.unplaced.map((unplaced) => unplaced.text),
    segments.documentTitle ?? '',
    ...segments.headings,
    ...segments.measures.flatMap((measure) => [...measure.fields.values()].map((nodes) => textOf(nodes))),
  ];
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const match of text.matchAll(/(?<![\p{L}])(\p{Lu}[\p{Ll}æøå-]+(?:[ -]\p{Lu}[\p{Ll}æøå-]+)?) Kommunes?(?![\p{L}])/gu)) {
      const name = `${match[1]} Kommune`;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The area a title names: »Serviceniveau for børn og unge med særlige behov« → »Børn og unge med særlige behov«. */
export function areaNameFromTitle(title: string | undefined): string | undefined {
  const prefix = title ? /^serviceniveau(?:et)?\s*(?:for|på|[-–:])/iu.exec(title.trim()) : null;
  const rest = prefix && title ? title.trim().slice(prefix[0].length).trim() : '';
  return rest ? capitalize(rest) : undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

function rolePlanMarkdown(segments: Segments): string {
  const phases = rolePhaseFields();
  const roles = (segments.roles ?? []).map((role) => {
    const body = phases.map((phase) => {
      const items = itemsOf(role.phases.get(phase.key) ?? []);
      return `### ${phase.heading}\n${items.length ? `\n${items.map((item) => `- ${item}`).join('\n')}\n` : ''}`;
    });
    return `## ${role.role}\n\n${body.join('\n')}`;
  });
  return [`---\ntitel: ${JSON.stringify('Rolle- og ansvarsfordeling for serviceniveauet')}\n---\n`, ...roles].join('\n');
}

/** A cell's responsibilities, one per list item or paragraph; the guide's »Eksempelvis:« is template text. */
function itemsOf(nodes: readonly ElementContent[]): string[] {
  const items: string[] = [];
  for (const node of paragraphsOf(nodes)) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'ul' || node.tagName === 'ol') {
      for (const item of node.children) if (isElement(item, 'li')) items.push(toInlineMarkdown(item.children));
    } else if (node.tagName === 'p') items.push(toInlineMarkdown(node.children).replace(/^(?:[-•–]|\\-)\s+/, ''));
  }
  return items.filter((item) => item !== '' && !/^\*?eksempelvis:?\*?$/i.test(item));
}
