// Which rows of a målskjema a variant shows: the adopted plan leaves out rows whose status the
// vocabulary marks `omit_in_vedtak`, and with them a title entry (a KDP-mål) with no row left.
// One rule for the layout (its tables), the fact references (`[fakta: malskjema.mal]`) and their checks.
import type { MalskjemaConfig, MalskjemaEntry } from './malskjemaTypes.js';
import { shapeOf } from './malskjemaShape.js';
import type { Malskjema, MalskjemaStatus, PlanDocument, Section, VariantName } from './types.js';
import { VARIANT_RULES } from './variants.js';

/** The rows a variant shows: the adopted plan leaves out rows whose status says so. */
export function visibleRows(rows: readonly MalskjemaEntry[], config: MalskjemaConfig, variant: VariantName): readonly MalskjemaEntry[] {
  if (!VARIANT_RULES[variant].isAdoption) return rows;
  const out = new Set(config.status.filter((s) => s.leftOutOfVedtak).map((s) => s.id));
  return out.size === 0 ? rows : rows.filter((r) => r.status === undefined || !out.has(r.status.value));
}

/** The tables of a målskjema: each title entry (or none) with its rows. */
export function tablesOf(m: Malskjema): { title?: MalskjemaEntry; rows: readonly MalskjemaEntry[] }[] {
  if (shapeOf(m.config).title) return m.entries.map((t) => ({ title: t, rows: t.groups.flatMap((g) => g.entries) }));
  return [{ rows: m.entries }];
}

/** The tables `variant` prints: each with the rows it shows, a table with none left out (PDF and web alike). */
export function shownTables(m: Malskjema, variant: VariantName): { title?: MalskjemaEntry; rows: readonly MalskjemaEntry[] }[] {
  return tablesOf(m).map((t) => ({ ...t, rows: visibleRows(t.rows, m.config, variant) })).filter((t) => t.rows.length > 0);
}

/** The entries of `level` that `variant` shows in `m`, in order; all of them with `variant` undefined. */
export function shownEntries(m: Malskjema, level: string, variant?: VariantName): MalskjemaEntry[] {
  const shape = shapeOf(m.config);
  const tables = tablesOf(m).map((t) => ({ title: t.title, rows: variant ? visibleRows(t.rows, m.config, variant) : t.rows })).filter((t) => t.rows.length > 0 || !variant);
  if (shape.title?.id === level) return tables.flatMap((t) => (t.title ? [t.title] : []));
  const rows = tables.flatMap((t) => t.rows);
  if (shape.row?.id === level) return rows;
  if (shape.line?.id === level) return rows.flatMap((r) => r.groups.flatMap((g) => g.entries));
  return [];
}

/** The statuses of the rows `variant` shows in every målskjema of the document, in vocabulary order. */
export function shownStatuses(doc: PlanDocument, variant: VariantName): MalskjemaStatus[] {
  const used = new Map<string, MalskjemaStatus>();
  const order: MalskjemaStatus[] = [];
  const visit = (s: Section): void => {
    for (const b of s.blocks) {
      if (b.kind !== 'malskjema') continue;
      const m = b.malskjema;
      order.push(...m.config.status.filter((st) => !order.some((o) => o.id === st.id)));
      for (const t of tablesOf(m)) {
        for (const r of visibleRows(t.rows, m.config, variant)) {
          const st = r.status ? m.config.status.find((x) => x.id === r.status!.value) : undefined;
          if (st) used.set(st.id, st);
        }
      }
    }
    s.sections.forEach(visit);
  };
  doc.chapters.forEach(visit);
  return order.filter((s) => used.has(s.id)).map((s) => used.get(s.id)!);
}
