// The benchmark's yardstick: the same plan model (dist/model, what the pipeline builds) written as
// Typst markup, so a compiled typesetter can render the same content as plantrykk. Text, headings,
// lists, quotes, tables, fakta, the trapp as a table, målskjema rows (delmål, status, oppnå, tiltak,
// ansvar, years), the list of plans and the sources, footnotes and a table of contents. Charts are
// a box of the chart's size with its title (Typst draws no chart from data). Not a second renderer
// of the project: only what a fair comparison of speed needs; the bench reports its word coverage.
import { planUsage } from '../../dist/layout/lists.js';
import { labelsFor, label, formatDate } from '../../dist/layout/labels.js';
import { formatAmount } from '../../dist/core/numberFormat.js';
import { variantDate } from '../../dist/model/variantDate.js';

/** A Typst string literal: the text is data, never markup. */
const str = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
/** Text in markup position. */
const txt = (s) => `#${str(s)}`;

function inlines(content, footnotes) {
  return content
    .map((i) => {
      if (i.kind === 'footnote') {
        const f = footnotes.get(i.number);
        return f ? `#footnote[${inlines(f.content, new Map())}]` : '';
      }
      let t = `#${str(i.text)}`;
      if (i.bold) t = `#strong[${t}]`;
      if (i.italics) t = `#emph[${t}]`;
      if (i.link) t = `#link(${str(i.link)})[${t}]`;
      return t;
    })
    .join('');
}

function cell(c, fn) {
  switch (c.kind) {
    case 'text':
      return `[${inlines(c.content, fn)}]`;
    case 'list':
      return `[${c.items.map((it) => `- ${inlines(it, fn)}\n`).join('')}]`;
    case 'number':
      return `[${txt(formatAmount(c.value, c.unit))}]`;
    default:
      return '[]';
  }
}

