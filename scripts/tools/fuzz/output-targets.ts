import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { writeOutput } from '../../commands/write-output.js';
import { UsageError } from '../../errors.js';

// `--out` against whatever may already stand at the target: the write either creates or replaces a regular file
// outside policies/ and schemas/ with exactly the document, or is refused with a Danish usage error — and in both
// cases nothing else in the folder changes (no FIFO, link, policy file or folder is touched, no temporary file left).

/** What can stand at the target path before the write. */
const OCCUPANTS = ['nothing', 'file', 'folder', 'fifo', 'link-to-file', 'link-to-policy', 'link-to-fifo', 'dangling-link'] as const;
type Occupant = (typeof OCCUPANTS)[number];

/** Where the target is, relative to the repository: beside it, in a new subfolder, inside policies/ or schemas/, or named like a document. */
const PLACES = [
  'ud/aendringer.html',
  'ny/mappe/aendringer.docx',
  'policies/boern-og-unge/aendringer.html',
  'schemas/x.json',
  'serviceniveau.md',
  'rolleplan.md',
];

export const OUTPUT_TARGET = fc.record({
  place: fc.constantFrom(...PLACES),
  occupant: fc.constantFrom(...OCCUPANTS),
  content: fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 })),
});

/** Every entry under a folder: its kind and, for a file, its bytes; for a link, where it points. */
function snapshot(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const key = relative(root, path);
      if (stat.isSymbolicLink()) entries.set(key, `link:${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        entries.set(key, 'folder');
        walk(path);
      } else if (stat.isFIFO()) entries.set(key, 'fifo');
      else entries.set(key, `file:${readFileSync(path).toString('base64')}`);
    }
  };
  walk(root);
  return entries;
}

function place(root: string, target: string, occupant: Occupant): void {
  mkdirSync(join(target, '..'), { recursive: true });
  if (occupant === 'file') writeFileSync(target, 'DEN GAMLE UDGAVE');
  if (occupant === 'folder') mkdirSync(target);
  if (occupant === 'fifo') execFileSync('mkfifo', [target]);
  if (occupant === 'link-to-file') symlinkSync(join(root, 'andet.txt'), target);
  if (occupant === 'link-to-policy') symlinkSync(join(root, 'policies/boern-og-unge/rolleplan.md'), target);
  if (occupant === 'link-to-fifo') symlinkSync(join(root, 'kø.fifo'), target);
  if (occupant === 'dangling-link') symlinkSync(join(root, 'findes-ikke', 'x.html'), target);
}

/** One case: a small repository with a policy file, a FIFO and a file to link to, then the write. */
export function checkOutputTarget({ place: where, occupant, content }: { place: string; occupant: Occupant; content: string | Uint8Array }): void {
  const root = mkdtempSync(join(tmpdir(), 'serviceniveau-fuzz-out-'));
  try {
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'policies/boern-og-unge'), { recursive: true });
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'policies/boern-og-unge/rolleplan.md'), 'ROLLEPLANEN');
    writeFileSync(join(root, 'andet.txt'), 'ANDET');
    execFileSync('mkfifo', [join(root, 'kø.fifo')]);
    const target = join(root, where);
    place(root, target, occupant);
    const before = snapshot(root);
    let written: string | undefined;
    try {
      written = writeOutput(root, where, content);
    } catch (error) {
      if (!(error instanceof UsageError)) throw new Error(`${occupant} at ${where}: not a usage error: ${String(error)}`, { cause: error });
    }
    const after = snapshot(root);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key));
    if (written === undefined) {
      if (changed.length > 0) throw new Error(`${occupant} at ${where}: refused, yet ${changed.join(', ')} changed`);
      return;
    }
    const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    if (!statSync(written).isFile() || !readFileSync(written).equals(bytes)) throw new Error(`${occupant} at ${where}: ${written} does not hold the document`);
    const expected = relative(root, written);
    const unexpected = changed.filter((key) => key !== expected && !expected.startsWith(`${key}/`) && after.get(key) !== 'folder');
    if (unexpected.length > 0) throw new Error(`${occupant} at ${where}: writing ${expected} also changed ${unexpected.join(', ')}`);
    if (/^(?:policies|schemas)\//.test(expected) || ['fifo', 'link-to-fifo', 'folder', 'link-to-policy'].includes(occupant))
      throw new Error(`${occupant} at ${where}: written to ${expected}, which must be refused`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
