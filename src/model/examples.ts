// Example values: what a plan marks as not the kommune's own. plan.yaml lists dotted paths under
// `eksempel`; a chart, framdrift, trapp or målskjema data file says `illustrative: true`; text that still
// holds the placeholder word of `plantrykk new` (model/placeholder.ts) counts as one too. Read once into
// the model, with the span of each, so checks can refuse and layout can stamp from the same facts.
import type { Span } from '../core/span.js';
import type { Reader } from './reader.js';
import { factExistsIn, factNamed, factRefsIn, printedIn, printsMarked, type PlacedFact } from './facts.js';
import { VARIANTS, type ChartSpec, type ExampleMark, type Framdrift, type Malskjema, type PlanDocument, type Spanned, type Trapp, type VariantName } from './types.js';

/**
 * The marks of `eksempel` in plan.yaml or a kommune profile (`profile`) that name a written value, and
 * the entries that name none. In a profile, `hoyring.*` concerns the høyring only (its innspel contact).
 */
export function readExampleMarks(plan: Reader, profile = false): { readonly marks: readonly ExampleMark[]; readonly unknown: readonly Spanned<string>[] } {
  const list = plan.at('eksempel');
  if (list.kind !== 'list' || !list.sound()) return { marks: [], unknown: [] };
  const marks: ExampleMark[] = [];
  const unknown: Spanned<string>[] = [];
  for (const entry of list.items()) {
    const path = entry.str();
    const parts = path.split('.');
    let at = plan;
    for (const p of parts) at = at.at(/^\d+$/.test(p) && at.kind === 'list' ? Number(p) : p);
    if (at.kind === 'absent' || parts[0] === 'eksempel') {
      unknown.push({ value: path, span: entry.span() });
      continue;
    }
    const v = profile ? (parts[0] === 'hoyring' ? 'hoyring' : undefined) : parts[0] === 'variants' ? VARIANTS.find((n) => n === parts[1]) : undefined;
    marks.push({ path, span: at.span(), scope: v ?? 'all' });
  }
  return { marks, unknown };
}

interface DataBlocks {
  readonly blocks: readonly { readonly kind: string; readonly chart?: ChartSpec; readonly framdrift?: Framdrift; readonly trapp?: Trapp; readonly malskjema?: Malskjema }[];
  readonly sections: readonly DataBlocks[];
}

/** Every data file (chart, framdrift, trapp, målskjema) marked `illustrative: true` that the sections draw, once per file. */
export function illustrativeData(sections: readonly DataBlocks[]): { readonly what: string; readonly span: Span }[] {
  const seen = new Set<string>();
  const out: { what: string; span: Span }[] = [];
  const visit = (s: DataBlocks): void => {
    for (const b of s.blocks) {
      const span = b.chart?.illustrativeSpan ?? b.framdrift?.illustrativeSpan ?? b.trapp?.illustrativeSpan ?? b.malskjema?.illustrativeSpan;
      if (span && !seen.has(span.file)) {
        seen.add(span.file);
        out.push({ what: 'illustrative', span });
      }
    }
    s.sections.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}

/** Whether `mark` (or a placeholder text) concerns `variant`: a value under `variants.<v>` only that variant, any other value all. */
export const markConcerns = (mark: Pick<ExampleMark, 'scope'>, variant: VariantName): boolean => mark.scope === 'all' || mark.scope === variant;

/** The fact references in `refs` that print the value `mark` names (in any variant that has the fact). */
export function referencesTo(mark: ExampleMark, refs: readonly PlacedFact[]): { readonly ref: PlacedFact; readonly variants: (v: VariantName) => boolean }[] {
  return refs.flatMap((r) => {
    const fact = factNamed(r.ref.name);
    return fact && printsMarked(fact.paths, mark.path) ? [{ ref: r, variants: (v: VariantName) => factExistsIn(fact.stage, v) && printedIn(r, v) }] : [];
  });
}

/** Whether `variant` prints `mark`'s value: its own, or through a fact reference in the text (a høyring's sak named in the vedtak). */
export const printsMark = (mark: ExampleMark, variant: VariantName, refs: readonly PlacedFact[]): boolean =>
  markConcerns(mark, variant) || referencesTo(mark, refs).some((r) => r.variants(variant));

/** The example values that `variant` of the document prints: the reason it carries the EKSEMPEL stamp. */
export function examplesIn(doc: PlanDocument, variant: VariantName): { readonly what: string; readonly span: Span }[] {
  const refs = factRefsIn(doc.chapters, doc.footnotes);
  return [
    ...doc.meta.examples.filter((m) => printsMark(m, variant, refs)).map((m) => ({ what: m.path, span: m.span })),
    ...illustrativeData(doc.chapters),
    ...doc.meta.placeholders.filter((p) => markConcerns(p, variant)).map((p) => ({ what: p.word, span: p.span })),
  ];
}

/** Only høyring and vedtak are official documents; an utkast may hold example values unstamped. */
export const isOfficial = (variant: VariantName): boolean => variant !== 'utkast';

/** True when `variant` of the document is built with example values (so with `--eksempel`): it is stamped. */
export const stampedAsExample = (doc: PlanDocument, variant: VariantName): boolean => isOfficial(variant) && examplesIn(doc, variant).length > 0;