function table(header, rows, fn) {
  const cols = header.length;
  return `#table(columns: ${cols}, stroke: 0.5pt + luma(180), inset: 4pt,\n  table.header(${header.map((h) => `[#strong[${txt(h)}]]`).join(', ')}),\n${rows.map((r) => `  ${r.map((c) => cell(c, fn)).join(', ')},`).join('\n')}\n)\n`;
}

function caption(l, kind, number, text) {
  return `#block(breakable: false)[#text(weight: "bold")[${txt(`${label(l, kind)} ${number}: ${text}`)}]]\n`;
}

function source(l, s) {
  return s ? `#text(size: 8pt)[${txt(`${label(l, 'source')}: ${s}`)}]\n\n` : '\n';
}

function listBlock(style, items, fn) {
  const marker = style === 'bullet' ? '- ' : style === 'check' ? '- ☐ ' : '+ ';
  const set = style === 'lettered' ? '#set enum(numbering: "a)")\n' : '';
  return `#[${set}\n${items.map((it) => `${marker}${inlines(it, fn)}`).join('\n')}\n]\n\n`;
}

/** The målskjema as plantrykk prints it: a row per tiltak under its delmål (with status) and oppnå group. */
function malskjema(m, l, variant, fn, plans) {
  const omitted = new Set(m.config.status.filter((s) => variant === 'vedtak' && s.leftOutOfVedtak).map((s) => s.id));
  const statusLabel = new Map(m.config.status.map((s) => [s.id, s.label]));
  const levelLabel = (id) => m.config.levels.find((x) => x.id === id)?.label ?? label(l, `malskjema_level_${id}`);
  const groupLabel = m.config.levels.find((x) => x.id === 'tiltak')?.group;
  const textCols = m.config.columns.filter((c) => c.kind === 'text');
  const years = m.years;
  const hasStatus = m.config.status.length > 0;
  const ncols = 1 + (hasStatus ? 1 : 0) + (groupLabel ? 1 : 0) + 1 + textCols.length + years.length;
  const yearCell = (e, y) => {
    const c = e?.cells.find((x) => x.year === String(y));
    if (c === undefined) return '[]';
    return `[${txt(c.amount !== undefined ? formatAmount(c.amount, 'kr') : String(c.raw).toUpperCase())}]`;
  };
  const textCol = (e, id) => {
    const c = e?.cells.find((x) => x.column === id && x.year === undefined);
    return c === undefined ? '[]' : `[${txt(String(c.raw))}]`;
  };
  const tiltakCells = (t) => {
    const plan = t?.plan ? `\\ #text(size: 7pt)[${txt(`${label(l, 'malskjema_plan_prefix')}: ${t.plan.title}`)}]` : '';
    return [`[${t ? inlines(t.tekst, fn) : ''}${plan}]`, ...textCols.map((c) => textCol(t, c.id)), ...years.map((y) => yearCell(t, y))];
  };
  const rows = [];
  const delmal = (d) => {
    const lines = d.groups.flatMap((g) => (g.entries.length ? g.entries.map((t, i) => ({ g, t, first: i === 0, n: g.entries.length })) : [{ g, t: undefined, first: true, n: 1 }]));
    if (lines.length === 0) lines.push({ g: undefined, t: undefined, first: true, n: 1 });
    lines.forEach((line, i) => {
      const cells = [];
      if (i === 0) {
        cells.push(`table.cell(rowspan: ${lines.length})[${inlines(d.tekst, fn)}]`);
        if (hasStatus) cells.push(`table.cell(rowspan: ${lines.length})[${d.status ? txt(`● ${statusLabel.get(d.status.value) ?? d.status.value}`) : ''}]`);
      }
      if (groupLabel && line.first) cells.push(`table.cell(rowspan: ${line.n})[${line.g?.tekst ? inlines(line.g.tekst, fn) : ''}]`);
      cells.push(...tiltakCells(line.t));
      rows.push(`  ${cells.join(', ')},`);
    });
  };
  const walk = (entries) => {
    for (const e of entries) {
      if (e.status && omitted.has(e.status.value)) continue;
      if (e.level === 'delmal') delmal(e);
      else if (e.level === 'tiltak') rows.push(`  ${[...(hasStatus ? ['[]'] : []), '[]', ...(groupLabel ? ['[]'] : []), ...tiltakCells(e)].slice(0, ncols).join(', ')},`);
      else {
        rows.push(`  table.cell(colspan: ${ncols}, fill: luma(225))[#strong[${txt(`${levelLabel(e.level)} ${e.nummer ?? ''}: `)}${inlines(e.tekst, fn)}]],`);
        for (const g of e.groups) walk(g.entries);
      }
    }
  };
  walk(m.entries);
  let out = '';
  if (m.hovudmal) out += `#block(inset: (y: 4pt))[#strong[${txt(`${levelLabel('hovudmal')} ${m.hovudmal.nummer ?? ''}: `)}${inlines(m.hovudmal.tekst, fn)}]]\n`;
  const header = [levelLabel('delmal'), ...(hasStatus ? [label(l, 'malskjema_status')] : []), ...(groupLabel ? [groupLabel] : []), levelLabel('tiltak'), ...textCols.map((c) => c.header ?? c.id), ...years.map(String)];
  const widths = [...Array(ncols - years.length).fill('1fr'), ...years.map(() => 'auto')];
  if (hasStatus) widths[1] = '0.6fr';
  out += `#text(size: 8pt)[#table(columns: (${widths.join(', ')}), stroke: 0.5pt + luma(180), inset: 3pt,\n  table.header(${header.map((h) => `[#strong[${txt(h)}]]`).join(', ')}),\n${rows.join('\n')}\n)]\n\n`;
  return out;
}

function block(b, ctx) {
  const { l, fn, variant, doc } = ctx;
  switch (b.kind) {
    case 'paragraph':
      return `${inlines(b.content, fn)}\n\n`;
    case 'heading':
      return `#text(weight: "bold")[${txt(b.text)}]\n\n`;
    case 'list':
      return listBlock(b.style, b.items, fn);
    case 'quote':
      return `#quote(block: true${b.source ? `, attribution: [${txt(b.source)}]` : ''})[${inlines(b.content, fn)}]\n\n`;
    case 'note':
      return variant === 'utkast' ? `#block(stroke: 0.5pt, inset: 6pt)[${inlines(b.content, fn)}]\n\n` : '';
    case 'table':
      return caption(l, 'table', b.number, b.caption) + table(b.header, [...b.rows, ...(b.totalsRow ? [b.totalsRow] : [])], fn) + source(l, b.source);
    case 'fakta':
      return (b.caption ? caption(l, 'table', b.number, b.caption) : '') + `#table(columns: 2, ${b.rows.map((r) => `[${txt(r.label)}], ${cell(r.value, fn)}`).join(', ')})\n\n`;
    case 'chart':
    case 'budsjettgraf':
      // A placeholder of the chart's printed size (plantrykk: 680 × 340 scaled to the text width).
      return `#figure(rect(width: 100%, height: 7.9cm, stroke: 0.5pt)[${txt(b.chart?.title ?? '')}], alt: ${str(b.chart?.title ?? b.caption)}, caption: [${txt(b.caption)}], supplement: [${txt(label(l, 'figure'))}])\n${source(l, b.source)}`;
    case 'trapp':
    {
      const kat = new Map(b.trapp.kategoriar.map((k) => [k.id, k]));
      const trinn = [...b.trapp.trinn].reverse().map((t) => `[${txt(`${label(l, 'trapp_trinn')} ${t.nummer}: ${t.name}`)}${t.detail ? ` \\ #text(size: 7.5pt)[${txt(t.detail)}]` : ''}], [${txt(`${label(l, 'trapp_kategori')} ${kat.get(t.kategori)?.nummer ?? ''}`)}]`);
      const legend = b.trapp.kategoriar.map((k) => `- ${txt(`${label(l, 'trapp_kategori')} ${k.nummer}: ${k.name}`)}`).join('\n');
      return `#figure(alt: ${str(b.caption)}, caption: [${txt(b.caption)}], supplement: [${txt(label(l, 'figure'))}])[#text(size: 8.5pt)[#table(columns: 2, ${trinn.join(', ')})]\n${legend}]\n` + source(l, b.source);
    }
    case 'image':
      return caption(l, 'figure', b.number, b.caption);
    case 'malskjema':
      return `#page(flipped: true)[\n${malskjema(b.malskjema, l, variant, fn)}]\n`;
    case 'planliste':
      return `${planUsage(doc, variant)
        .map((u) => `+ #strong[${txt(u.plan.title)}]${txt(` (${label(l, `plantype_${u.plan.type}`)})${u.plan.note ? ` – ${u.plan.note}` : ''}`)}${u.level && u.mal.length > 0 ? ` \\ #text(size: 9pt)[${txt(`${label(l, 'planliste_serves')} ${u.level.label ?? label(l, `malskjema_level_${u.level.id}`)} ${u.mal.join(', ')}`)}]` : ''}`)
        .join('\n')}\n\n`;
    case 'kjelder':
      return `${doc.kjelder.map((k) => `- ${txt(k.text)}${k.url ? ` #link(${str(k.url)})[${txt(k.url)}]` : ''}`).join('\n')}\n\n`;
    default:
      return '';
  }
}

function section(s, ctx) {
  return `${'='.repeat(s.level)} ${txt(s.title)}\n\n${s.blocks.map((b) => block(b, ctx)).join('')}${s.sections.map((x) => section(x, ctx)).join('')}`;
}

/** The whole variant as one Typst document (fonts: the family named in FONT_FAMILY, given to the compiler). */
export function typstMarkup(doc, variant, fontFamily, stamp) {
  const l = labelsFor(doc.meta.language);
  const fn = new Map(doc.footnotes.map((f) => [f.number, f]));
  const ctx = { l, fn, variant, doc };
  const m = doc.meta;
  const date = formatDate(l, variantDate(doc, variant));
  const sak = m.variants[variant]?.sak;
  const front = [
    ...(stamp ? [`#align(center)[#strong[${txt(stamp)}]]`] : []),
    `#align(left)[#text(size: 14pt)[${txt(m.kommune.name)}] \\ #v(4cm) #text(size: 12pt)[${txt(m.kindDefinition.name[m.language])}] \\ #text(size: 26pt, weight: "bold")[${txt(m.title)}] \\ #text(size: 16pt)[${txt(m.subtitle ?? '')}] #v(3cm) ${txt(`${label(l, `variant_${variant}`)} ${date}`)} ${sak ? `\\ ${txt(`${label(l, 'case_number')} ${sak.nummer}`)}` : ''}]`,
    '#pagebreak()',
    `#heading(outlined: false, numbering: none)[${txt(label(l, 'docinfo_title'))}]`,
    `#table(columns: 2, stroke: none, [${txt(label(l, 'docinfo_document'))}], [${txt(m.title)}], [${txt(label(l, 'docinfo_kommune'))}], [${txt(m.kommune.name)}], [${txt(label(l, 'docinfo_kommunenummer'))}], [${txt(m.kommune.nummer)}], [${txt(label(l, 'docinfo_period'))}], [${txt(`${m.period.from}–${m.period.to}`)}], [${txt(label(l, 'docinfo_version'))}], [${txt(m.version)}])`,
    '#pagebreak()',
    `#outline(title: [${txt(label(l, 'contents'))}])`,
    '#pagebreak()',
  ].join('\n');
  return [
    `#set document(title: ${str(m.title)}, author: ${str(m.kommune.name)})`,
    `#set page(paper: "a4", margin: (x: 57pt, top: 64pt, bottom: 56pt), header: context { if counter(page).get().first() > 1 [#text(size: 8.5pt)[${stamp ? `#align(center)[#strong[${txt(stamp)}]] ` : ''}${txt(m.title)}]] }, footer: context [#text(size: 8.5pt)[${txt(m.kommune.name)} #h(1fr) ${txt(label(l, 'page'))} #counter(page).display() ${txt(label(l, 'page_of'))} #counter(page).final().first()]])`,
    `#set text(font: ${str(fontFamily)}, size: 10.5pt, lang: ${str(m.language)})`,
    '#set par(justify: false, leading: 0.75em, spacing: 7pt)',
    '#set heading(numbering: "1.1")',
    '#show heading.where(level: 1): it => { pagebreak(weak: true); text(size: 20pt, it) }',
    '#show heading.where(level: 2): set text(size: 14.5pt)',
    '#show heading.where(level: 3): set text(size: 12pt)',
    front,
    ...doc.chapters.map((s) => section(s, ctx)),
  ].join('\n');
}
