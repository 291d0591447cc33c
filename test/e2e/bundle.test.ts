// The command as it is run (dist/cli.js → dist/bundle/, scripts/bundle.mjs) against the pipeline
// unbundled: the same bytes, and what a command loads on demand still loaded only on demand — a
// package the bundle pulled to the start would change the build (pdfjs-dist's Path2D polyfill makes
// chart.js draw its lines as the chart area's outline).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { checkPlan, renderCharts } from '../../src/pipeline.js';
import { renderVariant } from '../../src/run/variantStages.js';
import { Engine } from '../../src/emit/renderPdf.js';
import { sharedBuild } from '../helpers/sharedBuild.js';
import { FIXTURES, REPO } from '../helpers/planCopy.js';

const plan = path.join(FIXTURES, 'minimal');
let built = '';

beforeAll(async () => {
  const r = await sharedBuild(plan);
  expect(r.code).toBe(0);
  built = path.join(r.out, 'minimal', '1.0');
}, 300_000);

/** The module URLs the main thread of `node dist/cli.js args` resolves (ES module hooks), in order. */
function resolvedBy(args: string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-bundle-'));
  const log = path.join(dir, 'resolved.txt');
  const hooks = path.join(dir, 'hooks.mjs');
  fs.writeFileSync(hooks, `import * as fs from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); fs.appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
  const register = path.join(dir, 'register.mjs');
  fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(REPO, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

describe('the bundled command', () => {
  it('writes the bytes the pipeline renders unbundled, charts included', async () => {
    const checked = checkPlan(nodeHost, plan, ['vedtak'], new DiagnosticSink())!;
    const { pdf } = await renderVariant(new Engine(), checked.doc, 'vedtak', { ready: renderCharts(checked.doc) });
    expect(pdf.bytes.equals(fs.readFileSync(path.join(built, 'minimal-1.0-vedtak.pdf')))).toBe(true);
  }, 120_000);

  it('runs from the bundle, and loads the PDF reader only for audit', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-bundle-out-'));
    const build = resolvedBy(['build', plan, '--variant', 'vedtak', '--out', out]);
    expect(fs.existsSync(path.join(out, 'minimal', '1.0', 'minimal-1.0-vedtak.pdf'))).toBe(true);
    const ownModules = build.filter((u) => u.startsWith(pathToFileURL(path.join(REPO, 'dist')).href + '/'));
    expect(ownModules.length).toBeGreaterThan(1);
    expect(ownModules.filter((u) => !u.includes('/dist/bundle/') && !u.endsWith('/dist/cli.js'))).toEqual([]);
    expect(build.filter((u) => u.includes('pdfjs-dist'))).toEqual([]);
    const audit = resolvedBy(['audit', path.join(built, 'minimal-1.0-vedtak.pdf')]);
    expect(audit.filter((u) => u.includes('pdfjs-dist')).length).toBeGreaterThan(0);
  }, 120_000);
});
