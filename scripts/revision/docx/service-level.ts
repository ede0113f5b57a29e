import { HeadingLevel, Paragraph, TableRow, TextRun, type Table } from 'docx';
import { alignByKey } from '../align-by-key.js';
import { FRAME_ID, ROLE_PLAN_ID } from '../diff-snapshots.js';
import type { Authorship, Round } from '../model.js';
import type { ServiceLevelPresentation } from '../present/service-level.js';
import { presentServiceLevel } from '../present/service-level.js';
import { tableOfContents } from './contents.js';
import { lawBasisPart } from './law-basis.js';
import { boldBlock, labelledBlock, markdownBlocks, textBlock, type TextBlock } from './markdown-blocks.js';
import {
  cell,
  headerRow,
  labelledParagraph,
  LANDSCAPE_TEXT_WIDTH,
  plainParagraph,
  table,
  TEXT_WIDTH,
  tracked,
  type Block,
  type DocumentChild,
  type Revisions,
  type RevisionsBy,
} from './paragraphs.js';

// The service level as keyed parts, so two sides can be compared part by part: printed clean, or tracked.

interface Part {
  key: string;
  blocks: TextBlock[];
  /** Set for the role plan's table instead of blocks. */
  rolePlan?: RolePlanRows;
}

interface RolePlanRows {
  phases: string[];
  roles: RoleRow[];
}

interface RoleRow {
  name: string;
  phases: TextBlock[][];
}

/** From this many phases on, the role plan's table is set on landscape pages: in portrait its columns wrap after two words. */
const LANDSCAPE_PHASES = 3;
const ROLE_PLAN_HEADING = 'rolleplan:titel';

/** Whether the role plan's table needs a landscape page. */
function isWide(plan: RolePlanRows): boolean {
  return plan.phases.length >= LANDSCAPE_PHASES;
}

/** The blocks with the wide role plan, and its heading before it, moved to landscape pages of their own. */
function withLandscapeRolePlan(blocks: readonly { key: string; children: DocumentChild[]; wide?: boolean }[]): Block[] {
  const result: Block[] = [];
  let landscape: DocumentChild[] | undefined;
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.wide || (block.key === ROLE_PLAN_HEADING && next?.wide)) {
      if (!landscape) result.push({ landscape: (landscape = []) });
      landscape.push(...block.children);
    } else {
      landscape = undefined;
      result.push(...block.children);
    }
  });
  return result;
}

/** The whole service level as a clean document: cover with its facts, then every part, the first on a new page, and the appendix »Lovgrundlag«. */
export function serviceLevelPart(presentation: ServiceLevelPresentation): Block[] {
  const children: DocumentChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Serviceniveau')] }),
    new Paragraph({ children: [new TextRun({ text: presentation.kommune, bold: true, size: 32 })] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: presentation.omraade, size: 28 })] }),
    ...presentation.facts.map((fact) => labelledParagraph(fact.label, fact.value)),
    ...tableOfContents(),
  ];
  const parts = serviceLevelParts(presentation, 1, new Map()).map((part, index) => {
    if (part.rolePlan) {
      const roles = part.rolePlan.roles.map((role) => ({ role, change: 'same' as const }));
      return { key: part.key, wide: isWide(part.rolePlan), children: [roleTable(part.rolePlan.phases, roles, undefined, isWide(part.rolePlan))] };
    }
    return { key: part.key, children: part.blocks.map((block, blockIndex) => plainParagraph(block, { pageBreakBefore: index === 0 && blockIndex === 0 })) };
  });
  return [...children, ...withLandscapeRolePlan(parts), ...(presentation.lawBasis ? lawBasisPart(presentation.lawBasis) : [])];
}

/**
 * The proposed service level (round.after) with every difference from round.before as a Word revision, by the
 * author and on the date of the commit that changed its document (`fallback` for headings no document owns).
 */
export function trackedServiceLevel(round: Round, revisionsBy: RevisionsBy, fallback: Authorship): Block[] {
  const meta = { kommune: round.kommune, omraade: round.omraade };
  const renames = new Map(round.changelog.changes.filter((change) => change.previousId).map((change) => [change.previousId!, change.id]));
  const beforeLevel = presentServiceLevel(round.before, round.from, meta);
  const afterLevel = presentServiceLevel(round.after, round.to, meta);
  const before = [...frameFacts(beforeLevel), ...serviceLevelParts(beforeLevel, 2, renames)];
  const after = [...frameFacts(afterLevel), ...serviceLevelParts(afterLevel, 2, new Map())];
  const blocks = alignByKey(before, after, (part) => part.key).map(({ before: old, after: next }) => {
    const key = (next ?? old).key;
    const owner = documentOfPart(key);
    const revision = revisionsBy((owner !== undefined ? round.changedBy[owner] : undefined) ?? fallback);
    const plan = next?.rolePlan ?? old?.rolePlan;
    if (!plan) return { key, children: tracked(old?.blocks ?? [], next?.blocks ?? [], revision) };
    return {
      key,
      wide: isWide(plan),
      children: [trackedRoleTable(plan.phases, old?.rolePlan?.roles ?? [], next?.rolePlan?.roles ?? [], revision, isWide(plan))],
    };
  });
  return withLandscapeRolePlan(blocks);
}

