// Rules on one block's data: table shape and sums, chart series lengths, trapp kategoriar and trinn
// order, framdrift months, budget shape and written sums.
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Budget, ChartSpec, Framdrift, TableBlock, Trapp } from '../model/types.js';
import { mismatches } from '../validate/budgetSums.js';
import { cellNumber, rowSum, roundSum, type RawCell } from '../validate/tableSums.js';
import type { Claim } from './claim.js';

/** A cell as the sums read it. */
const rawCell = (c: TableBlock['written'][number]['cells'][number], text: string | undefined): RawCell =>
  c.kind === 'number' ? c.value : c.kind === 'empty' && text === undefined ? null : text ?? '';

export function checkTable(t: TableBlock, sink: DiagnosticSink): void {
  const n = t.header.length;
  if (t.widths && t.widthsSpan && t.widths.length !== n) {
    sink.report('validate/widths-length', t.widthsSpan, { found: t.widths.length, expected: n });
  }
  for (const row of t.written) {
    if (row.cells.length !== n) sink.report('validate/row-length', row.span, { found: row.cells.length, expected: n });
  }
  const totals = t.totals;
  if (!totals) return;
  for (const c of totals.columns) {
    if (c >= n) {
      sink.report('schema/invalid', totals.columnsSpan, { detail: `column ${c} does not exist (\`totals.columns\` counts from 0: 0 is '${t.header[0] ?? ''}', ${n - 1} is '${t.header[n - 1] ?? ''}')` });
      return;
    }
  }
  const raw = t.written.map((row) => row.cells.map((c, i) => rawCell(c, row.texts[i])));
  // A row of the wrong length is reported above; its cells stand under other headers, so no sum is read from it.
  t.written.forEach((row, r) => {
    if (row.cells.length !== n) return;
    for (const c of totals.columns) {
      const p = cellNumber(raw[r]![c]);
      if (p && !p.ok) sink.report('validate/not-a-number', row.cellSpans[c]!, { column: t.header[c] ?? String(c), hint: `${p.hint}; or remove the column from \`totals.columns\`` });
    }
  });
  if (!totals.column) return;
  const last = n - 1;
  if (totals.columns.includes(last)) {
    sink.report('schema/invalid', totals.columnsSpan, { detail: 'the last column holds the row sum and cannot itself be summed' });
    return;
  }
  t.written.forEach((row, r) => {
    if (row.cells.length !== n) return;
    const cells = raw[r]!;
    const written = cells[last];
    const computed = rowSum(cells, totals.columns);
    const w = cellNumber(written);
    if (computed === undefined || w === null) return;
    if (!w.ok) {
      sink.report('validate/not-a-number', row.cellSpans[last]!, { column: t.header[last] ?? String(last), rowSum: true, hint: `${w.hint}; or leave the cell empty and the sum is filled in` });
      return;
    }
    if (roundSum(w.value) !== roundSum(computed)) {
      sink.report('validate/total-mismatch', row.cellSpans[last]!, {
        what: `row ${r + 1}, column '${t.header[last] ?? ''}'`,
        written: formatPlain(w.value),
        computed: String(roundSum(computed)),
      });
    }
  });
}

export function checkChart(c: ChartSpec, sink: DiagnosticSink): void {
  const n = c.labels.length;
  for (const s of c.series) {
    if (s.values.length !== n && s.valuesSpan) sink.report('validate/series-length', s.valuesSpan, { series: s.id, found: s.values.length, expected: n });
  }
  checkChartKind(c, sink);
}

/** What each chart kind asks of its series: how many, and whether a value may be below zero. */
const SERIES_RULE: Partial<Record<ChartSpec['type'], { ok: (n: number) => boolean; expected: string; positive: boolean }>> = {
  pie: { ok: (n) => n === 1, expected: 'exactly one', positive: true },
  doughnut: { ok: (n) => n === 1, expected: 'exactly one', positive: true },
  pyramid: { ok: (n) => n === 2, expected: 'exactly two', positive: true },
  'stacked-bar': { ok: (n) => n >= 2, expected: 'two or more', positive: false },
  'stacked-horizontal-bar': { ok: (n) => n >= 2, expected: 'two or more', positive: false },
};

/** Slices a pie or doughnut may have: one colour each from the chart palette (charts/chartConfig.ts). */
export const MAX_SLICES = 8;

