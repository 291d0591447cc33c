// charts/: charts are vector SVG drawn from the data.
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/renderChart.js';

describe('renderChartSvg', () => {
  const spec = { type: 'line' as const, title: 'T', stacked: false, illustrative: false, labels: ['2020', '2030'], series: [{ id: 'a', name: 'A', dashed: false, values: [1, 2] }] };

  it('draws vector SVG, with no embedded raster image', () => {
    const svg = renderChartSvg(spec);
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg/);
    expect(svg).not.toContain('<image');
    expect(svg.match(/<path/g)?.length).toBeGreaterThan(10);
  });

  it('is deterministic and depends on the data', () => {
    expect(renderChartSvg(spec)).toBe(renderChartSvg(spec));
    expect(renderChartSvg({ ...spec, series: [{ ...spec.series[0]!, values: [1, 5] }] })).not.toBe(renderChartSvg(spec));
  });
});
