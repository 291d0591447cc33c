// Chart stage: chart specs from the model → vector SVG drawn by chart.js (chartjs-node-canvas).
// SVG keeps charts sharp at any zoom; text is drawn as glyph outlines, so no font leaks into the PDF.
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartConfiguration } from 'chart.js';
import { FONT_FAMILY, fontFiles } from '../core/fonts.js';
import type { ChartSpec } from '../model/types.js';

import { CHART_SIZE } from './chartSize.js';

/** Colours chosen to differ in lightness too, so series stay apart in greyscale print. */
const PALETTE = ['#1b5e87', '#d9822b', '#2e8540', '#7b3f98', '#c8102e', '#5c6f7b', '#e0b000', '#00838f'];

let renderer: ChartJSNodeCanvas | undefined;

function chartCanvas(): ChartJSNodeCanvas {
  if (!renderer) {
    renderer = new ChartJSNodeCanvas({ type: 'svg', width: CHART_SIZE.width, height: CHART_SIZE.height });
    renderer.registerFont(fontFiles().normal, { family: FONT_FAMILY });
  }
  return renderer;
}

/** Text the chart itself shows that comes from labels, not data (e.g. the illustrative mark). */
export interface ChartTexts {
  readonly note?: string;
}

/** Render one chart to an SVG document string. */
export function renderChartSvg(spec: ChartSpec, texts: ChartTexts = {}): string {
  const config: ChartConfiguration = {
    type: spec.type,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((s, i) => {
        const colour = PALETTE[i % PALETTE.length]!;
        return {
          label: s.name,
          data: [...s.values],
          borderColor: colour,
          backgroundColor: spec.type === 'bar' ? colour : `${colour}33`,
          borderWidth: spec.type === 'line' ? 2.5 : 0,
          borderDash: s.dashed ? [7, 5] : [],
          pointRadius: spec.type === 'line' ? 3.5 : 0,
          pointBackgroundColor: colour,
          spanGaps: true,
        };
      }),
    },
    options: {
      locale: 'nb-NO',
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      font: { family: FONT_FAMILY, size: 13 },
      color: '#222222',
      layout: { padding: 8 },
      scales: {
        x: { stacked: spec.stacked, title: { display: !!spec.xLabel, text: spec.xLabel ?? '', font: { family: FONT_FAMILY, size: 13 } }, grid: { display: false }, ticks: { font: { family: FONT_FAMILY, size: 12 } } },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          title: { display: !!spec.yLabel, text: spec.yLabel ?? '', font: { family: FONT_FAMILY, size: 13 } },
          ticks: { font: { family: FONT_FAMILY, size: 12 } },
          grid: { color: '#dddddd' },
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { font: { family: FONT_FAMILY, size: 12 }, boxWidth: 28 } },
        title: { display: true, text: spec.title, font: { family: FONT_FAMILY, size: 15, weight: 'bold' }, color: '#1a1a1a' },
        subtitle: { display: !!texts.note, text: texts.note ?? '', font: { family: FONT_FAMILY, size: 12, style: 'italic' }, color: '#8a1c1c' },
      },
    },
  };
  return compactPaths(stableIds(chartCanvas().renderToBufferSync(config, 'image/svg+xml').toString('utf8')));
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
