import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UsageError } from '../errors.js';

/**
 * Size limits, in bytes, for what the tool reads. A file above its limit is refused before a byte of it is read.
 * Policy documents, the register and the config: the largest real ones are a few KB; 5 MB leaves room for any
 * real document and stops a planted multi-GB file. Law index files: the largest (lovtekster/index/2023_1089.json)
 * is 308 KB; 1 MB is three times that. The event JSON: GitHub caps a webhook payload at 25 MB. A Word file to import:
 * a 100-measure service level is well under 1 MB without pictures; 50 MB leaves room for pictures and logos.
 */
export const READ_LIMITS = {
  document: 5 * 1024 * 1024,
  law: 1024 * 1024,
  event: 25 * 1024 * 1024,
  docx: 50 * 1024 * 1024,
} as const;

/** How to read one file: the name users see in messages, its limit, and whether a symbolic link is refused. */
export interface BoundedRead {
  /** The file as the user knows it, e.g. »serviceniveau.config.json« or »GITHUB_EVENT_PATH (/tmp/x.json)«. */
  display: string;
  limit: number;
  /** Refuse the file when it is itself a symbolic link (the open fails rather than follow it). */
  refuseLinks?: boolean;
  /** What to say to do about it. */
  hint?: string;
}

/** A file that is not a regular file, in words: »en FIFO«, »en enhed«. */
export function specialFileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'en mappe';
  if (stats.isFIFO()) return 'en FIFO (navngivet rør)';
  if (stats.isSocket()) return 'en socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'en enhed';
  if (stats.isSymbolicLink()) return 'et symbolsk link';
  return 'ikke en almindelig fil';
}

/**
 * Reads a whole file, but only a regular file within its size limit: a FIFO, a device (/dev/zero), a socket or
 * a folder is refused with a Danish error naming the file, and so is a file above the limit, without reading it.
 * O_NONBLOCK keeps the open itself from waiting for a FIFO's writer; fstat then judges what was opened.
 */
export function readBounded(path: string, { display, limit, refuseLinks = false, hint }: BoundedRead): Buffer {
  const fix = hint ?? 'Angiv en almindelig fil.';
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (refuseLinks ? constants.O_NOFOLLOW : 0));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' && refuseLinks)
      throw new UsageError(`»${display}« er et symbolsk link og bliver ikke læst`, `${fix} Links kan pege uden for repositoriet.`, { cause });
    if (code === 'ENOENT') throw new UsageError(`»${display}« findes ikke`, fix, { cause });
    if (code === 'EISDIR') throw new UsageError(`»${display}« er en mappe, men her forventes en fil`, fix, { cause });
    throw new UsageError(`»${display}« kan ikke åbnes (${code ?? 'ukendt fejl'})`, 'Tjek at filen findes, og at du har adgang til at læse den.', { cause });
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new UsageError(`»${display}« er ${specialFileKind(stats)}, ikke en almindelig fil, og bliver ikke læst`, fix);
    if (stats.size > limit)
      throw new UsageError(`»${display}« er på ${megabytes(stats.size)} og dermed over grænsen på ${megabytes(limit)}; filen bliver ikke læst`, fix);
    return readAll(descriptor, stats.size, limit, display, fix);
  } finally {
    closeSync(descriptor);
  }
}

/** Reads to the end, never past the limit: a regular file can grow while it is read. */
function readAll(descriptor: number, size: number, limit: number, display: string, fix: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.alloc(Math.max(Math.min(size + 1, limit + 1), 1));
  for (;;) {
    const count = readSync(descriptor, buffer, 0, buffer.length, null);
    if (count === 0) break;
    chunks.push(buffer.subarray(0, count));
    total += count;
    if (total > limit) throw new UsageError(`»${display}« voksede under læsningen til over grænsen på ${megabytes(limit)}; filen bliver ikke læst`, fix);
    buffer = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
  }
  return Buffer.concat(chunks, total);
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024).toLocaleString('da-DK')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
}
