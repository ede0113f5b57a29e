import { measureIdOf, areaOfPath } from '../layout.js';
import type { PolicyDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { schemaFinding } from './validate-document.js';

/**
 * Two files in one area giving the same measure id (say x.md and x.json) make the id ambiguous. The set of
 * files cannot be read as one service level, so, like a file that cannot be read, this is never silenced by config.
 */
export function findDuplicateMeasureIds(documents: readonly PolicyDocument[]): Finding[] {
  const seen = new Map<string, PolicyDocument>();
  const findings: Finding[] = [];
  for (const document of documents) {
    if (document.kind !== 'foranstaltning') continue;
    const id = measureIdOf(document.file);
    const key = `${areaOfPath(document.file, document.kind)}\u0000${id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, document);
      continue;
    }
    const finding = schemaFinding(document, {
      pointer: '/id',
      atKey: false,
      message: `Foranstaltningen »${id}« findes også i »${first.file}«`,
      hint: 'Behold kun én af filerne (.md eller .json) for hver foranstaltning.',
    });
    findings.push({ ...finding, source: 'load' });
  }
  return findings;
}
