// The plan's own facts that text can refer to (`[fakta: hoyring.frist]`, syntax in factSyntax.ts): the
// names, the plan.yaml values each prints, and in which variants it exists. One table for the checks
// (check/factRules.ts), the example rules (model/examples.ts) and the layout that prints them (layout/facts.ts).
import type { DraftBlock } from './draft.js';
import type { CaptionFacts, Cell, FactRef, Footnote, Inline, Malskjema, MalskjemaEntry, PlanMeta, Sak, VariantName } from './types.js';

/** A fact's value as data; layout formats it in the plan's language form. */
export type FactValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly iso: string }
  /** From one date to another (the høyring: its date to its frist). */
  | { readonly kind: 'dates'; readonly from: string; readonly to: string }
  | { readonly kind: 'years'; readonly from: number; readonly to: number }
  | { readonly kind: 'sak'; readonly sak: Sak };

/**
 * One fact. `stage` says in which variants it exists: 'plan' and 'hoyring' facts in every variant (the
 * vedtak can say when the plan was on høyring), 'vedtak' facts not in the høyring (a plan on høyring is
 * not adopted yet) — the utkast, an internal draft, prints what plan.yaml says. `paths` are the
 * plan.yaml values it prints (what an `eksempel` mark names).
 */
export interface FactDefinition {
  readonly name: string;
  readonly stage: 'plan' | 'hoyring' | 'vedtak';
  readonly paths: readonly string[];
  readonly value: (meta: PlanMeta) => FactValue | undefined;
}

const text = (t: string | undefined): FactValue | undefined => (t === undefined ? undefined : { kind: 'text', text: t });
const date = (d: string | undefined): FactValue | undefined => (d === undefined ? undefined : { kind: 'date', iso: d });

function sakFacts(stage: 'hoyring' | 'vedtak', sak: (m: PlanMeta) => Sak | undefined): FactDefinition[] {
  const at = `variants.${stage}.sak`;
  return [
    { name: `${stage}.sak`, stage, paths: [at], value: (m) => { const s = sak(m); return s ? { kind: 'sak', sak: s } : undefined; } },
    { name: `${stage}.sak.organ`, stage, paths: [`${at}.organ`], value: (m) => text(sak(m)?.organ) },
    { name: `${stage}.sak.nummer`, stage, paths: [`${at}.nummer`], value: (m) => text(sak(m)?.nummer) },
    { name: `${stage}.sak.date`, stage, paths: [`${at}.date`], value: (m) => date(sak(m)?.date) },
  ];
}

/** Every fact a plan's text can name, in the order the hint lists them. */
export const FACTS: readonly FactDefinition[] = [
  { name: 'title', stage: 'plan', paths: ['title'], value: (m) => text(m.title) },
  { name: 'subtitle', stage: 'plan', paths: ['subtitle'], value: (m) => text(m.subtitle) },
  { name: 'kommune', stage: 'plan', paths: ['kommune'], value: (m) => text(m.kommune.name) },
  { name: 'kommune.nummer', stage: 'plan', paths: ['kommune'], value: (m) => text(m.kommune.nummer) },
  { name: 'period', stage: 'plan', paths: ['period'], value: (m) => ({ kind: 'years', from: m.period.from, to: m.period.to }) },
  { name: 'handlingsdel', stage: 'plan', paths: ['handlingsdel'], value: (m) => (m.handlingsdel ? { kind: 'years', ...m.handlingsdel } : undefined) },
  { name: 'hoyring.date', stage: 'hoyring', paths: ['variants.hoyring.date'], value: (m) => date(m.variants.hoyring?.date) },
  { name: 'hoyring.frist', stage: 'hoyring', paths: ['variants.hoyring.frist'], value: (m) => date(m.variants.hoyring?.frist) },
  {
    name: 'hoyring.period', stage: 'hoyring', paths: ['variants.hoyring.date', 'variants.hoyring.frist'],
    value: (m) => { const h = m.variants.hoyring; return h?.date && h.frist ? { kind: 'dates', from: h.date, to: h.frist } : undefined; },
  },
  ...sakFacts('hoyring', (m) => m.variants.hoyring?.sak),
  { name: 'vedtak.date', stage: 'vedtak', paths: ['variants.vedtak.date'], value: (m) => date(m.variants.vedtak?.date) },
  ...sakFacts('vedtak', (m) => m.variants.vedtak?.sak),
];

