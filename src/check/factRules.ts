// Rules on fact references (model/facts.ts): the name is known, the plan has the value, the variant
// has the fact (no vedtak date in a høyring), and a målskjema fact has one målskjema to read.
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { PlanModel } from '../model/draft.js';
import { FACTS, MALSKJEMA_FACT, factExistsIn, factNamed, factRefsIn, malskjemaOf } from '../model/facts.js';
import { shownEntries } from '../model/malskjemaRows.js';
import { LEVEL_IDS, type VariantName } from '../model/types.js';
import type { Span } from '../core/span.js';
import { distance } from 'fastest-levenshtein';

/** Every name a reference may use: the plan facts and the målskjema levels. */
export const KNOWN_FACT_NAMES: readonly string[] = [...FACTS.map((f) => f.name), ...LEVEL_IDS.filter((l) => l !== 'hovudmal').map((l) => `${MALSKJEMA_FACT}${l}`)];

const variantWord = (v: VariantName): string => (v === 'hoyring' ? 'høyring' : v);

export function checkFacts(model: PlanModel, variants: readonly VariantName[], sink: DiagnosticSink): void {
  const meta = model.document?.meta;
  for (const { ref, section } of factRefsIn(model.chapters, model.footnotes)) {
    const name = ref.name;
    if (name.startsWith(MALSKJEMA_FACT)) {
      const level = name.slice(MALSKJEMA_FACT.length);
      if (!(LEVEL_IDS as readonly string[]).includes(level) || level === 'hovudmal') {
        unknown(name, ref.span, sink);
        continue;
      }
      const found = malskjemaOf(section);
      if (found.length !== 1) {
        sink.report('validate/fact-malskjema', ref.span, { name, found: found.length });
        continue;
      }
      const m = found[0]!;
      if (!m.config.levels.some((l) => l.id === level)) {
        sink.report('validate/fact-missing', ref.span, { name, what: `the målskjema has no level '${level}' (its levels: ${m.config.levels.map((l) => l.id).join(', ')})` });
        continue;
      }
      const unnumbered = shownEntries(m, level).find((e) => e.nummer === undefined);
      if (unnumbered) {
        sink.report('validate/fact-missing', ref.span, { name, what: `an entry of the level '${level}' has no \`nummer\` (${unnumbered.span.file}:${unnumbered.span.line})` });
        continue;
      }
      // A vedtak may leave out every row: the text would name no goal at all.
      const empty = variants.find((v) => shownEntries(m, level, v).length === 0);
      if (empty !== undefined) sink.report('validate/fact-missing', ref.span, { name, what: `the ${variantWord(empty)} version shows no entry of the level '${level}'` });
      continue;
    }
    const fact = factNamed(name);
    if (!fact) {
      unknown(name, ref.span, sink);
      continue;
    }
    if (meta && fact.value(meta) === undefined) {
      sink.report('validate/fact-missing', ref.span, { name, what: `plan.yaml has no ${fact.paths.join(' and ')}` });
      continue;
    }
    const without = variants.find((v) => !factExistsIn(fact.stage, v));
    if (without !== undefined) sink.report('validate/fact-variant', ref.span, { name, variant: variantWord(without) });
  }
}

function unknown(name: string, span: Span, sink: DiagnosticSink): void {
  const near = [...KNOWN_FACT_NAMES].sort((a, b) => distance(name, a) - distance(name, b))[0];
  const close = near !== undefined && distance(name, near) <= Math.max(2, Math.floor(name.length / 4)) ? near : undefined;
  sink.report('validate/unknown-fact', span, { name, known: KNOWN_FACT_NAMES.join(', '), ...(close ? { near: close } : {}) });
}
