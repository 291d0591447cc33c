// layout/: labels, numbers, templates, and the variant rules of the målskjema.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/layout/numbers.js';
import { formatDate, labelsFor } from '../../src/layout/labels.js';
import { compileTemplate, hb, pageTemplate, perPageNodes, renderTemplate } from '../../src/layout/templates.js';
import { tablesOf, visibleRows } from '../../src/layout/malskjema.js';
import { planUsage } from '../../src/layout/lists.js';
import { layoutDocument } from '../../src/layout/document.js';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';
import { FIXTURES } from '../helpers/planCopy.js';
import { isBodyContent, KEEP_WHOLE_TABLE_ROWS, keepsWhole, keepsWithNext } from '../../src/layout/nodes.js';
import { blockNodes } from '../../src/layout/blocks.js';
import { VARIANT_RULES } from '../../src/layout/variantRules.js';
import { VARIANTS } from '../../src/model/types.js';

const doc = () => checkPlan(nodeHost, path.join(FIXTURES, 'minimal'), undefined, new DiagnosticSink())!.doc;

describe('Norwegian forms', () => {
  it('formats numbers with no-break spaces and a real minus', () => {
    expect(formatNumber(650000)).toBe('650\u00a0000');
    expect(formatNumber(-1234)).toBe('\u22121\u00a0234');
    expect(formatNumber(2.5)).toBe('2,5');
  });

  it('formats dates in each language form', () => {
    expect(formatDate(labelsFor('nn'), '2022-09-05')).toBe('5.\u00a0september 2022');
    expect(formatDate(labelsFor('nb'), '2023-02-16')).toBe('16.\u00a0februar 2023');
  });
});

describe('templates', () => {
  it('insert plan text as data: YAML and template syntax in values stay text', () => {
    const nodes = renderTemplate('footer', {
      labels: labelsFor('nn'), page: 1, pages: 2, margin: 10,
      plan: { kommune: { name: 'A: b\n- {{x}} "q" #c' } },
    });
    expect(JSON.stringify(nodes)).toContain('A: b\\n- {{x}} \\"q\\" #c');
  });

  it('fail loudly on a missing value instead of printing a blank', () => {
    expect(() => renderTemplate('footer', { labels: labelsFor('nn'), page: 1, pages: 2, margin: 10, plan: {} })).toThrow();
  });

  it('render a per-page template once and fill in each page, exactly as rendering it per page', () => {
    const context = { labels: labelsFor('nb'), margin: 10, plan: { kommune: { name: 'Side 1 av 2 – «{{page}}»' } } };
    const footer = pageTemplate('footer', context, ['page', 'pages']);
    for (const [page, pages] of [[2, 9], [10, 12], [1, 1]] as const) {
      expect(footer({ page, pages })).toEqual(renderTemplate('footer', { ...context, page, pages }));
    }
    // Every page gets its own nodes: pdfmake writes into them.
    expect(footer({ page: 2, pages: 3 })).not.toBe(footer({ page: 2, pages: 3 }));
  });

  it('render a template that decides on the page number for each page', () => {
    hb.registerHelper('isFirst', (p: unknown) => p === 1);
    try {
      for (const source of ['- text: {{#if (isFirst page)}}"first"{{else}}{{q page}}{{/if}}', '- text: {{#if (isFirst page)}}"first"{{else}}{{q @root.page}}{{/if}}']) {
        const nodes = perPageNodes(compileTemplate(source), {}, ['page']);
        expect(nodes({ page: 1 }), source).toEqual([{ text: 'first' }]);
        expect(nodes({ page: 7 }), source).toEqual([{ text: '7' }]);
      }
    } finally {
      hb.unregisterHelper('isFirst');
    }
  });
});

describe('variant rules', () => {
  it('leaves rows whose status says so (ikkje, by the configuration) out of vedtak only', () => {
    const d = doc();
    const m = d.chapters[1]!.sections[0]!.blocks.find((b) => b.kind === 'malskjema');
    if (m?.kind !== 'malskjema') throw new Error('no målskjema');
    const rows = tablesOf(m.malskjema)[0]!.rows;
    expect(visibleRows(rows, m.malskjema.config, 'utkast').length).toBe(3);
    expect(visibleRows(rows, m.malskjema.config, 'hoyring').length).toBe(3);
    expect(visibleRows(rows, m.malskjema.config, 'vedtak').map((x) => x.status?.value)).toEqual(['omtalast', 'samarbeid']);
  });

  it('lists each referenced plan once with the KDP-mål it serves', () => {
    expect(planUsage(doc(), 'vedtak').map((u) => [u.plan.id, u.mal])).toEqual([['bustadplan', ['1.1']], ['vegplan', ['1.1']]]);
  });

  it('uses the plan date for the PDF dates and the language for /Lang', () => {
    const def = layoutDocument(doc(), 'hoyring', new Map()).definition as { info: { creationDate: Date }; language: string };
    expect(def.info.creationDate.toISOString()).toBe('2024-04-02T12:00:00.000Z');
    expect(def.language).toBe('nn-NO');
  });
});

