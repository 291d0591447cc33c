// Blocks of the model → accessible HTML. What a variant shows comes from VARIANT_RULES, as in the PDF;
// numbers (sections, tables, figures, footnotes) are the model's, so they are the PDF's.
import { isNumberColumn, shownCells, shownColumns } from '../layout/tableColumns.js';
import type { Block, Cell, ChartBlock, TableBlock } from '../model/types.js';
import { VARIANT_RULES } from '../model/variants.js';
import { shownStatuses } from '../model/malskjemaRows.js';
import { formatAmount, formatNumber } from '../core/numberFormat.js';
import { label } from '../layout/labels.js';
import { chartAlt } from '../layout/altText.js';
import { planTypeNote, planUsage, servesLine } from '../layout/lists.js';
import { formatMonthOrDate, formatPeriod } from '../layout/framdrift.js';
import { esc, type inlineHtml } from './html.js';
import { inl, sourceLine, wrap } from './parts.js';
import { pageId, type WebContext } from './context.js';
import { chartSvg } from './svgChart.js';
import { textColourOn } from '../charts/contrast.js';
import { ganttFigure, trappFigure } from './figures.js';
import { malskjemaHtml } from './malskjema.js';

const SDG_COLOURS = ['#e5243b', '#dda63a', '#4c9f38', '#c5192d', '#ff3a21', '#26bde2', '#fcc30b', '#a21942', '#fd6925', '#dd1367', '#fd9d24', '#bf8b2e', '#3f7e44', '#0a97d9', '#56c02b', '#00689d', '#19486a'];

