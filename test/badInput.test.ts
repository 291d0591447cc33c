// The bad-input corpus: every folder under test/fixtures/bad/ is one broken plan (a copy of a base
// fixture with some files replaced, removed or linked) and a case.yaml naming the diagnostics it
// must produce, as `file:line:col code`. Each catalogue error code has at least one case.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/core/catalogue.js';
import { check } from './helpers/checkRun.js';
import { BAD, cases, prepare, type Case } from './helpers/corpus.js';

describe('bad-input corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  for (const name of cases) {
    it(name, () => {
      const { dir, spec } = prepare(name);
      const result = check(dir, spec.variants);
      expect(result.ok).toBe(false);
      for (const e of spec.expect) expect(result.lines).toContain(e);
      // Every diagnostic names a place and a hint-bearing catalogue entry; none is an uncaught throw.
      for (const d of result.diagnostics) expect(d.span.line).toBeGreaterThan(0);
    });
  }

  it('covers every error code of the load, schema and validate stages', () => {
    const covered = new Set(
      cases.flatMap((name) => (parse(fs.readFileSync(path.join(BAD, name, 'case.yaml'), 'utf8')) as Case).expect.map((e) => e.split(' ')[1])),
    );
    // emit/* and limit/time need a build; they are covered in test/e2e/.
    const needed = Object.entries(catalogue)
      .filter(([code, entry]) => entry.severity === 'error' && !code.startsWith('emit/') && code !== 'limit/time')
      .map(([code]) => code);
    expect(needed.filter((c) => !covered.has(c))).toEqual([]);
  });
});
