// The layout lint (test/helpers/pageLint.ts) must be able to fail: each rule is run on a small
// tagged PDF made to break it, and on one that keeps it. The PDFs are drawn by the production
// engine (every extension installed, tagged as the plans are), from hand-written definitions.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/emit/renderPdf.js';
import { tag, tagTable } from '../../src/layout/tags.js';
import { cellBorders, continuedRows, describePage, figureCaptions, footnotePages, headingAtFoot, leadInAtFoot, rangeBreaks, readPdf, sparsePages, tableSplits, urlBreaks, type Finding, type Page } from '../helpers/pageLint.js';
import { inlineText } from '../../src/layout/inlines.js';

const engine = new Engine();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-pagelint-'));
let n = 0;

/** Render `content` (A5 pages, tagged) and read it back. */
async function pages(content: object[], opts: { pageSize?: string } = {}): Promise<Page[]> {
  const pdf = await engine.render({ content, tagged: true, pageSize: opts.pageSize ?? 'A5', pageMargins: [40, 40, 40, 40], defaultStyle: { font: 'Roboto', fontSize: 10 } } as never);
  const file = path.join(dir, `case-${++n}.pdf`);
  fs.writeFileSync(file, pdf.bytes);
  return readPdf(file);
}

const para = (text = 'Ei linje med vanleg brødtekst som fyller sida litt etter litt.'): object => tag({ text, margin: [0, 0, 0, 6] }, { type: 'P' });
const filler = (count: number): object[] => Array.from({ length: count }, () => para());
const h1 = (text: string, pageBreak = true): object => tag({ text, fontSize: 18, bold: true, ...(pageBreak ? { pageBreak: 'before' } : {}) }, { type: 'H1' });
const h2 = (text: string): object => tag({ text, fontSize: 14, bold: true, margin: [0, 8, 0, 4] }, { type: 'H2' });
const rules = (f: readonly Finding[]): string[] => f.map((x) => `${x.rule} p${x.page}`);
/** The pages as text, for the message of a failing expectation. */
const shown = (p: readonly Page[]): string => p.map(describePage).join('\n');

/** A table of `rows` rows with a caption row, header row and borders, as layout builds it. */
function table(rows: number, opts: { dontBreakRows?: boolean; rowText?: (i: number) => string } = {}): object {
  const body: object[][] = [
    [{ text: 'Tabell 1: Døme', colSpan: 2 }, {}],
    [{ text: 'Namn' }, { text: 'Verdi' }],
    ...Array.from({ length: rows }, (_, i) => [{ text: opts.rowText?.(i) ?? `Rad ${i + 1}` }, { text: String(i) }]),
  ];
  return tagTable({ table: { headerRows: 2, dontBreakRows: opts.dontBreakRows ?? true, widths: [220, 60], body } }, { caption: true });
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * A table as the målskjema lays it out: a caption row, a header row, and body rows each holding a
 * row text and a nested table of lines (a group column and a tiltak column, tagged Div of P per cell).
 * `rows` lists each row's line numbers; `group` gives lines under one group text (its first line
 * prints it, the others go on with a blank cell); a continued part marks its row «(framhald)».
 */
function nestedTable(rows: number[][][], opts: { tall?: string; group?: number; continued?: boolean; groupContinued?: boolean } = {}): object {
  const body: object[][] = [
    [{ text: 'Mål 4.1: Døme', colSpan: 3 }, {}, {}],
    [{ text: 'Delmål' }, { text: 'Dette vil vi oppnå' }, { text: 'Tiltak' }],
    ...rows.map(([lines]) => {
      const inner = lines!.map((n, i) => {
        const startsGroup = opts.group === undefined || n % opts.group === 0;
        const groupText = startsGroup ? 'Gruppa' : i === 0 && opts.groupContinued ? 'Gruppa (framhald)' : '';
        return [{ text: groupText, border: [false, startsGroup || i === 0, false, false] }, { text: `Tiltak ${n + 1}${opts.tall ? ` ${opts.tall}` : ''}` }];
      });
      return [
        { text: `Delmålet${opts.continued ? ' (framhald)' : ''}` },
        { table: { widths: [94, 144], body: inner, dontBreakRows: true }, layout: { hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5), vLineWidth: (i: number) => (i === 1 ? 0.5 : 0), paddingLeft: () => 3, paddingRight: () => 3 }, colSpan: 2 },
        {},
      ];
    }),
  ];
  return tagTable({ table: { headerRows: 2, dontBreakRows: true, widths: [70, 100, 150], body }, layout: { paddingLeft: (i: number) => (i === 0 ? 4 : 0), paddingRight: (i: number) => (i === 0 ? 4 : 0), paddingTop: () => 0, paddingBottom: () => 0 } }, { caption: true });
}

