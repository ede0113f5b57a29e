import { join } from 'node:path';
import { requireConfig } from '../config/require-config.js';
import { buildRound } from '../revision/build-round.js';
import type { Round } from '../revision/model.js';
import { checkOutputTargets, isStandardOutput, writeOutput } from './write-output.js';

export const CHANGELOG_FORMATS = ['json', 'md', 'html', 'docx'] as const;
export type ChangelogFormat = (typeof CHANGELOG_FORMATS)[number];

/** The file names `--out-dir` writes: the round's documents, and the Markdown cut to `--max-bytes` for the PR comment. */
export const CHANGELOG_FILE_STEM = 'aendringer';
export const COMMENT_FILE = 'kommentar.md';

export interface ChangelogOptions {
  cwd: string;
  from?: string;
  to?: string;
  omraade?: string;
  /** The config file, as for check. */
  config?: string;
  /** One format, or several with `outDir`. */
  formats: readonly ChangelogFormat[];
  out?: string;
  /** A folder to write every format into, as aendringer.<format>. */
  outDir?: string;
  /** For md: the most bytes the document may have (a PR comment holds 65,536 characters). */
  maxBytes?: number;
}

/**
 * `changelog`: the round's changes as JSON, or as committee documents. The round is read once for all the
 * formats asked for, and only what they show: the Word document's full proposal is the one that needs
 * every measure. Renderers load only when asked for.
 */
export async function runChangelog(options: ChangelogOptions): Promise<{ stdout?: string | Uint8Array; written: string[] }> {
  const { formats } = options;
  checkOutputTargets(formats, options, CHANGELOG_FILE_STEM);
  const round = await buildRound({ ...options, reads: formats.includes('docx') ? 'all' : 'touched' });
  if (options.outDir === undefined) {
    const content = await renderChangelog(round, formats[0]!, options);
    return options.out && !isStandardOutput(options.out) ? { written: [writeOutput(options.cwd, options.out, content)] } : { stdout: content, written: [] };
  }
  const written: string[] = [];
  for (const format of formats)
    written.push(
      writeOutput(
        options.cwd,
        join(options.outDir, `${CHANGELOG_FILE_STEM}.${format}`),
        await renderChangelog(round, format, { ...options, maxBytes: undefined }),
      ),
    );
  // With --max-bytes the folder holds both Markdown documents: the whole one for the job summary, the cut one for the comment.
  if (formats.includes('md') && options.maxBytes !== undefined)
    written.push(writeOutput(options.cwd, join(options.outDir, COMMENT_FILE), await renderChangelog(round, 'md', options)));
  return { written };
}

/** One format of the round; `maxBytes` cuts the Markdown, the config's `document` sets the Word document's typography. */
async function renderChangelog(
  round: Round,
  format: ChangelogFormat,
  { maxBytes, config, cwd }: { maxBytes?: number | undefined; config?: string; cwd: string },
): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(round.changelog, null, 2)}\n`;
    case 'md':
      return (await import('../revision/render-markdown.js')).renderChangelogMarkdown(round, maxBytes ? { maxBytes } : {});
    case 'html':
      return (await import('../revision/render-html.js')).renderChangelogHtml(round);
    case 'docx':
      return (await import('../revision/render-docx.js')).renderChangelogDocx(round, requireConfig(config, cwd).document);
  }
}
