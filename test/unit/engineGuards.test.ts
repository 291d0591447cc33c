// Guards of the PDF engine: one test per structure role the PDFs carry, read from a real PDF (the
// Alver plan's utkast, laid out and rendered by the production stages). Each fails when the
// extension that writes its role disappears (an upgrade of pdfmake or pdfkit that changes what the
// registry wraps: see docs/engine.md). Every role is looked for where it must be, not only somewhere.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan, renderCharts } from '../../src/pipeline.js';
import { renderVariant } from '../../src/run/variantStages.js';
import { Engine } from '../../src/emit/renderPdf.js';
import type { PdfaProblem } from '../../src/emit/engine/documentContext.js';
import { REPO } from '../helpers/planCopy.js';
import { pdfPages } from '../helpers/pdf.js';
import { artifactTexts, elements, structureTree, textInStructureOrder, type StructElement } from '../helpers/structure.js';

let file = '';
let tree: StructElement;
let all: { el: StructElement; parent: string }[] = [];
let pages: string[] = [];
let problems: readonly PdfaProblem[] = [];

beforeAll(async () => {
  const checked = checkPlan(nodeHost, path.join(REPO, 'plan-data', 'alver-hso'), ['utkast'], new DiagnosticSink())!;
  const { pdf } = await renderVariant(new Engine(), checked.doc, 'utkast', { ready: renderCharts(checked.doc) });
  problems = pdf.pdfaProblems ?? [];
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-guards-')), 'utkast.pdf');
  fs.writeFileSync(file, pdf.bytes);
  tree = structureTree(file);
  all = elements(tree);
  pages = pdfPages(file);
}, 180_000);

const ofType = (type: string): StructElement[] => all.filter((e) => e.el.type === type).map((e) => e.el);
const childTypes = (el: StructElement): string[] => el.children.map((c) => c.type);
/** Content drawn inside `el` or its descendants. */
const content = (el: StructElement): number => el.mcids + el.children.reduce((n, c) => n + content(c), 0);

describe('structure roles', () => {
  it('puts everything under one Document element, with nothing the engine could not tag', () => {
    expect(tree.children.map((c) => c.type)).toEqual(['Document']);
    expect(problems).toEqual([]);
    expect(ofType('H1').length).toBeGreaterThan(3);
    expect(ofType('P').filter((p) => p.mcids > 0).length).toBeGreaterThan(100);
  });
});

describe('table of contents', () => {
  it('is a TOC of TOCI entries, each holding its line', () => {
    const [toc, ...more] = ofType('TOC');
    expect(more).toEqual([]);
    expect(toc!.children.length).toBeGreaterThan(10);
    expect(new Set(childTypes(toc!))).toEqual(new Set(['TOCI']));
    for (const entry of toc!.children) expect(content(entry)).toBeGreaterThan(0);
  });
});

describe('lists', () => {
  it('are L of LI; numbered items have a label (Lbl) before their body (LBody)', () => {
    const lists = ofType('L');
    expect(lists.length).toBeGreaterThan(3);
    for (const l of lists) expect(new Set(childTypes(l))).toEqual(new Set(['LI']));
    const items = ofType('LI');
    const numbered = items.filter((li) => childTypes(li).join() === 'Lbl,LBody');
    expect(numbered.length).toBeGreaterThan(2);
    for (const li of numbered) for (const part of li.children) expect(content(part)).toBeGreaterThan(0);
    expect(items.filter((li) => childTypes(li).join() === 'LBody').length).toBeGreaterThan(2);
  });
});