describe('layout lint rules, each on a PDF made to break it', () => {
  it('heading-at-foot: a heading as the last thing on a page', async () => {
    // A5 body: about 36 lines of 10 pt; the heading lands at the foot, its text on the next page.
    let bad: Page[] = [];
    for (let k = 34; k >= 24 && headingAtFoot(bad).length === 0; k--) bad = await pages([h1('Kapittel', false), ...filler(k), { ...h2('Overskrift ved foten') }, para(), para()]);
    expect(rules(headingAtFoot(bad)), shown(bad)).toContainEqual(expect.stringMatching(/^heading-at-foot p\d$/));
    const good = await pages([h1('Kapittel', false), ...filler(5), h2('Overskrift'), para(), para()]);
    expect(headingAtFoot(good), shown(good)).toEqual([]);
  });

  it('lead-in-at-foot: a line ending in «:» at the foot of a page', async () => {
    const bad = await pages([h1('Kapittel', false), ...filler(40).slice(0, 26), para('Aktuelle døme er:'), { text: '', pageBreak: 'after' }, para()]);
    expect(rules(leadInAtFoot(bad)), shown(bad)).toEqual(['lead-in-at-foot p1']);
    const good = await pages([h1('Kapittel', false), para('Aktuelle døme er:'), para('Det første dømet.'), { text: '', pageBreak: 'after' }, para()]);
    expect(leadInAtFoot(good), shown(good)).toEqual([]);
  });

  it('sparse-page: a page with a few lines before more of the same chapter', async () => {
    const bad = await pages([h1('Kapittel', false), para(), para(), { text: '', pageBreak: 'after' }, ...filler(10)]);
    expect(rules(sparsePages(bad)), shown(bad)).toEqual(['sparse-page p1']);
    // The next page starts a chapter: allowed.
    const good = await pages([h1('Kapittel', false), ...filler(40), para(), para(), para(), para(), h1('Neste kapittel'), ...filler(10)]);
    expect(sparsePages(good), shown(good)).toEqual([]);
    // …but not with a line or two: the chapter's last page is all but empty.
    const tail = await pages([h1('Kapittel', false), ...filler(29), h1('Neste kapittel'), ...filler(10)]);
    expect(rules(sparsePages(tail)), shown(tail)).toEqual(['sparse-page p2']);
  });

  it('table-split: a short table split over two pages', async () => {
    let split: Page[] = [];
    for (let k = 22; k < 34 && tableSplits(split).length === 0; k++) split = await pages([h1('Kapittel', false), ...filler(k), table(6), para()]);
    expect(rules(tableSplits(split)), shown(split)).toEqual(['table-split p1']);
    const whole = await pages([h1('Kapittel', false), ...filler(3), table(6), para()]);
    expect(tableSplits(whole), shown(whole)).toEqual([]);
  });

  it('table-split: a long table leaving one row on a page', async () => {
    // 40 rows of about 16 pt: a page and a bit; filler before decides where it breaks.
    let bad: Page[] = [];
    for (let k = 0; k < 30 && tableSplits(bad).length === 0; k++) bad = await pages([h1('Kapittel', false), ...filler(k), table(40)]);
    expect(tableSplits(bad)[0]?.message, shown(bad)).toMatch(/only [12] row\(s\) of a table of 40 rows/);
    const good = await pages([h1('Kapittel', false), table(40)]);
    expect(tableSplits(good).filter((f) => /only/.test(f.message))).toEqual([]);
  });

  it('table-split: rows counted as printed lines, over the parts of a table laid out one per page', async () => {
    // One row of 8 tall lines of tiltak, in two parts that repeat the caption: 7 on one page, 1 on the next.
    const tall = 'Ein tiltakstekst som går over fleire linjer i den smale kolonnen sin her. '.repeat(2);
    const bad = await pages([h1('Kapittel', false), nestedTable([[range(0, 7)]], { tall }), { ...nestedTable([[range(7, 8)]], { tall, continued: true }), pageBreak: 'before' }]);
    expect(tableSplits(bad)[0]?.message, shown(bad)).toMatch(/only 1 row\(s\) of a table of 8 rows.*\(7 \+ 1 rows\)/);
    const good = await pages([h1('Kapittel', false), nestedTable([[range(0, 4)]], { tall }), { ...nestedTable([[range(4, 8)]], { tall, continued: true }), pageBreak: 'before' }]);
    expect(tableSplits(good), shown(good)).toEqual([]);
    // A short one (three lines) in two parts is a split short table.
    const short = await pages([h1('Kapittel', false), nestedTable([[range(0, 2)]]), { ...nestedTable([[range(2, 3)]], { continued: true }), pageBreak: 'before' }]);
    expect(tableSplits(short)[0]?.message, shown(short)).toMatch(/a table of 3 rows is split/);
  });

  it('table-split: a short table that cannot stand on a page with its heading and lead-in may go on over two', async () => {
    // Rows tall enough that the seven of them fit a page, but not below the heading and its lead-in.
    const leadIn = 'Målskjemaet under dekkjer mål 4.1, som er eit av måla i samfunnsdelen, og tiltaka som høyrer til det.';
    let found = false;
    for (let words = 1; words <= 12 && !found; words++) {
      const rowText = (): string => 'Ein rad med ein lang tekst '.repeat(words).trim();
      const parts = (): object[] => [table(4, { rowText }), { ...table(3, { rowText }), pageBreak: 'before' }];
      const alone = await pages([h1('Kapittel', false), ...parts()]);
      if (alone.length !== 2 || !tableSplits(alone).some((f) => /a table of 7 rows is split/.test(f.message))) continue;
      const headed = await pages([h1('Kapittel', false), h2('Mål 4'), para(leadIn), ...parts()]);
      found = headed.length === 2 && tableSplits(headed).length === 0;
    }
    expect(found, 'a row height where the table fits a page alone but not with its heading').toBe(true);
  });

  it('continued-row: a continued row leaves the entry it goes on with blank', async () => {
    // Lines 0–2 under one group («Gruppa»): the part on page 2 goes on with line 2 of that group.
    const bad = await pages([h1('Kapittel', false), nestedTable([[range(0, 2)]], { group: 3 }), { ...nestedTable([[range(2, 3)]], { group: 3, continued: true }), pageBreak: 'before' }]);
    expect(continuedRows(bad, ['(framhald)']).map((f) => f.message), shown(bad)).toEqual([expect.stringMatching(/1 cell\(s\) of its first line before «Tiltak 3» are blank/)]);
    const good = await pages([h1('Kapittel', false), nestedTable([[range(0, 2)]], { group: 3 }), { ...nestedTable([[range(2, 3)]], { group: 3, continued: true, groupContinued: true }), pageBreak: 'before' }]);
    expect(continuedRows(good, ['(framhald)']), shown(good)).toEqual([]);
  });

  it('heading-at-foot: a heading and its lead-in at the foot, the table they introduce on the next page', async () => {
    const bad = await pages([h1('Kapittel', false), ...filler(20), h2('Mål 4'), para('Målskjemaet under dekkjer mål 4.1–4.5.'), { ...table(3), pageBreak: 'before' }]);
    expect(headingAtFoot(bad).map((f) => f.message), shown(bad)).toEqual([expect.stringMatching(/heading «Mål 4» and its lead-in «Målskjemaet under/)]);
    // The hovudmål line before the table, on the next page with it: the same.
    const line = await pages([h1('Kapittel', false), ...filler(20), h2('Mål 4'), para('Målskjemaet under dekkjer mål 4.1–4.5.'), { ...para('Hovudmål 4: Trygg oppvekst'), pageBreak: 'before' }, table(3)]);
    expect(rules(headingAtFoot(line)), shown(line)).toEqual(['heading-at-foot p1']);
    // Text that goes on after the lead-in is no table introduced.
    const text = await pages([h1('Kapittel', false), ...filler(20), h2('Mål 4'), para('Målskjemaet under dekkjer mål 4.1–4.5.'), { ...para(), pageBreak: 'before' }, ...filler(3)]);
    expect(headingAtFoot(text), shown(text)).toEqual([]);
    const good = await pages([h1('Kapittel', false), ...filler(3), h2('Mål 4'), para('Målskjemaet under dekkjer mål 4.1–4.5.'), table(3)]);
    expect(headingAtFoot(good), shown(good)).toEqual([]);
  });

  it('continued-row: «(framhald)» on the page of its first part', async () => {
    const rowText = (i: number): string => (i === 1 ? 'Delmålet (framhald)' : i === 0 ? 'Delmålet' : `Rad ${i + 1}`);
    const bad = await pages([h1('Kapittel', false), table(3, { rowText })]);
    expect(rules(continuedRows(bad, ['(framhald)'])), shown(bad)).toEqual(['continued-row p1']);
    expect(continuedRows(bad, ['(framhald)'])[0]!.message).toMatch(/same page/);
    // Continued at the top of the next page: the row that starts page 2 carries the mark.
    const plain = await pages([h1('Kapittel', false), table(40)]);
    const firstOnTwo = plain[1]!.lines.find((l) => /^Rad \d+$/.test(l.text))!.text;
    const k = Number(firstOnTwo.slice(4)) - 1;
    const good = await pages([h1('Kapittel', false), table(40, { rowText: (i) => (i === k ? 'Delmålet (framhald)' : `Rad ${i + 1}`) })]);
    expect(good[1]!.lines.some((l) => l.text === 'Delmålet (framhald)')).toBe(true);
    expect(continuedRows(good, ['(framhald)']), shown(good)).toEqual([]);
  });

  it('cell-border: a column line that stops partway down its row', async () => {
    // A nested table shorter than its row: its column line ends where the row goes on.
    const inner = { table: { widths: ['*', '*'], body: [[{ text: 'a' }, { text: 'b' }]] }, layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 1 ? 0.5 : 0) } };
    const bad = await pages([h1('Kapittel', false), tagTable({ table: { widths: [100, '*'], body: [[{ text: 'Ein lang tekst\nover fleire\nlinjer\nher' }, inner]] }, layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 0, paddingBottom: () => 0 } })]);
    expect(rules(cellBorders(bad)), shown(bad)).toEqual(['cell-border p1']);
    const good = await pages([h1('Kapittel', false), table(4)]);
    expect(cellBorders(good), shown(good)).toEqual([]);
  });

  it('figure-caption: a caption split from its figure', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="150"><rect x="0" y="0" width="200" height="150" fill="#88aacc"/></svg>';
    // pdfmake splits a stack not marked to keep whole: the figure ends one page, the caption starts the next.
    const figure = (): object => tag({ stack: [tag({ svg, width: 200, height: 150 }, { type: 'Figure', alt: 'Ein boks' }), tag({ text: 'Figur 1: Ein boks', bold: true }, { type: 'Caption' })] }, { type: 'Div' });
    let bad: Page[] = [];
    for (let k = 18; k < 34 && figureCaptions(bad).length === 0; k++) bad = await pages([h1('Kapittel', false), ...filler(k), figure()]);
    expect(figureCaptions(bad).map((f) => f.rule)).toEqual(['figure-caption']);
    const good = await pages([h1('Kapittel', false), ...filler(2), figure()]);
    expect(figureCaptions(good), shown(good)).toEqual([]);
  });

  it('footnote-page: a footnote printed away from the page that refers to it', async () => {
    const ref = (): object => tag({ text: ['Ein påstand med kjelde.', { text: '1', sup: true }] }, { type: 'P' });
    const note = (): object => tag({ text: [{ text: '1 ', sup: true }, 'Kjelda til påstanden.'], fontSize: 8 }, { type: 'Note' });
    const bad = await pages([h1('Kapittel', false), ref(), { text: '', pageBreak: 'after' }, note()]);
    expect(rules(footnotePages(bad)), shown(bad)).toEqual(['footnote-page p1']);
    const above = await pages([h1('Kapittel', false), ref(), note(), para()]);
    expect(footnotePages(above)[0]?.message).toMatch(/not at the foot/);
    const good = await pages([h1('Kapittel', false), ref(), para(), note()]);
    expect(footnotePages(good), shown(good)).toEqual([]);
  });

  it('url-break: an address broken in the middle of a word', async () => {
    const url = `https://www.example.kommune.no/${'kommunedelplanhelsesosialogomsorg'.repeat(3)}`;
    const linked = (text: string): object => tag({ text: ['Les meir på ', { text, link: url }] , margin: [0, 0, 0, 6] }, { type: 'P' });
    // pdfmake breaks a word wider than the line anywhere.
    const bad = await pages([h1('Kapittel', false), linked(url)]);
    expect(rules(urlBreaks(bad)), shown(bad)).toEqual(['url-break p1']);
    const good = await pages([h1('Kapittel', false), linked('https://www.example.kommune.no/tenester/helseogomsorg/planar/kommunedelplan/helse/sosial/omsorg/')]);
    expect(urlBreaks(good), shown(good)).toEqual([]);
  });
});

