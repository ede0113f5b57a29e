import { parentPointer, type OffsetRange, type PolicyDocument } from '../model/document.js';

/**
 * The source range of the value at a JSON pointer (`key`: of its key, say a section's heading, where it
 * has one). A member that is missing points at where it should have been written, unless `insertion` is
 * false (a rule reporting on a section's content rather than its absence); anything else unknown falls
 * back to its nearest located parent.
 */
export function locate(document: PolicyDocument, pointer: string, options: { key?: boolean; insertion?: boolean } = {}): OffsetRange {
  const location = document.locations.get(pointer);
  if (location) return (options.key && location.key) || location.value;
  const insertion = options.insertion === false ? undefined : document.insertionPoints.get(pointer);
  if (insertion) return insertion;
  let parent = pointer;
  while (parent !== '') {
    parent = parentPointer(parent);
    const found = document.locations.get(parent);
    if (found && parent !== '') return firstLine(document, found.key ?? found.value);
  }
  return document.fallback;
}

/** The exact source of a value that was read, for reading its raw text (as prose does); undefined if it has none. */
export function valueSource(document: PolicyDocument, pointer: string): OffsetRange | undefined {
  return document.locations.get(pointer)?.value;
}

/** Narrows a range to its first line, so a missing member does not underline a whole object. */
function firstLine(document: PolicyDocument, range: OffsetRange): OffsetRange {
  const line = document.lines.position(range.start).line;
  return { start: range.start, end: Math.min(range.end, document.lines.lineEnd(line)) };
}
