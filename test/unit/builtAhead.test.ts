// The templates and label files `npm run build` makes ready (scripts/build-templates.mjs,
// src/core/builtAhead.ts) must be the files' own: made from their current text, and laying out every
// example plan exactly as compiling and parsing them at run time does — without compiling any.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { builtAheadKey, generatedTemplatesFile } from '../../src/core/builtAhead.js';
import { TEMPLATE_OPTIONS } from '../../src/layout/templates.js';
import { WEB_TEMPLATE_OPTIONS } from '../../src/web/templates.js';
import { REPO } from '../helpers/planCopy.js';

const require = createRequire(import.meta.url);
const TEMPLATES = path.join(REPO, 'templates');
const built = require(generatedTemplatesFile(path.join(REPO, 'dist', 'core'))) as { templates: Record<string, unknown>; labels: Record<string, unknown> };
const hbsIn = (dir: string): string[] => fs.readdirSync(path.join(TEMPLATES, dir)).filter((n) => n.endsWith('.hbs')).map((n) => fs.readFileSync(path.join(TEMPLATES, dir, n), 'utf8'));
const PLANS = fs.readdirSync(path.join(REPO, 'plan-data')).filter((d) => fs.existsSync(path.join(REPO, 'plan-data', d, 'plan.yaml')));

/** Every example plan's layout of each variant (as data) and web edition, with the layout modules loaded fresh; `generated` stands for the build's file (undefined: none). */
async function everyLayout(generated: unknown): Promise<{ out: string[]; compiles: number }> {
  vi.resetModules();
  vi.doMock('../../src/core/assets.js', async (importOriginal) => {
    const assets = await importOriginal<typeof import('../../src/core/assets.js')>();
    const loadGenerated = (p: string): unknown => (path.normalize(p) === path.join(REPO, 'src', 'core', 'generated', 'templates.cjs') ? generated : assets.nodeAssets.loadGenerated(p));
    return { ...assets, nodeAssets: { ...assets.nodeAssets, loadGenerated } };
  });
  const Handlebars = (await import('handlebars')).default;
  let compiles = 0;
  const compile = Handlebars.create().compile;
  const create = Handlebars.create.bind(Handlebars);
  // Every handlebars environment the modules make, watched for compiling.
  vi.spyOn(Handlebars, 'create').mockImplementation(() => {
    const env = create();
    const own = env.compile.bind(env);
    env.compile = ((...args: Parameters<typeof compile>) => (compiles++, own(...args))) as typeof compile;
    return env;
  });
  const { checkPlan, renderCharts, buildWeb, definedVariants } = await import('../../src/pipeline.js');
  const { layoutDocument } = await import('../../src/layout/document.js');
  const { nodeHost } = await import('../../src/core/host.js');
  const { DiagnosticSink } = await import('../../src/core/diagnostics.js');
  const out: string[] = [];
  for (const plan of PLANS) {
    const checked = checkPlan(nodeHost, path.join(REPO, 'plan-data', plan), undefined, new DiagnosticSink());
    if (!checked) throw new Error(`${plan} does not check`);
    const variants = definedVariants(checked.sources);
    const charts = renderCharts(checked.doc);
    for (const v of variants) out.push(JSON.stringify(layoutDocument(checked.doc, v, charts)));
    for (const f of buildWeb(nodeHost, checked.doc, variants).files) if (f.path.endsWith('.html')) out.push(`${f.path}\n${String(f.bytes)}`);
  }
  return { out, compiles };
}

describe('templates and labels made ready by the build', () => {
  afterEach(() => {
    vi.doUnmock('../../src/core/assets.js');
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('exist for every template and label file, made from its current text', () => {
    const pdf = [...hbsIn('.'), ...hbsIn('partials')];
    const web = hbsIn('web');
    expect(pdf.length + web.length).toBeGreaterThan(5);
    for (const source of pdf) expect(built.templates[builtAheadKey('template', TEMPLATE_OPTIONS, source)], source.slice(0, 60)).toBeDefined();
    for (const source of web) expect(built.templates[builtAheadKey('template', WEB_TEMPLATE_OPTIONS, source)], source.slice(0, 60)).toBeDefined();
    for (const n of fs.readdirSync(path.join(TEMPLATES, 'labels'))) {
      const text = fs.readFileSync(path.join(TEMPLATES, 'labels', n), 'utf8');
      expect(built.labels[builtAheadKey('labels', {}, text)], n).toEqual(parse(text));
    }
    // A file changed since the build has no entry: it is compiled at run time.
    expect(built.templates[builtAheadKey('template', TEMPLATE_OPTIONS, `${pdf[0]} `)]).toBeUndefined();
  });

  it('lay out every example plan and its web edition as compiling at run time does, compiling nothing', async () => {
    const ready = await everyLayout(built);
    const compiledHere = await everyLayout(undefined);
    expect(compiledHere.compiles).toBeGreaterThan(0);
    expect(ready.compiles).toBe(0);
    expect(ready.out.length).toBe(compiledHere.out.length);
    expect(ready.out.length).toBeGreaterThan(PLANS.length);
    for (let i = 0; i < ready.out.length; i++) expect(ready.out[i], ready.out[i]!.slice(0, 80)).toBe(compiledHere.out[i]);
  }, 60_000);
});
