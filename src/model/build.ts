// Model stage: validated plan sources → one typed PlanDocument with numbering assigned.
// Input is trusted (schema and semantic checks passed); nothing here reports user errors.
import { createHash } from 'node:crypto';
import { arr, obj, optStr, type Obj } from '../core/values.js';
import * as path from 'node:path';
import { locate, type SourceFile, type PathSegment } from '../load/yamlFile.js';
import { refKey, type PlanSources } from '../load/planLoader.js';
import { columnSums, rowSum, roundSum, type RawCell } from '../validate/tableSums.js';
import { FootnoteCounter, parseInline } from './inline.js';
import type {
  Block, Budget, BudgetLine, Cell, ChartSpec, Delmal, Framdrift, Kjelde, Kommune, Malskjema, PlanDocument, PlanMeta, PlanRef, Section, Trapp, YearValue,
} from './types.js';
import { budgetSums, type BudgetData } from '../validate/budgetSums.js';


/** Build the document model from sources that passed validation. */
export function buildDocument(src: PlanSources): PlanDocument {
  const pv = obj(src.plan.value);
  const meta = buildMeta(pv, src);
  const notes = new FootnoteCounter();
  const counters = { table: 0, figure: 0 };
  const planarFile = src.refs.get(refKey(src.plan, ['registers', 'planar']));
  const planar: PlanRef[] = planarFile
    ? arr(obj(planarFile.value).planar).map((p) => {
        const o = obj(p);
        return { id: String(o.id), title: String(o.title), type: String(o.type), ...(optStr(o.note) ? { note: String(o.note) } : {}) };
      })
    : [];
  const planById = new Map(planar.map((p) => [p.id, p]));
  const kjelderFile = src.refs.get(refKey(src.plan, ['registers', 'kjelder']));
  const kjelder: Kjelde[] = kjelderFile
    ? arr(obj(kjelderFile.value).kjelder).map((k) => {
        const o = obj(k);
        return { id: String(o.id), text: String(o.text), ...(optStr(o.url) ? { url: String(o.url) } : {}) };
      })
    : [];
  const years = meta.handlingsdel ? range(meta.handlingsdel.from, meta.handlingsdel.to) : [];

  const inline = (s: unknown) => parseInline(String(s), notes);
  const cellOf = (v: unknown): Cell =>
    typeof v === 'number'
      ? { kind: 'number', value: v }
      : Array.isArray(v)
        ? { kind: 'list', items: v.map(inline) }
        : v === null || v === undefined || v === ''
          ? { kind: 'empty' }
          : { kind: 'text', content: inline(v) };
  const dataOf = (file: SourceFile, at: PathSegment[]): Obj => obj(src.refs.get(refKey(file, at))!.value);

  const buildBlock = (file: SourceFile, b: Obj, at: PathSegment[]): Block => {
    const span = locate(file, at);
    if (b.p !== undefined) return { kind: 'paragraph', content: inline(b.p) };
    if (b.heading !== undefined) return { kind: 'heading', text: String(b.heading) };
    for (const [key, style] of [['list', 'bullet'], ['numbered', 'numbered'], ['lettered', 'lettered'], ['checklist', 'check']] as const) {
      if (b[key] !== undefined) return { kind: 'list', style, items: arr(b[key]).map(inline) };
    }
    if (b.quote !== undefined) {
      const q = obj(b.quote);
      return { kind: 'quote', content: inline(q.text), ...(optStr(q.source) ? { source: String(q.source) } : {}) };
    }
    if (b.note !== undefined) return { kind: 'note', content: inline(b.note) };
    if (b.table !== undefined) return buildTable(obj(b.table), span);
    if (b.chart !== undefined) {
      const c = obj(b.chart);
      const data = src.refs.get(refKey(file, [...at, 'chart', 'data']))!;
      return {
        kind: 'chart', id: String(c.id), number: ++counters.figure, caption: String(c.caption),
        ...(optStr(c.source) ? { source: String(c.source) } : {}), chart: buildChart(obj(data.value)), span,
      };
    }
    if (b.trapp !== undefined) {
      const c = obj(b.trapp);
      const data = src.refs.get(refKey(file, [...at, 'trapp', 'data']))!;
      return {
        kind: 'trapp', id: String(c.id), number: ++counters.figure, caption: String(c.caption),
        ...(optStr(c.source) ? { source: String(c.source) } : {}), trapp: data.value as Trapp, span,
      };
    }
    if (b.image !== undefined) {
      const c = obj(b.image);
      const image = src.images.get(refKey(file, [...at, 'image', 'file']))!;
      return {
        kind: 'image', id: String(c.id), number: ++counters.figure, caption: String(c.caption), alt: String(c.alt),
        ...(optStr(c.source) ? { source: String(c.source) } : {}), ...(typeof c.width === 'number' ? { width: c.width } : {}),
        image, span,
      };
    }
    if (b.fakta !== undefined) {
      const f = obj(b.fakta);
      return {
        kind: 'fakta', id: String(f.id),
        ...(optStr(f.caption) ? { caption: String(f.caption), number: ++counters.table } : {}),
        rows: arr(f.rows).map((r) => ({ label: String(obj(r).label), value: cellOf(obj(r).value) })),
      };
    }
    if (b.framdrift !== undefined || b.milepelar !== undefined) {
      const key = b.framdrift !== undefined ? 'framdrift' : 'milepelar';
      const c = obj(b[key]);
      const framdrift = buildFramdrift(dataOf(file, [...at, key, 'data']));
      const number = key === 'framdrift' ? ++counters.figure : ++counters.table;
      return { kind: key, id: String(c.id), number, caption: String(c.caption), ...(optStr(c.source) ? { source: String(c.source) } : {}), framdrift };
    }
    if (b.budsjett !== undefined) {
      const c = obj(b.budsjett);
      return {
        kind: 'budsjett', id: String(c.id), number: ++counters.table, caption: String(c.caption),
        ...(optStr(c.source) ? { source: String(c.source) } : {}), budget: buildBudget(dataOf(file, [...at, 'budsjett', 'data'])),
      };
    }
    if (b.budsjettgraf !== undefined) {
      const c = obj(b.budsjettgraf);
      const budget = buildBudget(dataOf(file, [...at, 'budsjettgraf', 'data']));
      return {
        kind: 'chart', id: String(c.id), number: ++counters.figure, caption: String(c.caption),
        ...(optStr(c.source) ? { source: String(c.source) } : {}), chart: budgetChart(budget, String(c.caption)), span,
      };
    }
    if (b.satsing !== undefined) {
      const c = obj(b.satsing);
      return {
        kind: 'satsing', id: String(c.id), ...(optStr(c.title) ? { title: String(c.title) } : {}), berekraftsmal: arr(c.berekraftsmal) as number[],
        herErVi: arr(c.her_er_vi).map(inline), slikVilVi: arr(c.slik_vil_vi).map(inline), slikKjemViDit: arr(c.slik_kjem_vi_dit).map(inline),
      };
    }
    if (b.malskjema !== undefined) {
      const m = src.refs.get(refKey(file, [...at, 'malskjema']))!;
      return { kind: 'malskjema', malskjema: buildMalskjema(m, years, planById, inline) };
    }
    if (b.planliste !== undefined) return { kind: 'planliste' };
    return { kind: 'kjelder' };
  };

  const buildTable = (t: Obj, span: ReturnType<typeof locate>): Block => {
    const rows = arr(t.rows) as RawCell[][];
    const header = arr(t.header).map(String);
    const totals = t.totals === undefined ? undefined : obj(t.totals);
    let totalsRow: Cell[] | undefined;
    if (totals && typeof totals.row === 'string') {
      const cols = arr(totals.columns) as number[];
      const sums = columnSums(rows, cols);
      // The grand total is the sum of the column sums, which equals the sum of the row sums.
      const last = header.length - 1;
      const grand = roundSum([...sums.values()].reduce((a, b) => a + b, 0));
      totalsRow = header.map((_, i) => {
        if (i === 0) return { kind: 'text', content: [{ kind: 'text', text: String(totals.row), bold: true, italics: false }] };
        const s = sums.get(i);
        if (s !== undefined) return { kind: 'number', value: roundSum(s) };
        if (i === last && totals.column === true) return { kind: 'number', value: grand };
        return { kind: 'empty' };
      });
    }
    // A row-sum column left empty in the data is filled in; a written one was checked in validate.
    const sumColumns = totals?.column === true ? (arr(totals.columns) as number[]) : undefined;
    const filled = sumColumns
      ? rows.map((r) => {
          const last = header.length - 1;
          if (r[last] !== null && r[last] !== undefined) return r;
          const sum = rowSum(r.map((v) => v ?? 0), sumColumns);
          return sum === undefined ? r : [...r.slice(0, last), roundSum(sum)];
        })
      : rows;
    return {
      kind: 'table', id: String(t.id), number: ++counters.table, caption: String(t.caption),
      ...(optStr(t.source) ? { source: String(t.source) } : {}),
      ...(Array.isArray(t.widths) ? { widths: t.widths as (number | 'auto' | '*')[] } : {}),
      header, rows: filled.map((r) => r.map(cellOf)), ...(totalsRow ? { totalsRow } : {}), span,
    };
  };

  const buildSection = (file: SourceFile, node: Obj, at: PathSegment[], number: string, level: 1 | 2 | 3): Section => ({
    id: String(node.id),
    number,
    level,
    title: String(node.title),
    blocks: arr(node.blocks).map((b, i) => buildBlock(file, obj(b), [...at, 'blocks', i])),
    sections: arr(node.sections).map((s, i) =>
      buildSection(file, obj(s), [...at, 'sections', i], `${number}.${i + 1}`, (level + 1) as 2 | 3)),
    span: locate(file, at),
  });

  const chapters = arr(pv.chapters).map((_, i) => {
    const file = src.refs.get(refKey(src.plan, ['chapters', i]))!;
    return buildSection(file, obj(file.value), [], String(i + 1), 1);
  });

  return { meta, chapters, footnotes: notes.notes, planar, kjelder, sourceHash: hashSources(src) };
}

