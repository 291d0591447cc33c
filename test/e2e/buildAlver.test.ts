// End to end on the real example: Alver kommune's kommunedelplan helse, sosial og omsorg.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, countColour, flatText, pagePixels, pdfFonts, pdfInfo, pdfOutline, pdfPages, pdfText, sharedBuild, tocEntries } from '../helpers/pdf.js';
import { REPO } from '../helpers/planCopy.js';
import { parse } from 'yaml';

const PLAN = path.join(REPO, 'plan-data', 'alver-hso');
// The run's shared build of every example plan (`build plan-data --all`, checked in kinds.test.ts).
let dir = '';
const pdf = (v: string): string => path.join(dir, `alver-hso-1.0-${v}.pdf`);

beforeAll(async () => {
  const r = await sharedBuild(PLAN);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  dir = path.join(r.out, 'alver-hso', '1.0');
}, 300_000);

describe('Alver KDP helse, sosial og omsorg', () => {
  it('has the seven chapters in order, each listed in the TOC on the page it starts', () => {
    for (const v of ['hoyring', 'vedtak']) {
      const { tocPage, entries } = tocEntries(pdf(v), 'Innhald');
      const chapters = entries.filter((e) => /^\d+ /.test(e.title)).map((e) => e.title);
      expect(chapters).toEqual(['1 Innleiing', '2 Nasjonale og regionale føringar', '3 Utviklingstrekk', '4 Helse-, sosial- og omsorg', '5 Mål og vegval', '6 Prioritering – mål, vegval og handlingsplan', '7 Kjelder']);
      expect(entries.length).toBeGreaterThan(40);
      const pages = pdfPages(pdf(v), true);
      for (const e of entries) {
        expect(e.page, e.title).toBeGreaterThan(tocPage);
        const lines = pages[e.page - 1]!.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
        expect(lines.some((l) => l === e.title || l.startsWith(`${e.title} `) || e.title.startsWith(l) && l.length > 8), `${v}: ${e.title} on page ${e.page}`).toBe(true);
      }
      const outline = pdfOutline(pdf(v));
      expect(outline.filter((o) => o.depth === 0).map((o) => o.title)).toEqual(chapters);
      expect(outline.length).toBe(entries.length);
    }
  });

  it('never ends a page with a heading: each is followed on its page by the start of its text', () => {
    for (const v of ['hoyring', 'vedtak']) {
      const { entries } = tocEntries(pdf(v), 'Innhald');
      const pages = pdfPages(pdf(v));
      for (const e of entries) {
        // The page's lines without the running footer (kommune, «Side X av Y»).
        const lines = pages[e.page - 1]!.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, -2);
        const at = lines.findIndex((l) => l === e.title || e.title.startsWith(l) && l.length > 8);
        expect(at, `${v}: ${e.title} on page ${e.page}`).toBeGreaterThanOrEqual(0);
        expect(lines.length - at - 1, `${v}: lines after ${e.title} on page ${e.page}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('gives the same bytes whether a variant is rendered by a fresh worker or by one that rendered another first', () => {
    // In the shared build the three variants share fewer workers: a later one runs on a worker that already rendered one.
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-alver-alone-'));
    for (const v of ['utkast', 'hoyring', 'vedtak']) {
      expect(cli(['build', PLAN, '--variant', v, '--eksempel', '--out', alone]).code).toBe(0);
      expect(fs.readFileSync(path.join(alone, 'alver-hso', '1.0', `alver-hso-1.0-${v}.pdf`)).equals(fs.readFileSync(pdf(v))), v).toBe(true);
    }
  });

  it('prints the whole målskjema in utkast and leaves «ikkje» delmål out of vedtak', () => {
    const malskjema = fs.readdirSync(path.join(PLAN, 'malskjema')).map((f) => parse(fs.readFileSync(path.join(PLAN, 'malskjema', f), 'utf8')));
    const utkast = flatText(pdf('utkast'));
    const vedtak = flatText(pdf('vedtak'));
    let ikkje = 0;
    for (const m of malskjema) {
      for (const mal of m.mal) {
        expect(utkast, mal.nummer).toContain(`KDP-mål ${mal.nummer}:`);
        for (const d of mal.delmal) {
          // The start of the text: long enough to be unique, short enough to stay on the first line of its cell.
          const start = d.tekst.replace(/[*_]/g, '').slice(0, 18);
          expect(utkast, d.id).toContain(start);
          if (d.status === 'ikkje') {
            ikkje++;
          } else {
            expect(vedtak, d.id).toContain(start);
          }
        }
      }
    }
    expect(ikkje).toBeGreaterThan(10);
    expect(vedtak).not.toContain('● Ikkje i denne planen');
    expect(utkast).toContain('● Ikkje i denne planen');
    expect(utkast).toContain('650 000');
    expect(pdfInfo(pdf('vedtak')).pages).toBeLessThan(pdfInfo(pdf('utkast')).pages);
  });

  it('prints each hovudmål before its målskjema, labelled as its configuration says (plan.yaml, not code)', () => {
    const malskjema = fs.readdirSync(path.join(PLAN, 'malskjema')).map((f) => parse(fs.readFileSync(path.join(PLAN, 'malskjema', f), 'utf8')));
    const utkast = flatText(pdf('utkast'));
    for (const m of malskjema) expect(utkast).toContain(`Hovudmål ${m.hovudmal.nummer}: ${m.hovudmal.tekst}`);
    const plan = parse(fs.readFileSync(path.join(PLAN, 'plan.yaml'), 'utf8'));
    expect(plan.malskjema.levels[1].label).toBe('KDP-mål');
    expect(plan.malskjema.status.map((s: { id: string }) => s.id)).toEqual(['omtalast', 'samarbeid', 'ikkje']);
  });

  it('generates the list of tema- og handlingsplanar from the målskjema, with the KDP-mål each serves', () => {
    const register = parse(fs.readFileSync(path.join(PLAN, 'registers', 'planar.yaml'), 'utf8')).planar as { title: string }[];
    const text = flatText(pdf('utkast'));
    const section = text.slice(text.lastIndexOf('6.6 '));
    for (const p of register) expect(section, p.title).toContain(p.title);
    expect(section.match(/Bidreg til KDP-mål \d+\.\d+/g)?.length).toBe(register.length);
  });

  it('draws the aktivitets- og meistringstrapp from data with all 13 trinn and 4 kategoriar', () => {
    const text = flatText(pdf('vedtak'));
    for (let t = 1; t <= 13; t++) expect(text).toContain(`Trinn ${t}:`);
    for (let k = 1; k <= 4; k++) expect(text).toContain(`Kategori ${k}:`);
  });

  it('numbers figures and tables, marks the illustrative chart as such, and computes the bustadtrappa totals', () => {
    const text = flatText(pdf('vedtak'));
    expect(text).toMatch(/Figur 1: .+Figur 2: .+Figur 3: .+Figur 4: /);
    expect(text).toMatch(/\(illustrative tal\)/);
    const layout = pdfText(pdf('vedtak'), { layout: true });
    expect(layout).toMatch(/Totalt einingar\s+97\s+74\s+59\s+52\s+28\s+9\s+319/);
    expect(layout).toMatch(/\b27\s+30\s+0\s+22\s+0\s+9\s+88\n/);
  });

  it('shows målskjema status as colour and as text on the rendered page', () => {
    const pages = pdfPages(pdf('utkast'));
    const n = pages.findIndex((p) => p.includes('● Omtalast i') && p.includes('● Ikkje i')) + 1;
    expect(n).toBeGreaterThan(0);
    const img = pagePixels(pdf('utkast'), n);
    expect(img.width).toBeGreaterThan(img.height); // landscape
    expect(countColour(img, '#1e6b3a')).toBeGreaterThan(200); // omtalast: dark green
    expect(countColour(img, '#b3261e')).toBeGreaterThan(200); // ikkje: red
    expect(pages[n - 1]).toContain('Omtalast i');
  });

  it('keeps the steering-group question to utkast only', () => {
    expect(flatText(pdf('utkast'))).toContain('Intern merknad');
    expect(flatText(pdf('hoyring'))).not.toContain('Intern merknad');
    expect(flatText(pdf('vedtak'))).not.toContain('Intern merknad');
  });

  it('is an A4 document with embedded fonts, Norwegian letters and the kommune as author', () => {
    const info = pdfInfo(pdf('hoyring'));
    expect(info.fields.Author).toBe('Alver kommune');
    // The vedtak date and sak and figure 1's numbers are examples: the title carries the EKSEMPEL stamp.
    expect(info.fields.Title).toBe('Kommunedelplan helse, sosial og omsorg – 2022–2034 – EKSEMPEL – ikkje eit offisielt dokument');
    expect(info.fields['Page size']).toContain('(A4)');
    for (const f of pdfFonts(pdf('hoyring'))) expect(f.embedded, f.name).toBe(true);
    expect(flatText(pdf('hoyring'))).toMatch(/æ.*ø.*å/s);
    const footer = pdfText(pdf('hoyring'), { page: 10 });
    expect(footer).toMatch(new RegExp(`Side 10 av ${info.pages}`));
  });
});
