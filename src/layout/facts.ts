// Fact references → text, for one variant: every `[fakta: name]` in the document becomes the plan's
// value (model/facts.ts), formatted in the plan's language form — dates as the house writes them
// («1. desember 2022»), a sak as «organ, sak nummer, dato», saksnummer exactly as written, and the
// målskjema facts from the målskjema as this variant prints it (the vedtak leaves rows out).
// Runs once per variant before layout; the checks have made sure every reference resolves.
import type { Block, CaptionFacts, Cell, FactRef, Footnote, Inline, MalskjemaEntry, PlanDocument, Section, VariantName } from '../model/types.js';
import { MALSKJEMA_FACT, factNamed, malskjemaOf, type FactValue } from '../model/facts.js';
import { splitFacts } from '../model/factSyntax.js';
import { formatDate, label, type Labels } from './labels.js';
import { formatPeriod } from './framdrift.js';
import { shownEntries } from '../model/malskjemaRows.js';

/** A fact's value as the document prints it. */
export function formatFact(v: FactValue, labels: Labels): string {
  switch (v.kind) {
    case 'text': return v.text;
    case 'date': return formatDate(labels, v.iso);
    case 'dates': return formatPeriod(labels, v.from, v.to);
    case 'years': return `${v.from}–${v.to}`;
    case 'sak': return `${v.sak.organ}, ${label(labels, 'case_lower')} ${v.sak.nummer}, ${formatDate(labels, v.sak.date)}`;
  }
}

/**
 * Numbers as a reader expects them: runs of three or more that follow each other (1.1, 1.2, 1.3) as
 * «1.1–1.3», the rest listed, the last joined with «og»: «1.1, 1.2 og 1.7», «2.1–2.6».
 */
export function formatNumbers(ids: readonly string[], labels: Labels): string {
  const next = (a: string, b: string): boolean => {
    const pa = a.split('.');
    const pb = b.split('.');
    if (pa.length !== pb.length || pa.slice(0, -1).join('.') !== pb.slice(0, -1).join('.')) return false;
    const x = Number(pa[pa.length - 1]);
    const y = Number(pb[pb.length - 1]);
    return Number.isInteger(x) && Number.isInteger(y) && y === x + 1;
  };
  const parts: string[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && next(ids[j]!, ids[j + 1]!)) j++;
    if (j - i >= 2) parts.push(`${ids[i]}–${ids[j]}`);
    else parts.push(...ids.slice(i, j + 1));
    i = j + 1;
  }
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${label(labels, 'fact_and')} ${parts[parts.length - 1]}`;
}

/** The document with every fact reference printed for `variant`. */
export function resolveFacts<D extends PlanDocument>(doc: D, variant: VariantName, labels: Labels): D {
  const value = (ref: FactRef, section: Section | undefined): string => {
    if (ref.name.startsWith(MALSKJEMA_FACT)) {
      const m = malskjemaOf(section)[0];
      if (!m) return `[fakta: ${ref.name}]`;
      const ids = shownEntries(m, ref.name.slice(MALSKJEMA_FACT.length), variant).flatMap((e) => (e.nummer !== undefined ? [e.nummer] : []));
      return formatNumbers(ids, labels);
    }
    const v = factNamed(ref.name)?.value(doc.meta);
    return v ? formatFact(v, labels) : `[fakta: ${ref.name}]`;
  };
  const runs = (content: readonly Inline[], section: Section | undefined): Inline[] | readonly Inline[] => {
    if (!content.some((r) => r.kind === 'fact')) return content;
    return content.map((r): Inline => (r.kind === 'fact'
      ? { kind: 'text', text: value(r, section), bold: r.bold, italics: r.italics, ...(r.link !== undefined ? { link: r.link } : {}) }
      : r));
  };
  const cell = (c: Cell, s: Section): Cell =>
    c.kind === 'text' ? { ...c, content: runs(c.content, s) } : c.kind === 'list' ? { ...c, items: c.items.map((i) => runs(i, s)) } : c;
  const entry = (e: MalskjemaEntry, s: Section): MalskjemaEntry => ({
    ...e,
    tekst: runs(e.tekst, s),
    groups: e.groups.map((g) => ({ ...g, ...(g.tekst ? { tekst: runs(g.tekst, s) } : {}), entries: g.entries.map((x) => entry(x, s)) })),
  });
  const block = (b: Block, s: Section): Block => {
    switch (b.kind) {
      case 'paragraph': case 'quote': case 'note': return { ...b, content: runs(b.content, s) };
      case 'list': return { ...b, items: b.items.map((i) => runs(i, s)) };
      case 'table': return { ...b, rows: b.rows.map((r) => r.map((c) => cell(c, s))), ...(b.totalsRow ? { totalsRow: b.totalsRow.map((c) => cell(c, s)) } : {}) };
      case 'fakta': return { ...b, rows: b.rows.map((r) => ({ ...r, value: cell(r.value, s) })) };
      case 'satsing': return { ...b, herErVi: b.herErVi.map((i) => runs(i, s)), slikVilVi: b.slikVilVi.map((i) => runs(i, s)), slikKjemViDit: b.slikKjemViDit.map((i) => runs(i, s)) };
      case 'malskjema': {
        const m = b.malskjema;
        return { ...b, malskjema: { ...m, ...(m.hovudmal ? { hovudmal: { ...m.hovudmal, tekst: runs(m.hovudmal.tekst, s) } } : {}), entries: m.entries.map((e) => entry(e, s)) } };
      }
      default: return b;
    }
  };
  // A caption keeps its references as written in the model: printed here, by the same reader.
  const captioned = (b: Block, s: Section): Block => {
    const refs = (b as CaptionFacts).captionFacts;
    if (!refs || !('caption' in b) || typeof b.caption !== 'string') return b;
    // The model read the same caption with the same reader: its n-th reference is refs[n].
    let i = 0;
    const caption = splitFacts(b.caption).map((p) => {
      if (typeof p === 'string') return p;
      const ref = refs[i++];
      return ref ? value(ref, s) : `[fakta: ${p.name}]`;
    }).join('');
    return { ...b, caption, ...(b.kind === 'chart' && b.budget ? { chart: { ...b.chart, title: caption } } : {}) } as Block;
  };
  const section = (s: Section): Section => ({ ...s, blocks: s.blocks.map((b) => captioned(block(b, s), s)), sections: s.sections.map(section) });
  const footnotes: Footnote[] = doc.footnotes.map((n) => ({ ...n, content: runs(n.content, undefined) }));
  return { ...doc, chapters: doc.chapters.map(section), footnotes };
}