/** The change id of the document a part comes from (a measure id, `serviceniveau`, `rolleplan`), read from its key. */
function documentOfPart(key: string): string | undefined {
  const [kind, id] = key.split(':');
  if (kind === 'ramme' || kind === 'fakta') return FRAME_ID;
  if (kind === 'rolleplan') return ROLE_PLAN_ID;
  return kind === 'foranstaltning' ? id : undefined;
}

/**
 * The service level in reading order: frame sections, measures grouped by kategori with their eight sections,
 * and the role plan. Headings start at `depth`; `renames` maps an old measure id to its new one, so a renamed
 * measure keeps its parts' keys.
 */
function serviceLevelParts(presentation: ServiceLevelPresentation, depth: number, renames: ReadonlyMap<string, string>): Part[] {
  const parts: Part[] = [];
  const heading = (key: string, text: string, offset: number): Part => ({ key, blocks: textBlock(text, { kind: 'heading', level: depth + offset }) });
  for (const section of presentation.frameSections) {
    parts.push(heading(`ramme:${section.key}:overskrift`, section.heading, 0), { key: `ramme:${section.key}`, blocks: markdownBlocks(section.text) });
    const signatory = presentation.signatory;
    if (section.key === 'forord' && signatory) parts.push({ key: 'ramme:underskriver', blocks: [...textBlock(signatory.navn), ...textBlock(signatory.titel)] });
  }
  if (presentation.groups.length > 0) parts.push(heading('foranstaltninger', 'Foranstaltninger', 0));
  for (const group of presentation.groups) {
    parts.push(heading(`kategori:${group.kategori}`, group.kategori, 1));
    for (const measure of group.measures) {
      const id = renames.get(measure.id) ?? measure.id;
      parts.push(heading(`foranstaltning:${id}:titel`, measure.titel, 2));
      parts.push({ key: `foranstaltning:${id}:alder`, blocks: labelledBlock(measure.age?.label ?? '', measure.age?.value) });
      for (const section of measure.sections) {
        parts.push(heading(`foranstaltning:${id}:${section.key}:overskrift`, section.heading, 3), {
          key: `foranstaltning:${id}:${section.key}`,
          blocks: markdownBlocks(section.text),
        });
      }
    }
  }
  const plan = presentation.rolePlan;
  if (plan) {
    parts.push(heading('rolleplan:titel', plan.titel, 0));
    const roles = plan.roles.map((role) => ({
      name: role.rolle,
      phases: role.phases.map((items) => markdownBlocks(items.map((item) => `- ${item}`).join('\n'))),
    }));
    parts.push({ key: 'rolleplan:roller', blocks: [], rolePlan: { phases: plan.phases.map((phase) => phase.heading), roles } });
  }
  return parts.filter((part) => part.rolePlan || part.blocks.length > 0);
}

/** The frame's identity and facts as parts of the proposal, so a new version or status is tracked like any other text. */
function frameFacts(presentation: ServiceLevelPresentation): Part[] {
  return [...presentation.identity, ...presentation.facts].map((fact) => ({ key: `fakta:${fact.label}`, blocks: labelledBlock(fact.label, fact.value) }));
}

interface RoleLine {
  role: RoleRow;
  change: 'same' | 'del' | 'ins';
  previous?: RoleRow;
}

function roleTable(phases: readonly string[], lines: readonly RoleLine[], revision: Revisions | undefined, landscape: boolean): Table {
  const rows = lines.map((line) => {
    const mark = revision && line.change === 'del' ? { deletion: revision() } : revision && line.change === 'ins' ? { insertion: revision() } : {};
    const contents = (old: TextBlock[] | undefined, next: TextBlock[] | undefined): Paragraph[] => {
      if (!revision) return (next ?? []).map((block) => plainParagraph(block, { inTable: true }));
      return tracked(old ?? [], next ?? [], revision, { inTable: true });
    };
    const nameBlocks = boldBlock(line.role.name);
    const cells = [
      contents(line.change === 'ins' ? [] : nameBlocks, line.change === 'del' ? [] : nameBlocks),
      ...phases.map((_, index) => {
        const current = line.role.phases[index] ?? [];
        if (line.change === 'ins') return contents([], current);
        if (line.change === 'del') return contents(current, []);
        return contents(line.previous?.phases[index] ?? current, current);
      }),
    ];
    return new TableRow({ ...mark, children: cells.map(cell) });
  });
  // The role column fits »Sagsbehandlere« in bold on one line.
  return table([2.4, ...phases.map(() => 3)], [headerRow(['Rolle', ...phases]), ...rows], landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH);
}

function trackedRoleTable(phases: readonly string[], before: readonly RoleRow[], after: readonly RoleRow[], revision: Revisions, landscape: boolean): Table {
  const lines = alignByKey(before, after, (role) => role.name).map(({ before: old, after: next }): RoleLine => {
    if (old && next) return { role: next, change: 'same', previous: old };
    return old ? { role: old, change: 'del' } : { role: next, change: 'ins' };
  });
  return roleTable(phases, lines, revision, landscape);
}
