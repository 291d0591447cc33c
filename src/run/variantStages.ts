// The stages of one variant, in order: layout (model + charts → document definition) → engine
// (definition → PDF bytes). pipeline.ts runs them for each variant, in a render worker
// (emit/renderWorker.ts) or in this thread; this module is the one place that says what runs after what.
import type { PlanDocument, VariantName } from '../model/types.js';
import { layoutDocument } from '../layout/document.js';
import { chartPlaceholder } from '../emit/lateCharts.js';
import type { Engine, RenderedPdf } from '../emit/renderPdf.js';

/** A variant's PDF, with the variant it is (results never travel by position). */
export interface VariantPdf {
  readonly variant: VariantName;
  readonly pdf: RenderedPdf;
}

/** Where the charts come from: drawn already, or still being drawn (ids now, each SVG when its page is drawn). */
export type ChartsFor =
  | { readonly ready: ReadonlyMap<string, string> }
  | { readonly late: { readonly ids: readonly string[]; readonly svg: (id: string) => string | undefined } };

/** Lay out `variant` and render it on `engine`. */
export async function renderVariant(engine: Engine, doc: PlanDocument, variant: VariantName, charts: ChartsFor): Promise<VariantPdf> {
  if ('ready' in charts) return { variant, pdf: await engine.renderLaidOut(layoutDocument(doc, variant, charts.ready)) };
  // Layout needs only the charts' size: it starts on placeholders, the engine draws the real ones.
  const laid = layoutDocument(doc, variant, new Map(charts.late.ids.map((id) => [id, chartPlaceholder()])));
  return { variant, pdf: await engine.renderLaidOut(laid, charts.late.svg) };
}
