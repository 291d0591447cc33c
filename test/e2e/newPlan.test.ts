// `plantrykk new` for every kind in both language forms, and kinds as data: each new plan checks and
// builds every variant its kind has (one `build --all` over the folder), its cover and document page
// name its own kind and no other; a kind a plan or its kommune defines works without code; a plan
// folder holds its own kommune.yaml. What `new` refuses, it refuses with exit 2 and writes nothing.
// Every placeholder value is marked `eksempel`: a fresh plan's høyring or vedtak is refused until the
// author replaces them, so the folder is built here with --eksempel (stamped EKSEMPEL).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, flatText, pdfText } from '../helpers/pdf.js';
import { runCli } from '../helpers/sharedBuild.js';
import { check } from '../helpers/checkRun.js';
import { edit, FIXTURES, REPO } from '../helpers/planCopy.js';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';

interface Kind { id: string; name: { nn: string; nb: string }; variants: string[]; front?: Record<string, string[]> }
const KINDS: Kind[] = fs.readdirSync(path.join(REPO, 'templates', 'kinds')).sort()
  .map((f) => parse(fs.readFileSync(path.join(REPO, 'templates', 'kinds', f), 'utf8')) as Kind);
const LANGUAGES = ['nn', 'nb'] as const;
const ALL_VARIANTS = ['utkast', 'hoyring', 'vedtak'];

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-new-'));
const plans = path.join(root, 'plans');
const out = path.join(root, 'out');
const pdf = (id: string, variant: string): string => path.join(out, id, '0.1', `${id}-0.1-${variant}.pdf`);
/** A kind's name as a whole word, in any case. */
const nameIn = (name: string, text: string): boolean => new RegExp(`(^|[^\\p{L}])${name}($|[^\\p{L}])`, 'iu').test(text);
let build = { code: -1, stdout: '', stderr: '' };
/** Diagnostics other than the warnings that name the scaffold's marked placeholder values. */
const notPlaceholders = (lines: readonly string[]): string[] => lines.filter((l) => !l.endsWith(' validate/example-value-marked'));


// A kind the plan defines itself, and one beside the kommune profile it shares with other plans.
const FOLKEHELSE = `id: folkehelseplan
name: { nn: Folkehelseplan, nb: Folkehelseplan }
dokumenttype: folkehelseplan
variants: [utkast, hoyring, vedtak]
front:
  hoyring: [oppstart-notice]
`;
const OMSORG = `id: omsorgsplan
name: { nn: Omsorgsplan, nb: Omsorgsplan }
variants: [utkast, vedtak]
`;

beforeAll(async () => {
  fs.mkdirSync(plans);
  for (const k of KINDS) {
    for (const l of LANGUAGES) {
      const r = cli(['new', path.join(plans, `${k.id}-${l}`), '--kind', k.id, '--language', l, '--kommune', l === 'nn' ? 'Fjordvik kommune' : 'Åsmark kommune']);
      expect(r.code, r.stderr).toBe(0);
    }
  }
  // folkehelseplan: made as a handlingsplan, then given the plan's own kind file.
  expect(cli(['new', path.join(plans, 'folkehelseplan-nb'), '--kind', 'handlingsplan', '--language', 'nb']).code).toBe(0);
  fs.mkdirSync(path.join(plans, 'folkehelseplan-nb', 'kinds'));
  fs.writeFileSync(path.join(plans, 'folkehelseplan-nb', 'kinds', 'folkehelseplan.yaml'), FOLKEHELSE);
  edit(path.join(plans, 'folkehelseplan-nb'), 'plan.yaml', 'kind: handlingsplan', 'kind: folkehelseplan');
  // omsorgsplan: a statusrapport's folder using the shared profile in plans/kommunar/ and the kind beside it.
  const omsorg = path.join(plans, 'omsorgsplan-nn');
  expect(cli(['new', omsorg, '--kind', 'statusrapport', '--language', 'nn']).code).toBe(0);
  fs.rmSync(path.join(omsorg, 'kommune.yaml'));
  fs.cpSync(path.join(FIXTURES, 'kommunar'), path.join(plans, 'kommunar'), { recursive: true });
  fs.mkdirSync(path.join(plans, 'kommunar', 'kinds'));
  fs.writeFileSync(path.join(plans, 'kommunar', 'kinds', 'omsorgsplan.yaml'), OMSORG);
  edit(omsorg, 'plan.yaml', 'kind: statusrapport', 'kind: omsorgsplan');
  edit(omsorg, 'plan.yaml', 'kommune: dome', 'kommune: testvik');
  build = await runCli(['build', plans, '--all', '--eksempel', '--out', out]);
}, 400_000);

