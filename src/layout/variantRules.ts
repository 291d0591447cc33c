// What differs between the variants is declared once, in the model (model/variants.ts); layout reads
// it from there. Kept as this module so layout code names one place for it.
export { VARIANT_RULES, frontPagesOf, type VariantRules } from '../model/variants.js';
