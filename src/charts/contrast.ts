// Text colour on a coloured ground: WCAG 2 relative luminance and contrast ratio, so a value label
// drawn on a bar or a slice is readable (at least 4.5:1) whatever colour the series has.

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The dark text colour charts use, and white. */
export const DARK_TEXT = '#1a1a1a';
export const LIGHT_TEXT = '#ffffff';

/** Dark or white text, whichever stands out more on `ground`. */
export function textColourOn(ground: string): string {
  return contrastRatio(DARK_TEXT, ground) >= contrastRatio(LIGHT_TEXT, ground) ? DARK_TEXT : LIGHT_TEXT;
}
