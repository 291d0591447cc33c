// The date a variant of a plan carries (cover, PDF dates, manifest): its own date from plan.yaml,
// else the first day of the plan period. Never the clock.
import type { PlanDocument, VariantName } from './types.js';

export function variantDate(doc: PlanDocument, variant: VariantName): string {
  const v = doc.meta.variants[variant];
  return v?.date ?? `${doc.meta.period.from}-01-01`;
}
