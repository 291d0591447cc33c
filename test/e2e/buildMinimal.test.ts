// End to end: the CLI builds the small fixture plan, and the PDFs themselves are checked.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, countColourIn, flatText, pagePixels, pdfFonts, pdfInfo, pdfOutline, pdfPages, pdfText, sharedBuild, tocEntries } from '../helpers/pdf.js';
import { copyPlan, edit, FIXTURES } from '../helpers/planCopy.js';

// The run's shared build of the fixture (every variant), also read by other test files.
let dir = '';
const pdf = (v: string): string => path.join(dir, `minimal-1.0-${v}.pdf`);

beforeAll(async () => {
  const r = await sharedBuild(path.join(FIXTURES, 'minimal'));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  dir = path.join(r.out, 'minimal', '1.0');
}, 300_000);

describe('plantrykk build (minimal fixture)', () => {
  it('writes one PDF per variant and a manifest that matches them', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.plan).toMatchObject({ id: 'minimal', version: '1.0', language: 'nn' });
    expect(manifest.documents.map((d: { variant: string }) => d.variant)).toEqual(['utkast', 'hoyring', 'vedtak']);
    for (const d of manifest.documents) {
      const bytes = fs.readFileSync(path.join(dir, d.file));
      expect(d.sha256).toBe(require('node:crypto').createHash('sha256').update(bytes).digest('hex'));
      expect(d.pages).toBe(pdfInfo(path.join(dir, d.file)).pages);
      expect(d.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(manifest.tool.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints headings in document order with automatic numbering', () => {
    const order = ['1 Alle blokktypar', '1.1 Lister og sitat', '1.1.1 Tabellar', '1.2 Figurar', '2 Mål og handling', '2.1 Hovudmål 1', '2.2 Tema- og handlingsplanar', '2.3 Kjelder'];
    // The table of contents lists exactly these, in this order.
    const toc = tocEntries(pdf('vedtak'), 'Innhald');
    expect(toc.entries.map((e) => e.title)).toEqual(order);
    // In the body (after the TOC) each is a line of its own, printed once, in this order.
    const body = pdfPages(pdf('vedtak')).slice(toc.tocPage).flatMap((p) => p.split('\n').map((l) => l.trim()));
    expect(body.filter((l) => order.includes(l))).toEqual(order);
  });

  it('gives every TOC entry the page its heading is really on, and bookmarks the same pages', () => {
    const pages = pdfPages(pdf('hoyring'), true);
    const tocIndex = pages.findIndex((p) => p.includes('Innhald'));
    const entries = [...pages[tocIndex]!.matchAll(/^\s*(\d+(?:\.\d+)*) (.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: `${m[1]} ${m[2]!.trim()}`, page: Number(m[3]) }));
    expect(entries.length).toBe(8);
    for (const e of entries) {
      const lines = pages[e.page - 1]!.split('\n').map((l) => l.trim());
      expect(lines, `${e.title} on page ${e.page}`).toContain(e.title);
      expect(e.page).toBeGreaterThan(tocIndex + 1);
    }
    const outline = pdfOutline(pdf('hoyring'));
    expect(outline.map((o) => o.title)).toEqual(entries.map((e) => e.title));
    expect(outline.map((o) => o.page)).toEqual(entries.map((e) => e.page));
    expect(outline.find((o) => o.title === '1.1.1 Tabellar')?.depth).toBe(2);
  });

  it('marks every høyring page as a draft and no vedtak page', () => {
    const hoyring = pdfPages(pdf('hoyring'));
    // The cover carries the variant in its title block; every other page in the running header.
    expect(hoyring[0]).toContain('Høyringsutkast');
    for (const [i, p] of hoyring.slice(1).entries()) expect(p, `page ${i + 2}`).toContain('HØYRINGSUTKAST');
    expect(hoyring[0]).toContain('Høyringsfrist: 20. mai 2024');
    expect(hoyring.join('\n')).toContain('post@testvik.kommune.no');
    const vedtak = pdfText(pdf('vedtak'));
    expect(vedtak).not.toMatch(/utkast/i);
    expect(vedtak).toContain('Vedteken i Kommunestyret 12. september 2024');
    expect(vedtak).toContain('077/24');
  });

  it('shows internal notes only in utkast', () => {
    expect(pdfText(pdf('utkast'))).toContain('Intern merknad');
    expect(pdfText(pdf('hoyring'))).not.toContain('Intern merknad');
    expect(pdfText(pdf('vedtak'))).not.toContain('intern merknad til styringsgruppa');
  });

  it('prints målskjema rows with Norwegian amounts, leaving «ikkje» rows out of vedtak', () => {
    const utkast = flatText(pdf('utkast'));
    expect(utkast).toContain('650 000');
    expect(utkast).toContain('1 200 000');
    expect(utkast).toContain('Vi skal ikkje gjere dette i denne planen');
    expect(utkast).toContain('Ikkje i denne planen');
    const vedtak = flatText(pdf('vedtak'));
    expect(vedtak).toContain('Vi skal byggje fleire bustader');
    expect(vedtak).not.toContain('Vi skal ikkje gjere dette i denne planen');
    expect(vedtak).toContain('Omtalast i planen');
  });

  it('generates the plan list from the målskjema with the KDP-mål each plan serves', () => {
    const text = flatText(pdf('vedtak'));
    // The kind in brackets only where the title does not name it.
    expect(text).toMatch(/Bustadsosial handlingsplan\s+Bidreg til KDP-mål 1\.1/);
    expect(text).toMatch(/Trafikktryggingsplan \(temaplan\)/);
  });

  it('computes table totals', () => {
    const text = pdfText(pdf('vedtak'), { layout: true });
    expect(text).toMatch(/Totalt\s+15\s+1 200\s+1 215/);
  });

  it('prints template syntax in plan text literally', () => {
    expect(pdfText(pdf('vedtak'))).toContain('{{x}} og {{#each a}}b{{/each}} & <b>');
  });

  it('embeds every font (no standard-14 fonts) with Unicode maps', () => {
    const fonts = pdfFonts(pdf('hoyring'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.unicode, f.name).toBe(true);
      expect(f.type).not.toMatch(/Type 1/);
    }
  });

  it('sets document metadata, language and A4 pages', () => {
    const info = pdfInfo(pdf('vedtak'));
    // Title and subtitle joined by a dash (the same in the XMP and arkivmetadata).
    expect(info.fields.Title).toBe('Testplan for plantrykk – 2024–2030');
    expect(info.fields.Author).toBe('Testvik kommune');
    expect(info.fields.Subject).toBe('Ein liten plan som prøver alle blokktypar');
    expect(info.fields.Keywords).toContain('test');
    expect(info.fields.CreationDate).toContain('2024');
    expect(info.fields['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(fs.readFileSync(pdf('vedtak')).toString('latin1')).toContain('/Lang (nn-NO)');
  });

  it('lays the målskjema out on landscape pages', () => {
    const pages = pdfPages(pdf('vedtak'));
    const n = pages.findIndex((p) => p.includes('KDP-mål 1.1')) + 1;
    const sizes = require('node:child_process').execFileSync('pdfinfo', ['-f', String(n), '-l', String(n), pdf('vedtak')], { encoding: 'utf8' }) as string;
    expect(sizes).toMatch(new RegExp(`Page\\s+${n} size:\\s+841\\.8\\d x 595\\.2\\d`));
  });

  it('draws the chart lines between the data points (rendered page)', () => {
    // Regression: a library loaded into the build process once replaced chart.js's drawing of lines.
    const pages = pdfPages(pdf('vedtak'));
    const n = pages.findIndex((p) => p.includes('Figur 1: Folketal etter alder')) + 1;
    const img = pagePixels(pdf('vedtak'), n, 72);
    // Between the 2020 and 2025 points (left part of the chart) both series' lines must show.
    expect(countColourIn(img, '#1b5e87', [0.25, 0.1, 0.4, 0.35])).toBeGreaterThan(40);
    expect(countColourIn(img, '#d9822b', [0.25, 0.1, 0.4, 0.35])).toBeGreaterThan(20);
  });

  it('gives byte-identical PDFs for the same input (a second build compared with the shared one)', () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-e2e-'));
    expect(cli(['build', path.join(FIXTURES, 'minimal'), '--out', again]).code).toBe(0);
    for (const v of ['utkast', 'hoyring', 'vedtak']) {
      const a = fs.readFileSync(pdf(v));
      const b = fs.readFileSync(path.join(again, 'minimal', '1.0', `minimal-1.0-${v}.pdf`));
      expect(a.equals(b), v).toBe(true);
    }
  });
});

describe('plantrykk build: nothing adopted is ever replaced', () => {
  it('refuses a changed vedtak of the same version and keeps the old file; same bytes is a no-op', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    const o = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-e2e-'));
    expect(cli(['build', plan, '--variant', 'vedtak', '--out', o]).code).toBe(0);
    const file = path.join(o, 'minimal', '1.0', 'minimal-1.0-vedtak.pdf');
    const before = fs.readFileSync(file);
    const same = cli(['build', plan, '--variant', 'vedtak', '--out', o]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('unchanged');
    edit(plan, 'kapittel/01-alt.yaml', 'Innleiing med', 'Ny innleiing med');
    const changed = cli(['build', plan, '--variant', 'vedtak', '--out', o]);
    expect(changed.code).toBe(3);
    expect(changed.stderr).toContain('emit/version-exists');
    expect(changed.stderr).toContain('raise `version`');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('plantrykk check/build with bad input', () => {
  it('reports file:line:col, exits 1 and writes nothing', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    edit(plan, 'plan.yaml', '    frist: 2024-05-20\n', '');
    edit(plan, 'malskjema/hovudmal-1.yaml', '2027: x', '2031: x');
    const o = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-e2e-')), 'out');
    const r = cli(['build', plan, '--variant', 'all', '--out', o]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan\.yaml:24:3: error: the hoyring variant needs 'frist' in plan\.yaml \[validate\/variant-missing\]/);
    expect(r.stderr).toMatch(/malskjema\/hovudmal-1\.yaml:21:23: error: year 2031 is outside the handlingsdel 2025–2028 \[validate\/year-outside\]/);
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(o)).toBe(false);
  });

  it('reports malformed YAML without a stack trace', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    edit(plan, 'kapittel/02-mal.yaml', 'title: Hovudmål 1', 'title: "Hovudmål 1');
    const r = cli(['check', plan]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kapittel\/02-mal\.yaml:\d+:\d+: error: YAML syntax error/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives usage errors exit code 2', () => {
    expect(cli(['build']).code).toBe(2);
    expect(cli(['frobnicate', 'x']).code).toBe(2);
    expect(cli(['build', path.join(FIXTURES, 'minimal'), '--variant', 'final']).code).toBe(2);
    const listed = cli(['build', path.join(FIXTURES, 'minimal'), '--variant', 'hoyring,final']);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('--variant must be all or one or more of utkast, hoyring, vedtak, separated by commas');
  });

  it('builds the variants a comma-separated --variant names, each once, with the bytes of a full build', () => {
    const o = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-e2e-'));
    const r = cli(['build', path.join(FIXTURES, 'minimal'), '--variant', 'vedtak,hoyring,vedtak', '--out', o]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const built = path.join(o, 'minimal', '1.0');
    expect(fs.readdirSync(built).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['minimal-1.0-hoyring.pdf', 'minimal-1.0-vedtak.pdf']);
    for (const v of ['hoyring', 'vedtak']) expect(fs.readFileSync(path.join(built, `minimal-1.0-${v}.pdf`)).equals(fs.readFileSync(pdf(v)))).toBe(true);
  });

  it('prints diagnostics as JSON with --format json', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    edit(plan, 'plan.yaml', 'language: nn', 'language: en');
    const r = cli(['check', plan, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.diagnostics[0]).toMatchObject({ code: 'schema/enum', severity: 'error', span: { line: 5, col: 11 } });
  });
});
