// The målskjema over pages (emit/tableParts.ts, layout/malskjema.ts): the engine lays each table out
// in parts, one per page, by the split rule of layout/nodes.ts. Each test renders a plan made for it
// with the production stages and reads the PDF back with the layout lint (test/helpers/pageLint.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { nodeHost } from '../../src/core/host.js';
import { Engine } from '../../src/emit/renderPdf.js';
import { checkPlan, renderCharts } from '../../src/pipeline.js';
import { renderVariant } from '../../src/run/variantStages.js';
import { cellBorders, continuedRows, describePage, footnotePages, headingAtFoot, printedLines, readPdf, tableParts, tableSplits, type Page } from '../helpers/pageLint.js';
import { copyPlan, FIXTURES } from '../helpers/planCopy.js';

const engine = new Engine();
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-malskjema-pages-'));
const MARK = '(fortsettelse)';
const CONFIG = [
  'malskjema:',
  '  levels:',
  '    - { id: hovudmal, label: Hovedmål }',
  '    - { id: mal, label: Innsatsområde }',
  '    - { id: delmal, label: Delmål }',
  '    - { id: tiltak, label: Tiltak, group: Resultat }',
  '  columns:',
  '    - { id: ansvar, kind: text, header: Ansvar }',
  '  status: []',
  '',
].join('\n');

const tiltak = (n: number, words = 14): string[] =>
  Array.from({ length: n }, (_, i) => `              - { tekst: "Tiltak ${i + 1} ${'med en lengre beskrivelse av hva som skal gjøres '.repeat(Math.ceil(words / 8)).trim()}", ansvar: Helse }`);

/** A målskjema file: one innsatsområde, its delmål each with groups (resultat) of tiltak. */
function malskjema(delmal: { tekst: string; groups: { tekst: string; tiltak: number; words?: number }[] }[]): string {
  return [
    'hovudmal: { nummer: 2, tekst: God helse }',
    'mal:',
    '  - nummer: "2.1"',
    '    tekst: Aktive innbyggere',
    '    delmal:',
    ...delmal.flatMap((d) => [
      `      - tekst: ${d.tekst}`,
      '        oppna:',
      ...d.groups.flatMap((g) => [`          - tekst: ${g.tekst}`, '            tiltak:', ...tiltak(g.tiltak, g.words)]),
    ]),
    '',
  ].join('\n');
}

