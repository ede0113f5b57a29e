/** WCAG 2.1 AA: normal text needs a contrast ratio of at least 4.5:1 against its background. */
export const MINIMUM_CONTRAST = 4.5;

/** A colour as six hex digits, with or without #, as its sRGB channels 0–255; undefined when it is not one. */
export function parseHexColor(text: string): [number, number, number] | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  return match ? [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)] : undefined;
}

/** The relative luminance of an sRGB colour (WCAG 2.1, »relative luminance«). */
export function relativeLuminance([red, green, blue]: readonly [number, number, number]): number {
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The contrast of a colour against white, which the site puts on it (header text) and beside it (links on the page). */
export function contrastWithWhite(color: readonly [number, number, number]): number {
  return contrastRatio(color, [255, 255, 255]);
}
