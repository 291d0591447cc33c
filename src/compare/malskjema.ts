// Målskjema compared goal by goal (delmål, matched by id): its text, its status, and its tiltak —
// matched by text (exactly, then by likeness), added or removed, with ansvar, years and amounts.
import type { Delmal, Malskjema, Tiltak, YearValue } from '../model/types.js';
import { inlineText } from './blockText.js';
import type { GoalChange, TiltakChange } from './types.js';
import { diffWords, similarity } from './words.js';

const LIKE = 0.5;

function goals(m: Malskjema): Delmal[] {
  return m.mal.flatMap((mal) => mal.delmal);
}

function tiltakOf(d: Delmal): Tiltak[] {
  return d.oppna.flatMap((o) => o.tiltak);
}

const yearText = (v: YearValue | undefined): string => (v === undefined ? '' : String(v));

function compareTiltak(a: Tiltak, b: Tiltak): TiltakChange | undefined {
  const fields: NonNullable<TiltakChange['fields']>[number][] = [];
  const ta = inlineText(a.tekst);
  const tb = inlineText(b.tekst);
  if (ta !== tb) fields.push({ field: 'tekst', old: ta, new: tb });
  if ((a.ansvar ?? '') !== (b.ansvar ?? '')) fields.push({ field: 'ansvar', old: a.ansvar ?? '', new: b.ansvar ?? '' });
  const years = [...new Set([...a.ar.keys(), ...b.ar.keys()])].sort((x, y) => x - y);
  for (const y of years) {
    const va = a.ar.get(y);
    const vb = b.ar.get(y);
    if (va === vb) continue;
    // A year that gains or loses its mark is a change of years; a year whose amount changes, of amounts.
    const amount = typeof va === 'number' || typeof vb === 'number';
    const both = va !== undefined && vb !== undefined;
    fields.push({ field: amount && both ? 'belop' : 'ar', year: String(y), old: yearText(va), new: yearText(vb) });
  }
  if (fields.length === 0) return undefined;
  return { op: 'changed', tekst: tb, fields, ...(ta !== tb ? { words: diffWords(ta, tb) } : {}) };
}

/** Tiltak of two versions of one goal, paired: same text first, then the likest above a threshold. */
function compareTiltakLists(old: readonly Tiltak[], neu: readonly Tiltak[]): TiltakChange[] {
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
      const c = compareTiltak(t, neu[j]!);
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
  const newById = new Map(goals(neu).map((d) => [d.id, d]));
  const oldIds = new Set(goals(old).map((d) => d.id));
  for (const a of goals(old)) {
    const b = newById.get(a.id);
    if (!b) {
      out.push({ op: 'removed', id: a.id, tekst: inlineText(a.tekst), tiltak: [] });
      continue;
    }
    const ta = inlineText(a.tekst);
    const tb = inlineText(b.tekst);
    const tiltak = compareTiltakLists(tiltakOf(a), tiltakOf(b));
    const status = a.status !== b.status ? { old: a.status, new: b.status } : undefined;
    if (ta === tb && !status && tiltak.length === 0) continue;
    out.push({ op: 'changed', id: a.id, tekst: tb, ...(ta !== tb ? { words: diffWords(ta, tb) } : {}), ...(status ? { status } : {}), tiltak });
  }
  for (const b of goals(neu)) {
    if (!oldIds.has(b.id)) out.push({ op: 'added', id: b.id, tekst: inlineText(b.tekst), tiltak: tiltakOf(b).map((t) => ({ op: 'added' as const, tekst: inlineText(t.tekst) })) });
  }
  return out;
}
