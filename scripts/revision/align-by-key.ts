import { diffArrays } from 'diff';

/** One place in two aligned lists: an item on both sides (same key), only before (removed) or only after (added). */
export type Aligned<T> = { before: T; after: T } | { before: T; after?: undefined } | { before?: undefined; after: T };

/** Aligns two lists by a key, in order: items with the same key pair up, the others stand alone where they were. */
export function alignByKey<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): Aligned<T>[] {
  const aligned: Aligned<T>[] = [];
  let b = 0;
  let a = 0;
  for (const change of diffArrays(before.map(keyOf), after.map(keyOf))) {
    for (let index = 0; index < change.value.length; index++) {
      if (change.removed) aligned.push({ before: before[b++]! });
      else if (change.added) aligned.push({ after: after[a++]! });
      else aligned.push({ before: before[b++]!, after: after[a++]! });
    }
  }
  return aligned;
}
