// The web edition in a real browser (issue 15): Debian's chromium driven by playwright-core, one
// browser and one page for the whole file. Every page of every example plan's web edition: axe-core
// finds no WCAG 2.1 A/AA violation, and no request leaves the folder. The TOC works by keyboard; every
// heading of the PDF (its bookmarks) and every målskjema row is on the web pages; the målskjema reads
// on a 375 px phone; screenshots at 375 and 1280 px are written for a person to look at.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO } from '../helpers/planCopy.js';
import { sharedBuild, type SharedBuild } from '../helpers/sharedBuild.js';
import { pdfOutline } from '../helpers/pdf.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';
import { shapeOf } from '../../src/model/malskjemaShape.js';
import { linesOf, tablesOf, visibleRows } from '../../src/layout/malskjema.js';
import type { Inline, Section, VariantName } from '../../src/model/types.js';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = '/usr/bin/chromium';
const PLANS = path.join(REPO, 'plan-data');
const SHOTS = path.join(os.tmpdir(), 'plantrykk-web-screenshots');

interface Plan {
  readonly id: string;
  readonly version: string;
  readonly dir: string;
}

const plans: Plan[] = fs
  .readdirSync(PLANS)
  .filter((d) => fs.existsSync(path.join(PLANS, d, 'plan.yaml')))
  .sort()
  .map((d) => {
    const y = parse(fs.readFileSync(path.join(PLANS, d, 'plan.yaml'), 'utf8')) as { id: string; version: unknown };
    return { id: y.id, version: String(y.version), dir: path.join(PLANS, d) };
  });

let build: SharedBuild;

let browser: Browser;
let page: Page;
/** Every request the pages made that was not for a file inside the web edition's version folder. */
const outside: string[] = [];

const versionDir = (p: Plan): string => path.join(build.out, p.id, p.version);
const webVariants = (p: Plan): string[] => fs.readdirSync(path.join(versionDir(p), 'web')).filter((v) => v !== 'assets').sort();
const pagesOf = (p: Plan, variant: string): string[] =>
  fs.readdirSync(path.join(versionDir(p), 'web', variant)).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(versionDir(p), 'web', variant, f));
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** The text of HTML: tags left out, the entities the web stage writes read back. */
const text = (html: string): string =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const plain = (c: readonly Inline[]): string => norm(c.map((r) => (r.kind === 'text' ? r.text : '')).join(''));

async function open(file: string): Promise<void> {
  await page.goto(pathToFileURL(file).href);
}

beforeAll(async () => {
  build = await sharedBuild('plan-data');
  expect(build.code, build.stderr).toBe(0);
  expect(fs.existsSync(CHROMIUM), 'Debian chromium is installed by scripts/setup.sh').toBe(true);
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await watched(await context.newPage());
}, 600_000);

/** A tab whose every request outside the build's folder is recorded. */
async function watched(tab: Page): Promise<Page> {
  tab.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(pathToFileURL(build.out).href) && !url.startsWith('data:')) outside.push(url);
  });
  return tab;
}

afterAll(async () => {
  await browser?.close();
});

