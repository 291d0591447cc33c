// Text contrast: every text colour layout gives the engine, on the ground it is drawn on, reaches
// 4.5:1 (WCAG 2 AA) — read from the real document definitions of every example plan and fixture, every
// variant, so a new style, badge or fill is checked without being listed here. The ground of a text is
// the fill of the nearest table cell around it, the kommune's colour for text on the cover band, else
// white. Not checked: the watermark (a light decoration by design, an artifact) and the pictures'
// own pixels. Charts are checked from their chart.js configuration.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';
import { layoutDocument } from '../../src/layout/document.js';
import { accentText, documentStyles, MIN_CONTRAST } from '../../src/layout/styles.js';
import { coverContext } from '../../src/layout/cover.js';
import { labelsFor } from '../../src/layout/labels.js';
import { contrastRatio, textColourOn } from '../../src/charts/contrast.js';
import { chartConfig, PALETTE, showsValueLabels } from '../../src/charts/chartConfig.js';
import type { Block, PlanDocument, Section, VariantName } from '../../src/model/types.js';
import { FIXTURES, REPO } from '../helpers/planCopy.js';

const WHITE = '#ffffff';
const EXAMPLES = path.join(REPO, 'plan-data');
const PLANS = [
  ...fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'plan.yaml'))).map((d) => path.join(EXAMPLES, d)),
  ...['minimal', 'utvida', 'charts', 'handlingsplan-nb'].map((d) => path.join(FIXTURES, d)).filter((d) => fs.existsSync(path.join(d, 'plan.yaml'))),
];

type Node = Record<string, unknown>;
interface Pair { readonly text: string; readonly colour: string; readonly ground: string; readonly where: string }

