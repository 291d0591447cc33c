// Chart stage: chart specs from the model → vector SVG drawn by chart.js (chartjs-node-canvas).
// SVG keeps charts sharp at any zoom. The shapes are cairo's; the texts are SVG <text> in the document
// font (chartText.ts), so the PDF carries them as real text: searchable, tagged, and cheap to draw.
// Invariant: the same spec gives the same bytes (no clock, no randomness; cairo's ids renumbered).
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { FONT_FAMILY, fontFiles } from '../core/fonts.js';
import type { ChartSpec } from '../model/types.js';

import { chartConfig, type ChartTexts } from './chartConfig.js';
import { svgTexts, textCollector, type ChartText } from './chartText.js';
import { CHART_SIZE } from './chartSize.js';

export type { ChartTexts } from './chartConfig.js';

let renderer: ChartJSNodeCanvas | undefined;

function chartCanvas(): ChartJSNodeCanvas {
  if (!renderer) {
    renderer = new ChartJSNodeCanvas({ type: 'svg', width: CHART_SIZE.width, height: CHART_SIZE.height });
    // Every face the charts write in, so that chart.js measures its bold title and italic note as they are drawn.
    const files = fontFiles();
    renderer.registerFont(files.normal, { family: FONT_FAMILY });
    renderer.registerFont(files.bold, { family: FONT_FAMILY, weight: 'bold' });
    renderer.registerFont(files.italics, { family: FONT_FAMILY, style: 'italic' });
    renderer.registerFont(files.bolditalics, { family: FONT_FAMILY, weight: 'bold', style: 'italic' });
  }
  return renderer;
}

/** Render one chart to an SVG document string. */
export function renderChartSvg(spec: ChartSpec, texts: ChartTexts = {}): string {
  const config = chartConfig(spec, texts);
  const drawn: ChartText[] = [];
  const svg = chartCanvas().renderToBufferSync({ ...config, plugins: [...(config.plugins ?? []), textCollector(drawn)] }, 'image/svg+xml').toString('utf8');
  return withTexts(compactPaths(stableIds(svg)), drawn);
}

/** The chart's texts over its shapes, at the end of the document (cairo draws none of them). */
function withTexts(svg: string, texts: readonly ChartText[]): string {
  const end = svg.lastIndexOf('</svg>');
  if (end < 0 || texts.length === 0) return svg;
  return `${svg.slice(0, end)}${svgTexts(texts)}\n${svg.slice(end)}`;
}

/**
 * cairo numbers its surfaces and glyph sets with process-wide counters, so the same chart drawn
 * twice in one process differs in its ids. Renumber them by first appearance: same chart, same bytes.
 */
function stableIds(svg: string): string {
  const surfaces = new Map<string, number>();
  const glyphSets = new Map<string, number>();
  return svg
    .replace(/surface(\d+)/g, (_m, n: string) => `surface${surfaces.get(n) ?? surfaces.set(n, surfaces.size + 1).get(n)}`)
    .replace(/glyph-(\d+)-/g, (_m, n: string) => `glyph-${glyphSets.get(n) ?? glyphSets.set(n, glyphSets.size).get(n)}-`);
}

/**
 * cairo writes path coordinates with six decimals; a hundredth of a unit (under 0.01 pt in print)
 * is far below what any printer or screen shows. Rounding halves the SVG that every variant parses.
 */
function compactPaths(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_m, d: string) => ` d="${d.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`);
}
