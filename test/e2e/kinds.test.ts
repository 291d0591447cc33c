// Every example plan of every kind builds in each of its variants, and each kind's special parts
// (Gantt and milepælsplan, budgets, satsingsområder, kommune profiles) are right in the PDFs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, countColour, flatText, pagePixels, pdfText, sharedBuild } from '../helpers/pdf.js';
import { copyPlan, edit, FIXTURES, REPO } from '../helpers/planCopy.js';
import { figureAlts, textInStructureOrder } from '../helpers/structure.js';
import { formatNumber } from '../../src/layout/numbers.js';
import { budgetSums, type BudgetData } from '../../src/validate/budgetSums.js';

// The run's shared build of every example plan (`build plan-data --all`), also read by buildAlver.test.ts.
let out = '';
const PLANS = path.join(REPO, 'plan-data');
const read = (p: string): Record<string, any> => parse(fs.readFileSync(p, 'utf8'));
const plans = fs.readdirSync(PLANS).filter((d) => fs.existsSync(path.join(PLANS, d, 'plan.yaml'))).sort();
const pdf = (id: string, variant: string): string => {
  const v = read(path.join(PLANS, id, 'plan.yaml')).version;
  return path.join(out, id, v, `${id}-${v}-${variant}.pdf`);
};
/** Every data file of a kind referenced from a plan's chapters. */
const dataFiles = (id: string, key: string): string[] =>
  fs.readdirSync(path.join(PLANS, id, 'kapittel')).flatMap((f) => [...fs.readFileSync(path.join(PLANS, id, 'kapittel', f), 'utf8').matchAll(new RegExp(`${key}:[\\s\\S]*?data: (\\S+)`, 'g'))].map((m) => path.join(PLANS, id, m[1]!)));