describe('a range of numbers is one unit for the line breaking', () => {
  it('range-break: pdfmake breaks «2021–2031» after the dash; the layout\'s fragments never do', async () => {
    const sentence = (k: number): string => `Planen ${'i'.repeat(k)} gjeld for perioden 2021–2031 og blir rullert kvart fjerde år.`;
    // Find a length where plain text is broken right after the dash.
    let k = 1;
    let bad: Page[] = [];
    for (; k < 120 && rangeBreaks(bad).length === 0; k++) bad = await pages([h1('Kapittel', false), tag({ text: sentence(k) }, { type: 'P' })]);
    expect(rules(rangeBreaks(bad)), bad[0]!.lines.map((l) => l.text).join('|')).toEqual(['range-break p1']);
    const good = await pages([h1('Kapittel', false), tag({ text: inlineText([{ kind: 'text', text: sentence(k - 1), bold: false, italics: false }]) }, { type: 'P' })]);
    expect(rangeBreaks(good), shown(good)).toEqual([]);
    expect(good[0]!.lines.map((l) => l.text).join(' ')).toContain('2021–2031');
  });
});

describe('the engine prints footnotes at the foot of the page that refers to them', () => {
  it('footnotes at the foot of the page', async () => {
    // The reference falls on page 2 after filler; the note must be printed there, below the text, not at the end.
    const ref = tag({ text: ['Ein påstand med kjelde.', { text: '1', sup: true, footnote: 1 }, ' Og meir tekst etter.'] }, { type: 'P' });
    const note = { number: 1, height: 12, node: tag({ text: [{ text: '1 ', sup: true }, 'Kjelda til påstanden.'], fontSize: 8 }, { type: 'Note' }) };
    const pdf = await engine.render({ content: [h1('Kapittel', false), ...filler(30), ref, ...filler(5)], footnotes: [note], tagged: true, pageSize: 'A5', pageMargins: [40, 40, 40, 40], defaultStyle: { font: 'Roboto', fontSize: 10 } } as never);
    const file = path.join(dir, 'footnotes.pdf');
    fs.writeFileSync(file, pdf.bytes);
    const read = await readPdf(file);
    const refPage = read.find((p) => p.lines.some((l) => l.text.startsWith('Ein påstand')))!;
    expect(refPage.number).toBeGreaterThan(1);
    expect(refPage.lines.some((l) => l.text.includes('Kjelda til påstanden')), shown(read)).toBe(true);
    expect(footnotePages(read), shown(read)).toEqual([]);
  });

  it('a footnote referred to in a table row (a block that cannot break) at the foot of the row\'s page', async () => {
    const cell = { text: ['Ein rad med kjelde.', { text: '1', sup: true, footnote: 1 }] };
    const rows = tagTable({ table: { headerRows: 1, dontBreakRows: true, widths: [200, 80], body: [[{ text: 'Namn' }, { text: 'Verdi' }], [cell, { text: '1' }]] } });
    const note = { number: 1, height: 12, node: tag({ text: [{ text: '1 ', sup: true }, 'Kjelda til rada.'], fontSize: 8 }, { type: 'Note' }) };
    const pdf = await engine.render({ content: [h1('Kapittel', false), ...filler(34), rows, ...filler(3)], footnotes: [note], tagged: true, pageSize: 'A5', pageMargins: [40, 40, 40, 40], defaultStyle: { font: 'Roboto', fontSize: 10 } } as never);
    const file = path.join(dir, 'footnote-in-row.pdf');
    fs.writeFileSync(file, pdf.bytes);
    const read = await readPdf(file);
    const rowPage = read.find((p) => p.lines.some((l) => l.text.startsWith('Ein rad med kjelde')))!;
    expect(rowPage.number).toBeGreaterThan(1);
    expect(rowPage.lines.some((l) => l.text.includes('Kjelda til rada')), shown(read)).toBe(true);
    expect(footnotePages(read), shown(read)).toEqual([]);
  });
});
