// Check stage: the plan model (as far as it passed the schema) → diagnostics for the rules that
// span nodes and files: ids, references, periods, sums, variant data, dates, trinn order.
// Reads only the model and reports at the spans it carries; it never reads YAML or changes the model.
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';
import type { DraftBlock, DraftSection, PlanModel } from '../model/draft.js';
import type { Malskjema, VariantName } from '../model/types.js';
import { checkPlanHead } from './planHead.js';
import { checkBudget, checkChart, checkFramdrift, checkTable, checkTrapp } from './blockRules.js';
import { checkMalskjema, type PlanUse } from './malskjemaRules.js';
import type { Claim } from './claim.js';
import { checkExamples, type ExampleMode } from './exampleRules.js';
import { checkFacts } from './factRules.js';


/**
 * Check the model; `variants` are the variants to be built (their data must be complete), `examples`
 * how values marked as examples are treated (exampleRules.ts).
 */
export function checkModel(model: PlanModel, variants: readonly VariantName[], sink: DiagnosticSink, examples: ExampleMode = 'warn'): void {
  const head = model.head;
  if (head) checkPlanHead(model, head, variants, sink);
  checkExamples(model, variants, examples, sink);
  checkFacts(model, variants, sink);
  const hd = head?.handlingsdel;
  const hdUsable = hd !== undefined && hd !== 'absent' && hd.value.from <= hd.value.to ? hd.value : undefined;

  // Ids are unique within their kind: document anchors (sections, tables, figures), delmål,
  // and each register. A section and a source may share a name without harm.
  const ids = new Map<string, string>();
  const claimIn = (space: string): Claim => (id, span) => {
    const first = ids.get(`${space}:${id}`);
    if (first !== undefined) sink.report('validate/duplicate-id', span, { id, first });
    else ids.set(`${space}:${id}`, `${span.file}:${span.line}:${span.col}`);
  };
  const anchor = claimIn('anchor');

  const planIds = new Map<string, number>();
  if (model.planar.state === 'ok') {
    for (const p of model.planar.ids) {
      claimIn('planar')(p.value, p.span);
      planIds.set(p.value, 0);
    }
  }
  if (model.kjelder.state === 'ok') for (const k of model.kjelder.ids) claimIn('kjelder')(k.value, k.span);
  // References are checked only against a register that loaded and passed its schema.
  const use: PlanUse | undefined = model.planar.state === 'broken' ? undefined : { counts: planIds, hasRegister: model.planar.state === 'ok' };

  const checkedData = new Set<string>();
  const once = (span: Span | undefined): boolean => {
    if (span === undefined || checkedData.has(span.file)) return false;
    checkedData.add(span.file);
    return true;
  };
  let handlingsdelReported = false;
  let malskjemaComplete = model.allRead;
  // The generated blocks that print from the målskjema or a register: known to be empty only at the end.
  const statusBlocks: Span[] = [];
  const kjelderBlocks: Span[] = [];
  const malskjemas: Malskjema[] = [];

  const checkBlock = (b: DraftBlock): void => {
    if (b.kind === 'pending') {
      if (b.id) anchor(b.id.value, b.id.span);
      if (b.of === 'malskjema') malskjemaComplete = false;
      return;
    }
    switch (b.kind) {
      case 'table':
        anchor(b.id, b.idSpan);
        checkTable(b, sink);
        return;
      case 'image':
      case 'fakta':
        anchor(b.id, b.idSpan);
        return;
      case 'satsing':
        anchor(b.id, b.idSpan);
        b.berekraftsmal.forEach((n, i) => {
          if (n < 1 || n > 17) sink.report('validate/unknown-berekraftsmal', b.berekraftsmalSpans[i]!, { nummer: n });
        });
        return;
      case 'framdrift':
      case 'milepelar':
        anchor(b.id, b.idSpan);
        if (once(b.framdrift.span)) checkFramdrift(b.framdrift, sink);
        return;
      case 'budsjett':
        anchor(b.id, b.idSpan);
        if (once(b.budget.span)) checkBudget(b.budget, sink);
        return;
      case 'chart':
        anchor(b.id, b.idSpan);
        if (b.budget) {
          if (once(b.budget.span)) checkBudget(b.budget, sink);
        } else if (once(b.chart.span)) checkChart(b.chart, sink);
        return;
      case 'trapp':
        anchor(b.id, b.idSpan);
        if (once(b.trapp.span)) checkTrapp(b.trapp, claimIn(`kategori:${b.trapp.span.file}`), sink);
        return;
      case 'malskjema':
        if (hd === 'absent' && !handlingsdelReported && b.malskjema.config.columns.some((c) => c.kind !== 'text')) {
          sink.report('validate/handlingsdel-missing', b.refSpan, {});
          handlingsdelReported = true;
        }
        checkMalskjema(b.malskjema, hdUsable, use, claimIn('delmal'), sink);
        malskjemas.push(b.malskjema);
        return;
      case 'statusforklaring':
        statusBlocks.push(b.span);
        return;
      case 'kjelder':
        kjelderBlocks.push(b.span);
        return;
      default:
        return;
    }
  };

  const visit = (s: DraftSection): void => {
    if (s.id) anchor(s.id.value, s.id.span);
    s.blocks.forEach(checkBlock);
    s.sections.forEach(visit);
  };
  model.chapters.forEach(visit);

  checkGeneratedBlocks(model, { statusBlocks, kjelderBlocks, malskjemas, malskjemaComplete }, sink);

  // "Unused" is only known when every målskjema was read.
  if (model.planar.state === 'ok' && model.planar.whole && malskjemaComplete) {
    for (const p of model.planar.ids) {
      if ((planIds.get(p.value) ?? 0) === 0) sink.report('validate/unused-plan', p.span, { id: p.value });
    }
  }
}

/**
 * A `statusforklaring` block in a plan whose målskjema declares no statuses prints only that no row has
 * one (a warning: the text is true, but the block is likely a leftover); a `kjelder` block without
 * sources to list prints an empty section (an error). Judged only when the målskjema or register was read.
 */
function checkGeneratedBlocks(
  model: PlanModel,
  found: { readonly statusBlocks: readonly Span[]; readonly kjelderBlocks: readonly Span[]; readonly malskjemas: readonly Malskjema[]; readonly malskjemaComplete: boolean },
  sink: DiagnosticSink,
): void {
  const { malskjemas } = found;
  const statusKnown = found.malskjemaComplete && malskjemas.every((m) => !m.config.broken);
  // With a vocabulary, a row without a status is an error of its own (validate/status-missing).
  if (statusKnown && malskjemas.every((m) => m.config.status.length === 0)) {
    const reason = malskjemas.length === 0 ? 'no-malskjema' : 'no-vocabulary';
    for (const span of found.statusBlocks) sink.report('validate/statusforklaring-empty', span, { reason });
  }
  const k = model.kjelder;
  const state = k.state === 'none' ? 'none' : k.state === 'ok' && k.whole && k.entries.length === 0 ? 'empty' : undefined;
  if (state !== undefined) for (const span of found.kjelderBlocks) sink.report('validate/kjelder-empty', span, { state });
}
