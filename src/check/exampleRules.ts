// Rules on example values (model/examples.ts): an `eksempel` entry must name a written value; each
// marked value (and each text that still holds the placeholder word of `plantrykk new`) is a warning,
// and an error in a høyring or vedtak to be built without --eksempel. With --eksempel the author has
// said so: the stamp on every page marks them, and nothing is reported.
import { variantWord } from '../model/variants.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';
import type { PlanModel } from '../model/draft.js';
import { illustrativeData, isOfficial, markConcerns, printsMark, referencesTo } from '../model/examples.js';
import { factRefsIn } from '../model/facts.js';
import type { VariantName } from '../model/types.js';

/**
 * How marked values are treated: 'warn' (plantrykk check: tell the author), 'refuse' (a build: a
 * høyring or vedtak with one is an error), 'stamp' (a build with --eksempel: built, stamped EKSEMPEL).
 */
export type ExampleMode = 'warn' | 'refuse' | 'stamp';


/** «høyring», «høyring and vedtak»: the official variants a value would be printed in. */
const listed = (variants: readonly VariantName[], last: string): string => {
  const words = variants.map(variantWord);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
};

interface Marked {
  readonly what: string;
  readonly span: Span;
  /** The variants to be built that print it. */
  readonly concerns: readonly VariantName[];
  /** Set for text that holds the placeholder word: the word. */
  readonly placeholder?: string;
}

export function checkExamples(model: PlanModel, variants: readonly VariantName[], mode: ExampleMode, sink: DiagnosticSink): void {
  const head = model.head;
  for (const u of head?.examples.unknown ?? []) sink.report('validate/example-path', u.span, { path: u.value });
  // A fact reference prints the marked value too, in every variant that has the fact: it is reported there as well.
  const refs = factRefsIn(model.chapters, model.footnotes);
  const marks: Marked[] = [
    ...(head?.examples.marks ?? []).flatMap((m) => {
      const concerns = variants.filter((v) => printsMark(m, v, refs));
      return [
        { what: m.path, span: m.span, concerns },
        ...referencesTo(m, refs).map((r) => ({ what: m.path, span: r.ref.ref.span, concerns: variants.filter(r.variants) })),
      ];
    }),
    ...illustrativeData(model.chapters).map((d) => ({ ...d, concerns: variants })),
    ...model.placeholders.map((p) => ({ what: 'placeholder', span: p.span, concerns: variants.filter((v) => markConcerns(p, v)), placeholder: p.word })),
  ];
  for (const m of marks) {
    // Every official variant that prints it is named: a build of several is refused for each of them.
    const official = m.concerns.filter(isOfficial);
    const args = { what: m.what, ...(m.placeholder !== undefined ? { placeholder: m.placeholder } : {}) };
    if (mode === 'refuse' && official.length > 0) {
      sink.report('validate/example-value', m.span, { ...args, variants: listed(official, 'and'), several: official.length > 1 });
    } else if (mode !== 'stamp' && m.concerns.length > 0) {
      sink.report('validate/example-value-marked', m.span, { ...args, refused: listed(official, 'or') });
    }
  }
}
