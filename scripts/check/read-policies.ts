import { existsSync, lstatSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { areaOfPath, contextPathsOf, documentKindOf, POLICY_FOLDER } from '../layout.js';
import { discoverFiles, displayPath, linkedAncestorOf, type FoundFile } from '../load/discover-files.js';
import { loadDocument, type LoadedFile } from '../load/load-document.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';
import type { PolicyDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';

/** The policy files a check reads from disk: what to check, what the rules read beside it, and what could not be placed. */
export interface ReadPolicies {
  /** The files asked for, loaded. */
  files: LoadedFile[];
  /** The register, frames and role plans the checked documents refer to but the user did not ask to check. */
  context: PolicyDocument[];
  /** Paths that are not documents, links that are not followed, folders named like documents. */
  discovery: Finding[];
}

/** Finds, reads and loads the policy documents under the given paths (default: policies/), and their context. */
export function readPolicies(paths: readonly string[], cwd: string): ReadPolicies {
  const { files: found, findings: discovery } = discoverFiles(paths.length > 0 ? paths : [POLICY_FOLDER], cwd);
  if (paths.length === 0 && found.length === 0 && discovery.length === 0) {
    throw new UsageError(
      `Der er ingen politikdokumenter i »${POLICY_FOLDER}/«`,
      'Kør kommandoen fra repositoriets rod, eller angiv de filer eller mapper, der skal kontrolleres.',
    );
  }
  const files = found.map(readPolicyFile);
  return { files, context: readContextDocuments(found, cwd), discovery };
}

/** The documents cross-document rules need beside the checked ones: the register and the frame and role plan of each checked area. */
function readContextDocuments(checked: readonly FoundFile[], cwd: string): PolicyDocument[] {
  const have = new Set(checked.map((found) => found.absolute));
  const wanted = new Set(checked.flatMap((found) => contextPathsOf(areaOfPath(found.absolute, found.kind))));
  const documents: PolicyDocument[] = [];
  for (const absolute of [...wanted].sort()) {
    const kind = documentKindOf(absolute);
    if (have.has(absolute) || !kind || !existsSync(absolute) || !lstatSync(absolute).isFile() || linkedAncestorOf(absolute, cwd)) continue;
    const file = displayPath(absolute, cwd);
    const loaded = loadDocument(file, kind, readBounded(absolute, { display: file, limit: READ_LIMITS.document, refuseLinks: true }));
    if (loaded.document && !loaded.broken) documents.push(loaded.document);
  }
  return documents;
}

/** A document that cannot be read whole (too big, or swapped for a FIFO since it was found) is a load finding on it. */
function readPolicyFile(found: FoundFile): LoadedFile {
  let bytes: Buffer;
  try {
    bytes = readBounded(found.absolute, {
      display: found.file,
      limit: READ_LIMITS.document,
      refuseLinks: true,
      hint: 'Læg dokumentet som en almindelig fil under 5 MB.',
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const start = { line: 1, column: 1 };
    return {
      findings: [
        {
          source: 'load',
          rule: 'schema',
          severity: 'error',
          file: found.file,
          start,
          end: start,
          message: error.message,
          ...(error.hint ? { hint: error.hint } : {}),
        },
      ],
      broken: true,
    };
  }
  return loadDocument(found.file, found.kind, bytes);
}
