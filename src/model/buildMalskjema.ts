// Builds one målskjema file into the model by the plan's configuration: the levels it declares
// (the file writes each level's entries under the level's id, tiltak optionally in `oppna:` groups),
// the cells of the declared columns, and written sums. Keys that fit nothing are kept for the checks.
import { readAmount } from './amount.js';
import {
  LEVEL_IDS, type MalskjemaCell, type MalskjemaConfig, type MalskjemaEntry, type MalskjemaGroup, type MalskjemaLevel,
  type Malskjema, type MalskjemaStrayKey, type WrittenSum,
} from './malskjemaTypes.js';
import type { Reader } from './reader.js';
import type { Inline, PlanRef } from './types.js';

/** Fields of an entry that are not columns (the checks name them among the keys allowed on an entry). */
const ENTRY_FIELDS = ['id', 'nummer', 'tekst', 'status', 'plan'] as const;

/**
 * The keys an entry may hold besides its columns (which only the deepest level holds): its fields, the
 * next level's key, and `oppna` where the tiltak are grouped. One rule for reading and for the check.
 */
export function entryFieldKeys(next: MalskjemaLevel | undefined): string[] {
  return [...ENTRY_FIELDS, ...(next ? [next.id] : []), ...(next?.id === 'tiltak' && next.group !== undefined ? ['oppna'] : [])];
}
/** Keys that hold entries of a level (or tiltak groups). */
const LEVEL_KEYS = new Set<string>([...LEVEL_IDS, 'oppna']);

interface Context {
  readonly config: MalskjemaConfig;
  /** The declared levels below the hovudmål. */
  readonly below: readonly MalskjemaLevel[];
  readonly planById: ReadonlyMap<string, PlanRef>;
  readonly inline: (r: Reader) => Inline[];
}

/** The cells of one column key: a text, or one cell per year written. */
function cellsOf(key: string, r: Reader): MalskjemaCell[] {
  if (r.kind === 'map') {
    return r.entries().map(([year, val]) => {
      const raw = val.amountScalar();
      const amount = readAmount(raw);
      const read = amount.ok ? { amount: amount.value } : amount.hint !== undefined ? { amountHint: amount.hint } : {};
      return { column: key, year, raw, ...read, keySpan: val.span(true), valueSpan: val.span() };
    });
  }
  const raw = r.kind === 'number' ? r.num() : r.str();
  return [{ column: key, raw, keySpan: r.span(true), valueSpan: r.span() }];
}

/** Entries of a list, each read when it is sound apart from its own children. */
function entriesOf(list: Reader, depth: number, ctx: Context): MalskjemaEntry[] {
  return list.items().filter((e) => e.kind === 'map' && e.soundExcept(...LEVEL_KEYS)).map((e) => entryOf(e, depth, ctx));
}

function entryOf(r: Reader, depth: number, ctx: Context): MalskjemaEntry {
  const level = ctx.below[depth]!;
  const next = ctx.below[depth + 1];
  const deepest = next === undefined;
  const id = r.at('id').optStr();
  const nummer = r.at('nummer').kind === 'absent' ? undefined : String(r.at('nummer').scalar());
  // Read in file order of the texts: footnotes number in the order they are read.
  const tekst = ctx.inline(r.at('tekst'));
  const status = r.at('status').optStr();
  const planAt = r.at('plan');
  const planId = planAt.optStr();
  const plan = planId !== undefined ? ctx.planById.get(planId) : undefined;
  const groups: MalskjemaGroup[] = [];
  if (next?.id === 'tiltak' && next.group !== undefined) {
    for (const g of r.at('oppna').items().filter((o) => o.kind === 'map' && o.soundExcept('tiltak'))) {
      groups.push({ tekst: ctx.inline(g.at('tekst')), entries: entriesOf(g.at('tiltak'), depth + 1, ctx), span: g.span() });
    }
  }
  if (next && r.has(next.id)) groups.push({ entries: entriesOf(r.at(next.id), depth + 1, ctx), span: r.at(next.id).span() });
  const cells: MalskjemaCell[] = [];
  const stray: MalskjemaStrayKey[] = [];
  const columns = new Set(ctx.config.columns.map((c) => c.id));
  const fields = entryFieldKeys(next);
  for (const key of r.keys()) {
    if (fields.includes(key)) continue;
    const span = r.at(key).span(true);
    if (LEVEL_KEYS.has(key) || r.at(key).kind === 'list') stray.push({ key, as: 'level', span, ...(next ? { expected: next.id } : {}) });
    else if (deepest && columns.has(key)) cells.push(...cellsOf(key, r.at(key)));
    else stray.push({ key, as: 'column', span });
  }
  return {
    level: level.id,
    ...(id !== undefined ? { id, idSpan: r.at('id').span() } : {}),
    ...(nummer !== undefined ? { nummer } : {}),
    tekst,
    ...(status !== undefined ? { status: { value: status, span: r.at('status').span() } } : {}),
    ...(plan ? { plan } : {}),
    ...(planId !== undefined ? { planId: { value: planId, span: planAt.span() } } : {}),
    cells,
    groups,
    stray,
    span: r.span(),
  };
}

function sumsOf(r: Reader): WrittenSum[] {
  return r.entries().flatMap(([column, years]) => (years.kind !== 'map' ? [] : years.entries().flatMap(([year, val]) => {
    if (val.kind !== 'number' && val.kind !== 'string') return [];
    const raw = val.amountScalar();
    const amount = readAmount(raw);
    const read = amount.ok ? { value: amount.value } : amount.hint !== undefined ? { hint: amount.hint } : {};
    return [{ column, year, raw, ...read, keySpan: val.span(true), valueSpan: val.span() }];
  })));
}

/** The model of one målskjema file (its root `v`), read by the plan's configuration. */
export function buildMalskjema(v: Reader, years: readonly number[], config: MalskjemaConfig, planById: ReadonlyMap<string, PlanRef>, inline: (r: Reader) => Inline[]): Malskjema {
  const below = config.levels.filter((l) => l.id !== 'hovudmal');
  const ctx: Context = { config, below, planById, inline };
  const h = v.at('hovudmal');
  const withHovudmal = config.levels.some((l) => l.id === 'hovudmal');
  const hovudmal = withHovudmal && h.kind === 'map' && h.sound()
    ? { ...(h.has('nummer') ? { nummer: h.at('nummer').num() } : {}), tekst: inline(h.at('tekst')) }
    : undefined;
  const top = below[0];
  const stray: MalskjemaStrayKey[] = v.keys()
    .filter((k) => LEVEL_KEYS.has(k) && k !== top?.id && !(k === 'hovudmal' && withHovudmal))
    .map((key) => ({ key, as: 'level', span: v.at(key).span(true), ...(top ? { expected: top.id } : {}) }));
  return {
    config,
    ...(hovudmal ? { hovudmal } : {}),
    entries: top ? entriesOf(v.at(top.id), 0, ctx) : [],
    stray,
    sums: v.at('sum').kind === 'map' && v.at('sum').sound() ? sumsOf(v.at('sum')) : [],
    years,
    ...(v.at('illustrative').flag() ? { illustrativeSpan: v.at('illustrative').span() } : {}),
    span: v.span(),
  };
}
