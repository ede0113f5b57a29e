import { danishDate } from '../law/register.js';
import { ADOPTED_TAG_PREFIX, PolicyRepository } from '../git/repository.js';
import { UsageError } from '../errors.js';
import { buildRound, WORKING_TREE_LABEL } from '../revision/build-round.js';
import { CLASS_LABELS } from '../revision/labels.js';
import type { MeasureChange } from '../revision/model.js';

/** One step in the history of adopted versions: a tag (or the working tree) and what changed since the step before. */
export interface RoundStep {
  label: string;
  /** The previous adopted version, or undefined for the first. */
  from?: string;
  changes: MeasureChange[];
}

/** The adopted versions (tags `vedtaget/YYYY-MM-DD`), oldest first, each with its changes since the one before. */
export async function adoptedRounds(cwd: string, omraade?: string, includeWorkingTree = false): Promise<RoundStep[]> {
  const repository = await PolicyRepository.open(cwd);
  const tags = await repository.adoptedTags();
  if (tags.length === 0) {
    throw new UsageError(
      'Der er ingen vedtagne versioner (tags »vedtaget/ÅÅÅÅ-MM-DD«)',
      'Mærk en vedtaget version med fx »git tag vedtaget/2025-02-11 <commit>«. I en overfladisk klon: »git fetch --unshallow --tags«.',
    );
  }
  const steps: RoundStep[] = [{ label: tags[0]!, changes: [] }];
  const targets: (string | undefined)[] = [...tags.slice(1), ...(includeWorkingTree ? [undefined] : [])];
  let previous = tags[0]!;
  for (const target of targets) {
    const round = await buildRound({ cwd, from: previous, ...(target ? { to: target } : {}), ...(omraade ? { omraade } : {}) });
    steps.push({ label: target ?? WORKING_TREE_LABEL, from: previous, changes: round.changelog.changes });
    if (target) previous = target;
  }
  return steps;
}

/** `rounds`: one line per adopted version with a count of its changes. */
export async function runRounds(cwd: string, omraade?: string): Promise<string> {
  const lines = (await adoptedRounds(cwd, omraade)).map((step) => {
    const date = danishDate(step.label.slice(ADOPTED_TAG_PREFIX.length));
    if (!step.from) return `${step.label}  ${date}  første vedtagne version`;
    const fields = step.changes.flatMap((change) => change.fields);
    const material = fields.filter((field) => field.class === 'material').length;
    return `${step.label}  ${date}  ${fields.length} ${fields.length === 1 ? 'ændring' : 'ændringer'} i ${step.changes.length} ${step.changes.length === 1 ? 'dokument' : 'dokumenter'} (${material} ${CLASS_LABELS.material.toLowerCase()}${material === 1 ? '' : 'e'})`;
  });
  return `${lines.join('\n')}\n`;
}

/** `history <id>`: in which rounds a measure changed, and how. */
export async function runHistory(cwd: string, id: string, omraade?: string): Promise<string> {
  const lines = [`Historik for »${id}«:`];
  for (const step of (await adoptedRounds(cwd, omraade, true)).slice(1)) {
    const change = step.changes.find((candidate) => candidate.id === id || candidate.previousId === id);
    if (!change) {
      lines.push(`  ${step.label}: ingen ændringer`);
      continue;
    }
    const fields = change.fields.map((field) => `${field.change}${field.note ? ` (${field.note})` : ''}`);
    const renamed = change.previousId === id ? ` (nu »${change.id}«)` : '';
    lines.push(`  ${step.label}: ${kindWord(change.kind)}${renamed} — ${[...new Set(fields)].join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function kindWord(kind: MeasureChange['kind']): string {
  return { added: 'tilføjet', removed: 'fjernet', renamed: 'omdøbt', changed: 'ændret' }[kind];
}