describe('the layout → engine contract', () => {
  const nodesOf = (def: unknown): Record<string, unknown>[] => {
    const out: Record<string, unknown>[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        out.push(n as Record<string, unknown>);
        for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
      }
    };
    walk(def);
    return out;
  };

  it('says what a node means in typed fields: headings keep with next, figures stay whole, charts by reference', () => {
    const checked = checkPlan(nodeHost, path.join(FIXTURES, 'minimal'), undefined, new DiagnosticSink())!;
    const def = layoutDocument(checked.doc, 'utkast', new Map([['folketal', '<svg xmlns="http://www.w3.org/2000/svg" width="680" height="340"></svg>']])).definition;
    const nodes = nodesOf(def.content);
    const headings = nodes.filter((n) => (n.pdfTag as { type?: string } | undefined)?.type?.match(/^H\d$/));
    expect(headings.length).toBeGreaterThan(2);
    for (const h of headings) expect(keepsWithNext(h)).toBe(true);
    expect(nodes.some((n) => 'headlineLevel' in n)).toBe(false);
    expect(nodes.some((n) => typeof n.id === 'string' && n.id.startsWith('keep-'))).toBe(false);
    expect(nodes.filter((n) => keepsWhole(n)).length).toBeGreaterThan(0);
    const charts = nodes.filter((x) => x.svg !== undefined && x.chart !== undefined);
    expect(charts.map((n) => n.chart)).toEqual([{ id: 'folketal' }]);
    expect(nodes.some((n) => typeof n.svg === 'string' && n.svg.includes('data-plantrykk-chart'))).toBe(false);
  });

  it('marks the running header and footer as page furniture, which is never body content after a heading', () => {
    const def = layoutDocument(doc(), 'utkast', new Map()).definition;
    const header = def.header!(2, 9)!;
    const footer = def.footer!(2, 9)!;
    expect(def.header!(1, 9)).toBeNull();
    for (const n of nodesOf(header)) expect(n.furniture).toBe('header');
    for (const n of nodesOf(footer)) expect(n.furniture).toBe('footer');
    expect(nodesOf(footer).some((n) => n.text !== undefined)).toBe(true);
    for (const n of nodesOf([header, footer])) expect(isBodyContent(n)).toBe(false);
    expect(isBodyContent({ text: 'Avsnitt' })).toBe(true);
    expect(isBodyContent({ stack: [] })).toBe(false);
  });

  it('declares what differs per variant in one table', () => {
    expect(Object.keys(VARIANT_RULES).sort()).toEqual([...VARIANTS].sort());
    const vedtak = layoutDocument(doc(), 'vedtak', new Map()).definition;
    const utkast = layoutDocument(doc(), 'utkast', new Map()).definition;
    expect(vedtak.watermark).toBeUndefined();
    expect((utkast.watermark as { text: string }).text).toBe('UTKAST');
    expect(VARIANT_RULES.vedtak.isAdoption).toBe(true);
    expect(VARIANT_RULES.vedtak.replaceable).toBe(false);
  });
});

