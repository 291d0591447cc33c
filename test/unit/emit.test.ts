// emit/ and core/host: atomic and create-exclusive writes, manifests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftoverTempFiles, nodeHost, parallelism, renderWorkers } from '../../src/core/host.js';
import { buildManifest, type ManifestEntry } from '../../src/emit/manifest.js';
import type { PlanDocument } from '../../src/model/types.js';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-emit-'));

describe('host writes', () => {
  it('replaces a file atomically and leaves no temp file', () => {
    const d = dir();
    const f = path.join(d, 'a.pdf');
    nodeHost.writeFileAtomic(f, 'one');
    nodeHost.writeFileAtomic(f, 'two');
    expect(fs.readFileSync(f, 'utf8')).toBe('two');
    expect(leftoverTempFiles(nodeHost, d)).toEqual([]);
  });

  it('publishes create-exclusive: a second publish never replaces the first', () => {
    const d = dir();
    const f = path.join(d, 'v.pdf');
    expect(nodeHost.publishExclusive(f, 'adopted')).toBe(true);
    expect(nodeHost.publishExclusive(f, 'other')).toBe(false);
    expect(fs.readFileSync(f, 'utf8')).toBe('adopted');
    expect(leftoverTempFiles(nodeHost, d)).toEqual([]);
  });

  it('finds temp files a killed run left behind', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, '.plantrykk-a.pdf.123.tmp'), 'x');
    expect(leftoverTempFiles(nodeHost, d)).toEqual(['.plantrykk-a.pdf.123.tmp']);
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
