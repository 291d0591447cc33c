// emit/ and core/host: atomic and create-exclusive writes, manifests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost, parallelism, renderWorkers } from '../../src/core/host.js';
import { buildManifest, type ManifestEntry } from '../../src/emit/manifest.js';
import type { PlanDocument } from '../../src/model/types.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { writeOutput, type BuiltVariant } from '../../src/emit/writeOutput.js';
import { checkPlan } from '../../src/pipeline.js';
import { copyPlan, FIXTURES } from '../helpers/planCopy.js';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-emit-'));

describe('host writes', () => {
  it('writes a new file create-exclusive: an existing file is never replaced', () => {
    const d = dir();
    const f = path.join(d, 'a.pdf');
    nodeHost.writeNewFile(f, 'one');
    expect(() => nodeHost.writeNewFile(f, 'two')).toThrow(/EEXIST/);
    expect(fs.readFileSync(f, 'utf8')).toBe('one');
  });

  it('publishes by a create-exclusive link: a second publish never replaces the first', () => {
    const d = dir();
    const f = path.join(d, 'v.pdf');
    nodeHost.writeNewFile(path.join(d, 'first.tmp'), 'adopted');
    nodeHost.writeNewFile(path.join(d, 'second.tmp'), 'other');
    expect(nodeHost.linkExclusive(path.join(d, 'first.tmp'), f)).toBe(true);
    expect(nodeHost.linkExclusive(path.join(d, 'second.tmp'), f)).toBe(false);
    expect(fs.readFileSync(f, 'utf8')).toBe('adopted');
  });
});

describe('render workers', () => {
  it('are one for every two cores up to two, or what PLANTRYKK_RENDER_WORKERS says when it is a whole number', () => {
    const saved = process.env.PLANTRYKK_RENDER_WORKERS;
    try {
      delete process.env.PLANTRYKK_RENDER_WORKERS;
      expect([1, 2, 3, 4, 8].map((cores) => renderWorkers(cores))).toEqual([1, 1, 1, 2, 2]);
      expect(renderWorkers()).toBe(renderWorkers(parallelism()));
      process.env.PLANTRYKK_RENDER_WORKERS = '3';
      expect(renderWorkers(2)).toBe(3);
      for (const bad of ['0', '-1', '1.5', 'many']) {
        process.env.PLANTRYKK_RENDER_WORKERS = bad;
        expect(renderWorkers(4), bad).toBe(2);
      }
    } finally {
      if (saved === undefined) delete process.env.PLANTRYKK_RENDER_WORKERS;
      else process.env.PLANTRYKK_RENDER_WORKERS = saved;
    }
  });
});

describe('manifest', () => {
  const doc = { meta: { id: 'p', version: '1', title: 'T', kommune: { name: 'K', nummer: '0001' }, language: 'nn' }, sourceHash: 'h2' } as unknown as PlanDocument;
  const entry = (variant: 'utkast' | 'vedtak', sha: string): ManifestEntry => ({ variant, file: `${variant}.pdf`, date: '2024-01-01', sourceHash: 'h', pages: 1, bytes: 1, sha256: sha });

  it('keeps entries of variants not rebuilt, and orders variants', () => {
    const first = buildManifest(doc, '0.1.0', [entry('vedtak', 'a')]);
    const second = buildManifest(doc, '0.1.0', [entry('utkast', 'b')], first);
    expect(second.documents.map((d) => [d.variant, d.sha256])).toEqual([['utkast', 'b'], ['vedtak', 'a']]);
    expect(second.manifestVersion).toBe(1);
  });
});

describe('an adopted version rebuilt', () => {
  const built = (text: string): BuiltVariant[] => [{ variant: 'vedtak', date: '2024-09-12', pdf: { bytes: Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`), pages: 1 } }];

  it('from the same source but with other bytes: refused, saying the plan is unchanged and the tool\'s output changed', () => {
    const sink = new DiagnosticSink();
    const doc = checkPlan(nodeHost, copyPlan(path.join(FIXTURES, 'minimal')), ['vedtak'], sink)!.doc;
    const out = dir();
    expect(writeOutput(nodeHost, out, doc, built('first'), '0.1.0', sink)).toBeDefined();
    expect(writeOutput(nodeHost, out, doc, built('second'), '0.2.0', sink)).toBeUndefined();
    const d = sink.items.find((x) => x.code === 'emit/version-exists')!;
    const where = path.join(out, 'minimal', '1.0', 'minimal-1.0-vedtak.pdf');
    expect(d.message).toBe(`an adopted version already exists at ${where}, built from the same source as this build: the plan is unchanged, the difference comes from the tool's output (plantrykk 0.1.0 built the folder, this is plantrykk 0.2.0)`);
    expect(d.hints).toEqual(['an adopted (vedtak) document is never replaced: keep the adopted one as it is (it is the plan as adopted; build the other variants with --variant, or into another --out), or raise `version` in plan.yaml to publish the new output as a new version']);
    expect(fs.readFileSync(where, 'utf8')).toContain('first');
    // From another source: the content differs, and a new version is what to build.
    const changed = new DiagnosticSink();
    expect(writeOutput(nodeHost, out, { ...doc, sourceHash: 'another' }, built('third'), '0.2.0', changed)).toBeUndefined();
    expect(changed.items.map((x) => x.message)).toEqual([`an adopted version already exists at ${where} with different content`]);
  });
});
