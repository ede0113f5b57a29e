import { describe, expect, it } from 'vitest';
import { REPORTED_CHARACTERS } from '../../scripts/text/invisible.js';
import { normalizeProse, sourceRange } from '../../scripts/text/normalize.js';
import type { SourceText } from '../../scripts/text/prose.js';

/** Text as a field of a file starting at offset 100. */
function sourceOf(text: string): SourceText {
  return { text, offsets: Int32Array.from({ length: text.length + 1 }, (_, index) => 100 + index) };
}

describe('normalised text reads as it displays', () => {
  it('drops every bidi control and zero-width character, wherever it stands in a word', () => {
    for (const char of REPORTED_CHARACTERS) {
      const label = `U+${char.charCodeAt(0).toString(16)}`;
      expect(normalizeProse(sourceOf(`Der gives hø${char}jst 10 timer.`)).text, label).toBe('Der gives højst 10 timer.');
      expect(normalizeProse(sourceOf(`cpr.nr. 0101${char}90-1234`)).text, label).toBe('cpr.nr. 010190-1234');
      expect(normalizeProse(sourceOf(`${char}Barnets Lov § 32${char}`)).text, label).toBe('Barnets Lov § 32');
    }
  });

  it('keeps each character pointing at its place in the file, so a finding spans the hidden character too', () => {
    const normalized = normalizeProse(sourceOf('Ring på 22\u2063 33 44 55.'));
    expect(normalized.text).toBe('Ring på 22 33 44 55.');
    const start = normalized.text.indexOf('22');
    expect(sourceRange(normalized, start, start + '22 33 44 55'.length)).toEqual({ start: 108, end: 120 });
  });

  it('lets a combining grapheme joiner fall away without losing the accent after it', () => {
    expect(normalizeProse(sourceOf('hø\u034Fjst og e\u034F\u0301n')).text).toBe('højst og én');
  });

  it('leaves soft hyphens dropped and hard spaces folded, as before', () => {
    expect(normalizeProse(sourceOf('børne\u00ADfaglig undersøgelse i 6\u00A0måneder')).text).toBe('børnefaglig undersøgelse i 6 måneder');
  });
});
