// The two example plans of other shapes, read from their real PDFs (the run's shared build of
// plan-data, with --eksempel as `npm run examples`): a bokmål handlingsplan for Hole (Mål | Tiltak |
// Ansvar | Tidsramme | Kostnad per år) and a nynorsk temaplan for Alver (doughnut chart, milepælar
// with periods). Each names its own kind in its own language form, the action table's printed sums
// are the sums of its data, and no label of another kommune's målskjema or another kind appears.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, flatText, pdfPages, pdfText } from '../helpers/pdf.js';
import { builtPdf } from '../helpers/sharedBuild.js';
import { REPO } from '../helpers/planCopy.js';
import { figureAlts } from '../helpers/structure.js';

const HANDLINGSPLAN = path.join(REPO, 'plan-data', 'hole-handlingsplan-velferd');
const TEMAPLAN = path.join(REPO, 'plan-data', 'alver-temaplan-psykisk-helse');
const read = (file: string): any => parse(fs.readFileSync(file, 'utf8'));
/** Lines of a page with every run of white space (no-break spaces too) folded to one space. */
const lines = (page: string): string[] => page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
/** Whole-word, case-sensitive: «Kommunedelplan» but not «kommunedelplanen». */
const hasWord = (text: string, word: string): boolean => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text);
/** An amount as the data writes it (200000, "1 200 000", "kr 450 000") in kroner, read independently of the tool. */
const kroner = (v: unknown): number => {
  const digits = String(v).replace(/^kr\.?\s*/, '').replace(/\s*kr$/, '').replace(/[\s\u00a0\u202f\u2009]/g, '');
  expect(digits, String(v)).toMatch(/^\d+$/);
  return Number(digits);
};
/** Thousands grouped by three with single spaces, as the folded PDF text shows the house format. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');


const KIND_NAMES = ['Kommunedelplan', 'Temaplan', 'Handlingsplan', 'Planprogram', 'Statusrapport', 'Strategisk plan', 'Kommuneplanen sin samfunnsdel', 'Kommuneplanens samfunnsdel'];

describe('hole-handlingsplan-velferd: a bokmål handlingsplan', () => {
  const plan = read(path.join(HANDLINGSPLAN, 'plan.yaml'));
  const malskjema = read(path.join(HANDLINGSPLAN, 'malskjema', 'tiltak.yaml'));
  const years: number[] = [];
  for (let y = plan.handlingsdel.from; y <= plan.handlingsdel.to; y++) years.push(y);

  for (const variant of ['utkast', 'hoyring', 'vedtak']) {
    it(`${variant}: the cover and the document page say «Handlingsplan», in bokmål, and no other kind`, async () => {
      const pdf = await builtPdf(HANDLINGSPLAN, variant);
      const cover = lines(pdfText(pdf, { page: 1 }));
      const docPage = pdfText(pdf, { page: 2 }).replace(/\s+/g, ' ');
      // The title names the kind («Handlingsplan for Velferd»), so the cover prints no kind line of its own.
      expect(cover.some((l) => l.startsWith('Handlingsplan'))).toBe(true);
      expect(docPage).toContain('Plantype Handlingsplan');
      expect(docPage).toContain('Målform Bokmål');
      expect(cover.join('\n')).toContain({ utkast: 'Arbeidsutkast', hoyring: 'Høringsutkast', vedtak: 'Vedtatt' }[variant]);
      for (const other of KIND_NAMES.filter((k) => k !== 'Handlingsplan')) {
        expect(hasWord(cover.join('\n'), other), `cover names ${other}`).toBe(false);
        expect(hasWord(docPage, `Plantype ${other}`), `document page names ${other}`).toBe(false);
      }
    });
  }

  for (const variant of ['hoyring', 'vedtak']) {
    it(`${variant}: the action table prints the yearly sums and the total of its data`, async () => {
      const pdf = await builtPdf(HANDLINGSPLAN, variant);
      // The rows the variant shows: a vedtak leaves out the mål whose status says so.
      const omitted = new Set((plan.malskjema.status as { id: string; omit_in_vedtak?: boolean }[]).filter((s) => s.omit_in_vedtak).map((s) => s.id));
      const shown = (malskjema.mal as { status: string; tiltak: { kostnad?: Record<string, unknown> }[] }[]).filter((m) => variant !== 'vedtak' || !omitted.has(m.status));
      const sums = years.map((y) => shown.flatMap((m) => m.tiltak).reduce((n, t) => n + (t.kostnad?.[String(y)] === undefined ? 0 : kroner(t.kostnad[String(y)])), 0));
      const total = sums.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(0);
      const text = pdfPages(pdf, true).flatMap(lines);
      expect(text.filter((l) => l.startsWith('Sum '))).toEqual([`Sum ${sums.map(grouped).join(' ')}`]);
      expect(text.filter((l) => l.startsWith('Totalt '))).toEqual([`Totalt ${grouped(total)}`]);
      // Each year's column is headed with the column's own header, and every tiltak is printed.
      for (const y of years) expect(text.join('\n')).toMatch(new RegExp(`Kostnad[\\s\\S]{0,200}${y}`));
      // Every tiltak is printed (its first words: a wrapped cell's lines interleave with its neighbours' in the text).
      const flat = flatText(pdf);
      for (const t of shown.flatMap((m) => m.tiltak) as { tekst: string }[]) expect(flat).toContain(t.tekst.split(' ').slice(0, 3).join(' '));
    });
  }

  it('a million fits its year cell: the amounts of a row keep at least the cells\' padding between them', async () => {
    // «1 200 000» a year (the lærling row): right-aligned in year columns of equal width, so the space from
    // one amount's end to the next one's start is the column width minus the text; under both cells'
    // padding (2 × 3 pt) the text would run into the cell before it.
    const pdf = await builtPdf(HANDLINGSPLAN, 'vedtak');
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]), text: m[4]! }));
    const row = words.find((w) => w.text === 'lærlingplasser');
    expect(row).toBeDefined();
    const digits = words.filter((w) => Math.abs(w.y - row!.y) < 1 && /^\d+$/.test(w.text) && w.x0 > row!.x1).sort((a, b) => a.x0 - b.x0);
    expect(digits.map((w) => w.text).join(' ')).toBe('1 200 000 1 200 000 1 200 000 1 200 000');
    for (let i = 3; i < digits.length; i += 3) expect(digits[i]!.x0 - digits[i - 1]!.x1, `gap before amount ${i / 3 + 1}`).toBeGreaterThanOrEqual(5.5);
  });

  it('the written sums in the data agree with the amounts (the check would refuse them otherwise)', () => {
    const written = malskjema.sum.kostnad as Record<string, unknown>;
    for (const y of years) {
      const computed = (malskjema.mal as { tiltak: { kostnad?: Record<string, unknown> }[] }[]).flatMap((m) => m.tiltak).reduce((n, t) => n + (t.kostnad?.[String(y)] === undefined ? 0 : kroner(t.kostnad[String(y)])), 0);
      expect(kroner(written[String(y)]), String(y)).toBe(computed);
    }
  });

  it('names no label of Alver\'s målskjema, of another kommune or of nynorsk', async () => {
    for (const variant of ['utkast', 'hoyring', 'vedtak']) {
      const text = flatText(await builtPdf(HANDLINGSPLAN, variant));
      for (const foreign of ['KDP-mål', 'KDP MÅL', 'Kommunedelplan', 'Dette vil vi oppnå', 'Slik skal vi gjere det', 'Omtales i planen', 'Samarbeid – må avklares', 'Alver', 'Åsnes', 'Høyringsfrist', 'Innhald', 'Vedteken', 'ikkje']) {
        expect(hasWord(text, foreign), `${variant} names «${foreign}»`).toBe(false);
      }
      expect(text).toContain('Hovedmål: Hole kommune skaper og utvikler en bærekraftig helse- og omsorgstjeneste');
    }
  });

  it('without --eksempel, its vedtak is refused: the amounts (the målskjema file is illustrative) and the dates are marked', () => {
    // The mark on the whole variants.vedtak map is reported where the map starts: the line after `vedtak:`.
    const vedtakAt = fs.readFileSync(path.join(HANDLINGSPLAN, 'plan.yaml'), 'utf8').split('\n').indexOf('  vedtak:') + 2;
    const r = cli(['build', HANDLINGSPLAN, '--variant', 'vedtak', '--out', fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-examples-'))]);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.includes(': error: ')).map((l) => l.replace(/^.*plan-data\//, '').replace(/ \[.*$/, ''));
    expect(errors).toEqual([
      'hole-handlingsplan-velferd/malskjema/tiltak.yaml:6:15: error: this data file is marked `illustrative: true`: the vedtak version cannot be built as an official document with it',
      `hole-handlingsplan-velferd/plan.yaml:${vedtakAt}:5: error: 'variants.vedtak' is marked as an example value (eksempel): the vedtak version cannot be built as an official document with it`,
    ]);
  });

  it('is stamped as an example in høring and vedtak (its amounts and dates are marked), not in the utkast', async () => {
    for (const variant of ['hoyring', 'vedtak']) {
      for (const [i, page] of pdfPages(await builtPdf(HANDLINGSPLAN, variant)).entries()) expect(page, `${variant} page ${i + 1}`).toContain('EKSEMPEL – ikke et offisielt dokument');
    }
    expect(flatText(await builtPdf(HANDLINGSPLAN, 'utkast'))).not.toContain('EKSEMPEL');
  });
});

describe('alver-temaplan-psykisk-helse: a nynorsk temaplan', () => {
  for (const variant of ['utkast', 'hoyring', 'vedtak']) {
    it(`${variant}: the cover and the document page say «Temaplan», in nynorsk, and no other kind`, async () => {
      const pdf = await builtPdf(TEMAPLAN, variant);
      const cover = lines(pdfText(pdf, { page: 1 }));
      const docPage = pdfText(pdf, { page: 2 }).replace(/\s+/g, ' ');
      expect(cover).toContain('Temaplan');
      expect(docPage).toContain('Plantype Temaplan');
      expect(docPage).toContain('Målform Nynorsk');
      expect(cover.join('\n')).toContain({ utkast: 'Arbeidsutkast', hoyring: 'Høyringsutkast', vedtak: 'Vedteken' }[variant]);
      for (const other of KIND_NAMES.filter((k) => k !== 'Temaplan')) {
        expect(hasWord(cover.join('\n'), other), `cover names ${other}`).toBe(false);
        expect(hasWord(docPage, `Plantype ${other}`), `document page names ${other}`).toBe(false);
      }
    });
  }

  it('prints the case references, the doughnut\'s shares and the milestone periods from the data', async () => {
    const hoyring = flatText(await builtPdf(TEMAPLAN, 'hoyring'));
    const vedtak = flatText(await builtPdf(TEMAPLAN, 'vedtak'));
    // The sak numbers as written: the plan's own and the ones its text refers to.
    expect(hoyring).toContain('omsorg, sak 024/23');
    expect(vedtak).toContain('KO 098/23');
    for (const ref of ['sak 038/22', 'sak 054/21']) expect(vedtak).toContain(ref);
    // The doughnut (drawn, so read from its alternative text): each slice with its share of the whole and
    // its value, computed here from the data, largest first.
    const chart = read(path.join(TEMAPLAN, 'data', 'budsjett-eining.yaml'));
    const values = chart.series[0].values as number[];
    const whole = values.reduce((a, b) => a + b, 0);
    const alt = (await figureAlts(await builtPdf(TEMAPLAN, 'vedtak'))).find((a) => a.startsWith('Smultringdiagram: '));
    expect(alt, 'the doughnut\'s alternative text').toBeDefined();
    const slices = (chart.labels as string[]).map((name, i) => `${name} ${((values[i]! / whole) * 100).toFixed(1).replace('.', ',')} % (${grouped(values[i]!)})`);
    expect(alt!.replace(/\s+/g, ' ')).toBe(`Smultringdiagram: ${chart.title}. ${slices.join(', ')}.`);
    // Periods as periods: days, months within a year, and across years.
    expect(vedtak).toContain('1. desember 2022 – 31. mars 2023');
    expect(vedtak).toContain('mai – juni 2023');
    expect(vedtak).toContain('september 2022 – juni 2023');
  });

  it('names no bokmål label and no other kommune', async () => {
    for (const variant of ['utkast', 'hoyring', 'vedtak']) {
      const text = flatText(await builtPdf(TEMAPLAN, variant));
      for (const foreign of ['Høringsfrist', 'Høringsutkast', 'Innhold', 'Vedtatt', 'ikke', 'Hole', 'Åsnes', 'KDP-mål']) {
        expect(hasWord(text, foreign), `${variant} names «${foreign}»`).toBe(false);
      }
    }
  });
});
