// What differs between the variants of a plan, declared once. Layout reads only this table (never
// `variant === '…'`); the publishing rule (whether a variant's PDF may be replaced) is here too, for
// emit/ to read.
import type { VariantName } from '../model/types.js';

/** The rules of one variant. */
export interface VariantRules {
  /** Front-matter templates after the docinfo page (templates/<name>.hbs), in order. */
  readonly frontPages: readonly string[];
  /** The label of the draft mark in every running header (undefined: no mark). */
  readonly headerMark?: string;
  /** The label of the page watermark (undefined: none). */
  readonly watermark?: string;
  /** Internal `note:` blocks are shown (as boxed notes). */
  readonly showsNotes: boolean;
  /** The variant has a sak of its own (høyring, vedtak): its number goes into the XMP. */
  readonly hasSak: boolean;
  /** The variant's date is the vedtaksdato in the XMP; målskjema rows whose status says so are left out. */
  readonly isAdoption: boolean;
  /** A published PDF of this variant may be replaced (with --force); an adopted plan never is. */
  readonly replaceable: boolean;
}

/** Every variant's rules. */
export const VARIANT_RULES: Readonly<Record<VariantName, VariantRules>> = {
  utkast: { frontPages: [], headerMark: 'mark_utkast', watermark: 'watermark_utkast', showsNotes: true, hasSak: false, isAdoption: false, replaceable: true },
  hoyring: { frontPages: ['hoyring-notice'], headerMark: 'mark_hoyring', watermark: 'watermark_hoyring', showsNotes: false, hasSak: true, isAdoption: false, replaceable: true },
  vedtak: { frontPages: ['vedtak-page'], showsNotes: false, hasSak: true, isAdoption: true, replaceable: false },
};
