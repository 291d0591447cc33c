// Semantic stage: rules that span files — ids, references, periods, sums, variant data.
// Runs only on files that passed their schema, so shapes can be trusted here.
import type { DiagnosticSink } from '../core/diagnostics.js';
import { arr, obj, type Obj } from '../core/values.js';
import { closest } from 'fastest-levenshtein';
import { locate, type SourceFile, type PathSegment } from '../load/yamlFile.js';
import { refKey, type PlanSources } from '../load/planLoader.js';
import { rowSum, roundSum, type RawCell } from './tableSums.js';
import { budgetSums, mismatches, type BudgetData, type BudgetRow } from './budgetSums.js';
import type { VariantName } from '../model/types.js';


/** Which keys each variant needs in plan.yaml (dotted below `variants.<name>`). */
export const VARIANT_REQUIREMENTS: Readonly<Record<VariantName, readonly string[]>> = {
  utkast: ['date'],
  hoyring: ['date', 'frist', 'sak', 'innspel'],
  vedtak: ['date', 'sak'],
};

/** Six weeks: the shortest høyring period plan- og bygningslova allows. */
const MIN_HOYRING_DAYS = 42;

/** Check cross-file rules; `variants` are the variants to be built (their data must be complete). */
export function checkSemantics(src: PlanSources, valid: Set<SourceFile>, variants: readonly VariantName[], sink: DiagnosticSink): void {
  const plan = src.plan;
  if (!valid.has(plan)) return;
  const pv = obj(plan.value);

  let hdBroken = false;
  let handlingsdelReported = false;
  if (pv.id !== src.folderName) {
    sink.report('validate/plan-id', locate(plan, ['id']), { id: String(pv.id), folder: src.folderName });
  }
  const period = obj(pv.period);
  const periodOk = (period.from as number) <= (period.to as number);
  if (!periodOk) {
    sink.report('validate/period', locate(plan, ['period']), { what: 'period', from: period.from as number, to: period.to as number });
  }
  let hd = pv.handlingsdel === undefined ? undefined : obj(pv.handlingsdel);
  if (hd) {
    if ((hd.from as number) > (hd.to as number)) {
      sink.report('validate/period', locate(plan, ['handlingsdel']), { what: 'handlingsdel', from: hd.from as number, to: hd.to as number });
      hd = undefined; // no year can be checked against a reversed handlingsdel
      hdBroken = true;
    } else if (periodOk && ((hd.from as number) < (period.from as number) || (hd.to as number) > (period.to as number))) {
      sink.report('validate/handlingsdel-period', locate(plan, ['handlingsdel']), {
        from: hd.from as number, to: hd.to as number, pfrom: period.from as number, pto: period.to as number,
      });
    }
  }

  const profile = src.profile && valid.has(src.profile) ? obj(src.profile.value) : undefined;
  checkVariants(plan, pv, variants, profile?.hoyring !== undefined, sink);
  checkDates(plan, pv, sink);

  // Ids are unique within their kind: document anchors (sections, tables, figures), delmål,
  // and each register. A section and a source may share a name without harm.
  const ids = new Map<string, string>();
  const claimIn = (space: string) => (file: SourceFile, at: PathSegment[], id: unknown): void => {
    if (typeof id !== 'string') return;
    const span = locate(file, at);
    const first = ids.get(`${space}:${id}`);
    if (first !== undefined) sink.report('validate/duplicate-id', span, { id, first });
    else ids.set(`${space}:${id}`, `${span.file}:${span.line}:${span.col}`);
  };
  const claim = claimIn('anchor');

  const planarFile = src.refs.get(refKey(plan, ['registers', 'planar']));
  // References are checked only against a register that loaded and passed its schema.
  const registerUsable = planarFile === undefined ? plan.value !== undefined && obj(pv.registers ?? {}).planar === undefined : valid.has(planarFile);
  const planIds = new Map<string, number>();
  if (planarFile && valid.has(planarFile)) {
    arr(obj(planarFile.value).planar).forEach((p, i) => {
      claimIn('planar')(planarFile, ['planar', i, 'id'], obj(p).id);
      planIds.set(String(obj(p).id), 0);
    });
  }
  const kjelderFile = src.refs.get(refKey(plan, ['registers', 'kjelder']));
  if (kjelderFile && valid.has(kjelderFile)) {
    arr(obj(kjelderFile.value).kjelder).forEach((k, i) => claimIn('kjelder')(kjelderFile, ['kjelder', i, 'id'], obj(k).id));
  }

  const checkedData = new Set<SourceFile>();
  const visitSection = (file: SourceFile, node: Obj, at: PathSegment[]): void => {
    claim(file, [...at, 'id'], node.id);
    arr(node.blocks).forEach((b, i) => checkBlock(file, obj(b), [...at, 'blocks', i]));
    arr(node.sections).forEach((s, i) => visitSection(file, obj(s), [...at, 'sections', i]));
  };

  const checkBlock = (file: SourceFile, b: Obj, at: PathSegment[]): void => {
    if (b.table !== undefined) {
      claim(file, [...at, 'table', 'id'], obj(b.table).id);
      const widths = obj(b.table).widths;
      if (Array.isArray(widths) && widths.length !== arr(obj(b.table).header).length) {
        sink.report('validate/widths-length', locate(file, [...at, 'table', 'widths']), { found: widths.length, expected: arr(obj(b.table).header).length });
      }
      checkTable(file, obj(b.table), [...at, 'table'], sink);
    }
    if (b.image !== undefined) claim(file, [...at, 'image', 'id'], obj(b.image).id);
    if (b.fakta !== undefined) claim(file, [...at, 'fakta', 'id'], obj(b.fakta).id);
    if (b.satsing !== undefined) {
      claim(file, [...at, 'satsing', 'id'], obj(b.satsing).id);
      arr(obj(b.satsing).berekraftsmal).forEach((n, i) => {
        if (typeof n === 'number' && (n < 1 || n > 17)) sink.report('validate/unknown-berekraftsmal', locate(file, [...at, 'satsing', 'berekraftsmal', i]), { nummer: n });
      });
    }
    for (const kind of ['framdrift', 'milepelar', 'budsjett', 'budsjettgraf'] as const) {
      if (b[kind] === undefined) continue;
      claim(file, [...at, kind, 'id'], obj(b[kind]).id);
      const data = src.refs.get(refKey(file, [...at, kind, 'data']));
      if (!data || !valid.has(data) || checkedData.has(data)) continue;
      checkedData.add(data);
      if (data.kind === 'framdrift') checkFramdrift(data, sink);
      if (data.kind === 'budsjett') checkBudget(data, sink);
    }
    if (b.chart !== undefined) {
      claim(file, [...at, 'chart', 'id'], obj(b.chart).id);
      const data = src.refs.get(refKey(file, [...at, 'chart', 'data']));
      if (data && valid.has(data)) checkChart(data, sink);
    }
    if (b.trapp !== undefined) {
      claim(file, [...at, 'trapp', 'id'], obj(b.trapp).id);
      const data = src.refs.get(refKey(file, [...at, 'trapp', 'data']));
      if (data && valid.has(data)) checkTrapp(data, claimIn(`kategori:${data.absPath}`), sink);
    }
    if (b.malskjema !== undefined) {
      const m = src.refs.get(refKey(file, [...at, 'malskjema']));
      if (!m || !valid.has(m)) {
        malskjemaComplete = false;
        return;
      }
      if (!hd && !hdBroken && !handlingsdelReported) {
        sink.report('validate/handlingsdel-missing', locate(file, [...at, 'malskjema']), {});
        handlingsdelReported = true;
      }
      checkMalskjema(m, hd as { from: number; to: number } | undefined, registerUsable ? planIds : undefined, planarFile !== undefined, claimIn('delmal'), sink);
    }
  };

  let malskjemaComplete = true;
  arr(pv.chapters).forEach((_, i) => {
    const ch = src.refs.get(refKey(plan, ['chapters', i]));
    if (ch && valid.has(ch)) visitSection(ch, obj(ch.value), []);
    else malskjemaComplete = false;
  });

  // "Unused" is only known when every målskjema was read.
  if (planarFile && valid.has(planarFile) && malskjemaComplete) {
    arr(obj(planarFile.value).planar).forEach((p, i) => {
      const id = String(obj(p).id);
      if ((planIds.get(id) ?? 0) === 0) sink.report('validate/unused-plan', locate(planarFile, ['planar', i, 'id']), { id });
    });
  }
}

