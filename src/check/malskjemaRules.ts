// Rules on a målskjema against its configuration: statuses from the vocabulary, keys that are no
// declared column or level, cells of the right kind for their column, years inside the handlingsdel,
// amounts not negative, written sums equal to the computed ones; entry ids and tiltak plan references.
import { closest } from 'fastest-levenshtein';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { MalskjemaCell, MalskjemaColumn, MalskjemaEntry } from '../model/malskjemaTypes.js';
import { allEntries, shapeOf } from '../model/malskjemaShape.js';
import type { Malskjema, Period } from '../model/types.js';
import type { Claim } from './claim.js';

/** How often each registered plan is referred to; `hasRegister` false when plan.yaml names none. */
export interface PlanUse {
  readonly counts: Map<string, number>;
  readonly hasRegister: boolean;
}

const suggest = (key: string, known: readonly string[]): { suggestion?: string } => {
  if (known.length === 0) return {};
  const s = closest(key, [...known]);
  return s !== undefined ? { suggestion: s } : {};
};

/** A column named the way the configuration writes it (its header, else its id). */
const headerOf = (c: MalskjemaColumn): string => c.header ?? c.id;

function checkCell(cell: MalskjemaCell, column: MalskjemaColumn, hd: Period | undefined, sink: DiagnosticSink): void {
  const header = headerOf(column);
  const perYear = column.kind !== 'text';
  if (perYear !== (cell.year !== undefined)) {
    sink.report('validate/column-shape', cell.keySpan, { header, perYear });
    return;
  }
  if (cell.year === undefined) return;
  const y = Number(cell.year);
  if (hd && (y < hd.from || y > hd.to)) sink.report('validate/year-outside', cell.keySpan, { year: cell.year, from: hd.from, to: hd.to });
  if (column.kind === 'mark' && cell.raw !== 'x') sink.report('validate/amount-in-mark-column', cell.valueSpan, { header, value: String(cell.raw) });
  if (column.kind === 'amount' && cell.amount === undefined) sink.report('validate/mark-in-amount-column', cell.valueSpan, { header, value: String(cell.raw) });
  if (column.kind === 'mark-or-amount' && cell.amount === undefined && cell.raw !== 'x') {
    sink.report('validate/mark-in-amount-column', cell.valueSpan, { header, value: String(cell.raw) });
  }
  if (column.kind !== 'mark') {
    if (cell.amount !== undefined && cell.amount < 0) sink.report('validate/negative-amount', cell.valueSpan, { value: cell.amount });
  }
}

export function checkMalskjema(m: Malskjema, hd: Period | undefined, use: PlanUse | undefined, claim: Claim, sink: DiagnosticSink): void {
  const { config } = m;
  if (config.broken) return;
  const shape = shapeOf(config);
  const statusIds = config.status.map((s) => s.id);
  const columnById = new Map(config.columns.map((c) => [c.id, c]));
  const columnList = config.columns.map(headerOf).join(', ');
  const levelList = config.levels.map((l) => l.label ?? l.id).join(' → ');
  const knownPlans = [...(use?.counts.keys() ?? [])];
  for (const s of m.stray) sink.report('validate/level-undeclared', s.span, { key: s.key, levels: levelList, ...(s.expected ? { expected: s.expected } : {}) });
  for (const e of allEntries(m.entries)) {
    if (e.id !== undefined && e.idSpan) claim(e.id, e.idSpan);
    checkStatus(e, shape.row?.id === e.level, statusIds, sink);
    for (const s of e.stray) {
      if (s.as === 'level') sink.report('validate/level-undeclared', s.span, { key: s.key, levels: levelList, ...(s.expected ? { expected: s.expected } : {}) });
      else sink.report('validate/unknown-column', s.span, { key: s.key, ...suggest(s.key, [...columnById.keys()]), known: columnList });
    }
    for (const cell of e.cells) checkCell(cell, columnById.get(cell.column)!, hd, sink);
    if (e.planId && use) {
      const id = e.planId.value;
      const n = use.counts.get(id);
      if (n !== undefined) use.counts.set(id, n + 1);
      else {
        sink.report('validate/unknown-plan', e.planId.span, { id, ...suggest(id, knownPlans) },
          use.hasRegister ? [] : ['the plan has no `registers.planar` file in plan.yaml']);
      }
    }
  }
  checkSums(m, columnById, columnList, sink);
}

function checkStatus(e: MalskjemaEntry, isRow: boolean, known: readonly string[], sink: DiagnosticSink): void {
  if (e.status) {
    if (!known.includes(e.status.value)) sink.report('validate/unknown-status', e.status.span, { id: e.status.value, ...suggest(e.status.value, known), known: known.join(', ') });
  } else if (isRow && known.length > 0) sink.report('validate/status-missing', e.span, { level: e.level, known: known.join(', ') });
}

/** Written sums (`sum: { column: { year: kroner } }`) against the sum of the column's cells that year. */
function checkSums(m: Malskjema, columnById: ReadonlyMap<string, MalskjemaColumn>, columnList: string, sink: DiagnosticSink): void {
  const cells = allEntries(m.entries).flatMap((e) => e.cells);
  for (const s of m.sums) {
    const column = columnById.get(s.column);
    if (!column || column.kind !== 'amount') {
      const amounts = [...columnById.values()].filter((c) => c.kind === 'amount').map((c) => c.id);
      sink.report('validate/unknown-column', s.keySpan, { key: s.column, ...suggest(s.column, amounts), known: columnList });
      continue;
    }
    const computed = cells.filter((c) => c.column === s.column && c.year === s.year).reduce((n, c) => n + (c.amount ?? 0), 0);
    if (computed !== s.value) {
      sink.report('validate/total-mismatch', s.valueSpan, { what: `sum of «${headerOf(column)}» ${s.year}`, written: String(s.value), computed: String(computed) });
    }
  }
}