/** The HTML of one block; empty when the variant does not show it. */
export function blockHtml(b: Block, ctx: WebContext): string {
  const l = ctx.labels;
  switch (b.kind) {
    case 'paragraph':
      return `<p>${inl(b.content, ctx)}</p>`;
    case 'heading':
      // As in the PDF: a run-in heading is no numbered section, so heading levels never skip.
      return `<p class="runin">${esc(b.text)}</p>`;
    case 'list': {
      const items = b.items.map((i) => `<li>${inl(i, ctx)}</li>`).join('');
      if (b.style === 'bullet') return `<ul>${items}</ul>`;
      if (b.style === 'numbered') return `<ol>${items}</ol>`;
      if (b.style === 'lettered') return `<ol type="a" class="lettered">${items}</ol>`;
      return `<ul class="check">${items}</ul>`;
    }
    case 'quote':
      return `<figure class="quote"><blockquote><p>«${inl(b.content, ctx)}»</p></blockquote>${b.source ? `<figcaption>(${esc(b.source)})</figcaption>` : ''}</figure>`;
    case 'note':
      if (!VARIANT_RULES[ctx.variant].showsNotes) return '';
      return `<div class="note" role="note"><strong>${esc(label(l, 'internal_note'))}:</strong> ${inl(b.content, ctx)}</div>`;
    case 'statusforklaring': {
      // As in the PDF: only the statuses of the rows this variant shows.
      const shown = shownStatuses(ctx.doc, ctx.variant);
      if (shown.length === 0) return `<p>${esc(label(l, 'statusforklaring_empty'))}</p>`;
      return `<ul>${shown.map((st) => `<li><strong>${esc(st.label)}</strong>${st.description ? `: ${esc(st.description)}` : ''}</li>`).join('')}</ul>`;
    }
    case 'table':
      return tableHtml(b, ctx);
    case 'chart':
      return chartHtml(b, ctx);
    case 'trapp':
      return trappFigure(b, ctx);
    case 'image': {
      const ext = b.image.mime === 'image/png' ? 'png' : 'jpg';
      const file = `bilete/${b.id}.${ext}`;
      ctx.images.set(file, b.image.bytes);
      return `<figure class="image"><img src="${file}" alt="${esc(b.alt)}" width="${b.image.width}" height="${b.image.height}">`
        + `<figcaption>${esc(`${label(l, 'figure')} ${b.number}: ${b.caption}`)}</figcaption>${sourceLine(b.source, ctx)}</figure>`;
    }
    case 'fakta': {
      const rows = b.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td>${cellHtml(r.value, ctx)}</td></tr>`).join('');
      const caption = b.caption ? `<caption>${esc(`${label(l, 'table')} ${b.number}: ${b.caption}`)}</caption>` : '';
      return `<table class="fakta">${caption}<tbody>${rows}</tbody></table>`;
    }
    case 'framdrift':
      return ganttFigure(b, ctx);
    case 'milepelar': {
      const rows = b.framdrift.milestones.map((m) => `<tr><th scope="row">${esc(m.name)}</th><td>${esc(m.when === 'period' ? formatPeriod(l, m.from, m.to) : formatMonthOrDate(l, m.from))}</td></tr>`).join('');
      return wrap(`<table><caption>${esc(`${label(l, 'table')} ${b.number}: ${b.caption}`)}</caption><thead><tr><th scope="col">${esc(label(l, 'milepel'))}</th><th scope="col">${esc(label(l, 'milepel_time'))}</th></tr></thead><tbody>${rows}</tbody></table>`, ctx) + sourceLine(b.source, ctx);
    }
    case 'budsjett':
      return budgetHtml(b, ctx);
    case 'satsing': {
      // The goal's official colour, its number in dark or white, whichever reads (4.5:1 at least).
      const goals = b.berekraftsmal.map((nr) => `<li><span class="sdg" style="background:${SDG_COLOURS[nr - 1] ?? '#555555'};color:${textColourOn(SDG_COLOURS[nr - 1] ?? '#555555')}" aria-hidden="true">${nr}</span> <strong>${esc(`${label(l, 'sdg')} ${nr}:`)}</strong> ${esc(label(l, `sdg_${nr}`))}</li>`).join('');
      const part = (key: string, items: readonly (readonly Parameters<typeof inlineHtml>[0][number][])[], bullets: boolean): string =>
        `<p class="runin">${esc(label(l, key))}</p>${bullets ? `<ul>${items.map((i) => `<li>${inl(i, ctx)}</li>`).join('')}</ul>` : items.map((i) => `<p>${inl(i, ctx)}</p>`).join('')}`;
      return `<div class="satsing">${b.title ? `<p class="satsing-title">${esc(b.title)}</p>` : ''}<ul class="sdgs">${goals}</ul>`
        + part('satsing_her_er_vi', b.herErVi, false) + part('satsing_slik_vil_vi', b.slikVilVi, true) + part('satsing_slik_kjem_vi_dit', b.slikKjemViDit, true) + '</div>';
    }
    case 'malskjema':
      return malskjemaHtml(b.malskjema, ctx);
    case 'planliste': {
      const usage = planUsage(ctx.doc, ctx.variant);
      if (usage.length === 0) return `<p>${esc(label(l, 'planliste_empty'))}</p>`;
      return `<ol class="planliste">${usage.map((u) => {
        const serves = servesLine(l, u);
        return `<li><strong>${esc(u.plan.title)}</strong>${esc(planTypeNote(l, u.plan) ?? '')}${u.plan.note ? ` – ${esc(u.plan.note)}` : ''}`
          + `${serves ? `<br><span class="muted">${esc(serves)}</span>` : ''}</li>`;
      }).join('')}</ol>`;
    }
    case 'kjelder':
      return `<ul class="kjelder">${ctx.doc.kjelder.map((k) => `<li>${esc(k.text)}${k.url ? ` <a href="${esc(k.url)}">${esc(k.url)}</a>` : ''}</li>`).join('')}</ul>`;
  }
}

function cellHtml(c: Cell, ctx: WebContext): string {
  if (c.kind === 'number') return esc(formatAmount(c.value, c.unit));
  if (c.kind === 'empty') return '';
  if (c.kind === 'list') return `<ul>${c.items.map((i) => `<li>${inl(i, ctx)}</li>`).join('')}</ul>`;
  return inl(c.content, ctx);
}

const numClass = (c: Cell): string => (c.kind === 'number' ? ' class="num"' : '');

function tableHtml(t: TableBlock, ctx: WebContext): string {
  const l = ctx.labels;
  // The PDF's columns (an empty one is left out), a number column's header over its figures.
  const cols = shownColumns(t);
  const cells = (r: readonly Cell[]): Cell[] => shownCells(cols, r);
  const head = `<thead><tr>${cols.map((i) => `<th scope="col"${isNumberColumn(t, i) ? ' class="num"' : ''}>${esc(t.header[i]!)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows.map((r) => `<tr>${cells(r).map((c) => `<td${numClass(c)}>${cellHtml(c, ctx)}</td>`).join('')}</tr>`).join('');
  const totals = t.totalsRow ? `<tfoot><tr>${cells(t.totalsRow).map((c, i) => (i === 0 ? `<th scope="row">${cellHtml(c, ctx)}</th>` : `<td${numClass(c)}>${cellHtml(c, ctx)}</td>`)).join('')}</tr></tfoot>` : '';
  return wrap(`<table><caption>${esc(`${label(l, 'table')} ${t.number}: ${t.caption}`)}</caption>${head}<tbody>${rows}</tbody>${totals}</table>`, ctx) + sourceLine(t.source, ctx);
}

function budgetHtml(b: Extract<Block, { kind: 'budsjett' }>, ctx: WebContext): string {
  const l = ctx.labels;
  const bu = b.budget;
  const line = (x: { label: string; values: readonly number[] }, cls = ''): string =>
    `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${esc(x.label)}</th>${x.values.map((v) => `<td class="num">${esc(formatNumber(v))}</td>`).join('')}</tr>`;
  const head = `<thead><tr><td>${bu.unit ? esc(`${label(l, 'budget_amounts_in')} ${bu.unit}`) : ''}</td>${bu.columns.map((c) => `<th scope="col" class="num">${esc(c)}</th>`).join('')}</tr></thead>`;
  const body: string[] = [];
  if (bu.start) body.push(line(bu.start, 'sum'));
  for (const g of bu.groups) {
    if (g.name) body.push(`<tr class="group"><th scope="rowgroup" colspan="${bu.columns.length + 1}">${esc(g.name)}</th></tr>`);
    for (const r of g.rows) body.push(line(r));
    if (g.sum) body.push(line(g.sum, 'sum'));
  }
  if (bu.total) body.push(line(bu.total, 'total'));
  if (bu.result) body.push(line(bu.result, 'total'));
  return wrap(`<table class="budget"><caption>${esc(`${label(l, 'table')} ${b.number}: ${b.caption}`)}</caption>${head}<tbody>${body.join('')}</tbody></table>`, ctx) + sourceLine(b.source, ctx);
}

/** A chart: inline SVG with real text, its description, its caption, and its numbers as a table on demand. */
function chartHtml(c: ChartBlock, ctx: WebContext): string {
  const l = ctx.labels;
  const spec = c.chart;
  const caption = `${label(l, 'figure')} ${c.number}: ${c.caption}${spec.illustrative ? ` (${label(l, 'illustrative_short')})` : ''}`;
  const desc = pageId(ctx, 'figurtekst');
  const svg = chartSvg(spec, spec.illustrative ? label(l, 'illustrative') : undefined, desc, pageId(ctx, 'figurtittel'));
  const head = `<tr><td></td>${spec.series.map((s) => `<th scope="col">${esc(s.name)}</th>`).join('')}</tr>`;
  const rows = spec.labels.map((lab, i) => `<tr><th scope="row">${esc(lab)}</th>${spec.series.map((s) => `<td class="num">${s.values[i] === null || s.values[i] === undefined ? '' : esc(formatNumber(s.values[i]!))}</td>`).join('')}</tr>`).join('');
  const table = `<table><caption>${esc(spec.title)}${spec.unit ? esc(` (${spec.unit})`) : ''}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
  return `<figure class="chart">${svg}<p class="alt" id="${desc}">${esc(chartAlt(spec, l))}</p><figcaption>${esc(caption)}</figcaption>${sourceLine(c.source, ctx)}`
    + `<details><summary>${esc(label(l, 'web_chart_data'))}</summary>${wrap(table, ctx)}</details></figure>`;
}