function checkVariants(plan: SourceFile, pv: Obj, variants: readonly VariantName[], profileContact: boolean, sink: DiagnosticSink): void {
  const defined = obj(pv.variants);
  if (pv.kind === 'statusrapport' && defined.hoyring !== undefined) {
    sink.report('validate/variant-not-allowed', locate(plan, ['variants', 'hoyring'], true), { variant: 'hoyring', kind: 'statusrapport' });
  }
  for (const v of variants) {
    const data = defined[v];
    if (data === undefined) {
      sink.report('usage/variant-not-defined', locate(plan, ['variants'], true), { variant: v });
      continue;
    }
    const d = obj(data);
    if (v === 'hoyring' && pv.kind === 'statusrapport') continue; // reported above
    for (const key of VARIANT_REQUIREMENTS[v]) {
      if (key === 'innspel' && profileContact) continue; // the kommune profile gives the contact
      if (d[key] === undefined) sink.report('validate/variant-missing', locate(plan, ['variants', v], true), { variant: v, key });
    }
    if (v === 'hoyring' && typeof d.date === 'string' && typeof d.frist === 'string') {
      const days = Math.round((Date.parse(d.frist) - Date.parse(d.date)) / 86_400_000);
      if (d.frist <= d.date) sink.report('validate/frist-before-date', locate(plan, ['variants', v, 'frist']), { frist: d.frist, date: d.date });
      else if (days < MIN_HOYRING_DAYS) sink.report('validate/short-hoyring', locate(plan, ['variants', v, 'frist']), { days });
    }
    if (v === 'hoyring' && d.innspel !== undefined && !profileContact) {
      const inn = obj(d.innspel);
      if (inn.epost === undefined && inn.adresse === undefined) {
        sink.report('validate/variant-missing', locate(plan, ['variants', v, 'innspel'], true), { variant: v, key: 'innspel.epost' });
      }
    }
  }
}

