// The size charts are drawn at, shared by the chart renderer and the layout (which must not load
// chart.js and canvas just to know it).

/** Logical size of a rendered chart in points; layout scales it to the text width. */
export const CHART_SIZE = { width: 680, height: 340 } as const;
