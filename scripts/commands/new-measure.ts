import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { createAtomically } from './temporary-file.js';
import { displayPath } from '../load/discover-files.js';
import { sectionFields } from '../model/schema-catalog.js';
import { areaFolderOf, measurePathsOf, measurePathOf, POLICY_FOLDER } from '../layout.js';
import { printable } from '../report/printable.js';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface NewMeasureOptions {
  id: string;
  titel?: string;
  omraade?: string;
  cwd: string;
}

/** Writes a new measure file from the template and returns its path; never overwrites a file. */
export function createMeasure(options: NewMeasureOptions): string {
  const id = checkId(options.id, 'id');
  const area = chooseArea(options);
  for (const path of measurePathsOf(areaFolderOf(area), id)) {
    const existing = resolve(options.cwd, path);
    if (existsSync(existing)) {
      throw new UsageError(
        `Foranstaltningen »${id}« findes allerede: ${displayPath(existing, options.cwd)}`,
        'Vælg et andet id, eller ret den eksisterende fil.',
      );
    }
  }
  const target = resolve(options.cwd, measurePathOf(areaFolderOf(area), id));
  mkdirSync(dirname(target), { recursive: true });
  writeNewFile(target, renderMeasureTemplate(id, options.titel));
  return displayPath(target, options.cwd);
}

/** A measure with every template heading and a bracketed guidance line under each, to be replaced. */
export function renderMeasureTemplate(id: string, titel?: string): string {
  const title = titel?.trim() ? titel.trim() : '[Skriv foranstaltningens titel]';
  const sections = sectionFields('foranstaltning').map((field) => `## ${field.heading}\n\n[${field.guidance}]\n`);
  return [`---\nid: ${id}\ntitel: ${JSON.stringify(title)}\n---\n`, ...sections].join('\n');
}

function checkId(value: string, what: string): string {
  if (ID_PATTERN.test(value) && value.length <= 80) return value;
  const suggestion = value
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return fail(
    `Ugyldigt ${what} »${printable(value)}«: brug kun små bogstaver a-z, tal og bindestreger`,
    suggestion ? `Prøv fx »${suggestion}«.` : 'Fx »praktisk-paedagogisk-stoette«.',
  );
}

function chooseArea(options: NewMeasureOptions): string {
  const root = resolve(options.cwd, POLICY_FOLDER);
  const areas = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
    : [];
  if (options.omraade !== undefined) {
    const area = checkId(options.omraade, 'område');
    if (!areas.includes(area)) {
      return fail(
        `Området »${area}« findes ikke under ${POLICY_FOLDER}/`,
        areas.length ? `Kendte områder: ${areas.join(', ')}.` : `Opret først mappen ${POLICY_FOLDER}/${area}/.`,
      );
    }
    return area;
  }
  const [only, ...others] = areas;
  if (only && others.length === 0) return only;
  if (!only)
    return fail(`Der er ingen områder under ${POLICY_FOLDER}/`, `Kør kommandoen fra repositoriets rod, eller opret fx ${POLICY_FOLDER}/boern-og-unge/.`);
  return fail('Der er flere områder; vælg et med --omraade', `Kendte områder: ${areas.join(', ')}.`);
}

/** Writes a file that must not exist yet, atomically: a temporary file is linked into place. */
function writeNewFile(target: string, content: string): void {
  try {
    createAtomically(target, content);
  } catch (cause) {
    throw new UsageError(`Filen »${target}« kunne ikke oprettes`, 'Findes den allerede? Så vælg et andet id.', { cause });
  }
}

function fail(message: string, hint: string): never {
  throw new UsageError(message, hint);
}
