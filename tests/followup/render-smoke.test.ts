import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { renderReportDocx } from '../../scripts/followup/render-report-docx.js';
import { renderReportHtml } from '../../scripts/followup/render-report-html.js';
import { renderReportMarkdown } from '../../scripts/followup/render-report-md.js';
import { exampleReport } from './report-fixture.js';

it('writes the example report', async () => {
  const folder = '/tmp/rapport';
  mkdirSync(folder, { recursive: true });
  const report = exampleReport();
  writeFileSync(join(folder, 'opfoelgning.html'), await renderReportHtml(report));
  writeFileSync(join(folder, 'opfoelgning.docx'), await renderReportDocx(report));
  writeFileSync(join(folder, 'opfoelgning.md'), renderReportMarkdown(report));
}, 60_000);
