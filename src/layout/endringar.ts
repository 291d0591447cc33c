// Layout of the endringsoversikt: what changed between two versions (compare/) → a tagged document
// definition for the engine. Insertions are underlined and deletions struck through (visible without
// colour); a paragraph holding marks carries /Alt that spells them out («sett inn: …», «sletta: …»),
// so a screen reader says what was inserted and deleted. Words from the label files only.
import type { Change, ChapterChanges, Endringar, GoalChange, TiltakChange, WordPart } from '../compare/types.js';
import type { PlanDocument } from '../model/types.js';
import { CHANGE_KINDS } from '../compare/types.js';
import { label, labelsFor, type Labels } from './labels.js';
import { asFurniture, type DocumentDefinition, type LayoutNode } from './nodes.js';
import { tag, tagTable } from './tags.js';
import { COLOURS, PAGE_MARGIN, defaultStyle, documentStyles } from './styles.js';
import { pdfaPageSetup } from './pageSetup.js';

/** How a changed field of a tiltak is named: its column, or the year of a mark or an amount. */
function fieldName(l: Labels, f: NonNullable<TiltakChange['fields']>[number]): string {
  if (f.field === 'ansvar') return label(l, 'endringar_ansvar');
  if (f.field === 'column') return f.column ?? '';
  return `${label(l, f.field === 'belop' ? 'endringar_amount' : 'endringar_year')} ${f.year ?? ''}`.trim();
}

/** The facts an endringsoversikt is dated and described by. */
export interface EndringarFacts {
  readonly kommune: string;
  readonly date: string;
  readonly accent?: string;
}

const KIND_LABEL = { added: 'endringar_added', removed: 'endringar_removed', changed: 'endringar_changed', moved: 'endringar_moved' } as const;

function blockLabel(l: Labels, type: string): string {
  return l[`endringar_block_${type}`] ?? label(l, 'endringar_block_other');
}

/** pdfmake runs of a word diff: insertions underlined, deletions struck through. */
function markRuns(parts: readonly WordPart[]): object[] {
  return parts.flatMap((p, i) => {
    const run = p.op === 'ins' ? { text: p.text, decoration: 'underline', bold: true } : p.op === 'del' ? { text: p.text, decoration: 'lineThrough', color: '#6b6b6b' } : { text: p.text };
    // A deletion right before an insertion gets a space between, so «seks» and «sju» do not read as one word.
    const prev = parts[i - 1];
    return p.op === 'ins' && prev?.op === 'del' && !/\s$/.test(prev.text) && !/^\s/.test(p.text) ? [{ text: ' ' }, run] : [run];
  });
}

/** What a screen reader says for a word diff: kept text as it is, each mark named. */
function spokenMarks(l: Labels, parts: readonly WordPart[]): string {
  return parts.map((p) => (p.op === 'same' ? p.text : ` (${label(l, p.op === 'ins' ? 'endringar_inserted' : 'endringar_deleted')}: ${p.text.trim()}) `)).join('').replace(/\s+/g, ' ').trim();
}

function para(runs: object[], alt?: string, style = 'p'): LayoutNode {
  return tag({ text: runs, style } as LayoutNode, { type: 'P', ...(alt ? { alt } : {}) });
}

/** A paragraph starting with a bold lead-in, then a word diff (or plain text). */
function marked(l: Labels, lead: string, parts: readonly WordPart[] | undefined, plain: string, style = 'p'): LayoutNode {
  if (!parts) return para([{ text: `${lead} `, bold: true }, { text: plain }], undefined, style);
  return para([{ text: `${lead} `, bold: true }, ...markRuns(parts)], `${lead} ${spokenMarks(l, parts)}`, style);
}