function checkTable(file: SourceFile, t: Obj, at: PathSegment[], sink: DiagnosticSink): void {
  const header = arr(t.header);
  const rows = arr(t.rows) as RawCell[][];
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      sink.report('validate/row-length', locate(file, [...at, 'rows', r]), { found: row.length, expected: header.length });
    }
  });
  if (t.totals === undefined) return;
  const totals = obj(t.totals);
  const columns = arr(totals.columns) as number[];
  for (const c of columns) {
    if (c >= header.length) {
      sink.report('schema/invalid', locate(file, [...at, 'totals', 'columns']), { detail: `column ${c} does not exist (the table has ${header.length} columns, counted from 0)` });
      return;
    }
  }
  rows.forEach((row, r) => {
    columns.forEach((c) => {
      if (row[c] !== null && row[c] !== undefined && typeof row[c] !== 'number') {
        sink.report('validate/not-a-number', locate(file, [...at, 'rows', r, c]), { column: c });
      }
    });
  });
  if (totals.column === true) {
    const last = header.length - 1;
    if (columns.includes(last)) {
      sink.report('schema/invalid', locate(file, [...at, 'totals', 'columns']), { detail: 'the last column holds the row sum and cannot itself be summed' });
      return;
    }
    rows.forEach((row, r) => {
      const written = row[last];
      const computed = rowSum(row.map((v) => v ?? 0), columns);
      if (computed === undefined || written === null || written === undefined) return;
      if (typeof written !== 'number' || roundSum(written) !== roundSum(computed)) {
        sink.report('validate/total-mismatch', locate(file, [...at, 'rows', r, last]), {
          what: `row ${r + 1} total`,
          written: String(written),
          computed: String(roundSum(computed)),
        });
      }
    });
  }
}

function checkChart(file: SourceFile, sink: DiagnosticSink): void {
  const v = obj(file.value);
  const n = arr(v.labels).length;
  arr(v.series).forEach((s, i) => {
    const values = arr(obj(s).values);
    if (values.length !== n) {
      sink.report('validate/series-length', locate(file, ['series', i, 'values']), { series: String(obj(s).id), found: values.length, expected: n });
    }
  });
}

function checkTrapp(file: SourceFile, claim: (file: SourceFile, at: PathSegment[], id: unknown) => void, sink: DiagnosticSink): void {
  const v = obj(file.value);
  arr(v.kategoriar).forEach((k, i) => claim(file, ['kategoriar', i, 'id'], obj(k).id));
  const kat = new Set(arr(v.kategoriar).map((k) => String(obj(k).id)));
  arr(v.trinn).forEach((t, i) => {
    const tr = obj(t);
    if (!kat.has(String(tr.kategori))) sink.report('validate/unknown-kategori', locate(file, ['trinn', i, 'kategori']), { id: String(tr.kategori) });
    if (tr.nummer !== i + 1) sink.report('validate/trinn-order', locate(file, ['trinn', i, 'nummer']), { expected: i + 1, found: tr.nummer as number });
  });
}

