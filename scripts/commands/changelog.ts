import { requireConfig } from '../config/require-config.js';
import { UsageError } from '../errors.js';
import { buildRound } from '../revision/build-round.js';
import { writeOutput } from './write-output.js';

export const CHANGELOG_FORMATS = ['json', 'md', 'html', 'docx'] as const;
export type ChangelogFormat = (typeof CHANGELOG_FORMATS)[number];

export interface ChangelogOptions {
  cwd: string;
  from?: string;
  to?: string;
  omraade?: string;
  /** The config file, as for check. */
  config?: string;
  format: ChangelogFormat;
  out?: string;
  /** For md: the most bytes the document may have (a PR comment holds 65,536 characters). */
  maxBytes?: number;
}

/** `changelog`: the round's changes as JSON, or as a committee document; renderers load only when asked for. */
export async function runChangelog(options: ChangelogOptions): Promise<{ stdout?: string | Uint8Array; written?: string }> {
  if (options.format === 'docx' && !options.out) throw new UsageError('Et Word-dokument skal skrives til en fil', 'Tilføj --out, fx --out aendringer.docx.');
  const round = await buildRound(options);
  let content: string | Uint8Array;
  switch (options.format) {
    case 'json':
      content = `${JSON.stringify(round.changelog, null, 2)}\n`;
      break;
    case 'md':
      content = (await import('../revision/render-markdown.js')).renderChangelogMarkdown(round, options.maxBytes ? { maxBytes: options.maxBytes } : {});
      break;
    case 'html':
      content = (await import('../revision/render-html.js')).renderChangelogHtml(round);
      break;
    case 'docx':
      content = await (await import('../revision/render-docx.js')).renderChangelogDocx(round, requireConfig(options.config, options.cwd).document);
      break;
  }
  return options.out ? { written: writeOutput(options.cwd, options.out, content) } : { stdout: content };
}
