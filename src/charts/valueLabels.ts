// A chart.js plugin that writes each value on its bar, point or slice once the datasets are drawn.
// Outside a bar (on the white ground) the text is dark; inside a stacked segment or a slice it is
// dark or white by contrast with the segment's colour (contrast.ts). A label that does not fit its
// segment is left out: the value is still in the alt text (and, for slices, in the legend).
import type { Chart, Plugin } from 'chart.js';
import { DARK_TEXT, textColourOn } from './contrast.js';

/** How the labels of one chart are written and placed. */
export interface ValueLabelOptions {
  /** The text for value `v` of dataset `d` at index `i`; undefined for no label. */
  readonly text: (v: number, d: number, i: number) => string | undefined;
  /** The fill colour of dataset `d`'s element `i` (for text drawn inside it). */
  readonly ground: (d: number, i: number) => string;
  /** Labels sit inside the segments (stacked bars, slices) rather than past the bar's end. */
  readonly inside: boolean;
  readonly font: string;
}

const GAP = 4;

interface BarGeometry { x: number; y: number; base: number; horizontal: boolean; width: number; height: number }
interface ArcGeometry { x: number; y: number; startAngle: number; endAngle: number; innerRadius: number; outerRadius: number }

/** The plugin for one chart; it holds no state between charts. */
export function valueLabelPlugin(o: ValueLabelOptions): Plugin {
  return {
    id: 'plantrykkValueLabels',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = o.font;
      chart.data.datasets.forEach((ds, d) => {
        const meta = chart.getDatasetMeta(d);
        meta.data.forEach((el, i) => {
          const v = ds.data[i];
          if (typeof v !== 'number') return;
          const text = o.text(v, d, i);
          if (text === undefined) return;
          const w = ctx.measureText(text).width;
          const h = 12;
          if (meta.type === 'pie' || meta.type === 'doughnut') {
            const a = el.getProps(['x', 'y', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true) as unknown as ArcGeometry;
            const mid = (a.startAngle + a.endAngle) / 2;
            const r = a.innerRadius > 0 ? (a.innerRadius + a.outerRadius) / 2 : a.outerRadius * 0.62;
            const arc = (a.endAngle - a.startAngle) * r;
            if (arc < w + GAP || a.outerRadius - a.innerRadius < h + GAP) return;
            draw(ctx, text, a.x + Math.cos(mid) * r, a.y + Math.sin(mid) * r, 'center', textColourOn(o.ground(d, i)));
            return;
          }
          if (meta.type === 'line') {
            const p = el.getProps(['x', 'y'], true) as { x: number; y: number };
            draw(ctx, text, p.x, p.y - GAP - h / 2, 'center', DARK_TEXT);
            return;
          }
          const b = el.getProps(['x', 'y', 'base', 'horizontal', 'width', 'height'], true) as unknown as BarGeometry;
          if (o.inside) {
            const length = Math.abs((b.horizontal ? b.x : b.y) - b.base);
            const room = b.horizontal ? w + GAP : h + GAP;
            const across = b.horizontal ? b.height : b.width;
            if (length < room || across < (b.horizontal ? h : w)) return;
            const mid = (b.base + (b.horizontal ? b.x : b.y)) / 2;
            draw(ctx, text, b.horizontal ? mid : b.x, b.horizontal ? b.y : mid, 'center', textColourOn(o.ground(d, i)));
          } else if (b.horizontal) {
            const right = b.x >= b.base;
            draw(ctx, text, b.x + (right ? GAP : -GAP), b.y, right ? 'left' : 'right', DARK_TEXT);
          } else {
            const up = b.y <= b.base;
            draw(ctx, text, b.x, b.y + (up ? -GAP - h / 2 : GAP + h / 2), 'center', DARK_TEXT);
          }
        });
      });
      ctx.restore();
    },
  };
}

function draw(ctx: Chart['ctx'], text: string, x: number, y: number, align: CanvasTextAlign, colour: string): void {
  ctx.fillStyle = colour;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y);
}
