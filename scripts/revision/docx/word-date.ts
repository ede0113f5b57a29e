/** The date of tracked changes and document properties when neither side of a round has one: never the clock. */
export const EPOCH = '1970-01-01T00:00:00Z';

/** Word wants a date and time: a bare date gets midnight UTC. */
export function normalizeDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}
