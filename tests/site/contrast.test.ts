import { describe, expect, it } from 'vitest';
import { contrastWithWhite, MINIMUM_CONTRAST, parseHexColor } from '../../scripts/site/contrast.js';

// The kommune's colour carries white text in the header and is the colour of links on white: WCAG 2.1 AA asks 4.5:1.

describe('the contrast of a kommune colour against white', () => {
  it.each([
    ['#1F4E79', 8.66, true],
    ['#000000', 21, true],
    ['#767676', 4.54, true],
    ['#777777', 4.48, false],
    ['#7FB2E5', 2.2, false],
    ['FFFFFF', 1, false],
  ] as const)('%s has %f:1 (enough: %s)', (color, ratio, enough) => {
    const value = contrastWithWhite(parseHexColor(color)!);
    expect(value).toBeCloseTo(ratio, 1);
    expect(value >= MINIMUM_CONTRAST).toBe(enough);
  });

  it('a colour that is not six hex digits is not read as one', () => {
    expect(parseHexColor('#12345')).toBeUndefined();
    expect(parseHexColor('rød')).toBeUndefined();
  });
});