function buildMeta(pv: Obj, src: PlanSources): PlanMeta {
  const profile = typeof pv.kommune === 'string' && src.profile ? obj(src.profile.value) : undefined;
  const k = profile ?? obj(pv.kommune);
  const kommune: Kommune = {
    name: String(k.name),
    nummer: String(k.nummer),
    ...(optStr(k.colour) ? { colour: String(k.colour) } : {}),
    ...(src.logo ? { logo: src.logo } : {}),
    ...(k.hoyring ? { hoyring: k.hoyring as Kommune['hoyring'] } : {}),
  };
  return {
    id: String(pv.id),
    version: String(pv.version),
    kind: pv.kind as PlanMeta['kind'],
    language: pv.language as PlanMeta['language'],
    title: String(pv.title),
    ...(optStr(pv.subtitle) ? { subtitle: String(pv.subtitle) } : {}),
    kommune,
    ...(optStr(pv.subject) ? { subject: String(pv.subject) } : {}),
    keywords: arr(pv.keywords).map(String),
    period: pv.period as PlanMeta['period'],
    ...(pv.handlingsdel ? { handlingsdel: pv.handlingsdel as PlanMeta['period'] } : {}),
    variants: (pv.variants ?? {}) as PlanMeta['variants'],
  };
}

function buildChart(c: Obj): ChartSpec {
  const x = obj(c.x ?? {});
  const y = obj(c.y ?? {});
  return {
    type: c.type as ChartSpec['type'],
    title: String(c.title),
    ...(optStr(x.label) ? { xLabel: String(x.label) } : {}),
    ...(optStr(y.label) ? { yLabel: String(y.label) } : {}),
    ...(optStr(y.unit) ? { unit: String(y.unit) } : {}),
    stacked: c.stacked === true,
    illustrative: c.illustrative === true,
    labels: arr(c.labels).map(String),
    series: arr(c.series).map((s) => {
      const o = obj(s);
      return { id: String(o.id), name: String(o.name), dashed: o.dashed === true, values: arr(o.values) as (number | null)[] };
    }),
  };
}

