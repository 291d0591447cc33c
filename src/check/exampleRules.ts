// Rules on example values (model/examples.ts): an `eksempel` entry must name a written value; each
// marked value is a warning, and an error in a høyring or vedtak to be built without --eksempel. With
// --eksempel the author has said so: the stamp on every page marks them, and nothing is reported.
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { PlanModel } from '../model/draft.js';
import { illustrativeData, isOfficial, markConcerns } from '../model/examples.js';
import type { VariantName } from '../model/types.js';

/**
 * How marked values are treated: 'warn' (plantrykk check: tell the author), 'refuse' (a build: a
 * høyring or vedtak with one is an error), 'stamp' (a build with --eksempel: built, stamped EKSEMPEL).
 */
export type ExampleMode = 'warn' | 'refuse' | 'stamp';

export function checkExamples(model: PlanModel, variants: readonly VariantName[], mode: ExampleMode, sink: DiagnosticSink): void {
  const head = model.head;
  for (const u of head?.examples.unknown ?? []) sink.report('validate/example-path', u.span, { path: u.value });
  const marks = [
    ...(head?.examples.marks ?? []).map((m) => ({ what: m.path, span: m.span, concerns: variants.filter((v) => markConcerns(m, v)) })),
    ...illustrativeData(model.chapters).map((d) => ({ ...d, concerns: variants })),
  ];
  for (const m of marks) {
    const official = m.concerns.find(isOfficial);
    if (mode === 'refuse' && official !== undefined) sink.report('validate/example-value', m.span, { what: m.what, variant: official === 'hoyring' ? 'høyring' : official });
    else if (mode !== 'stamp' && m.concerns.length > 0) sink.report('validate/example-value-marked', m.span, { what: m.what });
  }
}
