// End to end: a plan with one chart of every kind (test/fixtures/charts, bokmål) builds; each chart
// is a Figure whose alt text says its kind and its data, is drawn on its page, the PDF passes the
// audit, and a second build gives the same bytes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPdf, cli, countColour, flatText, pagePixels, pdfFonts, pdfInfo } from '../helpers/pdf.js';
import { FIXTURES } from '../helpers/planCopy.js';
import { elements, structureTree } from '../helpers/structure.js';

const PLAN = path.join(FIXTURES, 'charts');
let pdf = '';

beforeAll(async () => {
  pdf = await builtPdf(PLAN, 'vedtak');
}, 300_000);

/** A plain-space copy of a text in the house format (no-break spaces before thousands and %). */
const plain = (t: string): string => t.replace(/\u00a0/g, ' ');

describe('plantrykk build (every chart kind)', () => {
  it('tags every chart as a Figure with alt text from its data, in the plan\'s language form', () => {
    const alts = elements(structureTree(pdf)).filter((e) => e.el.type === 'Figure').map((e) => plain(e.el.alt ?? ''));
    expect(alts.map((a) => a.slice(0, a.indexOf(':')))).toEqual([
      'Linjediagram', 'Søylediagram', 'Stablet søylediagram', 'Liggende stolpediagram',
      'Stablet liggende stolpediagram', 'Kakediagram', 'Smultringdiagram', 'Befolkningspyramide',
    ]);
    expect(alts[1]).toContain('Personer med demens: fra 528 (2020) til 1 412 (2050)');
    expect(alts[3]).toContain('Loddrett akse: Enhet. Vannrett akse: Årsverk. Årsverk 2024: Hjemmetjeneste 120,5, Sykehjem 240, Psykisk helse 45, Habilitering 60.');
    expect(alts[5]).toContain('Kakediagram: Fordeling av utgifter. Lønn 40 % (400 000), Drift 35 % (350 000), Husleie 20 % (200 000), Annet 5 % (50 000).');
    expect(alts[6]).toContain('Fornøyd 62 % (62), Ikke fornøyd 30 % (30), Vet ikke 8 % (8).');
    expect(alts[7]).toContain('Aldersgrupper fra 0–9 til 90+. Menn til venstre, 12 330 til sammen; størst: 40–49 (1 700), 50–59 (1 650), 10–19 (1 600).');
    expect(alts[7]).toContain('Kvinner til høyre, 12 490 til sammen;');
    for (const a of alts) expect(a).toContain('Illustrative tall');
  });

  it('draws each chart (not the placeholder) on the pages after the first chapter heading', () => {
    const pages = pdfInfo(pdf).pages;
    expect(pages).toBe(7);
    // Every page from 4 on holds two charts, each with bars or slices in the first series colour.
    for (let p = 4; p <= pages; p++) expect(countColour(pagePixels(pdf, p), '#1b5e87', 20), `page ${p}`).toBeGreaterThan(400);
  });

  it('writes the charts’ texts as real text in the embedded fonts', () => {
    // Axis and category labels, legend entries and values: each chart's own words, searchable.
    const text = plain(flatText(pdf));
    for (const words of [
      'Lønn: 400 000 (40 %)', 'Hjemmetjeneste', '120,5', 'Årsverk', '90+', 'Menn', 'Kvinner',
      'Fornøyd: 62 (62 %)', '1 412', 'Oppmøte', 'Institusjon', 'Illustrative tall – ikke kommunens egne data',
    ]) expect(text, words).toContain(words);
    // The data file's title is not drawn a second time above the figure's caption.
    for (const title of ['Fordeling av utgifter', 'Årsverk per enhet', 'Befolkning etter alder og kjønn']) expect(text, title).not.toContain(title);
    // In the document's own faces (the titles bold, the illustrative note italic), every one embedded with a ToUnicode map.
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Roboto-Italic', 'Roboto-Medium', 'Roboto-Regular']);
    for (const f of fonts) expect(f.embedded && f.unicode, f.name).toBe(true);
  });

  it('passes the audit', () => {
    const r = cli(['audit', pdf]);
    expect(r.stdout + r.stderr).not.toMatch(/figure-alt/);
    expect(r.code).toBe(0);
  });

  it('gives the same bytes when built again', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-charts-'));
    const r = cli(['build', PLAN, '--eksempel', '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'charts', '1.0', 'charts-1.0-vedtak.pdf')).equals(fs.readFileSync(pdf))).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
