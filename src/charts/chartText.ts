// Chart text as real text. The canvas backend (cairo) would draw every letter chart.js writes as a
// filled outline: not searchable, not read aloud, and the largest part of a chart's SVG. Instead, a
// chart.js plugin takes each fillText call of the chart — text, font, colour, alignment and the
// transform in force — and draws nothing on the canvas; the texts go into the SVG as <text>
// elements, which the PDF engine (svg-to-pdfkit inside pdfmake) writes in the document's embedded
// font, inside the chart's Figure. Layout is unchanged: chart.js still measures text on the canvas.
import type { Plugin } from 'chart.js';
import { FONT_FAMILY } from '../core/fonts.js';

/** One text as chart.js drew it, placed on its alphabetic baseline in SVG user units. */
export interface ChartText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** The canvas transform when it was drawn (a b c d e f), undefined when it only moves (folded into x, y). */
  readonly matrix?: readonly number[];
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fill: string;
  readonly opacity: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** The width chart.js allowed (maxWidth), when the text is wider: the text is squeezed to it. */
  readonly squeeze?: number;
}

interface TextContext {
  font: string;
  fillStyle: unknown;
  globalAlpha: number;
  textAlign: string;
  textBaseline: string;
  measureText(text: string): { width: number; alphabeticBaseline: number };
  currentTransform?: { a: number; b: number; c: number; d: number; e: number; f: number };
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** '#rrggbb' or 'rgba(r, g, b, a)' (as node-canvas reports fillStyle) → an SVG colour and its alpha. */
function colour(style: unknown): { fill: string; alpha: number } {
  if (typeof style !== 'string') return { fill: '#000000', alpha: 1 };
  const m = /^rgba?\(([^)]*)\)$/.exec(style.trim());
  if (!m) return { fill: style, alpha: 1 };
  const [r, g, b, a] = m[1]!.split(',').map((s) => Number(s.trim()));
  return { fill: `rgb(${r},${g},${b})`, alpha: a ?? 1 };
}

/** Where the text goes in SVG terms: its anchor from textAlign (left to right text). */
function anchorOf(align: string): ChartText['anchor'] {
  if (align === 'center') return 'middle';
  if (align === 'right' || align === 'end') return 'end';
  return 'start';
}

/** Record what `ctx.fillText` would draw, without drawing it. */
function record(ctx: TextContext, text: string, x: number, y: number, maxWidth: number | undefined): ChartText | undefined {
  if (text === '') return undefined;
  const font = ctx.font;
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const metrics = ctx.measureText(text);
  const t = ctx.currentTransform;
  // A plain move (how chart.js places its tick labels) is folded into the position.
  const moveOnly = !t || (t.a === 1 && t.b === 0 && t.c === 0 && t.d === 1);
  const { fill, alpha } = colour(ctx.fillStyle);
  return {
    text,
    x: round(x + (moveOnly && t ? t.e : 0)),
    // node-canvas moves the text by its baseline; alphabeticBaseline is that move, measured (checked
    // against the glyph outlines cairo draws for every baseline chart.js uses).
    y: round(y - metrics.alphabeticBaseline + (moveOnly && t ? t.f : 0)),
    ...(moveOnly ? {} : { matrix: [t.a, t.b, t.c, t.d, t.e, t.f].map((n) => Math.round(n * 10000) / 10000) }),
    size,
    bold: /\bbold\b|\b[6-9]00\b/.test(font),
    italic: /\bitalic\b/.test(font),
    fill,
    opacity: alpha * ctx.globalAlpha,
    anchor: anchorOf(ctx.textAlign),
    ...(maxWidth !== undefined && metrics.width > maxWidth ? { squeeze: round(maxWidth) } : {}),
  };
}

/** A chart.js plugin that collects the chart's texts into `out` instead of drawing them. */
export function textCollector(out: ChartText[]): Plugin {
  return {
    id: 'plantrykkRealText',
    beforeInit(chart) {
      const ctx = chart.ctx as unknown as TextContext;
      // An own property of this chart's context: other charts and canvases are not touched.
      ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
        const r = record(ctx, String(text), x, y, maxWidth);
        if (r) out.push(r);
      };
    },
  };
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The texts as SVG <text> elements in the document font, drawn in the order chart.js drew them. */
export function svgTexts(texts: readonly ChartText[]): string {
  return texts
    .map((t) => {
      const attrs = [
        ...(t.matrix ? [`transform="matrix(${t.matrix.join(' ')})"`] : []),
        `x="${t.x}"`,
        `y="${t.y}"`,
        `font-family="${FONT_FAMILY}"`,
        `font-size="${t.size}"`,
        ...(t.bold ? ['font-weight="bold"'] : []),
        ...(t.italic ? ['font-style="italic"'] : []),
        `fill="${xml(t.fill)}"`,
        ...(t.opacity < 1 ? [`fill-opacity="${round(t.opacity)}"`] : []),
        ...(t.anchor === 'start' ? [] : [`text-anchor="${t.anchor}"`]),
        ...(t.squeeze !== undefined ? [`textLength="${t.squeeze}" lengthAdjust="spacingAndGlyphs"`] : []),
        'xml:space="preserve"',
      ];
      return `<text ${attrs.join(' ')}>${xml(t.text)}</text>`;
    })
    .join('\n');
}
