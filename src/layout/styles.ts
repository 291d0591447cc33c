// Page geometry and text styles shared by every document: one place for the house look.
import { FONT_FAMILY } from '../core/fonts.js';
import { contrastRatio, textColourOn } from '../charts/contrast.js';

export const PAGE_MARGIN = { side: 57, top: 64, bottom: 56 } as const;
/** A4 portrait in points. */
export const PAGE_SIZE = { width: 595.28, height: 841.89 } as const;
/** Text width of a portrait A4 page in points. */
export const PORTRAIT_TEXT_WIDTH = PAGE_SIZE.width - 2 * PAGE_MARGIN.side;
export const LANDSCAPE_TEXT_WIDTH = PAGE_SIZE.height - 2 * PAGE_MARGIN.side;
/**
 * The side column at the left of the text area: headings hang into it, running text starts after it.
 * Running text is set in the remaining width, about 70–75 characters of 10.5 pt Roboto per line (a
 * comfortable measure; the full text width would give about 100); tables, målskjema, charts and
 * figures keep the full width.
 */
export const SIDE_COLUMN = 125;
/** Width of running text (paragraphs, lists, quotes, notes, footnotes), the same on every page. */
export const TEXT_COLUMN_WIDTH = PORTRAIT_TEXT_WIDTH - SIDE_COLUMN;

export const COLOURS = {
  accent: '#1b5e87',
  accentLight: '#e3eef5',
  rule: '#9fb7c7',
  muted: '#555555',
  /** Body text, and status lines (what a document is: a neutral colour, never an alarm). */
  text: '#1a1a1a',
  /** The EKSEMPEL stamp: a warning, so it stands apart from every status line. */
  stamp: '#8a1c1c',
  noteFill: '#fff4d6',
  noteBorder: '#d9a400',
} as const;

export const defaultStyle = { font: FONT_FAMILY, fontSize: 10.5, lineHeight: 1.2, color: COLOURS.text };

/** Least contrast of any text with its ground (WCAG 2 AA for normal text). */
export const MIN_CONTRAST = 4.5;

/**
 * The kommune's colour as a text colour on white: itself when it is dark enough, else darkened
 * (mixed with black in small steps) until it reaches MIN_CONTRAST — a pale profile colour still
 * gives readable headings.
 */
export function accentText(accent: string): string {
  const rgb = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
  for (let k = 0; k <= 20; k++) {
    const c = `#${rgb.map((v) => Math.round(v * (1 - k / 20)).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(c, '#ffffff') >= MIN_CONTRAST) return c;
  }
  return '#000000';
}

/** Text styles with the kommune's colour as accent: headings in it, header cells on it. */
export function documentStyles(accent: string): Record<string, object> {
  const headingColour = accentText(accent);
  const onAccent = textColourOn(accent);
  return Object.fromEntries(Object.entries(styles).map(([k, v]) => [k, ACCENTED.has(k) ? { ...v, color: headingColour } : ON_ACCENT.has(k) ? { ...v, color: onAccent } : v]));
}

/** The margin a style gives a node ([left, top, right, bottom]); none when the style has no margin. */
export function styleMargin(name: string): readonly [number, number, number, number] {
  const m = (styles as Record<string, { margin?: readonly number[] }>)[name]?.margin;
  return m && m.length === 4 ? [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 0] : [0, 0, 0, 0];
}

/** Styles printed in the kommune's colour, on white. */
const ACCENTED = new Set(['h1', 'h2', 'tocTitle', 'frontTitle']);
/** Styles printed on a fill of the kommune's colour (table header cells, the målskjema's goal rows and header cells). */
const ON_ACCENT = new Set(['tableHeader', 'malTitle', 'malskjemaHeader']);

const styles = {
  h1: { fontSize: 20, bold: true, color: COLOURS.accent, margin: [0, 0, 0, 12] },
  h2: { fontSize: 14.5, bold: true, color: COLOURS.accent, margin: [0, 14, 0, 6] },
  h3: { fontSize: 12, bold: true, color: '#1a1a1a', margin: [0, 10, 0, 4] },
  runIn: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
  p: { margin: [0, 0, 0, 7] },
  list: { margin: [0, 0, 0, 7] },
  quote: { italics: true, fontSize: 10.5 },
  quoteSource: { fontSize: 9, color: COLOURS.muted, margin: [0, 3, 0, 0] },
  caption: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 2] },
  source: { fontSize: 8.5, italics: true, color: COLOURS.muted, margin: [0, 0, 0, 10] },
  tableHeader: { bold: true, fontSize: 9, color: '#ffffff' },
  tableCell: { fontSize: 9 },
  malskjema: { fontSize: 8 },
  malskjemaHeader: { fontSize: 8, bold: true, color: '#ffffff' },
  malHovudmal: { fontSize: 10.5, bold: true, margin: [0, 0, 0, 6] },
  malNote: { fontSize: 8.5, italics: true, color: '#333333', margin: [0, 0, 0, 4] },
  malTitle: { fontSize: 9.5, bold: true, color: '#ffffff' },
  footnote: { fontSize: 8.5, color: '#333333' },
  footnoteTitle: { fontSize: 9.5, bold: true, margin: [0, 12, 0, 3] },
  tocTitle: { fontSize: 20, bold: true, color: COLOURS.accent, margin: [0, 0, 0, 14] },
  // Cover text on the kommune's colour gets its colour from layout/cover.ts (dark or white by contrast).
  coverKommune: { fontSize: 15, bold: true },
  coverKind: { fontSize: 12, bold: true },
  coverTitle: { fontSize: 32, bold: true, lineHeight: 1.05 },
  coverSubtitle: { fontSize: 18, margin: [0, 8, 0, 0] },
  coverPeriod: { fontSize: 14, margin: [0, 14, 0, 0] },
  coverVariant: { fontSize: 15, bold: true, color: COLOURS.text, margin: [0, 0, 0, 4] },
  coverDetail: { fontSize: 11, color: '#333333', margin: [0, 2, 0, 0] },
  frontTitle: { fontSize: 16, bold: true, color: COLOURS.accent, margin: [0, 0, 0, 8] },
  noticeDeadline: { fontSize: 13, bold: true, color: COLOURS.text },
  runningHeader: { fontSize: 8.5, color: COLOURS.muted },
  runningMark: { fontSize: 8.5, bold: true, color: '#333333' },
  runningFooter: { fontSize: 8.5, color: COLOURS.muted },
  trappBox: { fontSize: 8.5 },
  trappDetail: { fontSize: 7.5, color: '#333333' },
};
