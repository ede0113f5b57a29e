import { join } from 'node:path';
import { requireConfig } from '../config/require-config.js';
import { UsageError } from '../errors.js';
import { readServiceLevel } from '../revision/build-round.js';
import { writeOutput } from './write-output.js';

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
  if (options.outDir === undefined) {
    if (formats.length > 1) throw new UsageError('Flere formater skal skrives til en mappe', 'Tilføj --out-dir, fx --format html,docx --out-dir pakke.');
    if (formats[0] === 'docx' && !options.out) throw new UsageError('Et Word-dokument skal skrives til en fil', 'Tilføj --out, fx --out serviceniveau.docx.');
  } else if (options.out !== undefined)
    throw new UsageError('Brug enten --out eller --out-dir', '--out skriver ét format til én fil, --out-dir alle formaterne til en mappe.');
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
  return options.out ? { written: [writeOutput(options.cwd, options.out, content)] } : { stdout: content, written: [] };
}