const BY_NAME = new Map(FACTS.map((f) => [f.name, f]));

/** The prefix of the målskjema facts: `malskjema.<level id>` lists the numbers of that level shown. */
export const MALSKJEMA_FACT = 'malskjema.';

/** The fact of that name (undefined for an unknown name and for the målskjema facts). */
export const factNamed = (name: string): FactDefinition | undefined => BY_NAME.get(name);

/** Whether a fact of `stage` exists in `variant` (see FactDefinition). */
export const factExistsIn = (stage: FactDefinition['stage'], variant: VariantName): boolean => !(stage === 'vedtak' && variant === 'hoyring');

/** Whether a fact printing `paths` prints the value an `eksempel` mark at `mark` names (or a part of it). */
export const printsMarked = (paths: readonly string[], mark: string): boolean =>
  paths.some((p) => p === mark || p.startsWith(`${mark}.`) || mark.startsWith(`${p}.`));

/** One fact reference with the section it is written in (the målskjema facts read that section's målskjema). */
export interface PlacedFact {
  readonly ref: FactRef;
  /** The innermost section around the reference; undefined in a footnote. */
  readonly section?: SectionLike;
}

interface SectionLike {
  readonly blocks: readonly (DraftBlock | { readonly kind: string })[];
  readonly sections: readonly SectionLike[];
}

/** The inline contents of a block (text, cells, lists, målskjema texts). */
export function blockInlines(b: DraftBlock | { readonly kind: string }): (readonly Inline[])[] {
  const x = b as DraftBlock;
  switch (x.kind) {
    case 'paragraph': case 'quote': case 'note': return [x.content];
    case 'list': return [...x.items];
    case 'table': return [...x.rows, ...(x.totalsRow ? [x.totalsRow] : [])].flatMap((r) => r.flatMap(cellInlines));
    case 'fakta': return x.rows.flatMap((r) => cellInlines(r.value));
    case 'satsing': return [...x.herErVi, ...x.slikVilVi, ...x.slikKjemViDit];
    case 'malskjema': return malskjemaInlines(x.malskjema);
    default: return [];
  }
}

const cellInlines = (c: Cell): (readonly Inline[])[] =>
  c.kind === 'text' ? [c.content] : c.kind === 'list' ? [...c.items] : [];

function malskjemaInlines(m: Malskjema): (readonly Inline[])[] {
  const entry = (e: MalskjemaEntry): (readonly Inline[])[] => [e.tekst, ...e.groups.flatMap((g) => [...(g.tekst ? [g.tekst] : []), ...g.entries.flatMap(entry)])];
  return [...(m.hovudmal ? [m.hovudmal.tekst] : []), ...m.entries.flatMap(entry)];
}

/** Every fact reference in the sections and footnotes, in document order. */
export function factRefsIn(sections: readonly SectionLike[], footnotes: readonly Footnote[] = []): PlacedFact[] {
  const out: PlacedFact[] = [];
  const visit = (s: SectionLike): void => {
    for (const b of s.blocks) {
      for (const runs of blockInlines(b)) for (const r of runs) if (r.kind === 'fact') out.push({ ref: r, section: s });
      for (const r of (b as CaptionFacts).captionFacts ?? []) out.push({ ref: r, section: s });
    }
    s.sections.forEach(visit);
  };
  sections.forEach(visit);
  for (const n of footnotes) for (const r of n.content) if (r.kind === 'fact') out.push({ ref: r });
  return out;
}

/** The målskjema a målskjema fact in `section` reads: the section's own, else its subsections' (all found). */
export function malskjemaOf(section: SectionLike | undefined): Malskjema[] {
  if (!section) return [];
  const own = section.blocks.flatMap((b) => (b.kind === 'malskjema' && 'malskjema' in b ? [(b as { malskjema: Malskjema }).malskjema] : []));
  return own.length > 0 ? own : section.sections.flatMap(malskjemaOf);
}
