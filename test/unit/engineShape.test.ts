// The start-up check of the engine: every upstream method an extension wraps or replaces exists
// with the arity it was written against, or the engine refuses to start, naming the method. This
// file never installs the engine, so it checks the upstream pdfmake and pdfkit themselves.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beneath, checkEngineShape, EngineShapeError, EXTENSIONS, installEngine, upstreamPrototypes, USED, WRITTEN_AGAINST, type Prototypes } from '../../src/emit/engine/registry.js';
import { REPO } from '../helpers/planCopy.js';

/** Prototypes like upstream's, with `change` applied to a copy of the one holding `method`. */
function changed(module: string, method: string, change: (proto: Record<string, unknown>) => void): Prototypes {
  const copies = new Map<string, Record<string, unknown>>();
  return (m) => {
    const real = upstreamPrototypes(m);
    if (m !== module) return real;
    if (!copies.has(m)) {
      const copy = Object.create(real ?? null) as Record<string, unknown>;
      change(copy);
      copies.set(m, copy);
    }
    void method;
    return copies.get(m);
  };
}

describe('engine shape check', () => {
  it('passes on the pdfmake and pdfkit installed, the versions package.json pins exactly', () => {
    expect(() => checkEngineShape()).not.toThrow();
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.pdfmake).toBe(WRITTEN_AGAINST.pdfmake);
    expect(pkg.dependencies.pdfkit).toBe(WRITTEN_AGAINST.pdfkit);
    for (const name of ['pdfmake', 'pdfkit'] as const) {
      const installed = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version, name).toBe(WRITTEN_AGAINST[name]);
    }
  });

  it('checks every wrapped method and every pdfkit method the tagging calls', () => {
    const names = [...EXTENSIONS, ...USED].map((e) => `${e.module} ${e.method}`);
    for (const m of ['processNode', 'processVerticalContainer', 'measure', 'renderLine', 'moveToNextPage', '_addInfo', 'struct', 'markStructureContent']) {
      expect(names.some((n) => n.endsWith(` ${m}`)), m).toBe(true);
    }
  });

  it('fails naming the method when a wrapped method is missing', () => {
    const prototypes = changed('pdfmake/js/LayoutBuilder.js', 'processNode', (p) => (p.processNode = undefined));
    expect(() => checkEngineShape(prototypes)).toThrow(EngineShapeError);
    expect(() => checkEngineShape(prototypes)).toThrow(/pdfmake\/js\/LayoutBuilder\.js processNode: the method is missing/);
    // And the engine is not installed half-way: the check runs before anything is changed.
    expect(() => installEngine(prototypes)).toThrow(/processNode/);
    expect(beneath(upstreamPrototypes('pdfmake/js/Renderer.js')!.renderPages as never)).toBeUndefined();
  });

  it('fails naming the method when a wrapped method takes another number of parameters', () => {
    const prototypes = changed('pdfmake/js/TextInlines.js', 'measure', (p) => (p.measure = function (array: unknown) {
      return array;
    }));
    expect(() => checkEngineShape(prototypes)).toThrow(/pdfmake\/js\/TextInlines\.js measure: expected 2 parameters, found 1/);
  });

  it('fails naming a pdfkit method the tagging calls when it changed', () => {
    const prototypes = changed('pdfkit', 'markStructureContent', (p) => (p.markStructureContent = (a: unknown, b: unknown) => [a, b]));
    expect(() => checkEngineShape(prototypes)).toThrow(/pdfkit markStructureContent: expected 1 parameters, found 2/);
  });
});

describe('docs/engine.md', () => {
  it('names every extension and every checked upstream method with its arity', () => {
    const doc = fs.readFileSync(path.join(REPO, 'docs', 'engine.md'), 'utf8');
    for (const e of [...EXTENSIONS, ...USED]) expect(doc, `${e.module} ${e.method}`).toMatch(new RegExp(`\\.${e.method.replace(/\$/g, '\\$')}\` \\(\`${e.module.replace(/[./]/g, '\\$&')}\`\\) \\| ${e.arity} \\|`));
    expect(doc).toContain(`pdfmake ${WRITTEN_AGAINST.pdfmake}`);
    expect(doc).toContain(`pdfkit ${WRITTEN_AGAINST.pdfkit}`);
  });
});