const oldNew = (l: Labels, lead: string, a: string, b: string): LayoutNode =>
  para(
    [{ text: `${lead}: `, bold: true }, { text: a || '–', decoration: 'lineThrough', color: '#6b6b6b' }, { text: '  ' }, { text: b || '–', decoration: 'underline', bold: true }],
    `${lead}: ${label(l, 'endringar_deleted')}: ${a || '–'}, ${label(l, 'endringar_inserted')}: ${b || '–'}`,
    'endrDetail',
  );

function tiltakNodes(l: Labels, t: TiltakChange): LayoutNode[] {
  const lead = `${label(l, 'endringar_tiltak')} – ${label(l, KIND_LABEL[t.op])}:`;
  if (t.op !== 'changed') return [marked(l, lead, t.op === 'added' ? [{ op: 'ins', text: t.tekst }] : [{ op: 'del', text: t.tekst }], t.tekst, 'endrDetail')];
  const out: LayoutNode[] = [marked(l, lead, t.words, t.tekst, 'endrDetail')];
  for (const f of t.fields ?? []) {
    if (f.field === 'tekst') continue;
    const what = fieldName(l, f);
    out.push(oldNew(l, what, f.old, f.new));
  }
  return out;
}

function goalNodes(l: Labels, g: GoalChange): LayoutNode[] {
  const lead = `${label(l, 'endringar_goal')} ${g.id} – ${label(l, KIND_LABEL[g.op])}:`;
  const text = g.op === 'added' ? [{ op: 'ins' as const, text: g.tekst }] : g.op === 'removed' ? [{ op: 'del' as const, text: g.tekst }] : g.words;
  const out: LayoutNode[] = [marked(l, lead, text, g.tekst, 'endrItem')];
  if (g.status) out.push(oldNew(l, label(l, 'endringar_status'), g.status.oldLabel, g.status.newLabel));
  for (const t of g.tiltak) out.push(...tiltakNodes(l, t));
  return out;
}

function changeNodes(l: Labels, c: Change): LayoutNode[] {
  const where = c.block.section ? ` (${c.block.section})` : '';
  const lead = `${blockLabel(l, c.block.type)}${where} – ${label(l, KIND_LABEL[c.kind])}:`;
  switch (c.kind) {
    case 'added':
      return [marked(l, lead, [{ op: 'ins', text: c.block.text }], c.block.text, 'endrItem')];
    case 'removed':
      return [marked(l, lead, [{ op: 'del', text: c.block.text }], c.block.text, 'endrItem')];
    case 'moved':
      return [para([{ text: `${blockLabel(l, c.block.type)}${where} – ${label(l, 'endringar_moved_from')} ${c.from}: `, bold: true }, { text: c.block.text }], undefined, 'endrItem')];
    case 'changed': {
      const out: LayoutNode[] = [marked(l, lead, c.words, c.block.text, 'endrItem')];
      for (const r of c.rows ?? []) out.push(oldNew(l, `${label(l, 'endringar_row')} – ${label(l, r.op === 'added' ? 'endringar_added' : 'endringar_removed')}`, r.op === 'removed' ? r.row : '', r.op === 'added' ? r.row : ''));
      for (const cell of c.cells ?? []) out.push(oldNew(l, `${label(l, 'endringar_cell')} ${[cell.row, cell.column].filter(Boolean).join(' / ')}`, cell.old, cell.new));
      for (const g of c.goals ?? []) out.push(...goalNodes(l, g));
      return out;
    }
  }
}

function summaryTable(l: Labels, e: Endringar): LayoutNode {
  const head = [label(l, 'endringar_chapter'), ...CHANGE_KINDS.map((k) => label(l, KIND_LABEL[k]))].map((t, i) => ({ text: t, style: 'tableHeader', fillColor: COLOURS.accent, ...(i > 0 ? { alignment: 'right' } : {}) }));
  const row = (name: string, counts: Readonly<Record<string, number>>, bold = false): object[] => [
    { text: name, style: 'tableCell', bold },
    ...CHANGE_KINDS.map((k) => ({ text: String(counts[k] ?? 0), style: 'tableCell', alignment: 'right', bold })),
  ];
  const body = [head, ...e.chapters.map((c) => row(`${c.number} ${c.title}`, c.counts)), row(label(l, 'endringar_total'), e.total, true)];
  return tagTable({ table: { headerRows: 1, widths: ['*', 56, 56, 56, 56], body }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 12] } as LayoutNode & { table: { body: unknown[][]; headerRows: number } });
}