describe('the cover', () => {
  it('prints a plan\'s kind after its title only where it adds something', async () => {
    const { planTypeNote } = await import('../../src/layout/lists.js');
    const { labelsFor } = await import('../../src/layout/labels.js');
    const nn = labelsFor('nn');
    expect(planTypeNote(nn, { title: 'Trafikktryggingsplan', type: 'temaplan' })).toBe(' (temaplan)');
    expect(planTypeNote(nn, { title: 'Bustadsosial handlingsplan', type: 'handlingsplan' })).toBeUndefined();
    expect(planTypeNote(nn, { title: 'Plan for idrett', type: 'plan' })).toBeUndefined();
  });

  it('prints the kind only when the title does not already name it', async () => {
    const { titleNamesKind } = await import('../../src/model/title.js');
    expect(titleNamesKind('Planprogram – Kommunedelplan for helse', 'Planprogram')).toBe(true);
    expect(titleNamesKind('Statusrapport 2022', 'Statusrapport')).toBe(true);
    expect(titleNamesKind('Strategisk plan – helse, omsorg og velferd', 'Strategisk plan')).toBe(true);
    expect(titleNamesKind('Helse og omsorg 2024–2030', 'Kommunedelplan')).toBe(false);
    // A word inside another word is not the kind: «Planprogrammet» does not name «Plan».
    expect(titleNamesKind('Planprogrammet', 'Plan')).toBe(false);
  });

  it("takes the kommune's colour for the band and sets the text on it dark or white by contrast", async () => {
    const { coverContext } = await import('../../src/layout/cover.js');
    const m = doc().meta;
    expect(coverContext(m, '#00634f', labelsFor('nn')).textColour).toBe('#ffffff');
    expect(coverContext(m, '#f2c94c', labelsFor('nn')).textColour).toBe('#1a1a1a');
    const nodes = renderTemplate('cover', { ...layoutContextForCover(m), cover: coverContext(m, '#123456', labelsFor('nn')) });
    expect(JSON.stringify(nodes)).toContain('"color":"#123456"');
  });
});

function layoutContextForCover(m: ReturnType<typeof doc>['meta']): object {
  return {
    labels: labelsFor('nn'), isVedtak: true, eksempel: null,
    plan: { title: m.title, subtitle: null, kommune: m.kommune, colour: '#123456', logo: null, logoAlt: '', period: '2024–2030' },
    vedtak: { date: '12.\u00a0september 2024', sak: { organ: 'Kommunestyret', nummer: '077/24', date: '' } },
  };
}

describe('keep rules laid out on the nodes (layout/nodes.ts contract)', () => {
  const ctx = () => {
    const d = doc();
    return { doc: d, labels: labelsFor('nn'), variant: 'vedtak' as const, charts: new Map<string, string>(), seenFootnotes: [] as number[], accent: '#1b5e87' };
  };
  const span = { file: 'x.yaml', line: 1, col: 1, endLine: 1, endCol: 2 } as never;
  const text = (t: string) => ({ kind: 'text' as const, content: [{ kind: 'text' as const, text: t }] });
  const table = (rows: number, cells: (i: number) => object[]) => ({
    kind: 'table' as const, id: 't', number: 1, caption: 'Døme', header: ['Sak', 'Dato', 'Tittel'],
    rows: Array.from({ length: rows }, (_, i) => cells(i)), span, idSpan: span,
  });

  it('keeps a lead-in ending in «:» with what follows, and no other paragraph', () => {
    const [lead] = blockNodes({ kind: 'paragraph', content: [{ kind: 'text', text: 'Aktuelle døme er:' }], span } as never, ctx());
    const [plain] = blockNodes({ kind: 'paragraph', content: [{ kind: 'text', text: 'Ei vanleg setning.' }], span } as never, ctx());
    expect(keepsWithNext(lead as never)).toBe(true);
    expect(keepsWithNext(plain as never)).toBe(false);
  });

  it('keeps a table of up to 10 rows whole and starts a longer one with 3 rows', () => {
    const row = (i: number) => [text(`KO ${i}`), { kind: 'empty' }, text('Tittel')];
    const [short] = blockNodes(table(KEEP_WHOLE_TABLE_ROWS, row) as never, ctx()) as { keepWhole?: boolean; table: { keepWithHeaderRows: number } }[];
    const [long] = blockNodes(table(KEEP_WHOLE_TABLE_ROWS + 1, row) as never, ctx()) as { keepWhole?: boolean; table: { keepWithHeaderRows: number } }[];
    expect(keepsWhole(short as never)).toBe(true);
    expect(keepsWhole(long as never)).toBe(false);
    expect(long!.table.keepWithHeaderRows).toBe(3);
  });

  it('leaves out a column that is empty in every row', () => {
    const [node] = blockNodes(table(3, (i) => [text(`KO ${i}`), { kind: 'empty' }, text('Tittel')]) as never, ctx()) as { table: { body: { text?: unknown }[][]; widths: unknown[] } }[];
    const header = node!.table.body[1]!.map((c) => c.text);
    expect(header).toEqual(['Sak', 'Tittel']);
    expect(node!.table.widths).toHaveLength(2);
    // A column with one value stays.
    const [kept] = blockNodes(table(3, (i) => [text(`KO ${i}`), i === 1 ? text('1.2.') : { kind: 'empty' }, text('Tittel')]) as never, ctx()) as { table: { body: { text?: unknown }[][] } }[];
    expect(kept!.table.body[1]!.map((c) => c.text)).toEqual(['Sak', 'Dato', 'Tittel']);
  });
});
