import { posix } from 'node:path';
import type { DocumentKind } from './model/document.js';

// The repository layout, known here and nowhere else (SPEC "Repository layout"):
//   policies/lovregister.json
//   policies/<område>/serviceniveau.md|json
//   policies/<område>/rolleplan.md|json
//   policies/<område>/foranstaltninger/<id>.md|json
// Paths are repository- or working-directory-relative with forward slashes, or absolute POSIX paths.

/** The folder holding every policy document. */
export const POLICY_FOLDER = 'policies';
/** The folder of an area that holds one file per measure. */
export const MEASURE_FOLDER = 'foranstaltninger';
export const REGISTER_FILE_NAME = 'lovregister.json';
export const CONFIG_FILE_NAME = 'serviceniveau.config.json';
const FRAME_STEM = 'serviceniveau';
const ROLE_PLAN_STEM = 'rolleplan';
const EXTENSIONS = ['.md', '.json'] as const;

/** The document kind a file holds, judged by its name and folder; undefined when it is none of ours. */
export function documentKindOf(path: string): DocumentKind | undefined {
  const name = posix.basename(path);
  const extension = posix.extname(name);
  if (!isPolicyExtension(extension)) return undefined;
  if (name === CONFIG_FILE_NAME) return 'config';
  if (name === REGISTER_FILE_NAME) return 'lovregister';
  const stem = name.slice(0, -extension.length);
  if (stem === FRAME_STEM) return 'serviceniveau';
  if (stem === ROLE_PLAN_STEM) return 'rolleplan';
  if (posix.basename(posix.dirname(path)) === MEASURE_FOLDER) return 'foranstaltning';
  return undefined;
}

/** Whether a file name has an extension policy documents are written in (.md or .json). */
export function isPolicyExtension(extension: string): boolean {
  return (EXTENSIONS as readonly string[]).includes(extension);
}

/** The area folder (policies/<område>) a document of this kind at this path belongs to. */
export function areaOfPath(path: string, kind: DocumentKind): string {
  const folder = posix.dirname(path);
  return kind === 'foranstaltning' ? posix.dirname(folder) : folder;
}

/** The register an area's measures cite: lovregister.json beside the area folders. */
export function registerPathOf(area: string): string {
  return posix.join(posix.dirname(area), REGISTER_FILE_NAME);
}

/** The files an area's cross-document rules read: its frame and role plan (in either format) and the register. */
export function contextPathsOf(area: string): string[] {
  const stems = [FRAME_STEM, ROLE_PLAN_STEM];
  return [...stems.flatMap((stem) => EXTENSIONS.map((extension) => posix.join(area, `${stem}${extension}`))), registerPathOf(area)];
}

/** The folder of an area that holds its measures. */
export function measureFolderOf(area: string): string {
  return posix.join(area, MEASURE_FOLDER);
}

/** The path of a measure file in an area. */
export function measurePathOf(area: string, id: string, extension: '.md' | '.json' = '.md'): string {
  return posix.join(measureFolderOf(area), `${id}${extension}`);
}

/** The candidate files of a measure id, one per format: two of them at once make the id ambiguous. */
export function measurePathsOf(area: string, id: string): string[] {
  return EXTENSIONS.map((extension) => measurePathOf(area, id, extension));
}

/** A measure's stable id: its file name without the extension. */
export function measureIdOf(path: string): string {
  const name = posix.basename(path);
  return name.slice(0, name.length - posix.extname(name).length);
}

/** The area folder of a repository path: policies/<område>, or undefined when the path is not inside one. */
export function areaOfRepositoryPath(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length >= 3 && parts[0] === POLICY_FOLDER ? parts.slice(0, 2).join('/') : undefined;
}

/** The area folder of an area name (»boern-og-unge« → policies/boern-og-unge). */
export function areaFolderOf(name: string): string {
  return `${POLICY_FOLDER}/${name}`;
}

/** The name of an area folder (policies/boern-og-unge → »boern-og-unge«). */
export function areaNameOf(area: string): string {
  return area.startsWith(`${POLICY_FOLDER}/`) ? area.slice(POLICY_FOLDER.length + 1) : area;
}

/** Whether a repository path belongs to an area, or is the register beside it. */
export function belongsToArea(path: string, area: string): boolean {
  return path.startsWith(`${area}/`) || path === registerPathOf(area);
}

/** How users are told which files are documents, in hints. */
export const LAYOUT_HINT = `Kendte dokumenter er ${FRAME_STEM}.md, ${ROLE_PLAN_STEM}.md, ${REGISTER_FILE_NAME} og ${MEASURE_FOLDER}/<id>.md eller .json.`;
