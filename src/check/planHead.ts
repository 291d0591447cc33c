// Rules on plan.yaml's own fields: the id names the folder, periods run forward, every variant to be
// built has its data, høyring periods are long enough, and every date exists in the calendar.
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { PlanHead, PlanModel } from '../model/draft.js';
import type { VariantName } from '../model/types.js';

/** Which keys each variant needs in plan.yaml (dotted below `variants.<name>`). */
export const VARIANT_REQUIREMENTS: Readonly<Record<VariantName, readonly string[]>> = {
  utkast: ['date'],
  hoyring: ['date', 'frist', 'sak', 'innspel'],
  vedtak: ['date', 'sak'],
};

/** Six weeks: the shortest høyring period plan- og bygningslova allows. */
const MIN_HOYRING_DAYS = 42;

export function checkPlanHead(model: PlanModel, head: PlanHead, variants: readonly VariantName[], sink: DiagnosticSink): void {
  if (head.id && head.id.value !== model.folderName) {
    sink.report('validate/plan-id', head.id.span, { id: head.id.value, folder: model.folderName });
  }
  const period = head.period;
  const periodOk = period !== undefined && period.value.from <= period.value.to;
  if (period && !periodOk) sink.report('validate/period', period.span, { what: 'period', from: period.value.from, to: period.value.to });
  const hd = head.handlingsdel;
  if (hd !== undefined && hd !== 'absent') {
    const { from, to } = hd.value;
    if (from > to) sink.report('validate/period', hd.span, { what: 'handlingsdel', from, to });
    else if (period && periodOk && (from < period.value.from || to > period.value.to)) {
      sink.report('validate/handlingsdel-period', hd.span, { from, to, pfrom: period.value.from, pto: period.value.to });
    }
  }
  checkVariants(model, head, variants, sink);
  checkDates(head, sink);
}

function checkVariants(model: PlanModel, head: PlanHead, variants: readonly VariantName[], sink: DiagnosticSink): void {
  const written = head.variants;
  if (!written) return;
  const statusrapport = head.kind === 'statusrapport';
  const hoyring = written.entries.find((e) => e.name === 'hoyring');
  if (statusrapport && hoyring) {
    sink.report('validate/variant-not-allowed', hoyring.keySpan, { variant: 'hoyring', kind: 'statusrapport' });
  }
  for (const v of variants) {
    const d = written.entries.find((e) => e.name === v);
    if (d === undefined) {
      if (written.own) sink.report('usage/variant-not-defined', head.variantsSpan, { variant: v });
      continue;
    }
    if (!d.sound) continue;
    // Whether a høyring may exist depends on the kind: unknown when `kind` had a fault.
    if (v === 'hoyring' && (statusrapport || head.kind === undefined)) continue;
    for (const key of VARIANT_REQUIREMENTS[v]) {
      if (key === 'innspel' && model.profileContact) continue; // the kommune profile gives the contact
      if (!d.keys.includes(key)) sink.report('validate/variant-missing', d.keySpan, { variant: v, key });
    }
    if (v === 'hoyring' && d.date && d.frist) {
      const days = Math.round((Date.parse(d.frist.value) - Date.parse(d.date.value)) / 86_400_000);
      if (d.frist.value <= d.date.value) sink.report('validate/frist-before-date', d.frist.span, { frist: d.frist.value, date: d.date.value });
      else if (days < MIN_HOYRING_DAYS) sink.report('validate/short-hoyring', d.frist.span, { days });
    }
    if (v === 'hoyring' && d.innspel && !model.profileContact && d.innspel.epost === undefined && d.innspel.adresse === undefined) {
      sink.report('validate/variant-missing', d.innspel.keySpan, { variant: v, key: 'innspel.epost' });
    }
  }
}

/** Every date under `variants` must exist in the calendar (the schema checks only its form). */
function checkDates(head: PlanHead, sink: DiagnosticSink): void {
  for (const e of head.variants?.entries ?? []) {
    for (const { value, span } of e.dates) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
      const d = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) sink.report('validate/date', span, { date: value });
    }
  }
}
