import { parentPointer, type OffsetRange, type PolicyDocument } from '../model/document.js';

/**
 * The source range of the value at a JSON pointer. A member that is missing points at where it
 * should have been written; anything else unknown falls back to its nearest located parent.
 */
export function locate(document: PolicyDocument, pointer: string, options: { key?: boolean } = {}): OffsetRange {
  const insertion = document.insertionPoints.get(pointer);
  const location = document.locations.get(pointer);
  if (location) return (options.key && location.key) || location.value;
  if (insertion) return insertion;
  let parent = pointer;
  while (parent !== '') {
    parent = parentPointer(parent);
    const found = document.locations.get(parent);
    if (found && parent !== '') return firstLine(document, found.key ?? found.value);
  }
  return document.fallback;
}

/** Narrows a range to its first line, so a missing member does not underline a whole object. */
function firstLine(document: PolicyDocument, range: OffsetRange): OffsetRange {
  const line = document.lines.position(range.start).line;
  return { start: range.start, end: Math.min(range.end, document.lines.lineEnd(line)) };
}