describe('plantrykk new, every kind in both language forms', () => {
  it('builds every new plan in one build --all', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(`${KINDS.length * 2 + 2} of ${KINDS.length * 2 + 2} plans built`);
    expect(KINDS.map((k) => k.id)).toEqual(expect.arrayContaining(['kommuneplan-samfunnsdel', 'kommunedelplan', 'temaplan', 'handlingsplan', 'planprogram', 'statusrapport', 'strategisk-plan']));
  });

  for (const k of KINDS) {
    for (const l of LANGUAGES) {
      const id = `${k.id}-${l}`;
      it(`${id}: checks with only its placeholder values named, and builds exactly the variants of its kind`, () => {
        const sink = new DiagnosticSink();
        expect(checkPlan(nodeHost, path.join(plans, id), undefined, sink)).toBeDefined();
        expect(sink.items.length).toBeGreaterThan(0);
        expect(sink.items.filter((d) => d.code !== 'validate/example-value-marked' || d.severity !== 'warning')).toEqual([]);
        for (const v of ALL_VARIANTS) expect(fs.existsSync(pdf(id, v)), `${id} ${v}`).toBe(k.variants.includes(v));
      });

      it(`${id}: cover and document page say «${k.name[l]}», and no PDF names another kind`, () => {
        for (const v of k.variants) {
          const cover = pdfText(pdf(id, v), { page: 1 });
          expect(cover.split('\n').map((s) => s.trim()), `${id} ${v} cover`).toContain(k.name[l]);
          expect(pdfText(pdf(id, v), { page: 2 }).replace(/\s+/g, ' '), `${id} ${v} document page`).toContain(`Plantype ${k.name[l]}`);
          const text = flatText(pdf(id, v));
          for (const other of KINDS.filter((o) => o.id !== k.id)) {
            for (const name of new Set([other.name.nn, other.name.nb])) expect(nameIn(name, text), `${id} ${v} names ${name}`).toBe(false);
          }
        }
      });
    }
  }

  it('the høyring front page is the one each kind declares: oppstart for a planprogram, the høyring notice for the others', () => {
    for (const k of KINDS.filter((x) => x.variants.includes('hoyring'))) {
      const nn = flatText(pdf(`${k.id}-nn`, 'hoyring'));
      const nb = flatText(pdf(`${k.id}-nb`, 'hoyring'));
      const oppstart = (k.front?.hoyring ?? []).includes('oppstart-notice');
      expect(nn.includes('Varsel om oppstart og høyring av planprogram'), k.id).toBe(oppstart);
      expect(nb.includes('Varsel om oppstart og høring av planprogram'), k.id).toBe(oppstart);
      expect(nn).toContain('Høyringsfrist: 29. mars 2030');
      expect(nb).toContain('Høringsfrist: 29. mars 2030');
    }
  });

  it('writes the Norwegian of the chosen language form and marks every placeholder value', () => {
    const nn = fs.readFileSync(path.join(plans, 'temaplan-nn', 'plan.yaml'), 'utf8') + fs.readFileSync(path.join(plans, 'temaplan-nn', 'kommune.yaml'), 'utf8');
    const nb = fs.readFileSync(path.join(plans, 'temaplan-nb', 'plan.yaml'), 'utf8') + fs.readFileSync(path.join(plans, 'temaplan-nb', 'kommune.yaml'), 'utf8');
    expect(nn).toContain('PLASSHALDAR');
    expect(nn).not.toContain('PLASSHOLDER');
    expect(nb).toContain('PLASSHOLDER');
    expect(nb).not.toContain('PLASSHALDAR');
    expect(nn).toMatch(/^nummer: "0000" +# PLASSHALDAR/m);
    expect(nb).toMatch(/^nummer: "0000" +# PLASSHOLDER/m);
    expect(nn).toMatch(/^kommune: fjordvik /m);
    expect(nb).toMatch(/^kommune: asmark /m);
    expect(nn).toContain('name: "Fjordvik kommune"');
    for (const line of [...nn.matchAll(/^\s+date: (\S+) +# (\S+)/gm)]) expect(line[2]).toBe('PLASSHALDAR:');
  });

  it('lists every placeholder value under eksempel: a høyring without --eksempel is refused at each, with --eksempel it is stamped', () => {
    const dir = path.join(plans, 'handlingsplan-nb');
    const r = cli(['build', dir, '--variant', 'hoyring', '--out', path.join(root, 'refused')]);
    expect(r.code).toBe(1);
    const refused = [...r.stderr.matchAll(/^(\S+?):(\d+):\d+: error: '([^']+)' is marked as an example value \(eksempel\): the høyring version cannot be built/gm)]
      .map((m) => `${path.basename(m[1]!)} ${m[3]}`);
    expect(refused.sort()).toEqual([
      'kommune.yaml colour', 'kommune.yaml hoyring', 'kommune.yaml nummer',
      'plan.yaml period', 'plan.yaml title', 'plan.yaml variants.hoyring.date', 'plan.yaml variants.hoyring.frist', 'plan.yaml variants.hoyring.sak',
    ]);
    // The chapter's placeholder texts are refused too, at the word, each once.
    const texts = [...r.stderr.matchAll(/^\S*?(kapittel\/\S+?):(\d+):(\d+): error: the text still holds the placeholder «PLASSHOLDER» that `plantrykk new` wrote: the høyring version cannot be built/gm)]
      .map((m) => `${m[1]}:${m[2]}:${m[3]}`);
    expect(texts).toEqual(['kapittel/01-innledning.yaml:7:9', 'kapittel/01-innledning.yaml:13:13', 'kapittel/01-innledning.yaml:15:14', 'kapittel/01-innledning.yaml:16:14']);
    // Nothing but these: the placeholder values of the other variants do not concern the høyring.
    expect(r.stderr).not.toContain('variants.vedtak');
    expect(fs.existsSync(path.join(root, 'refused', 'handlingsplan-nb'))).toBe(false);
    // Each marked line is one the scaffold calls a placeholder.
    const plan = fs.readFileSync(path.join(dir, 'plan.yaml'), 'utf8').split('\n');
    for (const m of r.stderr.matchAll(/^\S*plan\.yaml:(\d+):\d+: error/gm)) expect(plan[Number(m[1]) - 1], m[0]).toContain('PLASSHOLDER');
    // Built with --eksempel (the shared build above): stamped on the cover.
    expect(pdfText(pdf('handlingsplan-nb', 'hoyring'), { page: 1 })).toContain('EKSEMPEL – ikke et offisielt dokument');
    expect(pdfText(pdf('temaplan-nn', 'vedtak'), { page: 1 })).toContain('EKSEMPEL – ikkje eit offisielt dokument');
  });

  it('points every $schema line at the schema files, relative to the new file', () => {
    const dir = path.join(plans, 'handlingsplan-nb');
    for (const f of ['plan.yaml', 'kommune.yaml', 'kapittel/01-innledning.yaml']) {
      const first = fs.readFileSync(path.join(dir, f), 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      const target = path.resolve(path.dirname(path.join(dir, f)), m![1]!);
      expect(fs.existsSync(target), target).toBe(true);
      expect(path.basename(target)).toBe(f === 'plan.yaml' ? 'plan.schema.json' : f === 'kommune.yaml' ? 'kommune.schema.json' : 'chapter.schema.json');
    }
  });
});

describe('kinds a kommune defines', () => {
  it('a kind file in the plan folder: its name on the cover and document page, its front pages, its dokumenttype in the archive record', () => {
    const id = 'folkehelseplan-nb';
    for (const v of ALL_VARIANTS) {
      expect(pdfText(pdf(id, v), { page: 1 })).toContain('Folkehelseplan');
      expect(pdfText(pdf(id, v), { page: 1 })).not.toContain('Handlingsplan');
      expect(pdfText(pdf(id, v), { page: 2 }).replace(/\s+/g, ' ')).toContain('Plantype Folkehelseplan');
    }
    expect(flatText(pdf(id, 'hoyring'))).toContain('Varsel om oppstart og høring av planprogram');
    const record = JSON.parse(fs.readFileSync(path.join(out, id, '0.1', 'arkivmetadata.json'), 'utf8')) as { dokument: { dokumenttype: string }[] };
    expect(record.dokument.map((d) => d.dokumenttype)).toEqual(['folkehelseplan', 'folkehelseplan', 'folkehelseplan']);
  });

  it('a kind file beside the shared kommune profile: its variants only, with the shared profile\'s kommune', () => {
    const id = 'omsorgsplan-nn';
    expect(fs.existsSync(pdf(id, 'hoyring'))).toBe(false);
    const cover = pdfText(pdf(id, 'vedtak'), { page: 1 });
    expect(cover).toContain('Omsorgsplan');
    expect(cover).toContain('Testvik kommune');
    // The kind has no høyring: a høyring added to the plan is refused at its place.
    const copy = path.join(root, 'omsorg-copy');
    fs.cpSync(plans, copy, { recursive: true });
    const plan = path.join(copy, id, 'plan.yaml');
    fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace('  vedtak:', '  hoyring:\n    date: 2030-02-01\n  vedtak:'));
    const r = check(path.join(copy, id));
    expect(r.lines, r.lines.join('\n')).toContain('plan.yaml:17:3 validate/variant-not-allowed');
    expect(r.diagnostics.find((d) => d.code === 'validate/variant-not-allowed')?.message).toBe("a plan of the kind 'omsorgsplan' has no hoyring variant (its variants: utkast, vedtak)");
  });
});

describe('a plan folder that stands alone', () => {
  it('reads kommune.yaml in the plan folder; when the shared kommunar/ has one of the same id too, the plan folder\'s wins, with a warning', () => {
    const copy = path.join(root, 'both');
    fs.mkdirSync(copy);
    fs.cpSync(path.join(plans, 'temaplan-nn'), path.join(copy, 'temaplan-nn'), { recursive: true });
    fs.cpSync(path.join(FIXTURES, 'kommunar'), path.join(copy, 'kommunar'), { recursive: true });
    fs.copyFileSync(path.join(copy, 'kommunar', 'testvik.yaml'), path.join(copy, 'kommunar', 'fjordvik.yaml'));
    const sink = new DiagnosticSink();
    const checked = checkPlan(nodeHost, path.join(copy, 'temaplan-nn'), undefined, sink);
    expect(checked?.doc.meta.kommune.name).toBe('Fjordvik kommune');
    expect(checked?.doc.meta.kommune.nummer).toBe('0000');
    const items = sink.items.filter((d) => d.code !== 'validate/example-value-marked');
    expect(items.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning load/kommune-profile-shadowed']);
    expect(items[0]!.message).toContain('kommunar/fjordvik.yaml is not used');
  });

  it('moved anywhere on its own, the folder still checks', () => {
    const alone = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-alone-')), 'planprogram-nb');
    fs.cpSync(path.join(plans, 'planprogram-nb'), alone, { recursive: true });
    expect(notPlaceholders(check(alone).lines)).toEqual([]);
    // Its logo beside its own kommune.yaml, in the plan folder.
    fs.copyFileSync(path.join(FIXTURES, 'kommunar', 'testvik.svg'), path.join(alone, 'testvik.svg'));
    edit(alone, 'kommune.yaml', '# logo: logo.svg', 'logo: testvik.svg');
    const sink = new DiagnosticSink();
    const checked = checkPlan(nodeHost, alone, undefined, sink);
    expect(sink.items.filter((d) => d.code !== 'validate/example-value-marked')).toEqual([]);
    expect(checked?.doc.meta.kommune.logo).toBe(fs.readFileSync(path.join(alone, 'testvik.svg'), 'utf8'));
  });
});

describe('what plantrykk new refuses', () => {
  it('a folder that is not empty: exit 2, and nothing in it changes', () => {
    const dir = path.join(root, 'busy');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notat.txt'), 'mine notat');
    const r = cli(['new', dir, '--kind', 'temaplan', '--language', 'nn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty; nothing was written');
    expect(fs.readdirSync(dir)).toEqual(['notat.txt']);
    expect(fs.readdirSync(root).filter((n) => n.startsWith('.plantrykk-new'))).toEqual([]);
  });

  it('a path that is a file: exit 2', () => {
    const file = path.join(root, 'fil');
    fs.writeFileSync(file, 'x');
    expect(cli(['new', file, '--kind', 'temaplan', '--language', 'nn']).code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('an unknown kind, with a suggestion; a missing or unknown language form; a folder name that is no plan id', () => {
    const dir = path.join(root, 'ny-plan');
    const typo = cli(['new', dir, '--kind', 'handlingsplna', '--language', 'nb']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("there is no plan kind 'handlingsplna' — did you mean 'handlingsplan'?");
    expect(cli(['new', dir, '--kind', 'temaplan']).code).toBe(2);
    expect(cli(['new', dir, '--kind', 'temaplan', '--language', 'sv']).stderr).toContain('--language must be nn (nynorsk) or nb (bokmål)');
    expect(cli(['new', path.join(root, 'Ny Plan'), '--kind', 'temaplan', '--language', 'nn']).code).toBe(2);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('an empty folder is fine, and two runs write the same bytes (no clock)', () => {
    const a = path.join(root, 'tom', 'temaplan-x');
    const b = path.join(root, 'tom2', 'temaplan-x');
    fs.mkdirSync(a, { recursive: true });
    const made = cli(['new', a, '--kind', 'temaplan', '--language', 'nb']);
    expect(made.code).toBe(0);
    // It names the placeholder word of the form it wrote, not both.
    expect(made.stdout).toContain('next: replace the values and texts marked PLASSHOLDER, then run');
    expect(made.stdout).not.toContain('PLASSHALDAR');
    expect(cli(['new', b, '--kind', 'temaplan', '--language', 'nb']).code).toBe(0);
    for (const f of ['plan.yaml', 'kommune.yaml', 'kapittel/01-innledning.yaml']) {
      expect(fs.readFileSync(path.join(a, f), 'utf8')).toBe(fs.readFileSync(path.join(b, f), 'utf8'));
    }
  });
});