describe('tables', () => {
  it('group header rows in THead and the rest in TBody, rows in TR, cells TH with a Scope or TD', () => {
    const tables = ofType('Table');
    expect(tables.length).toBeGreaterThan(3);
    const withHead = tables.filter((t) => childTypes(t).includes('THead'));
    expect(withHead.length).toBeGreaterThan(2);
    for (const t of withHead) {
      for (const section of t.children.filter((c) => c.type === 'THead' || c.type === 'TBody')) {
        expect(new Set(childTypes(section))).toEqual(new Set(['TR']));
      }
      const head = t.children.find((c) => c.type === 'THead')!;
      const th = head.children.flatMap((tr) => tr.children).filter((c) => c.type === 'TH');
      expect(th.length).toBeGreaterThan(0);
      for (const cell of th) expect(cell.scope).toBe('Column');
    }
    const rowHeaders = ofType('TH').filter((c) => c.scope === 'Row');
    expect(rowHeaders.length).toBeGreaterThan(0);
    const td = ofType('TD');
    expect(td.length).toBeGreaterThan(50);
    expect(all.filter((e) => e.el.type === 'TD').every((e) => e.parent === 'TR')).toBe(true);
  });

  it('carry their caption as a Caption', () => {
    const captions = all.filter((e) => e.el.type === 'Caption');
    expect(captions.some((c) => c.parent === 'TR' || c.parent === 'Table' || c.parent === 'THead')).toBe(true);
    for (const c of captions) expect(content(c.el)).toBeGreaterThan(0);
  });
});

describe('links', () => {
  it('are Link elements holding their text and the link annotation (OBJR)', () => {
    const links = ofType('Link');
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.mcids).toBeGreaterThan(0);
      expect(l.annotations).toContain('Link');
    }
  });
});

describe('notes and quotes', () => {
  it('tag internal notes and footnotes as Note, quotes as BlockQuote, each with its text', () => {
    const notes = ofType('Note');
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(content(n)).toBeGreaterThan(0);
    const quotes = ofType('BlockQuote');
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(content(q)).toBeGreaterThan(0);
  });
});

describe('figures', () => {
  it('are Figure elements with alternative text, holding the picture, next to their Caption', () => {
    const figures = all.filter((e) => e.el.type === 'Figure');
    // The charts and the trapp (the kommune logo on the cover is a Figure too).
    expect(figures.length).toBeGreaterThan(3);
    for (const f of figures) {
      expect(f.el.alt?.length ?? 0).toBeGreaterThan(10);
      expect(content(f.el)).toBeGreaterThan(0);
    }
    const withCaption = all.filter((e) => e.el.type === 'Div' && childTypes(e.el).join().startsWith('Figure,Caption'));
    expect(withCaption.length).toBeGreaterThan(2);
  });
});

describe('artifacts', () => {
  /** A body page (after the cover and the front pages), found by its text. */
  const pageWith = (text: string, from = 2): number => {
    const i = pages.findIndex((p, n) => n >= from && p.includes(text));
    expect(i, text).toBeGreaterThan(0);
    return i + 1;
  };

  it('are the running header, the footer with its page number and the watermark — not text of the page', async () => {
    const page = pageWith('Innhald') + 2;
    const artifacts = await artifactTexts(file, page);
    const spoken = (await textInStructureOrder(file, page)).map((s) => s.text).join(' ');
    const title = 'Kommunedelplan';
    const pageNumber = new RegExp(`Side ${page} av ${pages.length}`);
    expect(artifacts.some((a) => a.includes(title))).toBe(true);
    expect(artifacts.some((a) => pageNumber.test(a))).toBe(true);
    // The draft mark in the header, and the watermark: an artifact of its own.
    expect(artifacts.some((a) => a.includes('INTERNT ARBEIDSDOKUMENT'))).toBe(true);
    expect(artifacts).toContain('UTKAST');
    expect(spoken).not.toMatch(pageNumber);
    expect(spoken).not.toMatch(/UTKAST/);
  });

  it('include header rows repeated on a following page, which are read once, on the first', async () => {
    // The målskjema header («Delmål … Ansvar») repeats on every page the table runs over.
    const header = /Delmål.*Status/s;
    // The first målskjema page whose table runs on to the next page: that page shows the header,
    // but no header cell of its own (a målskjema may also end at a page foot, the next starting fresh).
    const spokenTh = async (p: number): Promise<string> => (await textInStructureOrder(file, p)).filter((s) => s.role === 'TH').map((s) => s.text).join(' ');
    const first = pageWith('Ansvar', 10);
    let next = 0;
    for (let p = first + 1; p < first + 15 && p <= pages.length && next === 0; p++) {
      if (header.test(pages[p - 1]!) && !/Delmål/.test(await spokenTh(p))) next = p;
    }
    expect(next, 'a page where the målskjema header is repeated').toBeGreaterThan(0);
    expect(await spokenTh(first)).toMatch(/Delmål/);
    expect((await artifactTexts(file, next)).join(' ')).toMatch(/Delmål/);
  });
});