function checkChartKind(c: ChartSpec, sink: DiagnosticSink): void {
  const rule = SERIES_RULE[c.type];
  if (!rule || !c.seriesSpan) return;
  if ((c.type === 'pie' || c.type === 'doughnut') && c.labels.length > MAX_SLICES && c.labelsSpan) {
    sink.report('validate/chart-slices', c.labelsSpan, { type: c.type, found: c.labels.length, max: MAX_SLICES });
  }
  const found = c.writtenSeries ?? c.series.length;
  if (!rule.ok(found)) sink.report('validate/chart-series-count', c.seriesSpan, { type: c.type, found, expected: rule.expected });
  if (!rule.positive) return;
  for (const s of c.series) {
    s.values.forEach((v, i) => {
      const at = s.valueSpans?.[i];
      if (v !== null && v < 0 && at) sink.report('validate/chart-negative', at, { type: c.type, series: s.id, value: String(v) });
    });
  }
}

export function checkTrapp(t: Trapp, claim: Claim, sink: DiagnosticSink): void {
  for (const k of t.kategoriar) claim(k.id, k.idSpan);
  const kat = new Set(t.kategoriar.map((k) => k.id));
  t.trinn.forEach((tr, i) => {
    if (!kat.has(tr.kategori)) sink.report('validate/unknown-kategori', tr.kategoriSpan, { id: tr.kategori });
    if (tr.nummer !== i + 1) sink.report('validate/trinn-order', tr.nummerSpan, { expected: i + 1, found: tr.nummer });
  });
}

/** True when `a` lies after `b`, compared at the coarser of the two (a month against a date compares months). */
const after = (a: string, b: string): boolean => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
};

export function checkFramdrift(f: Framdrift, sink: DiagnosticSink): void {
  const { from, to } = f;
  if (from > to) sink.report('validate/month-order', f.toSpan, { what: 'the time line', from, to });
  const inside = (m: string): boolean => m.slice(0, 7) >= from && m.slice(0, 7) <= to;
  for (const p of f.phases) {
    for (const a of p.activities) {
      if (a.from > a.to) sink.report('validate/month-order', a.toSpan, { what: `activity '${a.name}'`, from: a.from, to: a.to });
      if (!inside(a.from)) sink.report('validate/month-outside', a.fromSpan, { what: `activity '${a.name}'`, month: a.from, from, to });
      if (!inside(a.to)) sink.report('validate/month-outside', a.toSpan, { what: `activity '${a.name}'`, month: a.to, from, to });
    }
  }
  for (const m of f.milestones) {
    const what = `milestone '${m.name}'`;
    if (m.when === 'unclear') {
      sink.report('validate/milestone-when', m.span, { name: m.name });
      continue;
    }
    if (m.when === 'period' && after(m.from, m.to)) sink.report('validate/month-order', m.toSpan, { what, from: m.from, to: m.to });
    if (!inside(m.from)) sink.report('validate/month-outside', m.fromSpan, { what, month: m.from, from, to });
    if (m.when === 'period' && !inside(m.to)) sink.report('validate/month-outside', m.toSpan, { what, month: m.to, from, to });
  }
}

export function checkBudget(b: Budget, sink: DiagnosticSink): void {
  const n = b.columns.length;
  let shapeOk = true;
  for (const line of b.written) {
    for (const r of line.refused) {
      sink.report('validate/not-a-number', line.valueSpans[r.index]!, { column: b.columns[r.index] ?? String(r.index + 1), hint: r.hint });
    }
  }
  if (b.written.some((line) => line.refused.length > 0)) return;
  for (const line of b.written) {
    if (line.values.length !== n) {
      shapeOk = false;
      sink.report('validate/budget-columns', line.valuesSpan, { found: line.values.length, expected: n });
    }
  }
  if (!shapeOk) return;
  for (const line of b.written) {
    const computed = line.role === 'sum' ? b.sums.groups[line.group ?? -1] : line.role === 'total' ? b.sums.total : line.role === 'result' ? b.sums.result : undefined;
    if (!computed) continue;
    for (const i of mismatches(line.values, computed, b.rounding)) {
      sink.report('validate/total-mismatch', line.valueSpans[i]!, {
        what: `${line.label}, ${b.columns[i]}`,
        written: formatPlain(line.values[i]!),
        computed: formatPlain(computed[i]!),
      });
    }
  }
}

const formatPlain = (n: number): string => String(Math.round(n * 100) / 100);
