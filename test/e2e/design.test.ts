// The look of the example PDFs, read from the real files of the shared example build: running text at
// a readable measure, a cover in the kommune's colour that names the kind once and shows the status in
// a neutral colour, the cover photo as a Figure with its alt text and credit, and the EKSEMPEL mark
// on every page as an artifact.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPdf, countColourIn, pagePixels, pdfInfo, pdfPages } from '../helpers/pdf.js';
import { artifactTexts, elements, structureTree } from '../helpers/structure.js';
import { REPO } from '../helpers/planCopy.js';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';
import type { PlanMeta } from '../../src/model/types.js';

const EXAMPLES = path.join(REPO, 'plan-data');
const PLANS = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'plan.yaml'))).sort();
const meta = (id: string): PlanMeta => checkPlan(nodeHost, path.join(EXAMPLES, id), undefined, new DiagnosticSink())!.doc.meta;
const vedtak: Record<string, string> = {};

beforeAll(async () => {
  for (const id of PLANS) if (meta(id).variants.vedtak) vedtak[id] = await builtPdf(path.join(EXAMPLES, id), 'vedtak');
}, 600_000);

/** Whether each page is portrait, from pdfinfo's page sizes. */
function portraitPages(file: string): boolean[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) < Number(m[2]));
}

/**
 * The text measure: the 80th percentile of the length in characters of the lines (of 25 characters
 * or more) on portrait pages — the full lines of running text set the figure, not short headings.
 */
function measure(file: string): number {
  const portrait = portraitPages(file);
  const lengths = pdfPages(file).flatMap((t, i) => (portrait[i] ? t.split('\n').filter((l) => l.trim().length >= 25).map((l) => l.length) : []));
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 0;
}

describe('the measure of running text', () => {
  it('is 65–80 characters a line in every example vedtak (the full text width gave about 100)', () => {
    expect(Object.keys(vedtak).length).toBeGreaterThanOrEqual(5);
    const found = Object.fromEntries(Object.entries(vedtak).map(([id, f]) => [id, measure(f)]));
    for (const [id, m] of Object.entries(found)) {
      expect(m, `${id}: ${m} characters`).toBeGreaterThanOrEqual(65);
      expect(m, `${id}: ${m} characters`).toBeLessThanOrEqual(80);
    }
  });

  it('keeps landscape målskjema pages landscape', () => {
    const alver = vedtak['alver-hso']!;
    expect(portraitPages(alver).some((p) => !p)).toBe(true);
  });
});

describe('the cover', () => {
  it("is the kommune's colour (from its profile) over most of the page, not white", () => {
    for (const [id, file] of Object.entries(vedtak)) {
      const m = meta(id);
      const named = (parse(fs.readFileSync(path.join(EXAMPLES, id, 'plan.yaml'), 'utf8')) as { kommune: string }).kommune;
      const own = path.join(EXAMPLES, id, 'kommune.yaml');
      const profile = parse(fs.readFileSync(fs.existsSync(own) ? own : path.join(EXAMPLES, 'kommunar', `${named}.yaml`), 'utf8')) as { colour: string };
      expect(m.kommune.colour).toBe(profile.colour);
      const img = pagePixels(file, 1, 20);
      // The band below any photo: from 40 % to 62 % of the page height, the whole width.
      const box: [number, number, number, number] = [0, 0.4, 1, 0.62];
      const area = img.width * img.height * 0.22;
      expect(countColourIn(img, profile.colour, box, 30) / area, id).toBeGreaterThan(0.6);
    }
  });

  it('names the kind only where the title does not, and prints the status in a neutral colour', () => {
    for (const [id, file] of Object.entries(vedtak)) {
      const m = meta(id);
      const kind = m.kindDefinition.name[m.language];
      const lines = pdfPages(file)[0]!.split('\n').map((l) => l.trim());
      // A title that names its kind («Planprogram – …», «Statusrapport 2022») gets no kind line above it;
      // one that does not («Psykisk helse og rusmestring») gets it once.
      const named = m.title.toLowerCase().includes(kind.toLowerCase());
      expect(lines.filter((l) => l === kind).length, id).toBe(named ? 0 : 1);
      expect(lines.some((l) => /^(Vedteken|Vedtatt) i /.test(l)), id).toBe(true);
      // No red on the cover below the EKSEMPEL strip at its top: the status line is dark grey.
      const img = pagePixels(file, 1, 40);
      expect(countColourIn(img, '#8a1c1c', [0, 0.05, 1, 1], 40), id).toBeLessThan(20);
    }
  });

  it('shows the cover photo as a Figure with its alt text, credited as an illustration', () => {
    const file = vedtak['hole-planprogram-velferd']!;
    const cover = meta('hole-planprogram-velferd').cover!;
    expect(cover.illustration).toBe(true);
    const figures = elements(structureTree(file)).filter((e) => e.el.type === 'Figure');
    expect(figures.map((f) => f.el.alt)).toContain(cover.alt);
    expect(pdfPages(file)[0]).toContain(`Illustrasjon: ${cover.credit}`);
    // The picture is drawn across the top of the page, above the band.
    const img = pagePixels(file, 1, 20);
    expect(countColourIn(img, meta('hole-planprogram-velferd').kommune.colour!, [0, 0.05, 1, 0.33], 30)).toBeLessThan(img.width * img.height * 0.05);
  });
});

describe('the EKSEMPEL mark', () => {
  it('stands on every page, the cover too, as an artifact', async () => {
    const file = vedtak['alver-planprogram-hso']!;
    const pages = pdfInfo(file).pages;
    for (let p = 1; p <= pages; p++) expect((await artifactTexts(file, p)).join(' '), `page ${p}`).toContain('EKSEMPEL');
  });
});
