// Compare stage: two typed plan models (old, new) → what changed, per chapter (types.ts). Blocks are
// matched by id where they have one, else by text; a block found elsewhere unchanged is `moved`, a text
// block much like an unmatched one in the same chapter is `changed` with word marks. Pure and
// deterministic: the same two models always give the same result, in the new version's order.
import { diffArrays } from 'diff';
import type { Block, PlanDocument, Section, TableBlock } from '../model/types.js';
import { blockContent, blockId, blockText, cellText, isTextBlock } from './blockText.js';
import { compareMalskjema } from './malskjema.js';
import { CHANGE_KINDS, type BlockRef, type Change, type ChangeKind, type ChapterChanges, type Endringar } from './types.js';
import { diffWords, similarity } from './words.js';

export type { Endringar } from './types.js';

const LIKE = 0.5;

interface Item {
  readonly block: Block;
  readonly section: string;
  readonly key: string;
  readonly ref: BlockRef;
}

/** The blocks of a chapter in reading order; each sub-section's title is a heading item with its id. */
function items(chapter: Section): Item[] {
  const out: Item[] = [];
  const walk = (s: Section, top: boolean): void => {
    if (!top) {
      const heading: Block = { kind: 'heading', text: s.title, span: s.span };
      out.push(item(heading, s.number, s.id));
    }
    for (const b of s.blocks) out.push(item(b, s.number));
    for (const sub of s.sections) walk(sub, false);
  };
  walk(chapter, true);
  return out;
}

function item(block: Block, section: string, sectionId?: string): Item {
  const id = sectionId ?? blockId(block);
  const text = blockText(block);
  return { block, section, key: id !== undefined ? `#${id}` : `${block.kind}:${text}`, ref: { type: block.kind, ...(id !== undefined ? { id } : {}), section, text } };
}

function compareTable(a: TableBlock, b: TableBlock): Extract<Change, { kind: 'changed' }> | undefined {
  const label = (row: readonly TableBlock['rows'][number][number][]): string => cellText(row[0]);
  const cells: { row: string; column: string; old: string; new: string }[] = [];
  const rows: { op: 'added' | 'removed'; row: string }[] = [];
  const columns = Math.max(a.header.length, b.header.length);
  for (let c = 0; c < columns; c++) {
    if ((a.header[c] ?? '') !== (b.header[c] ?? '')) cells.push({ row: '', column: b.header[c] ?? a.header[c] ?? String(c + 1), old: a.header[c] ?? '', new: b.header[c] ?? '' });
  }
  let i = 0;
  let j = 0;
  for (const part of diffArrays(a.rows.map(label), b.rows.map(label))) {
    for (const _ of part.value) {
      if (part.removed) rows.push({ op: 'removed', row: label(a.rows[i++]!) });
      else if (part.added) rows.push({ op: 'added', row: label(b.rows[j++]!) });
      else {
        const ra = a.rows[i++]!;
        const rb = b.rows[j++]!;
        for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
          const oa = cellText(ra[c]);
          const ob = cellText(rb[c]);
          if (oa !== ob) cells.push({ row: label(rb), column: b.header[c] ?? String(c + 1), old: oa, new: ob });
        }
      }
    }
  }
  const caption = a.caption !== b.caption;
  if (cells.length === 0 && rows.length === 0 && !caption && blockContent(a) === blockContent(b)) return undefined;
  return {
    kind: 'changed',
    block: { type: 'table', id: b.id, section: '', text: b.caption },
    ...(caption ? { words: diffWords(a.caption, b.caption) } : {}),
    ...(cells.length ? { cells } : {}),
    ...(rows.length ? { rows } : {}),
  };
}

/** What changed in a block kept under the same id; undefined when nothing did. */
function compareKept(a: Item, b: Item): Change | undefined {
  if (blockContent(a.block) === blockContent(b.block)) return undefined;
  const ba = a.block;
  const bb = b.block;
  if (ba.kind === 'table' && bb.kind === 'table') {
    const c = compareTable(ba, bb);
    return c && { ...c, block: b.ref };
  }
  if (ba.kind === 'malskjema' && bb.kind === 'malskjema') {
    const goals = compareMalskjema(ba.malskjema, bb.malskjema);
    return goals.length > 0 ? { kind: 'changed', block: b.ref, goals } : undefined;
  }
  const ta = a.ref.text;
  const tb = b.ref.text;
  return { kind: 'changed', block: b.ref, ...(ta !== tb ? { words: diffWords(ta, tb) } : {}) };
}

interface Pending {
  readonly chapter: string;
  readonly item: Item;
  /** Where in the new chapter's order it is shown. */
  readonly at: number;
}