function buildMalskjema(
  file: SourceFile,
  years: number[],
  planById: Map<string, PlanRef>,
  inline: (s: unknown) => ReturnType<typeof parseInline>,
): Malskjema {
  const v = obj(file.value);
  const h = obj(v.hovudmal);
  return {
    hovudmal: { nummer: h.nummer as number, tekst: inline(h.tekst) },
    years,
    mal: arr(v.mal).map((m, mi) => ({
      nummer: String(obj(m).nummer),
      tekst: inline(obj(m).tekst),
      delmal: arr(obj(m).delmal).map((d, di): Delmal => {
        const dv = obj(d);
        return {
          id: String(dv.id),
          tekst: inline(dv.tekst),
          status: dv.status as Delmal['status'],
          span: locate(file, ['mal', mi, 'delmal', di]),
          oppna: arr(dv.oppna).map((o) => ({
            tekst: inline(obj(o).tekst),
            tiltak: arr(obj(o).tiltak).map((t) => {
              const tv = obj(t);
              const plan = typeof tv.plan === 'string' ? planById.get(tv.plan) : undefined;
              return {
                tekst: inline(tv.tekst),
                ...(plan ? { plan } : {}),
                ...(optStr(tv.ansvar) ? { ansvar: String(tv.ansvar) } : {}),
                ar: new Map(Object.entries(obj(tv.ar ?? {})).map(([y, val]) => [Number(y), val as YearValue])),
              };
            }),
          })),
        };
      }),
    })),
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** sha256 over every source file's path (relative to the plan) and bytes, in a fixed order. */
function hashSources(src: PlanSources): string {
  const h = createHash('sha256');
  for (const f of [...src.files].sort((a, b) => a.absPath.localeCompare(b.absPath))) {
    h.update(path.relative(src.realDir, f.absPath).split(path.sep).join('/'));
    h.update('\0');
    h.update(f.text);
    h.update('\0');
  }
  return h.digest('hex');
}

function buildFramdrift(v: Obj): Framdrift {
  return {
    from: String(v.from),
    to: String(v.to),
    illustrative: v.illustrative === true,
    phases: arr(v.phases).map((p) => ({
      name: String(obj(p).name),
      activities: arr(obj(p).activities).map((a) => ({ name: String(obj(a).name), from: String(obj(a).from), to: String(obj(a).to) })),
    })),
    milestones: arr(v.milestones).map((m) => ({ name: String(obj(m).name), date: String(obj(m).date) })),
  };
}

/** The budget with every sum row computed from its rows (written sums were checked in validate). */
function buildBudget(v: Obj): Budget {
  const data = v as unknown as BudgetData;
  const sums = budgetSums(data);
  // A written sum passed the check (within `rounding`): print the kommune's own figure; else the computed one.
  const line = (r: { label: string; values?: readonly number[] }, values: readonly number[]): BudgetLine => ({ label: r.label, values: r.values ?? values });
  return {
    ...(optStr(v.unit) ? { unit: String(v.unit) } : {}),
    columns: data.columns,
    ...(data.start?.values ? { start: line(data.start, data.start.values) } : {}),
    groups: data.groups.map((g, i) => ({
      ...(g.name ? { name: g.name } : {}),
      rows: g.rows.map((r) => line(r, r.values ?? [])),
      ...(g.sum ? { sum: line(g.sum, sums.groups[i]!) } : {}),
    })),
    ...(data.total ? { total: line(data.total, sums.total) } : {}),
    ...(data.result && sums.result ? { result: line(data.result, sums.result) } : {}),
  };
}

/** A bar chart of a budget: one bar group per column, one series per row (at most 12). */
function budgetChart(b: Budget, title: string): ChartSpec {
  const rows = b.groups.flatMap((g) => g.rows).slice(0, 12);
  return {
    type: 'bar',
    title,
    ...(b.unit ? { yLabel: b.unit, unit: b.unit } : {}),
    stacked: true,
    illustrative: false,
    labels: b.columns,
    series: rows.map((r, i) => ({ id: `rad-${i + 1}`, name: r.label, dashed: false, values: r.values })),
  };
}
