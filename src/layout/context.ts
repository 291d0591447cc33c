// What every layout function needs to know besides the block it lays out.
import type { PlanDocument, VariantName } from '../model/types.js';
import type { Labels } from './labels.js';

export interface LayoutContext {
  readonly doc: PlanDocument;
  readonly labels: Labels;
  readonly variant: VariantName;
  /** Rendered chart SVG by chart block id (rendered once, shared by every variant). */
  readonly charts: ReadonlyMap<string, string>;
  /** Footnote numbers met in the text, in reading order; each note is printed at the foot of its page (emit/footnotes.ts). */
  readonly seenFootnotes: number[];
  /** The kommune's colour (or the house colour): headings, table headers, Gantt bars. */
  readonly accent: string;
}
