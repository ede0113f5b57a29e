import { requireConfig } from '../config/require-config.js';
import { UsageError } from '../errors.js';
import { readServiceLevel } from '../revision/build-round.js';
import { writeOutput } from './write-output.js';

export const RENDER_FORMATS = ['html', 'docx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** `render`: the whole service level at a ref (or the working tree) as one HTML or Word document. */
export async function runRender(options: {
  cwd: string;
  ref?: string;
  omraade?: string;
  /** The config file, as for check: its `document` sets the Word document's font, size and heading colour. */
  config?: string;
  format: RenderFormat;
  out?: string;
}): Promise<{ stdout?: string | Uint8Array; written?: string }> {
  if (options.format === 'docx' && !options.out) throw new UsageError('Et Word-dokument skal skrives til en fil', 'Tilføj --out, fx --out serviceniveau.docx.');
  const { level, side, kommune, omraade } = await readServiceLevel(options);
  const content =
    options.format === 'html'
      ? (await import('../revision/render-html.js')).renderServiceLevelHtml(level, side, { kommune, omraade })
      : await (
          await import('../revision/render-docx.js')
        ).renderServiceLevelDocx(level, side, { kommune, omraade }, requireConfig(options.config, options.cwd).document);
  return options.out ? { written: writeOutput(options.cwd, options.out, content) } : { stdout: content };
}
