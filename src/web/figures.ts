// The aktivitets- og meistringstrapp and the Gantt framdriftsplan for the web: the trapp as real
// text boxes stepping up (it reflows on a phone), the Gantt as inline SVG with real text; each with
// its text alternative, its caption, and its content as a table on demand.
import type { Block, TrappBlock } from '../model/types.js';
import { label } from '../layout/labels.js';
import { trappAlt } from '../layout/altText.js';
import { formatMonthOrDate, formatPeriod, monthsOf } from '../layout/framdrift.js';
import { esc } from './html.js';
import { pageId, type WebContext } from './context.js';
import { sourceLine, wrap } from './parts.js';

const KATEGORI_FILLS = ['#dcebd5', '#d3e4f0', '#fbe5c8', '#f2d4d7', '#e6dcef', '#e0e0e0', '#d8efec', '#f6f1c7'];

/** The trapp: top trinn first (it reads as a staircase going up), indented by its step. */
export function trappFigure(b: TrappBlock, ctx: WebContext): string {
  const l = ctx.labels;
  const t = b.trapp;
  const fill = new Map(t.kategoriar.map((k, i) => [k.id, KATEGORI_FILLS[i % KATEGORI_FILLS.length]!]));
  const nummer = new Map(t.kategoriar.map((k) => [k.id, k.nummer]));
  const name = new Map(t.kategoriar.map((k) => [k.id, k.name]));
  const n = t.trinn.length;
  const desc = pageId(ctx, 'figurtekst');
  const steps = [...t.trinn].reverse().map((s) => {
    const indent = n > 1 ? ((s.nummer - 1) / (n - 1)) * 40 : 0;
    return `<li style="margin-left:${Math.round(indent * 10) / 10}%;background:${fill.get(s.kategori)}"><strong>${esc(`${label(l, 'trapp_trinn')} ${s.nummer}:`)}</strong> ${esc(s.name)}`
      + ` <span class="kategori">(${esc(`${label(l, 'trapp_kategori')} ${nummer.get(s.kategori) ?? ''}`)})</span>${s.detail ? `<br><span class="detail">${esc(s.detail)}</span>` : ''}</li>`;
  }).join('');
  const legend = t.kategoriar.map((k) => `<li><span class="swatch" style="background:${fill.get(k.id)}" aria-hidden="true"></span>${esc(`${label(l, 'trapp_kategori')} ${k.nummer}: ${k.name}`)}</li>`).join('');
  const rows = t.trinn.map((s) => `<tr><th scope="row">${s.nummer}</th><td>${esc(s.name)}${s.detail ? `<br>${esc(s.detail)}` : ''}</td><td>${esc(`${nummer.get(s.kategori) ?? ''}: ${name.get(s.kategori) ?? ''}`)}</td></tr>`).join('');
  const table = `<table><caption>${esc(b.caption)}</caption><thead><tr><th scope="col">${esc(label(l, 'trapp_trinn'))}</th><th scope="col">${esc(label(l, 'contents'))}</th><th scope="col">${esc(label(l, 'trapp_kategori'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<figure class="trapp" aria-describedby="${desc}"><ol class="steps" reversed>${steps}</ol><ul class="legend">${legend}</ul>`
    + `<p class="alt" id="${desc}">${esc(trappAlt(t, l))}</p>`
    + `<figcaption>${esc(`${label(l, 'figure')} ${b.number}: ${b.caption}`)}</figcaption>${sourceLine(b.source, ctx)}`
    + `<details><summary>${esc(label(l, 'web_figure_data'))}</summary>${wrap(table, ctx)}</details></figure>`;
}

const NAME_W = 230;
const ROW_H = 20;
const MILESTONE_RED = '#b3261e';

