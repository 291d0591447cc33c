// Rules on example values (model/examples.ts): an `eksempel` entry must name a written value; each
// marked value is a warning, and an error in a høyring or vedtak to be built without --eksempel. With
// --eksempel the author has said so: the stamp on every page marks them, and nothing is reported.
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { PlanModel } from '../model/draft.js';
import { illustrativeData, isOfficial, printsMark, referencesTo } from '../model/examples.js';
import { factRefsIn } from '../model/facts.js';
import type { VariantName } from '../model/types.js';

/**
 * How marked values are treated: 'warn' (plantrykk check: tell the author), 'refuse' (a build: a
 * høyring or vedtak with one is an error), 'stamp' (a build with --eksempel: built, stamped EKSEMPEL).
 */
export type ExampleMode = 'warn' | 'refuse' | 'stamp';

export function checkExamples(model: PlanModel, variants: readonly VariantName[], mode: ExampleMode, sink: DiagnosticSink): void {
  const head = model.head;
  for (const u of head?.examples.unknown ?? []) sink.report('validate/example-path', u.span, { path: u.value });
  // A fact reference prints the marked value too, in every variant that has the fact: it is reported there as well.
  const refs = factRefsIn(model.chapters, model.footnotes);
  const marks = [
    ...(head?.examples.marks ?? []).flatMap((m) => {
      const concerns = variants.filter((v) => printsMark(m, v, refs));
      return [
        { what: m.path, span: m.span, concerns },
        ...referencesTo(m, refs).map((r) => ({ what: m.path, span: r.ref.ref.span, concerns: variants.filter(r.variants) })),
      ];
    }),
    ...illustrativeData(model.chapters).map((d) => ({ ...d, concerns: variants })),
  ];
  for (const m of marks) {
    const official = m.concerns.find(isOfficial);
    if (mode === 'refuse' && official !== undefined) sink.report('validate/example-value', m.span, { what: m.what, variant: official === 'hoyring' ? 'høyring' : official });
    else if (mode !== 'stamp' && m.concerns.length > 0) sink.report('validate/example-value-marked', m.span, { what: m.what });
  }
}
