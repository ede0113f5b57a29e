import { join } from 'node:path';
import { requireConfig } from '../config/require-config.js';
import { readServiceLevel } from '../revision/build-round.js';
import { checkOutputTargets, isStandardOutput, writeOutput } from './write-output.js';

export const RENDER_FORMATS = ['html', 'docx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** The file name `--out-dir` writes each format as: serviceniveau.<format>. */
export const RENDER_FILE_STEM = 'serviceniveau';

/** `render`: the whole service level at a ref (or the working tree) as one HTML or Word document, or both from one read. */
export async function runRender(options: {
  cwd: string;
  ref?: string;
  omraade?: string;
  /** The config file, as for check: its `document` sets the Word document's font, size and heading colour. */
  config?: string;
  formats: readonly RenderFormat[];
  out?: string;
  outDir?: string;
}): Promise<{ stdout?: string | Uint8Array; written: string[] }> {
  const { formats } = options;
  checkOutputTargets(formats, options, RENDER_FILE_STEM);
  const { level, side, kommune, omraade } = await readServiceLevel(options);
  const contentOf = async (format: RenderFormat): Promise<string | Uint8Array> =>
    format === 'html'
      ? (await import('../revision/render-html.js')).renderServiceLevelHtml(level, side, { kommune, omraade })
      : await (
          await import('../revision/render-docx.js')
        ).renderServiceLevelDocx(level, side, { kommune, omraade }, requireConfig(options.config, options.cwd).document);
  if (options.outDir !== undefined) {
    const written: string[] = [];
    for (const format of formats) written.push(writeOutput(options.cwd, join(options.outDir, `${RENDER_FILE_STEM}.${format}`), await contentOf(format)));
    return { written };
  }
  const content = await contentOf(formats[0]!);
  return options.out && !isStandardOutput(options.out) ? { written: [writeOutput(options.cwd, options.out, content)] } : { stdout: content, written: [] };
}
