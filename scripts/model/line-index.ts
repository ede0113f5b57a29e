import type { Position } from './finding.js';

/** Turns string offsets into 1-based line/column positions (columns in UTF-16 code units). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** The position of a string offset; offsets past the end clamp to the end of the text. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** How many lines the text has (a final line break opens one more, empty line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The offset where a 1-based line begins. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] ?? 0;
  }

  /** The offset just before the line break that ends a 1-based line. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    const end = next - 1;
    return end > 0 && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }
}
