import type { Paragraph } from 'docx';
import { changelogPart } from './docx/changelog.js';
import { pack } from './docx/package.js';
import { EPOCH, normalizeDate } from './docx/word-date.js';
import { bodyParagraph, heading, provenanceParagraph, revisions, type Block } from './docx/paragraphs.js';
import { serviceLevelPart, trackedServiceLevel } from './docx/service-level.js';
import { xmlSafe } from './docx/xml-text.js';
import type { DocumentOptions } from '../model/generated-types.js';
import { TOOL_AUTHOR } from './changed-by.js';
import type { Round, RoundSide, ServiceLevel } from './model.js';
import { presentChangelog } from './present/changelog.js';
import { presentServiceLevel } from './present/service-level.js';

/**
 * The committee's Word document for a revision round, in the kommune's typography: cover, summary, paralleltekst with amendments, and the full
 * proposal with tracked changes. Every text of the round is made XML-safe first (xml-text.ts), the author's name included.
 */
export async function renderChangelogDocx(input: Round, typography: DocumentOptions = {}): Promise<Buffer> {
  const round = xmlSafe(input);
  const date = revisionDate(round);
  const author = round.to.author ?? TOOL_AUTHOR;
  const presentation = presentChangelog(round, { lawBasis: true });
  const children: Block[] = [
    ...changelogPart(presentation),
    heading('Forslag til serviceniveau', 1, true),
    bodyParagraph(
      'Her følger hele det foreslåede serviceniveau. Ændringerne i forhold til det gældende serviceniveau er registrerede ændringer i Word, så de kan gennemgås en for en under Gennemse.',
    ),
    ...closedBy(trackedServiceLevel(round, revisions(), { author, date }), provenanceParagraph(presentation.provenance)),
  ];
  const title = `Ændringer i serviceniveauet: ${round.kommune}, ${round.omraade}`;
  return pack(
    children,
    { title, creator: author, date },
    { trackRevisions: true, header: { kommune: round.kommune, title: `Ændringer i serviceniveauet: ${round.omraade}` }, typography },
  );
}

/** The whole service level at one side of a round as a clean Word document, without tracked changes; its texts made XML-safe first. */
export async function renderServiceLevelDocx(
  input: ServiceLevel,
  inputSide: RoundSide,
  inputMeta: { kommune: string; omraade: string },
  typography: DocumentOptions = {},
): Promise<Buffer> {
  const [level, side, meta] = xmlSafe([input, inputSide, inputMeta] as const);
  const children = serviceLevelPart(presentServiceLevel(level, side, meta, { lawBasis: true }));
  return pack(
    children,
    {
      title: `Serviceniveau: ${meta.kommune}, ${meta.omraade}`,
      creator: side.author ?? TOOL_AUTHOR,
      date: normalizeDate(side.date ?? EPOCH),
    },
    // A clean copy to read or publish, not a document under review: Word's Track Changes stays off.
    { trackRevisions: false, header: { kommune: meta.kommune, title: `Serviceniveau: ${meta.omraade}` }, typography },
  );
}

/** The blocks with a last paragraph on their last page: in the landscape role plan when that ends them, rather than on a portrait page of its own. */
function closedBy(blocks: Block[], last: Paragraph): Block[] {
  const end = blocks.at(-1);
  if (end && 'landscape' in end) return [...blocks.slice(0, -1), { landscape: [...end.landscape, last] }];
  return [...blocks, last];
}

/** The date of the round's revisions: the proposal's, else the adopted side's, else a fixed date. */
function revisionDate(round: Round): string {
  return normalizeDate(round.to.date ?? round.from.date ?? EPOCH);
}