/** #rgb and named white/black as #rrggbb, so every colour can be measured. */
function hex(c: string): string {
  const v = c.toLowerCase();
  if (v === 'white') return WHITE;
  if (v === 'black') return '#000000';
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((x) => x + x).join('')}`;
  return v;
}

/** Every text run of `nodes` with the colour it is drawn in and the ground under it. */
function textPairs(nodes: unknown, styles: Record<string, Node>, colour: string, ground: string, where: string, out: Pair[]): Pair[] {
  const styleColour = (style: unknown): string | undefined => {
    const names = Array.isArray(style) ? style : style === undefined ? [] : [style];
    let c: string | undefined;
    for (const s of names) if (typeof s === 'string' && typeof styles[s]?.color === 'string') c = styles[s]!.color as string;
    return c;
  };
  const visit = (n: unknown, c: string, g: string): void => {
    if (Array.isArray(n)) return n.forEach((x) => visit(x, c, g));
    if (typeof n === 'string' || typeof n === 'number') {
      if (String(n).trim() !== '') out.push({ text: String(n).slice(0, 40), colour: c, ground: g, where });
      return;
    }
    if (!n || typeof n !== 'object') return;
    const node = n as Node;
    const mine = typeof node.color === 'string' ? node.color : styleColour(node.style) ?? c;
    const under = typeof node.fillColor === 'string' ? node.fillColor : g;
    if (node.text !== undefined) visit(node.text, mine, under);
    for (const key of ['stack', 'columns', 'ul', 'ol']) if (Array.isArray(node[key])) visit(node[key], mine, under);
    const table = node.table as { body?: unknown[][] } | undefined;
    if (table?.body) visit(table.body, mine, under);
  };
  visit(nodes, colour, ground);
  return out;
}

/** The pairs of one variant of a plan: cover, front pages and body, running header and footer. */
function pairsOf(doc: PlanDocument, variant: VariantName): Pair[] {
  const d = layoutDocument(doc, variant, new Map()).definition;
  const styles = d.styles as Record<string, Node>;
  const text = (d.defaultStyle as { color: string }).color;
  const where = `${doc.meta.id} ${variant}`;
  const out: Pair[] = [];
  const coverEnd = d.content.findIndex((n) => n.pageBreak === 'after');
  const band = doc.meta.kommune.colour ?? '#1b5e87';
  const onBand = coverContext(doc.meta, band, labelsFor(doc.meta.language)).textColour;
  // On the cover, text in the band's text colour stands on the band; the rest on white.
  for (const n of d.content.slice(0, coverEnd)) {
    for (const p of textPairs(n, styles, text, WHITE, `${where} cover`, [])) out.push(p.colour === onBand ? { ...p, ground: band } : p);
  }
  textPairs(d.content.slice(coverEnd + 1), styles, text, WHITE, where, out);
  for (const f of [d.header, d.footer]) if (f) textPairs(f(2, 9), styles, text, WHITE, `${where} header/footer`, out);
  return out;
}

const failing = (pairs: readonly Pair[]): string[] =>
  [...new Set(pairs.filter((p) => contrastRatio(hex(p.colour), hex(p.ground)) < MIN_CONTRAST).map((p) => `${p.where}: «${p.text}» ${p.colour} on ${p.ground} = ${contrastRatio(hex(p.colour), hex(p.ground)).toFixed(2)}:1`))];

describe('text contrast', () => {
  const docs = PLANS.map((dir) => checkPlan(nodeHost, dir, undefined, new DiagnosticSink())?.doc).filter((d): d is PlanDocument => d !== undefined);

  it('is at least 4.5:1 for every text and ground in every variant of every example plan and fixture', () => {
    expect(docs.length).toBe(PLANS.length);
    const pairs = docs.flatMap((doc) => (Object.keys(doc.meta.variants) as VariantName[]).flatMap((v) => pairsOf(doc, v)));
    // The walk finds the coloured grounds too: header cells, badges, the cover band.
    expect(pairs.some((p) => p.ground !== WHITE)).toBe(true);
    expect(pairs.some((p) => p.where.endsWith('cover') && p.ground !== WHITE)).toBe(true);
    expect(pairs.length).toBeGreaterThan(1000);
    expect(failing(pairs)).toEqual([]);
  });

  it('finds a pair that fails (white on the orange of SDG 11, as the badges had it)', () => {
    const pairs = textPairs({ table: { body: [[{ text: '11', color: WHITE, fillColor: '#FD9D24' }]] } }, {}, '#1a1a1a', WHITE, 'probe', []);
    expect(failing(pairs)).toHaveLength(1);
  });

  it('holds for a pale kommune colour: headings darkened, header cells get dark text', () => {
    for (const pale of ['#f2c94c', '#a8d5ff', '#ffffff', '#7fbf7f']) {
      const styles = documentStyles(pale) as Record<string, { color?: string }>;
      expect(contrastRatio(styles.h1!.color!, WHITE)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastRatio(styles.tableHeader!.color!, pale)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      // The målskjema's header row and title rows stand on the kommune's colour too.
      expect(contrastRatio(styles.malskjemaHeader!.color!, pale)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrastRatio(styles.malTitle!.color!, pale)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
    // A dark colour is used as it is.
    expect(accentText('#00634f')).toBe('#00634f');
  });

  it('holds in the charts: text on white, value labels on every series colour', () => {
    for (const c of PALETTE) {
      // Labels inside a segment or slice are dark or white by contrast with it.
      expect(contrastRatio(textColourOn(c), c), c).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
    const charts = docs.flatMap((d) => chartsOf(d.chapters));
    expect(charts.length).toBeGreaterThan(0);
    for (const spec of charts) {
      const o = chartConfig(spec, { note: 'note' }).options as { color?: string; plugins?: { subtitle?: { color?: string }; title?: { display?: boolean } } };
      for (const colour of [o.color, o.plugins?.subtitle?.color]) if (colour) expect(contrastRatio(hex(colour), WHITE)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      // The chart's title is the figure's caption, not drawn again in the chart.
      expect(o.plugins?.title?.display).toBe(false);
    }
    expect(charts.some((s) => s.type === 'bar' && showsValueLabels(s))).toBe(true);
  });
});

function chartsOf(sections: readonly Section[]): Extract<Block, { kind: 'chart' }>['chart'][] {
  return sections.flatMap((s) => [...s.blocks.filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart').map((b) => b.chart), ...chartsOf(s.sections)]);
}