function counts(changes: readonly Change[]): Record<ChangeKind, number> {
  const c = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const ch of changes) c[ch.kind]++;
  return c;
}

/** Every change from `old` to `neu`, per chapter of the new version (removed chapters last). */
export function compareDocuments(old: PlanDocument, neu: PlanDocument): Endringar {
  const oldChapters = new Map(old.chapters.map((c) => [c.id, c]));
  const newIds = new Set(neu.chapters.map((c) => c.id));
  const placed = new Map<string, { at: number; change: Change }[]>();
  const put = (chapter: string, at: number, change: Change): void => {
    const list = placed.get(chapter) ?? [];
    list.push({ at, change });
    placed.set(chapter, list);
  };
  const removed: Pending[] = [];
  const added: Pending[] = [];

  for (const chapter of neu.chapters) {
    const before = oldChapters.get(chapter.id);
    if (!before) {
      put(chapter.id, 0, { kind: 'added', block: { type: 'chapter', id: chapter.id, section: chapter.number, text: chapter.title } });
      continue;
    }
    if (before.title !== chapter.title) {
      put(chapter.id, -1, { kind: 'changed', block: { type: 'chapter', id: chapter.id, section: chapter.number, text: chapter.title }, words: diffWords(before.title, chapter.title) });
    }
    const a = items(before);
    const b = items(chapter);
    let i = 0;
    let j = 0;
    for (const part of diffArrays(a.map((x) => x.key), b.map((x) => x.key))) {
      for (const _ of part.value) {
        if (part.removed) removed.push({ chapter: chapter.id, item: a[i++]!, at: j - 0.5 });
        else if (part.added) {
          added.push({ chapter: chapter.id, item: b[j], at: j } as Pending);
          j++;
        } else {
          const c = compareKept(a[i++]!, b[j]!);
          if (c) put(chapter.id, j, c);
          j++;
        }
      }
    }
  }

  // The same block (id or text) removed in one place and added in another was moved.
  const usedRemoved = new Set<Pending>();
  const unmatched: Pending[] = [];
  for (const p of added) {
    const from = removed.find((r) => !usedRemoved.has(r) && r.item.key === p.item.key);
    if (!from) {
      unmatched.push(p);
      continue;
    }
    usedRemoved.add(from);
    put(p.chapter, p.at, { kind: 'moved', block: p.item.ref, from: from.item.section });
    const c = compareKept(from.item, p.item);
    if (c) put(p.chapter, p.at, c);
  }
  // A text block much like one removed from the same chapter was changed: the likest pair first.
  const candidates: { r: Pending; p: Pending; score: number }[] = [];
  for (const p of unmatched) {
    for (const r of removed) {
      if (usedRemoved.has(r) || r.chapter !== p.chapter || r.item.block.kind !== p.item.block.kind || !isTextBlock(p.item.block)) continue;
      const score = similarity(r.item.ref.text, p.item.ref.text);
      if (score >= LIKE) candidates.push({ r, p, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.p.at - y.p.at);
  const pairedAdded = new Set<Pending>();
  for (const { r, p } of candidates) {
    if (usedRemoved.has(r) || pairedAdded.has(p)) continue;
    usedRemoved.add(r);
    pairedAdded.add(p);
    put(p.chapter, p.at, { kind: 'changed', block: p.item.ref, words: diffWords(r.item.ref.text, p.item.ref.text) });
  }
  for (const p of unmatched) if (!pairedAdded.has(p)) put(p.chapter, p.at, { kind: 'added', block: p.item.ref });
  for (const r of removed) if (!usedRemoved.has(r)) put(r.chapter, r.at, { kind: 'removed', block: r.item.ref });

  const chapters: ChapterChanges[] = [];
  for (const c of neu.chapters) {
    const changes = (placed.get(c.id) ?? []).map((x, n) => ({ ...x, n })).sort((x, y) => x.at - y.at || x.n - y.n).map((x) => x.change);
    chapters.push({ id: c.id, number: c.number, title: c.title, status: oldChapters.has(c.id) ? 'kept' : 'added', changes, counts: counts(changes) });
  }
  for (const c of old.chapters) {
    if (newIds.has(c.id)) continue;
    const changes: Change[] = [{ kind: 'removed', block: { type: 'chapter', id: c.id, section: c.number, text: c.title } }];
    chapters.push({ id: c.id, number: c.number, title: c.title, status: 'removed', changes, counts: counts(changes) });
  }
  return {
    version: 1,
    plan: { id: neu.meta.id, title: neu.meta.title, language: neu.meta.language },
    old: { version: old.meta.version },
    new: { version: neu.meta.version },
    chapters,
    total: counts(chapters.flatMap((c) => c.changes)),
  };
}