let stdout = '';
beforeAll(async () => {
  const r = await sharedBuild(PLANS);
  out = r.out;
  stdout = r.stdout;
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 300_000);

describe('plantrykk build plan-data --all', () => {
  it('builds all seven example plans of six kinds, one line per document with pages and time', () => {
    expect(plans).toEqual(['alver-hso', 'alver-planprogram-hso', 'alver-statusrapport-2022', 'alver-temaplan-psykisk-helse', 'asnes-strategisk-plan-hov', 'hole-handlingsplan-velferd', 'hole-planprogram-velferd']);
    const kinds = new Set(plans.map((id) => read(path.join(PLANS, id, 'plan.yaml')).kind));
    expect(kinds).toEqual(new Set(['kommunedelplan', 'planprogram', 'statusrapport', 'strategisk-plan', 'temaplan', 'handlingsplan']));
    for (const id of plans) {
      const variants = Object.keys(read(path.join(PLANS, id, 'plan.yaml')).variants);
      for (const v of variants) {
        expect(fs.existsSync(pdf(id, v)), `${id} ${v}`).toBe(true);
        expect(stdout).toMatch(new RegExp(`^${id}: wrote \\S+-${v}\\.pdf \\(${v}, \\d+ pages, \\d+\\.\\d s\\)$`, 'm'));
      }
    }
    expect(stdout).toContain('7 of 7 plans built');
  });

  it('goes on past a broken plan and says in its exit code that something failed', () => {
    const root = path.dirname(copyPlan(path.join(FIXTURES, 'minimal')));
    fs.cpSync(path.join(FIXTURES, 'utvida'), path.join(root, 'utvida'), { recursive: true });
    edit(path.join(root, 'minimal'), 'plan.yaml', 'language: nn', 'language: sv');
    // One variant is enough to show the build goes on (utvida renders, minimal fails its check).
    const r = cli(['build', root, '--all', '--variant', 'vedtak', '--out', path.join(root, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^minimal: FAILED \(exit 1\)/m);
    expect(r.stdout).toMatch(/^utvida: ok in/m);
    expect(r.stdout).toContain('1 of 2 plans built, 1 failed');
    expect(r.stderr).toContain('[schema/enum]');
  });
});

describe('archive and accessibility', () => {
  it('every variant of every example plan passes plantrykk audit (PDF/A-2a, tagged structure)', () => {
    const pdfs = plans.flatMap((id) => Object.keys(read(path.join(PLANS, id, 'plan.yaml')).variants).map((v) => pdf(id, v)));
    expect(pdfs.length).toBe(20);
    const r = cli(['audit', ...pdfs]);
    expect(r.stdout).toMatch(/audit: 20 files, \d+ rules, 0 findings/);
    expect(r.code).toBe(0);
  }, 120_000);

  it('describes each chart in its alternative text from its data', async () => {
    const alts = await figureAlts(pdf('alver-hso', 'vedtak'));
    const ks = read(path.join(PLANS, 'alver-hso', 'data', 'ks-prognose.yaml'));
    const ksAlt = alts.find((a) => a.includes(ks.title));
    expect(ksAlt, JSON.stringify(alts)).toBeDefined();
    expect(ksAlt).toMatch(/^Linjediagram: /);
    for (const s of ks.series) {
      const values = s.values.filter((v: number | null) => v !== null) as number[];
      expect(ksAlt).toContain(`${s.name}: frå ${formatNumber(values[0]!)}`);
      expect(ksAlt).toContain(`høgast ${formatNumber(Math.max(...values))}`);
    }
    const trapp = alts.find((a) => a.startsWith('Trapp med trinna nedanfrå'));
    expect(trapp).toContain('Trinn 13');
  }, 120_000);
});

describe('planprogram: framdrift', () => {
  for (const id of ['alver-planprogram-hso', 'hole-planprogram-velferd']) {
    it(`${id}: the Gantt chart's activities and milestones and the milepælsplan come from one data file and agree`, async () => {
      const files = [...new Set([...dataFiles(id, 'framdrift'), ...dataFiles(id, 'milepelar')])];
      expect(files.length).toBe(1);
      const data = read(files[0]!);
      // Compare without white space: a long name may wrap inside its table cell.
      const squash = (t: string): string => t.replace(/\s+/g, '');
      // The text a reader gets, page furniture left out: the EKSEMPEL watermark across a stamped page
      // would otherwise come between a milestone's name and its time in the extracted text.
      const file = pdf(id, 'vedtak');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      const spoken = await Promise.all(Array.from({ length: pages }, (_p, i) => textInStructureOrder(file, i + 1)));
      const text = squash(spoken.flat().map((r) => r.text).join(' '));
      for (const p of data.phases) for (const a of p.activities) expect(text, a.name).toContain(squash(a.name));
      const lang = read(path.join(PLANS, id, 'plan.yaml')).language;
      const months = read(path.join(REPO, 'templates', 'labels', `${lang}.yaml`)).months as string[];
      for (const m of data.milestones) {
        const day = (d: string): string => (d.length === 10 ? `${Number(d.slice(8))}. ` : '');
        const one = (d: string, year = true): string => `${day(d)}${months[Number(d.slice(5, 7)) - 1]}${year ? ` ${d.slice(0, 4)}` : ''}`;
        // A period prints its year once when both ends share it and are written alike: «juni – august 2025».
        const when = m.date !== undefined ? one(m.date)
          : `${one(m.from, m.from.slice(0, 4) !== m.to.slice(0, 4) || m.from.length !== m.to.length)} – ${one(m.to)}`;
        // In the milepælsplan table: the name and its time; in the Gantt chart: the name again.
        expect(text, m.name).toContain(squash(`${m.name} ${when}`));
        expect(text.split(squash(m.name)).length - 1, m.name).toBeGreaterThanOrEqual(2);
      }
    });
  }

  it('shows the høyring notice with the period for innspel, in each language form', () => {
    expect(flatText(pdf('alver-planprogram-hso', 'hoyring'))).toMatch(/Varsel om oppstart og høyring av planprogram .*Innspelsperiode: /);
    expect(flatText(pdf('hole-planprogram-velferd', 'hoyring'))).toMatch(/Varsel om oppstart og høring av planprogram .*Innspillsperiode: /);
    expect(flatText(pdf('hole-planprogram-velferd', 'hoyring'))).toContain('Høringsfrist');
    expect(flatText(pdf('hole-planprogram-velferd', 'hoyring'))).toContain('Innhold');
  });
});

describe('statusrapport: budgets', () => {
  it('prints every budget sum, computed from the rows and equal to the written figure', () => {
    const id = 'alver-statusrapport-2022';
    const text = pdfText(pdf(id, 'vedtak'), { layout: true }).replace(/\u00a0/g, ' ');
    const files = [...new Set(dataFiles(id, 'budsjett'))];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const b = read(f) as BudgetData & { total?: { label: string; values?: number[] } };
      const sums = budgetSums(b);
      const tolerance = b.rounding ?? 0;
      if (b.total) {
        const shown = b.total.values ?? sums.total;
        sums.total.forEach((c, i) => expect(Math.abs(shown[i]! - c)).toBeLessThanOrEqual(tolerance));
        const line = text.split('\n').find((l) => l.trim().startsWith(b.total!.label) && shown.every((v) => l.includes(formatNumber(v).replace(/\u00a0/g, ' '))));
        expect(line, `${path.basename(f)}: ${b.total.label}`).toBeDefined();
      }
    }
    expect(text).toMatch(/−\d/); // negative amounts with a real minus sign
  });

  it('has no høyring variant, and asking for one is a clear error', () => {
    expect(fs.existsSync(pdf('alver-statusrapport-2022', 'hoyring'))).toBe(false);
    const r = cli(['build', path.join(PLANS, 'alver-statusrapport-2022'), '--variant', 'hoyring', '--out', fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the plan has no 'hoyring' variant");
  });
});

describe('strategisk plan: satsingsområder', () => {
  it('lays out every satsingsområde with its bærekraftsmål and the three parts', () => {
    const id = 'asnes-strategisk-plan-hov';
    const text = flatText(pdf(id, 'vedtak'));
    const chapters = fs.readdirSync(path.join(PLANS, id, 'kapittel')).map((f) => fs.readFileSync(path.join(PLANS, id, 'kapittel', f), 'utf8')).join('\n');
    const blocks = chapters.match(/- satsing:/g)?.length ?? 0;
    expect(blocks).toBeGreaterThanOrEqual(5);
    for (const part of ['Her er vi', 'Slik vil vi ha det', 'Slik kommer vi dit og slik gjør vi det']) {
      expect(text.split(part).length - 1, part).toBe(blocks);
    }
    expect(text).toContain('FNs bærekraftsmål 3: God helse og livskvalitet');
    expect(text).toContain('Vedtatt i');
  });
});

describe('kommune profiles', () => {
  it('put the kommune, its colour and its logo on the cover of every plan of that kommune', () => {
    for (const id of plans) {
      const plan = read(path.join(PLANS, id, 'plan.yaml'));
      if (typeof plan.kommune !== 'string') continue;
      const profile = read(path.join(PLANS, 'kommunar', `${plan.kommune}.yaml`));
      expect(pdfText(pdf(id, 'vedtak'), { page: 1 })).toContain(profile.name);
      const cover = pagePixels(pdf(id, 'vedtak'), 1, 50);
      expect(countColour(cover, profile.colour, 12), id).toBeGreaterThan(150);
    }
  });

  it('warns when a høyring is shorter than six weeks, but still builds', () => {
    const plan = copyPlan(path.join(FIXTURES, 'utvida'));
    edit(plan, 'plan.yaml', 'frist: 2024-03-20', 'frist: 2024-02-20');
    const r = cli(['check', plan]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: warning: the høyringsfrist is only 19 days after the høyring date/);
  });
});
