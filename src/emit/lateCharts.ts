// Charts that arrive while the layout runs. Laying out needs only a chart's size, which the layout
// fixes (CHART_SIZE scaled to the text width); the picture itself is needed when the page is drawn.
// So a render worker starts on a placeholder while the main thread draws the charts, and takes the
// real SVG when pdfmake draws the chart — waiting for it there if it has not come yet. The SVG drawn
// is sized exactly as pdfmake sizes any SVG, so the bytes are those of a build with the charts ready.
import { createRequire } from 'node:module';
import { CHART_SIZE } from '../charts/chartSize.js';
import { once } from './patching.js';

const require = createRequire(import.meta.url);
const MARK = 'data-plantrykk-chart';
const MARK_RE = new RegExp(`${MARK}="([^"]*)"`);

/** An empty SVG of a chart's size that names the chart. */
export function chartPlaceholder(id: string): string {
  const { width, height } = CHART_SIZE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${MARK}="${encodeURIComponent(id)}"></svg>`;
}

/** Where real charts come from while a document is drawn (undefined: no placeholders in use). */
let source: ((id: string) => string | undefined) | undefined;

/** Draw with `lookup` supplying the real charts for placeholders, during `draw`. */
export async function withChartSource<T>(lookup: (id: string) => string | undefined, draw: () => Promise<T>): Promise<T> {
  source = lookup;
  try {
    return await draw();
  } finally {
    source = undefined;
  }
}

interface SvgNode {
  svg?: unknown;
  _width?: number;
  _height?: number;
}

/** Swap placeholders for the real chart as pdfmake draws them (once per process). */
export const installLateCharts = once(() => {
  const Renderer = require('pdfmake/js/Renderer.js').default as { prototype: Record<string, unknown> };
  const SVGMeasure = require('pdfmake/js/SVGMeasure.js').default as new () => { writeDimensions(svg: string, size: { width?: number; height?: number }): string };
  const renderSVG = Renderer.prototype.renderSVG as (this: unknown, node: SvgNode, ...rest: unknown[]) => unknown;
  Renderer.prototype.renderSVG = function (this: unknown, node: SvgNode, ...rest: unknown[]) {
    const m = source && typeof node.svg === 'string' ? MARK_RE.exec(node.svg) : null;
    const real = m ? source!(decodeURIComponent(m[1]!)) : undefined;
    // As pdfmake's measure does for every SVG: the root sized to the node.
    if (real !== undefined) node.svg = new SVGMeasure().writeDimensions(real, { width: node._width, height: node._height });
    return renderSVG.call(this, node, ...rest);
  };
});
