// Rules on plan.yaml's own fields: the id names the folder, the kind is a known one, periods run
// forward, every variant to be built is one the kind has and has its data (model/variants.ts), høyring
// periods are long enough, and every date exists in the calendar.
import { nearest } from '../core/nearest.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { PlanHead, PlanModel } from '../model/draft.js';
import type { VariantName } from '../model/types.js';
import { VARIANT_RULES, kindAllows } from '../model/variants.js';


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
  checkKind(model, head, sink);
  checkVariants(model, head, variants, sink);
  checkDates(head, sink);
}

/** The kind must be a known one (a near miss is suggested), and its own kind file must carry its name as id. */
function checkKind(model: PlanModel, head: PlanHead, sink: DiagnosticSink): void {
  const f = model.kindFile;
  if (f && f.id.value !== f.name) sink.report('validate/kind-id', f.id.span, { id: f.id.value, file: `kinds/${f.name}.yaml` });
  if (!head.kind || head.kindDefinition !== 'unknown') return;
  const kind = head.kind.value;
  const suggestion = nearest(kind, model.knownKinds);
  sink.report('validate/unknown-kind', head.kind.span, { kind, known: model.knownKinds.join(', '), ...(suggestion ? { suggestion } : {}) });
}

function checkVariants(model: PlanModel, head: PlanHead, variants: readonly VariantName[], sink: DiagnosticSink): void {
  const written = head.variants;
  if (!written) return;
  const kind = typeof head.kindDefinition === 'object' ? head.kindDefinition : undefined;
  // Whether a variant may exist depends on the kind; when `kind` had a fault, every variant's data is checked.
  const allowed = (v: VariantName): boolean => kind === undefined || kindAllows(kind, v);
  if (kind) {
    for (const e of written.entries) {
      if (!allowed(e.name)) sink.report('validate/variant-not-allowed', e.keySpan, { variant: e.name, kind: kind.id, allowed: kind.variants.join(', ') });
    }
  }
  for (const v of variants) {
    const d = written.entries.find((e) => e.name === v);
    if (d === undefined) {
      if (written.own) sink.report('usage/variant-not-defined', head.variantsSpan, { variant: v });
      continue;
    }
    if (!d.sound) continue;
    if (!allowed(v)) continue;
    for (const key of VARIANT_RULES[v].required) {
      if (key === 'innspel' && model.profileContact) continue; // the kommune profile gives the contact
      if (!d.keys.includes(key)) sink.report('validate/variant-missing', d.keySpan, { variant: v, key });
    }
    // Only a høyring has a frist and an innspel contact (the schema allows them nowhere else).
    // A date not in the calendar is reported by checkDates; no length is computed from it.
    if (d.date && d.frist && inCalendar(d.date.value) && inCalendar(d.frist.value)) {
      const days = Math.round((Date.parse(d.frist.value) - Date.parse(d.date.value)) / 86_400_000);
      if (d.frist.value <= d.date.value) sink.report('validate/frist-before-date', d.frist.span, { frist: d.frist.value, date: d.date.value });
      else if (days < MIN_HOYRING_DAYS) sink.report('validate/short-hoyring', d.frist.span, { days });
    }
    if (d.innspel && !model.profileContact && d.innspel.epost === undefined && d.innspel.adresse === undefined) {
      sink.report('validate/variant-missing', d.innspel.keySpan, { variant: v, key: 'innspel.epost' });
    }
  }
}

/** True when `value` (YYYY-MM-DD) is a day of the calendar: not 2024-04-31, which Date would read as 1 May. */
function inCalendar(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What a date past its month's end is told (the schema lets through days 29–31 of any month): how many
 * days the month has («April has 30 days», «February 2026 has 28 days»), its last day and the next month's first.
 */
function monthOf(value: string): { month: string; days: number; last: string; next: string } {
  const [y, m] = value.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const iso = (d: Date): string => d.toISOString().slice(0, 10);
  return {
    month: m === 2 ? `${MONTHS[1]!} ${y}` : MONTHS[m - 1]!,
    days,
    last: iso(new Date(Date.UTC(y, m - 1, days))),
    next: iso(new Date(Date.UTC(y, m, 1))),
  };
}

/** Every date under `variants` must exist in the calendar (the schema checks only its form). */
function checkDates(head: PlanHead, sink: DiagnosticSink): void {
  for (const e of head.variants?.entries ?? []) {
    for (const { value, span } of e.dates) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !inCalendar(value)) sink.report('validate/date', span, { date: value, ...monthOf(value) });
    }
  }
}