function checkMalskjema(
  file: SourceFile,
  hd: { from: number; to: number } | undefined,
  planIds: Map<string, number> | undefined,
  hasRegister: boolean,
  claim: (file: SourceFile, at: PathSegment[], id: unknown) => void,
  sink: DiagnosticSink,
): void {
  const known = [...(planIds?.keys() ?? [])];
  arr(obj(file.value).mal).forEach((m, mi) => {
    arr(obj(m).delmal).forEach((d, di) => {
      const dat: PathSegment[] = ['mal', mi, 'delmal', di];
      claim(file, [...dat, 'id'], obj(d).id);
      arr(obj(d).oppna).forEach((o, oi) => {
        arr(obj(o).tiltak).forEach((t, ti) => {
          const tat: PathSegment[] = [...dat, 'oppna', oi, 'tiltak', ti];
          const tv = obj(t);
          if (typeof tv.plan === 'string' && planIds) {
            if (planIds.has(tv.plan)) planIds.set(tv.plan, (planIds.get(tv.plan) ?? 0) + 1);
            else {
              const suggestion = known.length ? closest(tv.plan, known) : undefined;
              sink.report('validate/unknown-plan', locate(file, [...tat, 'plan']), { id: tv.plan, ...(suggestion ? { suggestion } : {}) },
                hasRegister ? [] : ['the plan has no `registers.planar` file in plan.yaml']);
            }
          }
          for (const [year, value] of Object.entries(obj(tv.ar ?? {}))) {
            const y = Number(year);
            if (hd && (y < hd.from || y > hd.to)) sink.report('validate/year-outside', locate(file, [...tat, 'ar', year], true), { year, from: hd.from, to: hd.to });
            if (typeof value === 'number' && value < 0) sink.report('validate/negative-amount', locate(file, [...tat, 'ar', year]), { value });
          }
        });
      });
    });
  });
}

/** Every date in plan.yaml must exist in the calendar (the schema checks only its form). */
function checkDates(plan: SourceFile, pv: Obj, sink: DiagnosticSink): void {
  const walk = (v: unknown, at: PathSegment[]): void => {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const d = new Date(`${v}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) sink.report('validate/date', locate(plan, at), { date: v });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, [...at, Array.isArray(v) ? Number(k) : k]);
    }
  };
  walk(pv.variants, ['variants']);
}

function checkFramdrift(file: SourceFile, sink: DiagnosticSink): void {
  const v = obj(file.value);
  const from = String(v.from);
  const to = String(v.to);
  if (from > to) sink.report('validate/month-order', locate(file, ['to']), { from, to });
  const inside = (m: string): boolean => m.slice(0, 7) >= from && m.slice(0, 7) <= to;
  arr(v.phases).forEach((p, pi) => {
    arr(obj(p).activities).forEach((a, ai) => {
      const av = obj(a);
      const at: PathSegment[] = ['phases', pi, 'activities', ai];
      if (String(av.from) > String(av.to)) sink.report('validate/month-order', locate(file, [...at, 'to']), { from: String(av.from), to: String(av.to) });
      for (const k of ['from', 'to'] as const) {
        if (!inside(String(av[k]))) sink.report('validate/month-outside', locate(file, [...at, k]), { what: `activity '${String(av.name)}'`, month: String(av[k]), from, to });
      }
    });
  });
  arr(v.milestones).forEach((m, i) => {
    const date = String(obj(m).date);
    if (!inside(date)) sink.report('validate/month-outside', locate(file, ['milestones', i, 'date']), { what: `milestone '${String(obj(m).name)}'`, month: date, from, to });
  });
}

function checkBudget(file: SourceFile, sink: DiagnosticSink): void {
  const b = file.value as BudgetData;
  const n = b.columns.length;
  const tolerance = b.rounding ?? 0;
  let shapeOk = true;
  const checkLength = (row: BudgetRow | undefined, at: PathSegment[]): void => {
    if (row?.values && row.values.length !== n) {
      shapeOk = false;
      sink.report('validate/budget-columns', locate(file, [...at, 'values']), { found: row.values.length, expected: n });
    }
  };
  checkLength(b.start, ['start']);
  b.groups.forEach((g, gi) => {
    g.rows.forEach((r, ri) => checkLength(r, ['groups', gi, 'rows', ri]));
    checkLength(g.sum, ['groups', gi, 'sum']);
  });
  checkLength(b.total, ['total']);
  checkLength(b.result, ['result']);
  if (!shapeOk) return;
  const sums = budgetSums(b);
  const report = (row: BudgetRow | undefined, computed: readonly number[], at: PathSegment[]): void => {
    for (const i of mismatches(row?.values, computed, tolerance)) {
      sink.report('validate/total-mismatch', locate(file, [...at, 'values', i]), {
        what: `${row!.label}, ${b.columns[i]}`,
        written: formatPlain(row!.values![i]!),
        computed: formatPlain(computed[i]!),
      });
    }
  };
  b.groups.forEach((g, gi) => report(g.sum, sums.groups[gi]!, ['groups', gi, 'sum']));
  report(b.total, sums.total, ['total']);
  if (sums.result) report(b.result, sums.result, ['result']);
}

const formatPlain = (n: number): string => String(Math.round(n * 100) / 100);