describe('the web edition of every example plan', () => {
  it('is written next to the PDFs, one folder per variant, and listed in the manifest', () => {
    for (const p of plans) {
      const manifest = JSON.parse(fs.readFileSync(path.join(versionDir(p), 'manifest.json'), 'utf8')) as {
        documents: { variant: string }[];
        web: { variants: { variant: string; index: string }[]; files: { file: string }[] };
      };
      expect(webVariants(p)).toEqual([...manifest.documents.map((d) => d.variant)].sort());
      expect(manifest.web.variants.map((v) => v.index)).toEqual(manifest.documents.map((d) => `web/${d.variant}/index.html`));
      const onDisk = (rel: string): string[] =>
        fs.readdirSync(path.join(versionDir(p), rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? onDisk(`${rel}/${e.name}`) : [`${rel}/${e.name}`]));
      expect(manifest.web.files.map((f) => f.file)).toEqual(onDisk('web').sort());
    }
  });

  it('has no WCAG 2.1 A or AA violation on any page (axe-core), and makes no request outside its folder', async () => {
    const all = plans.flatMap((p) => webVariants(p).flatMap((v) => pagesOf(p, v)));
    const found: string[] = [];
    // Two tabs of the one browser take turns with the pages (axe runs in each tab's own renderer).
    const tabs = [page, await watched(await page.context().newPage())];
    const queue = [...all];
    await Promise.all(tabs.map(async (tab) => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        await tab.goto(pathToFileURL(file).href);
        await tab.addScriptTag({ content: AXE });
        const result = (await tab.evaluate(() =>
          (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          }),
        )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        for (const x of result.violations) found.push(`${path.relative(build.out, file)}: ${x.id} at ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
    }));
    await tabs[1]!.close();
    expect(found.sort()).toEqual([]);
    expect(outside).toEqual([]);
    expect(all.length).toBeGreaterThan(plans.length * 4);
  }, 300_000);

  it('is in the plan’s language form and links to the PDF of the same variant', async () => {
    for (const p of plans) {
      const language = (parse(fs.readFileSync(path.join(p.dir, 'plan.yaml'), 'utf8')) as { language: string }).language;
      for (const v of webVariants(p)) {
        const html = fs.readFileSync(path.join(versionDir(p), 'web', v, 'index.html'), 'utf8');
        expect(html).toContain(`<html lang="${language}">`);
        const pdf = `${p.id}-${p.version}-${v}.pdf`;
        expect(html).toContain(`href="../../${pdf}"`);
        expect(fs.existsSync(path.join(versionDir(p), pdf))).toBe(true);
        expect(html).not.toMatch(/<script|https?:\/\/[^"]*\.(css|js|woff2?|ttf)/);
      }
    }
  });
});

describe('a reader of the Alver plan', () => {
  const alver = (): Plan => plans.find((p) => p.id === 'alver-hso')!;
  const webFile = (variant: string, name: string): string => path.join(versionDir(alver()), 'web', variant, name);

  it('reaches every TOC link with Tab, in order, and follows one with Enter', async () => {
    await open(webFile('hoyring', 'index.html'));
    const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
    expect(toc.length).toBeGreaterThan(10);
    const reached: (string | null)[] = [];
    for (let i = 0; i < toc.length + 20 && reached.length < toc.length; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.closest('nav.toc') ? a.getAttribute('href') : null;
      });
      if (at !== null) reached.push(at);
    }
    expect(reached).toEqual(toc);
    // Back to the third TOC link (a section), and Enter follows it.
    for (let i = 0; i < toc.length - 3; i++) await page.keyboard.press('Shift+Tab');
    const target = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(target).toBe(toc[2]);
    await Promise.all([page.waitForURL((u) => u.href.includes(String(target).split('#')[0]!)), page.keyboard.press('Enter')]);
    expect(page.url()).toContain(String(target));
  });

  it('finds the høyringsfrist and how to send innspel on every page of the høyring, and the vedtak’s date and sak', async () => {
    for (const file of pagesOf(alver(), 'hoyring')) {
      const banner = fs.readFileSync(file, 'utf8');
      expect(banner).toMatch(/Høyringsfrist: <strong>1\.\u00a0desember 2022<\/strong>\. <a href="index\.html#innspel">Slik sender du innspel<\/a>/);
    }
    await open(webFile('hoyring', 'index.html'));
    const notice = norm(await page.locator('#innspel').innerText());
    expect(notice).toContain('Høyringsfrist: 1. desember 2022');
    expect(notice).toContain('postmottak@alver.kommune.no');
    await open(webFile('vedtak', 'index.html'));
    expect(norm(await page.locator('header.site').innerText())).toMatch(/Vedteken av .+ 16\. februar 2023, sak \S+/);
    expect(norm(await page.locator('header.site').innerText())).toContain('EKSEMPEL – ikkje eit offisielt dokument');
  });

  it('reads every tiltak of the målskjema on a 375 px phone, each cell with its column header', async () => {
    const file = pagesOf(alver(), 'hoyring').find((f) => fs.readFileSync(f, 'utf8').includes('class="malskjema"'))!;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await open(file);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // Every tiltak (a row header of the målskjema) is visible, inside the screen, and its cells carry their header.
      const rows = await page.$$eval('table.malskjema th.linetext', (ths) =>
        ths.map((th) => {
          const box = th.getBoundingClientRect();
          const label = getComputedStyle(th, '::before').content;
          const year = [...(th.parentElement?.querySelectorAll('td.year') ?? [])].find((td) => td.textContent !== '');
          return { right: box.right, width: box.width, label, yearLabel: year ? getComputedStyle(year, '::before').content : null, yearHeader: year?.getAttribute('data-label') ?? null };
        }),
      );
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) {
        expect(r.right).toBeLessThanOrEqual(375);
        expect(r.width).toBeGreaterThan(250);
        expect(r.label).toMatch(/^".+: "$/);
        if (r.yearLabel !== null) expect(r.yearLabel).toBe(`"${r.yearHeader}: "`);
      }
      await page.locator('table.malskjema').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'alver-malskjema-375.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.locator('table.malskjema').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'alver-malskjema-1280.png') });
      await open(webFile('hoyring', 'index.html'));
      await page.screenshot({ path: path.join(SHOTS, 'alver-index-1280.png') });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: path.join(SHOTS, 'alver-index-375.png') });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    for (const f of ['alver-malskjema-375.png', 'alver-malskjema-1280.png', 'alver-index-375.png', 'alver-index-1280.png']) expect(fs.statSync(path.join(SHOTS, f)).size).toBeGreaterThan(10_000);
  });

  it('follows a footnote mark to its note and back', async () => {
    const file = pagesOf(alver(), 'hoyring').find((f) => fs.readFileSync(f, 'utf8').includes('class="fnref"'));
    if (!file) return expect.fail('no footnote in the Alver plan');
    await open(file);
    const mark = page.locator('a.fnref').first();
    const href = await mark.getAttribute('href');
    await mark.click();
    expect(page.url()).toContain(href!);
    const back = page.locator(`${href} a.fnback`);
    await back.click();
    expect(page.url()).toMatch(/#fnref-\d+$/);
  });
});

/** The text of a PDF's landscape pages (the målskjema) in marked content, artifacts left out. */
async function landscapeText(file: string): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const pg = await doc.getPage(n);
      const [, , w, h] = pg.view as [number, number, number, number];
      if (w <= h) continue;
      const content = await pg.getTextContent({ includeMarkedContent: true });
      const open: boolean[] = [];
      for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.tag === 'Artifact');
        else if (item.type === 'endMarkedContent') open.pop();
        else if (item.str !== undefined && !open.includes(true)) out.push(item.str);
      }
    }
    return out.join(' ');
  } finally {
    await doc.destroy();
  }
}

/** Section headings in order, as the PDF's bookmarks print them (number and title). */
const headings = (sections: readonly Section[]): string[] => sections.flatMap((s) => [`${s.number} ${s.title}`, ...headings(s.sections)]);

describe('the same content as the PDF', () => {
  it('has every heading of each PDF (its bookmarks) as a heading on the web pages, in the same order', () => {
    for (const p of plans) {
      for (const v of webVariants(p)) {
        const pdf = path.join(versionDir(p), `${p.id}-${p.version}-${v}.pdf`);
        const bookmarks = pdfOutline(pdf).map((b) => norm(b.title));
        // The chapter pages in chapter order (their file names begin with the number), their section headings in page order.
        const chapters = pagesOf(p, v).filter((f) => !f.endsWith('index.html')).sort((a, b) => parseInt(path.basename(a)) - parseInt(path.basename(b)));
        const web = chapters.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/<h[1-3] id="sec-[^"]+">([\s\S]*?)<\/h[1-3]>/g)].map((m) => norm(text(m[1]!))));
        expect(web, `${p.id} ${v}`).toEqual(bookmarks);
      }
    }
  });

  it('has every målskjema row and tiltak of each PDF on the web pages, each with its number', async () => {
    let checked = 0;
    let numbered = 0;
    for (const p of plans) {
      const checkedPlan = checkPlan(nodeHost, p.dir, undefined, new DiagnosticSink(), 'warn');
      expect(checkedPlan).toBeDefined();
      const doc = checkedPlan!.doc;
      const blocks = (s: Section): Section['blocks'][number][] => [...s.blocks, ...s.sections.flatMap(blocks)];
      const malskjema = doc.chapters.flatMap(blocks).flatMap((b) => (b.kind === 'malskjema' ? [b.malskjema] : []));
      for (const v of webVariants(p) as VariantName[]) {
        // The PDF's text as its structure tree reads it (the watermark and running heads are artifacts):
        // the målskjema pages only (landscape), without spaces (the PDF breaks lines inside narrow cells).
        const pdfText = (await landscapeText(path.join(versionDir(p), `${p.id}-${p.version}-${v}.pdf`))).replace(/\s/g, '');
        const webText = norm(text(pagesOf(p, v).map((f) => fs.readFileSync(f, 'utf8')).join(' ')));
        for (const m of malskjema) {
          const hasLine = shapeOf(m.config).line !== undefined;
          for (const t of tablesOf(m)) {
            for (const row of visibleRows(t.rows, m.config, v)) {
              // Each entry as its cell prints it: its number (where it has one) before its text.
              const entries = [row, ...linesOf(row, hasLine).flatMap((l) => (l.entry && l.entry !== row ? [l.entry] : []))].filter((e) => plain(e.tekst) !== '');
              const texts = entries.map((e) => `${e.nummer !== undefined ? `${e.nummer} ` : ''}${plain(e.tekst)}`);
              numbered += entries.filter((e) => e.nummer !== undefined).length;
              for (const text of texts) {
                expect(pdfText, `${p.id} ${v}: in the PDF`).toContain(text.replace(/\s/g, ''));
                expect(webText, `${p.id} ${v}: on the web`).toContain(text);
                checked++;
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    // Hole's mål are numbered (Alver's delmål and tiltak are not, as in its source document).
    expect(numbered).toBeGreaterThan(5);
  });

  it('names each målskjema table of a page apart: by its title row, else by its hovudmål', () => {
    let tables = 0;
    for (const p of plans) {
      for (const v of webVariants(p)) {
        for (const f of pagesOf(p, v)) {
          const captions = [...fs.readFileSync(f, 'utf8').matchAll(/<table class="malskjema"[^>]*><caption[^>]*>([\s\S]*?)<\/caption>/g)].map((m) => norm(text(m[1]!)));
          tables += captions.length;
          expect(new Set(captions).size, `${p.id} ${v} ${path.basename(f)}`).toBe(captions.length);
          // Never the level's word alone: «Hovedmål: Hole kommune skaper …», «KDP-mål 1.1: Nye bustader …».
          for (const c of captions) expect(c, `${p.id} ${v} ${path.basename(f)}`).toMatch(/^[^:]+: \S.{10,}/);
        }
      }
    }
    expect(tables).toBeGreaterThan(10);
  });
});
