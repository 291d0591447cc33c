// Rules on a målskjema against its configuration: statuses from the vocabulary, keys that are no
// declared column or level, cells of the right kind for their column, years inside the handlingsdel,
// amounts not negative, written sums equal to the computed ones; entry ids and tiltak plan references.
import { closest } from 'fastest-levenshtein';
import { nearest } from '../core/nearest.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { LevelId, MalskjemaCell, MalskjemaColumn, MalskjemaConfig, MalskjemaEntry, MalskjemaLevel, MalskjemaStrayKey } from '../model/malskjemaTypes.js';
import { allEntries, shapeOf } from '../model/malskjemaShape.js';
import { entryFieldKeys } from '../model/buildMalskjema.js';
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

/** The allowed key nearest to a misspelt `key`, when it is near enough to be meant (never «ansvar» for «stauts»). */
const nearKey = (key: string, allowed: readonly string[]): string | undefined => nearest(key, allowed, (n) => Math.max(2, Math.ceil(n / 3)));

/** The words for a level in messages when the configuration gives it no label. */
const LEVEL_WORD: Readonly<Record<LevelId, string>> = { hovudmal: 'hovudmål', mal: 'mål', delmal: 'delmål', tiltak: 'tiltak' };

/** A level named the way the plan declares it («Delmål»), else by its word. */
const levelName = (l: MalskjemaLevel): string => (l.label !== undefined ? `«${l.label}»` : LEVEL_WORD[l.id]);

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
  // The same diagnosis as a table cell's: `1.200.000` is told to write 1 200 000, not to use a mark column.
  const diagnosis = cell.amountHint !== undefined ? { diagnosis: cell.amountHint } : {};
  if (column.kind === 'amount' && cell.amount === undefined) sink.report('validate/mark-in-amount-column', cell.valueSpan, { header, value: String(cell.raw), ...diagnosis });
  if (column.kind === 'mark-or-amount' && cell.amount === undefined && cell.raw !== 'x') {
    sink.report('validate/mark-in-amount-column', cell.valueSpan, { header, value: String(cell.raw), ...diagnosis });
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
  const below = config.levels.filter((l) => l.id !== 'hovudmal');
  const innermost = below[below.length - 1];
  for (const e of allEntries(m.entries)) {
    if (e.id !== undefined && e.idSpan) claim(e.id, e.idSpan);
    const keys = strayKeys(e, below, config);
    checkStatus(e, shape.row?.id === e.level, statusIds, keys.some((k) => k.near === 'status'), levelNameOf(config, e.level), sink);
    for (const { stray: s, near, deepest, allowed } of keys) {
      if (s.as === 'level') sink.report('validate/level-undeclared', s.span, { key: s.key, levels: levelList, ...(s.expected ? { expected: s.expected } : {}) });
      else if (deepest && (near === undefined || columnById.has(near))) {
        sink.report('validate/unknown-column', s.span, { key: s.key, ...(near !== undefined ? { suggestion: near } : {}), known: columnList });
      } else {
        // A column written on an outer level, or a misspelt field (`stauts`): named with every key allowed here.
        const column = !deepest && columnById.has(s.key) && innermost ? [`'${s.key}' is a column: columns are written on each ${levelName(innermost)}`] : [];
        sink.report('validate/unknown-entry-key', s.span, { key: s.key, level: levelNameOf(config, e.level), ...(near !== undefined ? { suggestion: near } : {}), known: allowed.join(', ') }, column);
      }
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

/** An entry's keys that fit nothing, each with the allowed key nearest to it; `deepest` when the entry's level holds the columns. */
function strayKeys(e: MalskjemaEntry, below: readonly MalskjemaLevel[], config: MalskjemaConfig): { stray: MalskjemaStrayKey; near?: string; deepest: boolean; allowed: readonly string[] }[] {
  const at = below.findIndex((l) => l.id === e.level);
  const next = below[at + 1];
  const deepest = next === undefined;
  const allowed = [...entryFieldKeys(next), ...(deepest ? config.columns.map((c) => c.id) : [])];
  return e.stray.map((s) => {
    const near = s.as === 'column' ? nearKey(s.key, allowed) : undefined;
    return { stray: s, ...(near !== undefined ? { near } : {}), deepest, allowed };
  });
}

const levelNameOf = (config: MalskjemaConfig, id: LevelId): string => {
  const l = config.levels.find((x) => x.id === id);
  return l ? levelName(l) : LEVEL_WORD[id];
};

/** `misspelt`: a key near `status` is already reported on the entry, so its missing status is no news. */
function checkStatus(e: MalskjemaEntry, isRow: boolean, known: readonly string[], misspelt: boolean, level: string, sink: DiagnosticSink): void {
  if (e.status) {
    if (!known.includes(e.status.value)) sink.report('validate/unknown-status', e.status.span, { id: e.status.value, ...suggest(e.status.value, known), known: known.join(', ') });
  } else if (isRow && known.length > 0 && !misspelt) sink.report('validate/status-missing', e.span, { level, known: known.join(', ') });
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
    if (s.value === undefined) {
      sink.report('validate/mark-in-amount-column', s.valueSpan, {
        header: headerOf(column), value: String(s.raw),
        diagnosis: s.hint ?? 'write the sum in kroner, e.g. 450000 or "450 000", or leave it out: the målskjema computes its sums',
      });
      continue;
    }
    // A sum is checked only when every cell it adds is an amount (as a budget's): a cell that is none is
    // reported at its place, and the sum without it would say a wrong number.
    const summed = cells.filter((c) => c.column === s.column && c.year === s.year);
    if (summed.some((c) => c.amount === undefined)) continue;
    const computed = summed.reduce((n, c) => n + (c.amount ?? 0), 0);
    if (computed !== s.value) {
      sink.report('validate/total-mismatch', s.valueSpan, { what: `sum of «${headerOf(column)}» ${s.year}`, written: String(s.value), computed: String(computed) });
    }
  }
}