function chapterNodes(l: Labels, c: ChapterChanges, level: 1 | 2): LayoutNode[] {
  if (c.changes.length === 0) return [];
  return [
    tag({ text: `${c.number} ${c.title}`, style: `h${level + 1}`, keepWithNext: true } as LayoutNode, { type: `H${level + 1}` }),
    ...c.changes.flatMap((ch) => changeNodes(l, ch)),
  ];
}

/**
 * The body of an endringsoversikt: title, the summary by chapter and kind, then every chapter's changes.
 * `level` 1 makes the title an H1 (a document of its own); an appendix passes its own heading level.
 */
export function endringarNodes(e: Endringar, labels: Labels, title: string, level: 1 | 2 = 1): LayoutNode[] {
  const l = labels;
  const h = (n: number): string => `H${Math.min(n, 6)}`;
  return [
    tag({ text: title, style: `h${level}`, keepWithNext: true } as LayoutNode, { type: h(level) }),
    para([{ text: `${label(l, 'endringar_versions')} ${e.old.version} ${label(l, 'endringar_to')} ${e.new.version}. ` }, { text: label(l, 'endringar_how_to_read') }]),
    tag({ text: label(l, 'endringar_summary'), style: `h${level + 1}`, keepWithNext: true } as LayoutNode, { type: h(level + 1) }),
    summaryTable(l, e),
    ...(e.chapters.every((c) => c.changes.length === 0) ? [para([{ text: label(l, 'endringar_none') }])] : []),
    ...e.chapters.flatMap((c) => chapterNodes(l, c, level)),
  ];
}

/** A plan document that carries the endringar appendix of its vedtak (pipeline.ts adds it). */
export type WithEndringar = PlanDocument & { readonly endringarAppendix?: Endringar };

/** «Endringar etter høyring» as the vedtak's appendix: a chapter of its own, in the contents and outline. */
export function endringarAppendix(e: Endringar, labels: Labels): LayoutNode[] {
  const title = label(labels, 'endringar_appendix');
  const [head, ...rest] = endringarNodes(e, labels, title, 1);
  const heading = { ...head, pageBreak: 'before', pageOrientation: 'portrait', tocItem: true, tocStyle: { bold: true }, tocMargin: [0, 6, 0, 0], outline: true, outlineText: title, id: 'sec-endringar-etter-hoyring' } as LayoutNode;
  return [heading, ...rest];
}

/** Text styles of the change lists. */
export const ENDRINGAR_STYLES = {
  endrItem: { margin: [0, 4, 0, 3] },
  endrDetail: { fontSize: 9.5, margin: [14, 0, 0, 2] },
} as const;

/** The endringsoversikt as a document of its own (`<id>-<version>-endringar.pdf`). */
export function layoutEndringar(e: Endringar, facts: EndringarFacts): { definition: DocumentDefinition; xmpFields: Readonly<Record<string, string | undefined>> } {
  const l = labelsFor(e.plan.language);
  const accent = facts.accent ?? COLOURS.accent;
  const title = `${label(l, 'endringar_title')}: ${e.plan.title}`;
  const footer = (page: number, pages: number): LayoutNode =>
    asFurniture(tag({ text: `${e.plan.title} – ${label(l, 'endringar_title')} – ${label(l, 'page')} ${page} ${label(l, 'page_of')} ${pages}`, fontSize: 8, color: COLOURS.muted, margin: [PAGE_MARGIN.side, 20, PAGE_MARGIN.side, 0] } as LayoutNode, { type: 'Artifact' }), 'footer');
  const definition: DocumentDefinition = {
    ...pdfaPageSetup(l),
    info: {
      title,
      author: facts.kommune,
      subject: title,
      keywords: label(l, 'endringar_title'),
      creator: 'plantrykk',
      producer: 'plantrykk (pdfmake)',
      creationDate: new Date(`${facts.date}T12:00:00Z`),
    },
    defaultStyle,
    styles: { ...documentStyles(accent), ...ENDRINGAR_STYLES },
    content: endringarNodes(e, l, title),
    footer,
  };
  return { definition, xmpFields: { planId: e.plan.id, version: e.new.version, status: label(l, 'endringar_title'), documentDate: facts.date } };
}