let n = 0;
/** The bokmål handlingsplan with `filler` paragraphs before the målskjema's lead-in, rendered and read back. */
async function pages(file: string, filler = 0): Promise<Page[]> {
  const dir = copyPlan(path.join(FIXTURES, 'handlingsplan-nb'));
  fs.writeFileSync(path.join(dir, 'malskjema/folkehelse.yaml'), file);
  const planFile = path.join(dir, 'plan.yaml');
  fs.writeFileSync(planFile, fs.readFileSync(planFile, 'utf8').replace(/^malskjema:\n(?: {2}.*\n)+/m, CONFIG));
  const chapter = path.join(dir, 'kapittel/01-tiltak.yaml');
  const para = '  - p: Et avsnitt med vanlig brødtekst som fyller siden litt etter litt, slik at målskjemaet begynner lenger ned.\n';
  fs.writeFileSync(chapter, fs.readFileSync(chapter, 'utf8').replace('blocks:\n', `blocks:\n${para.repeat(filler)}`));
  const sink = new DiagnosticSink();
  const checked = checkPlan(nodeHost, dir, ['utkast'], sink);
  expect(sink.items.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  const { pdf } = await renderVariant(engine, checked!.doc, 'utkast', { ready: renderCharts(checked!.doc) });
  const pdfFile = path.join(out, `case-${++n}.pdf`);
  fs.writeFileSync(pdfFile, pdf.bytes);
  return readPdf(pdfFile);
}

const shown = (p: readonly Page[]): string => p.filter((x) => x.landscape).map(describePage).join('\n');
/** The printed lines of the målskjema's parts, page by page. */
const linesPerPage = (p: readonly Page[]): number[] => tableParts(p).filter((parts) => parts[0]!.rows.some((r) => printedLines(r).length > 0 && r.lines.some((l) => /^Tiltak \d/.test(l.text))))
  .flatMap((parts) => parts.map((part) => part.rows.reduce((k, r) => k + printedLines(r).length, 0)));

describe('a målskjema over pages', () => {
  it('goes on with a row taller than a page: each part repeats the row and the group it goes on with, marked', async () => {
    // One delmål of 20 long tiltak under one resultat: taller than a landscape page.
    const p = await pages(malskjema([{ tekst: 'Flere går til skolen', groups: [{ tekst: 'Trygge skoleveier', tiltak: 20 }] }]));
    const counts = linesPerPage(p);
    expect(counts.length, shown(p)).toBeGreaterThan(1);
    expect(counts.every((c) => c >= 3), `${counts.join(' + ')}\n${shown(p)}`).toBe(true);
    expect([...continuedRows(p, [MARK]), ...tableSplits(p), ...cellBorders(p)], shown(p)).toEqual([]);
    // On every page after the first: the delmål and the resultat it goes on with, each with the mark.
    const later = p.filter((x) => x.lines.some((l) => l.text.includes(MARK)));
    expect(later.length).toBe(counts.length - 1);
    for (const page of later) {
      const text = page.lines.map((l) => l.text).join(' ');
      expect(text, describePage(page)).toMatch(/Flere går til skolen \(fortsettelse\)/);
      expect(text, describePage(page)).toMatch(/Trygge skoleveier \(fortsettelse\)/);
    }
  });

  it('prints a footnote of a row that goes on over pages once, at the foot of the page that refers to it', async () => {
    const p = await pages(malskjema([{ tekst: '"Flere går til skolen^[Kilde: skoleveiplanen.]"', groups: [{ tekst: 'Trygge skoleveier', tiltak: 20 }] }]));
    const notes = p.filter((x) => x.lines.some((l) => l.text.includes('Kilde: skoleveiplanen.')));
    expect(notes.map((x) => x.number), shown(p)).toHaveLength(1);
    expect(footnotePages(p), shown(p)).toEqual([]);
  });

  it('splits a row only where needed: a row that fits a page moves on whole, and no part keeps fewer than 3 lines', async () => {
    // Three delmål of 5, 5 and 4 tiltak (14 lines): wherever the table starts, it breaks between delmål.
    const file = malskjema([
      { tekst: 'Første delmål', groups: [{ tekst: 'Resultat A', tiltak: 5, words: 20 }] },
      { tekst: 'Andre delmål', groups: [{ tekst: 'Resultat B', tiltak: 5, words: 20 }] },
      { tekst: 'Tredje delmål', groups: [{ tekst: 'Resultat C', tiltak: 4, words: 20 }] },
    ]);
    for (const filler of [0, 6, 12, 18]) {
      const p = await pages(file, filler);
      const counts = linesPerPage(p);
      expect(counts.every((c) => c >= 3), `filler ${filler}: ${counts.join(' + ')}\n${shown(p)}`).toBe(true);
      expect(p.some((x) => x.lines.some((l) => l.text.includes(MARK))), `filler ${filler}\n${shown(p)}`).toBe(false);
      expect([...tableSplits(p), ...headingAtFoot(p)], `filler ${filler}`).toEqual([]);
    }
  });

  it('keeps a short table whole, with its lead-in and hovedmål, wherever the page breaks', async () => {
    const file = malskjema([{ tekst: 'Flere går til skolen', groups: [{ tekst: 'Trygge skoleveier', tiltak: 6, words: 20 }] }]);
    for (const filler of [4, 8, 12, 16, 20]) {
      const p = await pages(file, filler);
      expect(tableSplits(p), `filler ${filler}\n${shown(p)}`).toEqual([]);
      const pageOf = (re: RegExp): number | undefined => p.find((x) => x.lines.some((l) => re.test(l.text)))?.number;
      const table = pageOf(/^Innsatsområde 2\.1/);
      expect(pageOf(/^Tabellen viser mål/), `filler ${filler}`).toBe(table);
      expect(pageOf(/^Hovedmål 2/), `filler ${filler}`).toBe(table);
    }
  });
});
