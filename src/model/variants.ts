// What differs between the variants of a plan, declared once: the keys each needs in plan.yaml, its
// marks, front pages, what it leaves out, whether it has a sak and may be replaced. check, layout and
// emit read this table (never `variant === '…'`); a kind narrows which variants exist and may replace
// a variant's front pages (model/kinds.ts).
import type { KindDefinition, VariantName } from './types.js';

/** The rules of one variant. */
export interface VariantRules {
  /** The keys the variant needs under `variants.<name>` in plan.yaml. */
  readonly required: readonly string[];
  /** Front-matter templates after the docinfo page (templates/<name>.hbs), in order, unless the kind gives its own. */
  readonly frontPages: readonly string[];
  /** The label of the draft mark in every running header (undefined: no mark). */
  readonly headerMark?: string;
  /** The label of the page watermark (undefined: none). */
  readonly watermark?: string;
  /** Internal `note:` blocks are shown (as boxed notes). */
  readonly showsNotes: boolean;
  /** The variant has a sak of its own (høyring, vedtak): its number goes into the XMP and the archive record. */
  readonly hasSak: boolean;
  /** The variant's date is the vedtaksdato in the XMP. */
  readonly isAdoption: boolean;
  /** A published PDF of this variant may be replaced (with --force); an adopted plan never is. */
  readonly replaceable: boolean;
}

/** Every variant's rules. */
export const VARIANT_RULES: Readonly<Record<VariantName, VariantRules>> = {
  utkast: { required: ['date'], frontPages: [], headerMark: 'mark_utkast', watermark: 'watermark_utkast', showsNotes: true, hasSak: false, isAdoption: false, replaceable: true },
  hoyring: { required: ['date', 'frist', 'sak', 'innspel'], frontPages: ['hoyring-notice'], headerMark: 'mark_hoyring', watermark: 'watermark_hoyring', showsNotes: false, hasSak: true, isAdoption: false, replaceable: true },
  vedtak: { required: ['date', 'sak'], frontPages: ['vedtak-page'], showsNotes: false, hasSak: true, isAdoption: true, replaceable: false },
};

/** The front pages of `variant` in a plan of `kind`: the kind's own where it gives them, else the variant's. */
export function frontPagesOf(kind: KindDefinition, variant: VariantName): readonly string[] {
  return kind.front[variant] ?? VARIANT_RULES[variant].frontPages;
}

/** Whether a plan of `kind` may have `variant`. */
export function kindAllows(kind: KindDefinition, variant: VariantName): boolean {
  return kind.variants.includes(variant);
}

/** A variant's name as English messages write it («the høyring version»). */
export const variantWord = (v: VariantName): string => (v === 'hoyring' ? 'høyring' : v);
