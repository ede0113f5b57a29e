import { appendFileSync, statSync } from 'node:fs';

/** GitHub shows at most 1 MiB of job summary per step and drops the rest. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;

/**
 * Appends Markdown to the job summary file the runner names in `GITHUB_STEP_SUMMARY`. Returns undefined when it
 * was written, or a Danish sentence saying why not: the summary is a courtesy, so a missing, unwritable or full
 * file must not stop the annotations (the caller reports the sentence and goes on).
 */
export function appendJobSummary(markdown: string, path: string): string | undefined {
  const where = `Jobsammendraget (GITHUB_STEP_SUMMARY »${path}«)`;
  let kind: string | undefined;
  try {
    const stats = statSync(path);
    // A FIFO or a device would block or swallow the write; the runner's summary is always a plain file.
    if (!stats.isFile()) kind = stats.isDirectory() ? 'er en mappe' : 'er ikke en almindelig fil';
  } catch (error) {
    return `${where} kan ikke skrives: ${reasonOf(error)}.`;
  }
  if (kind) return `${where} kan ikke skrives: den ${kind}.`;
  if (Buffer.byteLength(markdown, 'utf8') > MAX_SUMMARY_BYTES)
    return `${where} er ikke skrevet: tabellen fylder mere end GitHubs grænse på 1 MiB. Kør »npx serviceniveau check« for hele listen.`;
  try {
    appendFileSync(path, markdown, { encoding: 'utf8' });
    return undefined;
  } catch (error) {
    return `${where} kan ikke skrives: ${reasonOf(error)}.`;
  }
}

function reasonOf(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'filen findes ikke';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'der er ikke skriveadgang til filen';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disken er fuld';
    case 'EISDIR':
      return 'den er en mappe';
    default:
      return `filsystemet svarede ${(error as NodeJS.ErrnoException | undefined)?.code ?? 'med en fejl'}`;
  }
}