/** The Gantt chart: phases, activities as bars over the months, milestones as marks or bars. */
export function ganttFigure(b: Extract<Block, { kind: 'framdrift' }>, ctx: WebContext): string {
  const l = ctx.labels;
  const f = b.framdrift;
  const months = monthsOf(f.from, f.to);
  const monthNames = l.months as unknown as readonly string[];
  const mw = Math.max(14, Math.min(36, (900 - NAME_W) / months.length));
  const width = NAME_W + months.length * mw + 8;
  const parts: string[] = [];
  let y = 40;
  const col = (m: string): number => months.indexOf(m.slice(0, 7));
  // Years and month initials.
  for (let i = 0; i < months.length; ) {
    const year = months[i]!.slice(0, 4);
    let span = 0;
    while (i + span < months.length && months[i + span]!.startsWith(year)) span++;
    parts.push(`<text x="${NAME_W + (i + span / 2) * mw}" y="16" text-anchor="middle" class="year">${year}</text>`);
    i += span;
  }
  months.forEach((m, i) => parts.push(`<text x="${NAME_W + (i + 0.5) * mw}" y="32" text-anchor="middle" class="tick">${esc((monthNames[Number(m.slice(5, 7)) - 1] ?? '').slice(0, 1).toUpperCase())}</text>`));
  const rowText = (s: string, bold: boolean): string => `<text x="4" y="${y + 14}" class="${bold ? 'phase' : 'tick'}">${esc(s.length > 38 ? `${s.slice(0, 37)}…` : s)}</text>`;
  for (const p of f.phases) {
    parts.push(`<rect x="0" y="${y}" width="${width}" height="${ROW_H}" fill="#e8eef2"/>`, rowText(p.name, true));
    y += ROW_H;
    for (const a of p.activities) {
      parts.push(rowText(a.name, false));
      const from = col(a.from);
      const to = col(a.to);
      if (from >= 0 && to >= from) parts.push(`<rect x="${NAME_W + from * mw + 1}" y="${y + 4}" width="${(to - from + 1) * mw - 2}" height="${ROW_H - 8}" fill="#1b5e87"/>`);
      y += ROW_H;
    }
  }
  if (f.milestones.length > 0) {
    parts.push(`<rect x="0" y="${y}" width="${width}" height="${ROW_H}" fill="#e8eef2"/>`, rowText(label(l, 'framdrift_milestones'), true));
    y += ROW_H;
    for (const m of f.milestones) {
      parts.push(rowText(m.name, false));
      const from = col(m.from);
      const to = col(m.to);
      if (m.when === 'point' && from >= 0) parts.push(`<rect x="${NAME_W + (from + 0.5) * mw - 5}" y="${y + 5}" width="10" height="10" fill="${MILESTONE_RED}"/>`);
      else if (from >= 0 && to >= from) parts.push(`<rect x="${NAME_W + from * mw + 1}" y="${y + 6}" width="${(to - from + 1) * mw - 2}" height="${ROW_H - 12}" fill="${MILESTONE_RED}"/>`);
      y += ROW_H;
    }
  }
  for (let i = 0; i <= months.length; i++) parts.push(`<line x1="${NAME_W + i * mw}" y1="20" x2="${NAME_W + i * mw}" y2="${y}" class="grid"/>`);
  const height = y + 4;
  const desc = pageId(ctx, 'figurtekst');
  const titleId = pageId(ctx, 'figurtittel');
  const when = (from: string, to: string): string => (from === to ? formatMonthOrDate(l, from) : formatPeriod(l, from, to));
  const activities = f.phases.flatMap((p) => p.activities.map((a) => ({ phase: p.name, name: a.name, when: when(a.from, a.to) })));
  const alt = `${b.caption}: ${[...activities.map((a) => `${a.name} (${a.when})`), ...f.milestones.map((m) => `${m.name} (${m.when === 'period' ? formatPeriod(l, m.from, m.to) : formatMonthOrDate(l, m.from)})`)].join('; ')}.`;
  const rows = [
    ...activities.map((a) => `<tr><td>${esc(a.phase)}</td><th scope="row">${esc(a.name)}</th><td>${esc(a.when)}</td></tr>`),
    ...f.milestones.map((m) => `<tr><td>${esc(label(l, 'framdrift_milestones'))}</td><th scope="row">${esc(m.name)}</th><td>${esc(m.when === 'period' ? formatPeriod(l, m.from, m.to) : formatMonthOrDate(l, m.from))}</td></tr>`),
  ].join('');
  const table = `<table><caption>${esc(b.caption)}</caption><thead><tr><th scope="col">${esc(label(l, 'web_period'))}</th><th scope="col">${esc(label(l, 'framdrift_activity'))}</th><th scope="col">${esc(label(l, 'milepel_time'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const caption = `${label(l, 'figure')} ${b.number}: ${b.caption}${f.illustrative ? ` (${label(l, 'framdrift_approximate')})` : ''}`;
  return `<figure class="gantt"><div class="scroll" role="region" tabindex="0" aria-labelledby="${titleId}"><svg viewBox="0 0 ${Math.ceil(width)} ${height}" width="${Math.ceil(width)}" role="img" aria-labelledby="${titleId}" aria-describedby="${desc}" xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${esc(b.caption)}</title>${parts.join('')}</svg></div>`
    + `<p class="alt" id="${desc}">${esc(alt)}</p><figcaption>${esc(caption)}</figcaption>${sourceLine(b.source, ctx)}`
    + `<details><summary>${esc(label(l, 'web_figure_data'))}</summary>${wrap(table, ctx)}</details></figure>`;
}
