// Charts that arrive while the layout runs. Laying out needs only a chart's size, which the layout
// fixes (CHART_SIZE scaled to the text width); the picture itself is needed when the page is drawn.
// So a render worker starts on a placeholder while the main thread draws the charts, and takes the
// real SVG when pdfmake draws the chart — waiting for it there if it has not come yet. Which chart a
// node draws is its typed `chart` reference (layout/nodes.ts); where the real SVG comes from is the
// document's context (engine/documentContext.ts). The SVG drawn is sized exactly as pdfmake sizes
// any SVG, so the bytes are those of a build with the charts ready.
import { createRequire } from 'node:module';
import { CHART_SIZE } from '../charts/chartSize.js';
import type { ChartRef } from '../layout/nodes.js';
import { contextOf } from './engine/documentContext.js';
import type { Method } from './engine/method.js';

const require = createRequire(import.meta.url);

/** An empty SVG of a chart's size: what a chart node holds until the real chart is drawn. */
export function chartPlaceholder(): string {
  const { width, height } = CHART_SIZE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"></svg>`;
}

interface SvgNode {
  svg?: unknown;
  chart?: ChartRef;
  _width?: number;
  _height?: number;
}

interface RendererLike {
  pdfDocument: unknown;
}

/** Renderer.renderSVG: a chart node draws the real chart from its document's chart source. */
export function drawLateCharts(renderSVG: Method): Method {
  const SVGMeasure = require('pdfmake/js/SVGMeasure.js').default as new () => { writeDimensions(svg: string, size: { width?: number; height?: number }): string };
  return function (this: RendererLike, node: SvgNode, ...rest: unknown[]) {
    const source = node.chart ? contextOf(this.pdfDocument)?.chartSource : undefined;
    const real = source ? source(node.chart!.id) : undefined;
    // As pdfmake's measure does for every SVG: the root sized to the node.
    if (real !== undefined) node.svg = new SVGMeasure().writeDimensions(real, { width: node._width, height: node._height });
    return renderSVG.call(this, node, ...rest);
  };
}