/** A word diff for the terminal, in wdiff's notation: [-deleted-]{+inserted+}. */
function textMarks(parts: readonly WordPart[] | undefined, plain: string): string {
  return parts ? parts.map((p) => (p.op === 'ins' ? `{+${p.text}+}` : p.op === 'del' ? `[-${p.text}-]` : p.text)).join('') : plain;
}

/** The endringsoversikt as plain text for the terminal (`--format text`). */
export function endringarText(e: Endringar): string {
  const l = labelsFor(e.plan.language);
  const out: string[] = [`${label(l, 'endringar_title')}: ${e.plan.title}`, `${label(l, 'endringar_versions')} ${e.old.version} ${label(l, 'endringar_to')} ${e.new.version}`, ''];
  const counts = (c: Readonly<Record<string, number>>): string => CHANGE_KINDS.map((k) => `${label(l, KIND_LABEL[k]).toLowerCase()} ${c[k] ?? 0}`).join(', ');
  for (const c of e.chapters) out.push(`  ${`${c.number} ${c.title}`.padEnd(48)} ${counts(c.counts)}`);
  out.push(`  ${label(l, 'endringar_total').padEnd(48)} ${counts(e.total)}`, '');
  for (const c of e.chapters) {
    if (c.changes.length === 0) continue;
    out.push(`${c.number} ${c.title}`);
    for (const ch of c.changes) {
      const where = ch.block.section ? ` (${ch.block.section})` : '';
      const head = `  ${blockLabel(l, ch.block.type)}${where} – ${label(l, KIND_LABEL[ch.kind])}`;
      if (ch.kind === 'moved') out.push(`${head}, ${label(l, 'endringar_moved_from')} ${ch.from}: ${ch.block.text}`);
      else if (ch.kind !== 'changed') out.push(`${head}: ${ch.block.text}`);
      else {
        out.push(`${head}: ${textMarks(ch.words, ch.block.text)}`);
        for (const r of ch.rows ?? []) out.push(`    ${label(l, 'endringar_row')} – ${label(l, r.op === 'added' ? 'endringar_added' : 'endringar_removed')}: ${r.row}`);
        for (const cell of ch.cells ?? []) out.push(`    ${label(l, 'endringar_cell')} ${[cell.row, cell.column].filter(Boolean).join(' / ')}: [-${cell.old}-]{+${cell.new}+}`);
        for (const g of ch.goals ?? []) {
          out.push(`    ${label(l, 'endringar_goal')} ${g.id} – ${label(l, KIND_LABEL[g.op])}: ${textMarks(g.words, g.tekst)}`);
          if (g.status) out.push(`      ${label(l, 'endringar_status')}: [-${g.status.oldLabel}-]{+${g.status.newLabel}+}`);
          for (const t of g.tiltak) {
            out.push(`      ${label(l, 'endringar_tiltak')} – ${label(l, KIND_LABEL[t.op])}: ${textMarks(t.words, t.tekst)}`);
            for (const f of t.fields ?? []) {
              if (f.field === 'tekst') continue;
              const what = fieldName(l, f);
              out.push(`        ${what}: [-${f.old}-]{+${f.new}+}`);
            }
          }
        }
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
