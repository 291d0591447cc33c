// Rules on fact references (model/facts.ts): the name is known, the plan has the value, the variant
// has the fact (no vedtak date in a høyring), and a målskjema fact has one målskjema to read.
import { variantWord } from '../model/variants.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { DraftSection, PlanModel } from '../model/draft.js';
import { splitFacts } from '../model/factSyntax.js';
import { FACTS, MALSKJEMA_FACT, factExistsIn, factNamed, factRefsIn, malskjemaOf, printedIn } from '../model/facts.js';
import { shownEntries } from '../model/malskjemaRows.js';
import { LEVEL_IDS, type VariantName } from '../model/types.js';
import type { Span } from '../core/span.js';
import { nearest } from '../core/nearest.js';

/** Every name a reference may use: the plan facts and the målskjema levels. */
export const KNOWN_FACT_NAMES: readonly string[] = [...FACTS.map((f) => f.name), ...LEVEL_IDS.filter((l) => l !== 'hovudmal').map((l) => `${MALSKJEMA_FACT}${l}`)];


export function checkFacts(model: PlanModel, variants: readonly VariantName[], sink: DiagnosticSink): void {
  checkFactPlaces(model.chapters, sink);
  const meta = model.document?.meta;
  for (const placed of factRefsIn(model.chapters, model.footnotes)) {
    const { ref, section } = placed;
    const name = ref.name;
    // The variants that print this reference (an internal note only where notes are shown).
    const printing = variants.filter((v) => printedIn(placed, v));
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
      const empty = printing.find((v) => shownEntries(m, level, v).length === 0);
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
    const without = printing.find((v) => !factExistsIn(fact.stage, v));
    if (without !== undefined) sink.report('validate/fact-variant', ref.span, { name, variant: variantWord(without) });
  }
}

/**
 * Strings that are printed as written (headings, section titles, sources, table headers, fakta
 * labels): a reference there would print as `[fakta: …]`, so it is an error rather than a surprise.
 */
export function checkFactPlaces(sections: readonly DraftSection[], sink: DiagnosticSink): void {
  const refuse = (text: string | undefined, where: string, span: Span): void => {
    if (text === undefined) return;
    const ref = splitFacts(text).find((p) => typeof p !== 'string');
    if (ref && typeof ref !== 'string') sink.report('validate/fact-not-here', span, { name: ref.name, where });
  };
  const visit = (s: DraftSection): void => {
    refuse(s.title, 'a section title', s.span);
    for (const b of s.blocks) {
      if (b.kind === 'pending') continue;
      if (b.kind === 'heading') refuse(b.text, 'a heading', b.span);
      if ('source' in b) refuse(b.source, 'a source', b.span);
      if (b.kind === 'table') for (const h of b.header) refuse(h, 'a table header', b.span);
      if (b.kind === 'fakta') for (const r of b.rows) refuse(r.label, 'a fakta label', r.span);
      if (b.kind === 'satsing') refuse(b.title, 'a satsing title', b.span);
    }
    s.sections.forEach(visit);
  };
  sections.forEach(visit);
}

function unknown(name: string, span: Span, sink: DiagnosticSink): void {
  const close = nearest(name, KNOWN_FACT_NAMES, (n) => Math.max(2, Math.floor(n / 4)));
  sink.report('validate/unknown-fact', span, { name, known: KNOWN_FACT_NAMES.join(', '), ...(close ? { near: close } : {}) });
}
