// Målskjema compared goal by goal: a goal is an entry whose next level holds the innermost entries
// (Alver: a delmål above its tiltak), matched by id (else by number, else by text). For each goal:
// its text, its status, and its innermost entries (tiltak) — matched by text (exactly, then by
// likeness), added or removed, with their text columns, years and amounts.
import type { Malskjema, MalskjemaCell, MalskjemaEntry } from '../model/types.js';
import { inlineText } from './blockText.js';
import type { GoalChange, TiltakChange } from './types.js';
import { diffWords, similarity } from './words.js';

const LIKE = 0.5;

/** The entries directly below `e` (through its groups). */
const childrenOf = (e: MalskjemaEntry): MalskjemaEntry[] => e.groups.flatMap((g) => g.entries);

/** Every goal of the målskjema: entries of the level just above the innermost one (all entries when there is one level). */
function goals(m: Malskjema): MalskjemaEntry[] {
  const leaf = m.config.levels[m.config.levels.length - 1]?.id;
  const out: MalskjemaEntry[] = [];
  const walk = (entries: readonly MalskjemaEntry[]): void => {
    for (const e of entries) {
      const kids = childrenOf(e);
      if (kids.some((k) => k.level === leaf)) out.push(e);
      else walk(kids);
    }
  };
  walk(m.entries);
  return out;
}

const goalKey = (e: MalskjemaEntry): string => e.id ?? e.nummer ?? inlineText(e.tekst);
const leavesOf = (e: MalskjemaEntry): MalskjemaEntry[] => childrenOf(e);

/** A cell's identity within its entry: the column, and the year for per-year columns. */
const cellKey = (c: MalskjemaCell): string => (c.year === undefined ? c.column : `${c.column}\u0000${c.year}`);

function compareTiltak(m: Malskjema, a: MalskjemaEntry, b: MalskjemaEntry): TiltakChange | undefined {
  const fields: NonNullable<TiltakChange['fields']>[number][] = [];
  const ta = inlineText(a.tekst);
  const tb = inlineText(b.tekst);
  if (ta !== tb) fields.push({ field: 'tekst', old: ta, new: tb });
  const cellsA = new Map(a.cells.map((c) => [cellKey(c), c]));
  const cellsB = new Map(b.cells.map((c) => [cellKey(c), c]));
  const keys = [...new Set([...cellsA.keys(), ...cellsB.keys()])].sort();
  for (const k of keys) {
    const va = cellsA.get(k);
    const vb = cellsB.get(k);
    const oldText = va === undefined ? '' : String(va.raw);
    const newText = vb === undefined ? '' : String(vb.raw);
    if (oldText === newText) continue;
    const cell = (va ?? vb)!;
    if (cell.year === undefined) {
      const column = m.config.columns.find((c) => c.id === cell.column);
      fields.push(cell.column === 'ansvar' ? { field: 'ansvar', old: oldText, new: newText } : { field: 'column', column: column?.header ?? cell.column, old: oldText, new: newText });
      continue;
    }
    // A year that gains or loses its mark is a change of years; a year whose amount changes, of amounts.
    const amount = va?.amount !== undefined || vb?.amount !== undefined;
    fields.push({ field: amount && va !== undefined && vb !== undefined ? 'belop' : 'ar', year: cell.year, old: oldText, new: newText });
  }
  if (fields.length === 0) return undefined;
  return { op: 'changed', tekst: tb, fields, ...(ta !== tb ? { words: diffWords(ta, tb) } : {}) };
}

/** Tiltak of two versions of one goal, paired: same text first, then the likest above a threshold. */
function compareTiltakLists(m: Malskjema, old: readonly MalskjemaEntry[], neu: readonly MalskjemaEntry[]): TiltakChange[] {
  const pairs = new Map<number, number>();
  const usedNew = new Set<number>();
  old.forEach((t, i) => {
    const j = neu.findIndex((u, k) => !usedNew.has(k) && inlineText(u.tekst) === inlineText(t.tekst));
    if (j >= 0) {
      pairs.set(i, j);
      usedNew.add(j);
    }
  });
  old.forEach((t, i) => {
    if (pairs.has(i)) return;
    let best = -1;
    let score = LIKE;
    neu.forEach((u, k) => {
      if (usedNew.has(k)) return;
      const s = similarity(inlineText(t.tekst), inlineText(u.tekst));
      if (s > score) {
        score = s;
        best = k;
      }
    });
    if (best >= 0) {
      pairs.set(i, best);
      usedNew.add(best);
    }
  });
  const out: TiltakChange[] = [];
  old.forEach((t, i) => {
    const j = pairs.get(i);
    if (j === undefined) out.push({ op: 'removed', tekst: inlineText(t.tekst) });
    else {
      const c = compareTiltak(m, t, neu[j]!);
      if (c) out.push(c);
    }
  });
  neu.forEach((u, k) => {
    if (!usedNew.has(k)) out.push({ op: 'added', tekst: inlineText(u.tekst) });
  });
  return out;
}

/** Every goal that was added, removed or changed between two versions of a målskjema. */
export function compareMalskjema(old: Malskjema, neu: Malskjema): GoalChange[] {
  const out: GoalChange[] = [];
  const newByKey = new Map(goals(neu).map((d) => [goalKey(d), d]));
  const oldKeys = new Set(goals(old).map(goalKey));
  for (const a of goals(old)) {
    const b = newByKey.get(goalKey(a));
    if (!b) {
      out.push({ op: 'removed', id: goalKey(a), tekst: inlineText(a.tekst), tiltak: [] });
      continue;
    }
    const ta = inlineText(a.tekst);
    const tb = inlineText(b.tekst);
    const tiltak = compareTiltakLists(neu, leavesOf(a), leavesOf(b));
    const sa = a.status?.value ?? '';
    const sb = b.status?.value ?? '';
    const labelOf = (m: Malskjema, id: string): string => m.config.status.find((x) => x.id === id)?.label ?? id;
    const status = sa !== sb ? { old: sa, new: sb, oldLabel: labelOf(old, sa), newLabel: labelOf(neu, sb) } : undefined;
    if (ta === tb && !status && tiltak.length === 0) continue;
    out.push({ op: 'changed', id: goalKey(a), tekst: tb, ...(ta !== tb ? { words: diffWords(ta, tb) } : {}), ...(status ? { status } : {}), tiltak });
  }
  for (const b of goals(neu)) {
    if (!oldKeys.has(goalKey(b))) out.push({ op: 'added', id: goalKey(b), tekst: inlineText(b.tekst), tiltak: leavesOf(b).map((t) => ({ op: 'added' as const, tekst: inlineText(t.tekst) })) });
  }
  return out;
}
